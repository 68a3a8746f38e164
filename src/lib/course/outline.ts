import { withBase } from '../site/base.ts';
/** The little a navigation element needs to know about a lesson. */
export interface LessonRef {
  id: string;
  title: string;
  order: number;
}

/** Lessons in course order (by `order`, then id so ties can never reorder between builds). */
export function inCourseOrder<T extends LessonRef>(lessons: readonly T[]): T[] {
  return [...lessons].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** The lessons before and after `id` in course order; `undefined` at either end. */
export function neighbours<T extends LessonRef>(
  lessons: readonly T[],
  id: string,
): { previous: T | undefined; next: T | undefined } {
  const ordered = inCourseOrder(lessons);
  const index = ordered.findIndex((lesson) => lesson.id === id);
  if (index === -1) throw new Error(`Unknown lesson id "${id}"`);
  return { previous: ordered[index - 1], next: ordered[index + 1] };
}

/** The URL of a lesson: stable, bookmarkable, derived from its id alone. */
export function lessonHref(id: string): string {
  return withBase(`/lessons/${id}/`);
}
