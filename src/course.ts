import { getCollection, type CollectionEntry } from 'astro:content';
import { followUpViews, type FollowUpView } from './lib/course/followup-view.ts';
import { headingIds } from './lib/course/markdown.ts';
import { inCourseOrder } from './lib/course/outline.ts';
import { assertValidQuizBanks } from './lib/course/quizzes.ts';
import { assertValidPracticePrompts } from './lib/course/practice.ts';
import { alphabetical, assertValidGlossary } from './lib/course/glossary.ts';

/** A lesson entry with the fields pages use most lifted to the top. */
export interface Lesson {
  id: string;
  title: string;
  order: number;
  summary: string;
  minutes: number;
  entry: CollectionEntry<'lessons'>;
}

/** Every lesson in course order: the one place pages read the lessons collection. */
export async function getLessons(): Promise<Lesson[]> {
  const entries = await getCollection('lessons');
  return inCourseOrder(
    entries.map((entry) => ({
      id: entry.data.id,
      title: entry.data.title,
      order: entry.data.order,
      summary: entry.data.summary,
      minutes: entry.data.minutes,
      entry,
    })),
  );
}

/** A question bank, checked against the lessons it points to. */
export type Bank = CollectionEntry<'quizzes'>['data'];

/**
 * Every question bank, in title order, after the rules that span collections: each bank's lesson
 * and each question's "learn more" lesson and section exist. A broken link fails the build.
 */
export async function getQuizBanks(): Promise<Bank[]> {
  const [lessons, banks] = await Promise.all([getCollection('lessons'), getCollection('quizzes')]);
  const anchors = lessons.map((lesson) => ({ id: lesson.data.id, sections: new Set(headingIds(lesson.body ?? '')) }));
  const entries = assertValidQuizBanks(
    banks.map((bank) => ({ file: bank.filePath ?? bank.id, data: bank.data })),
    anchors,
  );
  return entries.map((e) => e.data).sort((a, b) => a.title.localeCompare(b.title));
}

/** The interviewer follow-ups of the course and the lessons (topics) that have them, both in course order. */
export interface FollowUps {
  items: FollowUpView[];
  topics: { id: string; title: string }[];
}

/** Every follow-up in course order (by its bank's lesson), rendered for the browser, with its topics. */
export async function getFollowUps(): Promise<FollowUps> {
  const [lessons, banks] = await Promise.all([getLessons(), getQuizBanks()]);
  const title = (id: string) => lessons.find((l) => l.id === id)?.title ?? id;
  const rank = (id: string) => lessons.findIndex((l) => l.id === id);
  const ordered = [...banks].filter((b) => (b.followups ?? []).length > 0).sort((a, b) => rank(a.lesson) - rank(b.lesson));
  const items = followUpViews(ordered, title);
  const topics = lessons.filter((l) => items.some((i) => i.lesson === l.id)).map((l) => ({ id: l.id, title: l.title }));
  return { items, topics };
}

/** A practice prompt entry (frontmatter in `data`, the model answer as its body). */
export type Prompt = CollectionEntry<'practice'>;

/** Every practice prompt in order, after checking that the lessons, sections and challenges each names exist. */
export async function getPracticePrompts(): Promise<Prompt[]> {
  const [lessons, prompts] = await Promise.all([getCollection('lessons'), getCollection('practice')]);
  assertValidPracticePrompts(
    prompts.map((p) => ({ file: p.filePath ?? p.id, data: p.data })),
    lessons.map((lesson) => ({ id: lesson.data.id, sections: new Set(headingIds(lesson.body ?? '')) })),
  );
  return [...prompts].sort((a, b) => a.data.order - b.data.order);
}

/** A glossary entry. */
export type GlossaryEntry = CollectionEntry<'glossary'>['data'];

/**
 * Every glossary term in alphabetical order, after the rules that span collections: each term's
 * `taughtIn` lesson and section exist. A broken link fails the build.
 */
export async function getGlossary(): Promise<GlossaryEntry[]> {
  const [lessons, terms] = await Promise.all([getCollection('lessons'), getCollection('glossary')]);
  const anchors = lessons.map((lesson) => ({ id: lesson.data.id, sections: new Set(headingIds(lesson.body ?? '')) }));
  const entries = assertValidGlossary(
    terms[0]?.filePath ?? 'src/data/glossary.yaml',
    terms.map((term) => term.data),
    anchors,
  );
  return alphabetical(entries);
}
