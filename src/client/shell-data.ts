import type { OutlineLesson } from '../lib/progress/views.ts';

/** The window event the full progress store (./progress.ts) fires, with the new state, after every change. */
export const PROGRESS_CHANGED = 'eda-course:progress-changed';

/** The course outline the layout embeds in every page (`#course-outline`), in course order. */
export function courseOutline(): OutlineLesson[] {
  const element = document.getElementById('course-outline');
  try {
    const parsed: unknown = JSON.parse(element?.textContent ?? '[]');
    return Array.isArray(parsed) ? (parsed as OutlineLesson[]) : [];
  } catch {
    return [];
  }
}
