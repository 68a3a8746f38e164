import { z } from 'zod';

/** A stable content id: lowercase words joined by single hyphens (`what-is-eda`). */
export const contentId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens, e.g. "what-is-eda"');

/**
 * Frontmatter of one lesson in `lessons/NN-slug.mdx`.
 * Strict: an unknown field is an error, so a typo never passes silently.
 */
export const lessonSchema = z
  .object({
    /**
     * Stable id. It is the lesson's URL (`/lessons/<id>/`) and the key of everything a learner
     * saves about it, so it never changes once published, even if the title or file name does.
     */
    id: contentId,
    /** Title shown in the page heading, the sidebar and the lesson list. */
    title: z.string().trim().min(3).max(90),
    /** Position in the course, from 1. Unique across lessons; gaps are allowed. */
    order: z.number().int().positive(),
    /** One or two sentences for the lesson list and the page description (at most 240 characters). */
    summary: z.string().trim().min(20).max(240),
    /** Estimated reading-and-doing time in whole minutes. */
    minutes: z.number().int().min(1).max(120),
    /** What the learner can do after the lesson; each one starts with a verb. At least one. */
    objectives: z.array(z.string().trim().min(5)).min(1).max(8),
    /** Date the content was last checked against its sources, written YYYY-MM-DD. */
    updated: z.coerce.date({ error: 'must be a date written YYYY-MM-DD' }),
  })
  .strict();

/** A lesson's validated frontmatter. */
export type LessonData = z.infer<typeof lessonSchema>;
