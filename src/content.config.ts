import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { lessonSchema } from './schemas/lesson.ts';
import { assertValidLessons } from './lib/course/validate.ts';

/**
 * Lessons are `lessons/*.mdx`, loaded by Astro's glob loader and then checked as a set by
 * `lib/course`: every schema problem in every file, plus duplicate ids and orders, is reported in one
 * error that names each file and field — instead of stopping at the first bad file.
 */
function lessonLoader(): Loader {
  const inner = glob({ base: './lessons', pattern: '*.mdx' });
  return {
    name: 'lesson-loader',
    load: async (context) => {
      await inner.load({
        ...context,
        // Invalid frontmatter is stored raw so the set check below can report it with all the rest.
        parseData: async (props) => (lessonSchema.safeParse(props.data).success ? context.parseData(props) : props.data),
      });
      assertValidLessons(context.store.values().map((entry) => ({ file: entry.filePath ?? entry.id, data: entry.data })));
    },
  };
}

/** The collections of the course. Later issues add `quizzes` and `practice`. */
export const collections = {
  lessons: defineCollection({ loader: lessonLoader(), schema: lessonSchema }),
};
