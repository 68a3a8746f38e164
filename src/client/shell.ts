import { isLessonComplete } from '../lib/progress/model.ts';
import type { ProgressNotice } from '../lib/progress/store.ts';
import { completionSummary, continueLesson } from '../lib/progress/views.ts';
import { dueCount } from '../lib/review/due.ts';
import { downloadText } from './download.ts';
import { courseOutline, progressStore } from './progress.ts';

/**
 * What every page shows of the learner's progress: the header summary, completion marks in lesson
 * lists and the course sidebar, "Continue where you left off", and notices about storage.
 */
const store = progressStore();
const lessons = courseOutline();

function renderNotice(notice: ProgressNotice): HTMLElement {
  const box = document.createElement('div');
  box.className = `notice notice-${notice.kind}`;
  box.dataset['notice'] = notice.kind;
  const text = document.createElement('p');
  text.textContent = notice.message;
  box.append(text);
  const actions = document.createElement('p');
  actions.className = 'notice-actions';
  if (notice.kind === 'recovered') {
    const download = document.createElement('button');
    download.type = 'button';
    download.className = 'button secondary';
    download.textContent = 'Download the unreadable copy';
    download.addEventListener('click', () => {
      downloadText('eda-course-unreadable-progress.txt', store.readBackup(notice.backupKey) ?? '', 'text/plain');
    });
    actions.append(download);
  }
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'button secondary';
  dismiss.textContent = 'Dismiss';
  dismiss.addEventListener('click', () => store.dismissNotice(notice.kind));
  actions.append(dismiss);
  box.append(actions);
  return box;
}

let shownNotices = '';
store.subscribe(({ state, notices }) => {
  const { done, total } = completionSummary(lessons, state);
  for (const count of document.querySelectorAll<HTMLElement>('[data-progress-count]')) count.textContent = `${done} / ${total}`;
  for (const label of document.querySelectorAll<HTMLElement>('[data-progress-count-label]')) label.textContent = ' lessons complete';
  const due = dueCount(state.review, new Date());
  for (const count of document.querySelectorAll<HTMLElement>('[data-review-count]')) count.textContent = due > 0 ? String(due) : '';
  for (const label of document.querySelectorAll<HTMLElement>('[data-review-count-label]')) label.textContent = due > 0 ? ' questions due' : '';

  for (const mark of document.querySelectorAll<HTMLElement>('[data-lesson-mark]')) {
    const complete = isLessonComplete(state, mark.dataset['lessonMark'] ?? '');
    mark.hidden = !complete;
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

  const region = document.querySelector<HTMLElement>('[data-progress-notices]');
  const key = notices.map((n) => `${n.kind}:${n.message}`).join('|');
  if (region && key !== shownNotices) {
    shownNotices = key;
    region.replaceChildren(...notices.map(renderNotice));
  }
});
