import { z } from 'zod';
import { contentId } from './lesson.ts';

const text = z.string().trim().min(1);

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
    /** At least five hints, gentle to specific. */
    hints: z.array(hintSchema).min(5).max(10),
    /** What a strong answer covers, with weights. */
    rubric: z.array(rubricItemSchema).min(5).max(15),
    /** Common ways candidates go wrong on this prompt. */
    pitfalls: z.array(text).min(3),
    /** Lessons that teach what this prompt exercises (ids). */
    lessons: z.array(contentId).min(1),
  })
  .strict();

/** A validated practice prompt's frontmatter. */
export type PracticePrompt = z.infer<typeof practiceSchema>;
