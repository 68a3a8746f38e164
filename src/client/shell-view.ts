import { isLessonComplete } from '../lib/progress/model.ts';
import { completionSummary, continueLesson } from '../lib/progress/views.ts';
import { dueCount } from '../lib/review/due.ts';
import type { ProgressData } from '../schemas/progress.ts';
import { courseOutline } from './shell-data.ts';

const lessons = courseOutline();

/**
 * Shows the learner's progress wherever the shell has a place for it: the header counts (and the
 * menu button's "review due" dot), completion marks in lesson lists and the course outline, and
 * "Continue where you left off", which replaces "Start the course" once the learner has begun.
 */
export function showProgress(state: ProgressData): void {
  const { done, total } = completionSummary(lessons, state);
  for (const count of document.querySelectorAll<HTMLElement>('[data-progress-count]')) count.textContent = `${done} / ${total}`;
  for (const label of document.querySelectorAll<HTMLElement>('[data-progress-count-label]')) label.textContent = ' lessons complete';
  const due = dueCount(state.review, new Date());
  for (const count of document.querySelectorAll<HTMLElement>('[data-review-count]')) count.textContent = due > 0 ? String(due) : '';
  for (const label of document.querySelectorAll<HTMLElement>('[data-review-count-label]')) label.textContent = due > 0 ? ' questions due' : '';
  for (const dot of document.querySelectorAll<HTMLElement>('[data-review-dot]')) dot.hidden = due === 0;

  for (const mark of document.querySelectorAll<HTMLElement>('[data-lesson-mark]')) {
    mark.hidden = !isLessonComplete(state, mark.dataset['lessonMark'] ?? '');
  }

  const next = continueLesson(lessons, state);
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-continue]')) {
    link.hidden = next === undefined;
    if (next) {
      link.href = next.href;
      const title = link.querySelector('[data-continue-title]');
      if (title) title.textContent = next.title;
    }
  }
  for (const start of document.querySelectorAll<HTMLElement>('[data-start]')) start.hidden = next !== undefined;
}
