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
  })
  .strict();

/** A validated question bank. */
export type QuizBank = z.infer<typeof quizBankSchema>;
/** A validated question of any kind. */
export type Question = z.infer<typeof questionSchema>;
