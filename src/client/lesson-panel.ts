import { readEntry } from '../lib/progress/model.ts';
import { savedLabel } from '../lib/progress/views.ts';
import { progressStore } from './progress.ts';

/** How long typing may pause before the note is saved; hiding or leaving the page saves at once. */
const SAVE_AFTER_MS = 400;

/**
 * Wires "Mark as complete" (its label says what a press does next: "Completed — undo" once done)
 * and the private notes panel at the end of a lesson
 * (src/components/LessonProgressPanel.astro). Notes are only ever read and written as text.
 */
for (const panel of document.querySelectorAll<HTMLElement>('[data-island="lesson-panel"]')) {
  const lessonId = panel.dataset['lessonId'] ?? '';
  const store = progressStore();
  const button = panel.querySelector<HTMLButtonElement>('[data-complete]');
  const completeStatus = panel.querySelector<HTMLElement>('[data-complete-status]');
  const notes = panel.querySelector<HTMLTextAreaElement>('[data-notes]');
  const notesStatus = panel.querySelector<HTMLElement>('[data-notes-status]');
  if (!button || !completeStatus || !notes || !notesStatus) continue;

  let timer: ReturnType<typeof setTimeout> | undefined;

  const render = () => {
    const { state, notices } = store;
    const lesson = readEntry(state.lessons, lessonId);
    const done = lesson?.completed === true;
    button.textContent = done ? 'Completed — undo' : 'Mark as complete';
    button.toggleAttribute('data-done', done);
    // While the learner is typing here, this page's text is the newest: leave it alone.
    if (timer !== undefined) return;
    const note = readEntry(state.notes, lessonId);
    if (notes.value !== (note?.text ?? '')) notes.value = note?.text ?? '';
    const unsaved = notices.some((n) => n.kind === 'unavailable' || n.kind === 'full');
    notesStatus.textContent = unsaved
      ? 'Kept on this page only: this browser is not saving right now.'
      : note && note.text !== ''
        ? savedLabel(note.updatedAt, new Date(), 'en-GB')
        : '';
  };
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    store.dispatch({ type: 'note/set', lessonId, text: notes.value });
    render();
  };

  button.addEventListener('click', () => {
    const done = button.hasAttribute('data-done');
    store.dispatch({ type: done ? 'lesson/uncomplete' : 'lesson/complete', lessonId });
    // Said once, politely: the button's new label alone is not announced everywhere.
    completeStatus.textContent = done ? 'Marked as not complete.' : 'Marked as complete.';
  });
  notes.addEventListener('input', () => {
    clearTimeout(timer);
    notesStatus.textContent = 'Saving…';
    timer = setTimeout(save, SAVE_AFTER_MS);
  });
  notes.addEventListener('blur', () => timer !== undefined && save());
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && timer !== undefined && save());
  window.addEventListener('pagehide', () => timer !== undefined && save());

  store.subscribe(render);
  button.disabled = false;
  notes.disabled = false;
}
