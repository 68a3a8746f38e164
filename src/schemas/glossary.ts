import { z } from 'zod';
import { contentId } from './lesson.ts';

/**
 * A way a term is written in lesson prose: at least two characters, no leading or trailing space.
 * Written in all capitals (`DLQ`, `BACKWARD`), it is matched exactly; otherwise case-insensitively.
 */
const surfaceForm = z.string().trim().min(2).max(60);

/**
 * One entry of the glossary, `src/data/glossary.yaml` (a list of these).
 * Strict: an unknown field is an error, so a typo never passes silently.
 */
export const glossaryTermSchema = z
  .object({
    /**
     * Stable id: the entry's anchor on the glossary page (`/glossary/#<id>`), which lessons link to.
     * It never changes once published, even if the term is reworded.
     */
    id: contentId,
    /** The term as the glossary lists it and as lessons most often write it (`consumer group`). */
    term: surfaceForm,
    /**
     * Other ways lessons write the same term — plurals, abbreviations, hyphenations
     * (`consumer groups`, `DLQ`) — so its first use is linked whichever form comes first.
     * No form may belong to two terms.
     */
    aliases: z.array(surfaceForm).min(1).optional(),
    /** What it means: one to three sentences in the course's own words (inline Markdown). */
    definition: z.string().trim().min(20).max(420),
    /** Where the course teaches the term best: a lesson and, optionally, a heading on its page. */
    taughtIn: z
      .object({
        /** Lesson id. */
        lesson: contentId,
        /** Heading slug on the lesson page (without `#`). */
        section: z.string().regex(/^[a-z0-9-]+$/, 'must be a heading slug such as "what-it-costs"').optional(),
      })
      .strict(),
  })
  .strict();

/** A validated glossary entry. */
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
