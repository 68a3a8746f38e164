import { z } from 'zod';
import { contentId } from './lesson.ts';

/** Markdown text: a prompt, an option, a piece of feedback or an explanation. */
const markdown = z.string().trim().min(1);

/** One answer option. Its id is stable: attempts are saved by question id and option id. */
export const optionSchema = z
  .object({
    /** Stable id within the question (`a`, `b`, … or a short slug; `true`/`false` for true-false). */
    id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a short lowercase id such as "a" or "true"'),
    /** The option as shown to the learner (Markdown, inline). */
    text: markdown,
    /** Whether choosing this option is right. */
    correct: z.boolean(),
    /**
     * Why this option is right or wrong, shown after submitting whether or not it was chosen.
     * For a wrong option it names the misconception behind it.
     */
    feedback: markdown,
  })
  .strict();

/** One item of a put-in-order question, listed in the correct order. */
export const orderItemSchema = z
  .object({
    /** Stable id within the question. */
    id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a short lowercase id'),
    /** The step as shown to the learner. */
    text: markdown,
    /** Why this step sits where it does (shown after submitting). */
    feedback: markdown,
  })
  .strict();

/** Fields every question has, whatever its kind. */
const questionBase = {
  /** Stable id, unique across all banks (`idem-03`). Progress and review are keyed by it. */
  id: contentId,
  /** Optional scenario shown above the prompt (Markdown): makes a scenario question of any kind. */
  scenario: markdown.optional(),
  /** The question itself (Markdown). */
  prompt: markdown,
  /** Shown after submitting, whatever the answer: the principle behind the right answer (Markdown). */
  explanation: markdown,
  /** Where the course teaches this: a lesson id and, optionally, a heading slug on that lesson's page. */
  learnMore: z
    .object({
      /** Lesson id. */
      lesson: contentId,
      /** Heading slug on the lesson page (without `#`). */
      section: z.string().regex(/^[a-z0-9-]+$/, 'must be a heading slug such as "what-it-costs"').optional(),
    })
    .strict(),
  /** 1 = recall, 2 = apply, 3 = senior-interview follow-up. */
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
};

/** A question: a discriminated union on `kind`, so a field that does not fit the kind is an error. */
export const questionSchema = z.discriminatedUnion('kind', [
  z.object({ ...questionBase, /** Exactly one option is correct. */ kind: z.literal('single'), options: z.array(optionSchema).min(2).max(6) }).strict(),
  z.object({ ...questionBase, /** One or more options are correct. */ kind: z.literal('multiple'), options: z.array(optionSchema).min(3).max(7) }).strict(),
  z.object({ ...questionBase, /** Options `true` and `false`, one correct. */ kind: z.literal('true-false'), options: z.array(optionSchema).length(2) }).strict(),
  z.object({ ...questionBase, /** Put the items in order; they are listed here in the correct order. */ kind: z.literal('order'), items: z.array(orderItemSchema).min(3).max(7) }).strict(),
]);

/** Where the course teaches something: a lesson id and, optionally, a heading slug on its page. */
const learnMoreSchema = questionBase.learnMore;

/** One point a strong spoken answer to a follow-up makes. */
export const keyPointSchema = z
  .object({
    /** Stable id within the follow-up (`k1`…); the learner's ticks are saved by it. */
    id: z.string().regex(/^k[0-9]{1,2}$/, 'must be an id such as "k1"'),
    /** The point, as a short sentence the learner can recognise in their own answer (Markdown, inline). */
    text: markdown,
    /** The lesson section that teaches it. */
    learnMore: learnMoreSchema,
  })
  .strict();

/** A red flag: what a weak answer to a follow-up says, and why an interviewer marks it down. */
export const redFlagSchema = z
  .object({
    /** Stable id within the follow-up (`f1`…). */
    id: z.string().regex(/^f[0-9]{1,2}$/, 'must be an id such as "f1"'),
    /** What the weak answer says (Markdown, inline). */
    text: markdown,
    /** Why it is weak (Markdown). */
    why: markdown,
  })
  .strict();

/**
 * An interviewer's follow-up: answered in the learner's own words (typed or aloud), then checked
 * against the key points and red flags, graded from the ticks and scheduled for review.
 */
export const followUpSchema = z
  .object({
    /** Stable id, unique across every question and follow-up of every bank (`fu-idem-01`). */
    id: contentId,
    /** Always `followup`: the kind of item, as quiz questions name theirs. */
    kind: z.literal('followup'),
    /** The question as an interviewer would ask it, in the spoken register (Markdown, inline). */
    question: markdown,
    /** Three to six points a strong answer makes, each linked to where the lesson teaches it. */
    keyPoints: z.array(keyPointSchema).min(3).max(6),
    /** One to three things a weak answer says, and why each is weak. */
    redFlags: z.array(redFlagSchema).min(1).max(3),
    /** A model answer as a candidate would say it: 80 to 180 words (Markdown). */
    modelAnswer: markdown,
    /** 2 = apply, 3 = senior-interview follow-up. */
    difficulty: z.union([z.literal(2), z.literal(3)]),
  })
  .strict();

/** A question bank: `quizzes/<id>.yaml`. */
export const quizBankSchema = z
  .object({
    /** Stable id; also the URL `/quizzes/<id>/`. */
    id: contentId,
    /** Title shown on the quizzes page and the quiz. */
    title: z.string().trim().min(3).max(90),
    /** Topic key used for the per-topic breakdown (`idempotency`, `eventual-consistency`, …). */
    topic: contentId,
    /** The lesson this bank belongs to (its id). */
    lesson: contentId,
    /** One or two sentences on what the bank drills. */
    description: z.string().trim().min(20).max(300),
    /** The questions, in the order they are first shown. */
    questions: z.array(questionSchema).min(1),
    /** The interviewer's follow-ups on this bank's lesson, answered in the learner's own words. */
    followups: z.array(followUpSchema).optional(),
  })
  .strict();

/** A validated question bank. */
export type QuizBank = z.infer<typeof quizBankSchema>;
/** A validated follow-up. */
export type FollowUp = z.infer<typeof followUpSchema>;
/** A validated question of any kind. */
export type Question = z.infer<typeof questionSchema>;
