import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { lessonSchema } from './schemas/lesson.ts';
import { quizBankSchema } from './schemas/quiz.ts';
import { assertValidLessons, type RawEntry } from './lib/course/validate.ts';
import { assertValidQuizBanks } from './lib/course/quizzes.ts';
import { practiceSchema } from './schemas/practice.ts';
import { assertValidPracticePrompts } from './lib/course/practice.ts';
import { glossaryTermSchema } from './schemas/glossary.ts';
import { assertValidGlossary } from './lib/course/glossary.ts';
import { ContentError } from './lib/course/validate.ts';
import { yamlProblems } from './lib/course/yaml-problems.ts';

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
      if (pattern.endsWith('.yaml')) assertReadableYaml(context.collection, base);
      await inner.load({
        ...context,
        // Invalid data is stored raw so the set check below can report it with all the rest.
        parseData: async (props) => (schema.safeParse(props.data).success ? context.parseData(props) : props.data),
      });
      check(context.store.values().map((entry) => ({ file: entry.filePath ?? entry.id, data: entry.data })));
    },
  };
}

/**
 * Fails the build with every YAML syntax problem of the collection's files, naming file, line and
 * (for a repeated key) the key — Astro's own parse error names only the line.
 */
function assertReadableYaml(collection: string, base: string): void {
  const dir = base.replace(/^\.\//, '');
  if (!existsSync(dir)) return;
  const problems = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .flatMap((name) => yamlProblems(`${dir}/${name}`, readFileSync(join(dir, name), 'utf8')));
  if (problems.length > 0) throw new ContentError(collection, problems);
}

/**
 * Astro's file loader over a YAML list keyed by `id`, then a check of the whole list by `lib/course`
 * (`check` gets the file as parsed, so entries the loader would drop or merge — no id, a repeated
 * id — are reported too). Rules that span collections run where pages read it (src/course.ts).
 */
function checkedFile(collection: string, fileName: string, schema: z.ZodType, check: (file: string, raw: unknown) => unknown): Loader {
  let raw: unknown;
  let unreadable: string[] | undefined;
  const inner = file(fileName, {
    parser: (text) => {
      const problems = yamlProblems(fileName, text);
      if (problems.length > 0) {
        // The file loader only logs a parser error and loads nothing; keep it to fail the build with.
        unreadable = problems;
        throw new ContentError(collection, problems);
      }
      raw = parse(text);
      return Array.isArray(raw) ? raw : [];
    },
  });
  return {
    name: `checked-file:${fileName}`,
    load: async (context) => {
      raw = undefined;
      unreadable = undefined;
      await inner.load({
        ...context,
        parseData: async (props) => (schema.safeParse(props.data).success ? context.parseData(props) : props.data),
      });
      if (unreadable !== undefined) throw new ContentError(collection, unreadable);
      check(fileName, raw);
    },
  };
}

/** The collections of the course. */
export const collections = {
  lessons: defineCollection({ loader: checkedGlob('./lessons', '*.mdx', lessonSchema, assertValidLessons), schema: lessonSchema }),
  practice: defineCollection({ loader: checkedGlob('./practice', '*.mdx', practiceSchema, (e) => assertValidPracticePrompts(e)), schema: practiceSchema }),
  quizzes: defineCollection({ loader: checkedGlob('./quizzes', '*.yaml', quizBankSchema, (e) => assertValidQuizBanks(e)), schema: quizBankSchema }),
  glossary: defineCollection({ loader: checkedFile('glossary', 'src/data/glossary.yaml', glossaryTermSchema, (f, raw) => assertValidGlossary(f, raw)), schema: glossaryTermSchema }),
};
