import { getCollection, type CollectionEntry } from 'astro:content';
import { inCourseOrder } from './lib/course/outline.ts';

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
