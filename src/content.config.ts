import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import type { z } from 'zod';
import { lessonSchema } from './schemas/lesson.ts';
import { quizBankSchema } from './schemas/quiz.ts';
import { assertValidLessons, type RawEntry } from './lib/course/validate.ts';
import { assertValidQuizBanks } from './lib/course/quizzes.ts';
import { practiceSchema } from './schemas/practice.ts';
import { assertValidPracticePrompts } from './lib/course/practice.ts';

/**
 * Astro's glob loader, then a check of the whole set by `lib/course`: every schema problem in every
 * file, plus the rules that span files, reported in one error naming each file and field — instead
 * of stopping at the first bad file. Rules that span collections run where pages read them
 * (src/course.ts), once every collection is loaded.
 */
function checkedGlob(base: string, pattern: string, schema: z.ZodType, check: (entries: RawEntry[]) => unknown): Loader {
  const inner = glob({ base, pattern });
  return {
    name: `checked-glob:${base}`,
    load: async (context) => {
      await inner.load({
        ...context,
        // Invalid data is stored raw so the set check below can report it with all the rest.
        parseData: async (props) => (schema.safeParse(props.data).success ? context.parseData(props) : props.data),
      });
      check(context.store.values().map((entry) => ({ file: entry.filePath ?? entry.id, data: entry.data })));
    },
  };
}

/** The collections of the course. */
export const collections = {
  lessons: defineCollection({ loader: checkedGlob('./lessons', '*.mdx', lessonSchema, assertValidLessons), schema: lessonSchema }),
  practice: defineCollection({ loader: checkedGlob('./practice', '*.mdx', practiceSchema, (e) => assertValidPracticePrompts(e)), schema: practiceSchema }),
  quizzes: defineCollection({ loader: checkedGlob('./quizzes', '*.yaml', quizBankSchema, (e) => assertValidQuizBanks(e)), schema: quizBankSchema }),
};
