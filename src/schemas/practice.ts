import { z } from 'zod';
import { contentId } from './lesson.ts';
import { diagramRuleSchema } from '../lib/practice/diagram/model.ts';

const text = z.string().trim().min(1);

/** Where the course teaches something: a lesson, optionally a section of it and a lab challenge. */
export const teachesSchema = z
  .object({
    /** The lesson's id. */
    lesson: contentId,
    /** The slug of a heading in that lesson (as in its URL fragment), when one section teaches it. */
    section: z.string().regex(/^[a-z0-9-]+$/, 'must be a heading slug such as "dead-letter-queues"').optional(),
    /** The id of a lab challenge that practises it (src/lib/sim/challenges.ts), when there is one. */
    challenge: z.string().regex(/^[a-z0-9-]+$/).optional(),
  })
  .strict();


/** The four phases of a system-design interview, always in this order. */
export const PHASE_IDS = ['clarify', 'high-level', 'deep-dive', 'wrap-up'] as const;

/** One phase of the interview with its suggested time. */
export const phaseSchema = z
  .object({
    /** Which phase: clarify, high-level, deep-dive or wrap-up. */
    id: z.enum(PHASE_IDS),
    /** Suggested minutes for the phase. */
    minutes: z.number().int().min(1).max(60),
    /** What to do in this phase for this prompt (one or two sentences). */
    focus: text,
  })
  .strict();

/** A hint; hints are listed from gentle to specific and revealed one at a time. */
export const hintSchema = z
  .object({
    /** Stable id within the prompt (`h1`…); attempts record which hints were opened. */
    id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a short lowercase id such as "h1"'),
    /** The hint (Markdown). */
    text,
  })
  .strict();

/** One item of the self-assessment rubric. */
export const rubricItemSchema = z
  .object({
    /** Stable id within the prompt; attempts record which items the learner ticked. */
    id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a short lowercase id'),
    /** What a strong answer covers (Markdown, one sentence). */
    text,
    /** Relative weight, 1 (nice to have) to 5 (must have). */
    weight: z.number().int().min(1).max(5),
    /** A must-have: missing it is called out above everything else in the feedback. */
    mustHave: z.boolean().optional(),
    /** What "explained with its trade-off" means for this item, shown when self-grading (one sentence). */
    explained: text.optional(),
    /** Where the course teaches it (lesson section, lab challenge). */
    teaches: z.array(teachesSchema).optional(),
  })
  .strict();

/** How much a clarifying question matters for this prompt. */
export const QUESTION_IMPORTANCE = ['key', 'useful', 'noise'] as const;

/** A question the candidate can ask the interviewer in the clarify phase; asking reveals the answer. */
export const clarifyQuestionSchema = z
  .object({
    /** Stable id within the prompt (`q-channels`); attempts record which were asked. */
    id: z.string().regex(/^q-[a-z0-9-]{1,40}$/, 'must be an id such as "q-channels"'),
    /** The question as the candidate would ask it. */
    ask: text,
    /** The interviewer's answer (Markdown): raw facts and numbers, never the design. */
    answer: text,
    /** `key`: a strong candidate asks it (graded); `useful`: fine to ask; `noise`: does not matter here. */
    importance: z.enum(QUESTION_IMPORTANCE),
  })
  .strict();

/** The five topics hints are grouped by, each its own ladder from nudge to near-answer. */
export const HINT_TOPICS = ['requirements', 'api-and-events', 'delivery-and-idempotency', 'failure-handling', 'scale'] as const;

/** One rung of a hint ladder. */
export const ladderHintSchema = z
  .object({
    /** Stable id within the prompt (`h-scale-1`); attempts record which hints were opened. */
    id: z.string().regex(/^h-[a-z0-9-]{1,40}$/, 'must be an id such as "h-scale-1"'),
    /** The hint (Markdown). */
    text,
    /** Points it costs, shown before the learner takes it. */
    cost: z.number().int().min(1).max(10),
  })
  .strict();

/** The hints of one topic, from a nudge to a near-answer. */
export const hintLadderSchema = z
  .object({
    /** Which topic the ladder helps with. */
    topic: z.enum(HINT_TOPICS),
    /** Two to four hints, gentlest first. */
    hints: z.array(ladderHintSchema).min(2).max(4),
  })
  .strict();

/** The figures of the estimation worksheet; each prompt asks for those that matter to it. */
export const ESTIMATE_IDS = [
  'peak-events-per-second',
  'bytes-per-day',
  'retained-storage',
  'partitions',
  'consumers',
  'provider-calls-per-second',
] as const;

/** The model answer's figure for one worksheet field, with its working. */
export const estimateSchema = z
  .object({
    /** Which figure. */
    id: z.enum(ESTIMATE_IDS),
    /**
     * The model figure in base units: events/s, bytes/day, bytes, partitions, consumer instances,
     * calls/s.
     */
    value: z.number().positive(),
    /** The arithmetic that gets there, step by step ("200 M/day ÷ 86,400 s ≈ 2,300/s; × 3 at peak ≈ 7,000/s"). */
    working: text,
  })
  .strict();

/** A red flag: a pitfall of this prompt that costs points when the candidate's answer falls into it. */
export const redFlagSchema = z
  .object({
    /** Stable id within the prompt (`f-retry-in-place`). */
    id: z.string().regex(/^f-[a-z0-9-]{1,40}$/, 'must be an id such as "f-retry-in-place"'),
    /** What the weak answer does (one sentence). */
    text,
    /** Why it is weak (one or two sentences). */
    why: text,
    /** Points it costs. */
    cost: z.number().int().min(1).max(15),
    /** Where the course teaches the better answer. */
    teaches: z.array(teachesSchema).min(1),
  })
  .strict();

/** A structural check on the candidate's diagram, shown as feedback after submission only. */
export const diagramCheckSchema = z
  .object({
    /** Stable id within the prompt (`c-dlq`). */
    id: z.string().regex(/^c-[a-z0-9-]{1,40}$/, 'must be an id such as "c-dlq"'),
    /** What the check looks for, as feedback ("A dead-letter queue downstream of the channel workers"). */
    text,
    /** The rule, evaluated by src/lib/practice/diagram/checks.ts. */
    rule: diagramRuleSchema,
    /** Where the course teaches it. */
    teaches: z.array(teachesSchema).min(1),
  })
  .strict();

/** Frontmatter of a practice prompt: `practice/<slug>.mdx`. The body is the model answer. */
export const practiceSchema = z
  .object({
    /** Stable id; the URL `/practice/<id>/` and the key of the learner's attempts. */
    id: contentId,
    /** Title, phrased as the interviewer's ask ("Design a notification system fed by domain events"). */
    title: z.string().trim().min(5).max(90),
    /** Position in the practice list, from 1; unique. */
    order: z.number().int().positive(),
    /** 1 = warm-up, 2 = typical interview, 3 = senior follow-up heavy. */
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    /** One sentence for the practice list. */
    summary: z.string().trim().min(20).max(240),
    /** The prompt as an interviewer would say it (Markdown, a short paragraph or two). */
    scenario: text,
    /** What the system must do. */
    functional: z.array(text).min(2),
    /** Qualities it must have (latency, availability, consistency, cost…). */
    nonFunctional: z.array(text).min(2),
    /** Scale numbers to design for. */
    scale: z
      .array(
        z
          .object({
            /** What is measured ("Orders per day at peak"). */
            label: text,
            /** The number, with its unit ("2 million", "5,000 / s"). */
            value: text,
          })
          .strict(),
      )
      .min(2),
    /** The interview's phases in order (clarify, high-level, deep-dive, wrap-up) with minutes. */
    phases: z.array(phaseSchema).length(4),
    /** Legacy flat hints, gentle to specific; replaced by `hintLadders`. */
    hints: z.array(hintSchema).min(5).max(10).optional(),
    /** What a strong answer covers, with weights. */
    rubric: z.array(rubricItemSchema).min(5).max(15),
    /** Legacy list of pitfalls; replaced by `redFlags`. */
    pitfalls: z.array(text).min(3).optional(),
    /** Lessons that teach what this prompt exercises (ids). */
    lessons: z.array(contentId).min(1),
    /** Ids this prompt had before; attempts saved under them belong to it and their URLs redirect here. */
    formerIds: z.array(contentId).optional(),
    /** Questions for the clarify phase (at least eight, a few of them noise). */
    questions: z.array(clarifyQuestionSchema).min(8).max(20).optional(),
    /** Hint ladders, one per topic. */
    hintLadders: z.array(hintLadderSchema).length(HINT_TOPICS.length).optional(),
    /** The model answer's figures for the estimation worksheet (at least four of the six). */
    estimates: z.array(estimateSchema).min(4).max(ESTIMATE_IDS.length).optional(),
    /** Pitfalls that cost points when the candidate falls into them. */
    redFlags: z.array(redFlagSchema).min(3).max(10).optional(),
    /** Structural checks on the candidate's diagram. */
    checks: z.array(diagramCheckSchema).min(3).max(12).optional(),
    /** The model design in the whiteboard's text form (src/lib/practice/diagram/text.ts); it passes every check. */
    modelDiagram: text.optional(),
  })
  .strict();

/** A topic of the hint ladders. */
export type HintTopic = (typeof HINT_TOPICS)[number];
/** A figure of the estimation worksheet. */
export type EstimateId = (typeof ESTIMATE_IDS)[number];
/** A validated practice prompt's frontmatter. */
export type PracticePrompt = z.infer<typeof practiceSchema>;
