import type { ProgressData } from '../schemas/progress.ts';
import type { ProgressStore } from '../lib/progress/store.ts';
import type { ProgressAction } from '../lib/progress/reducer.ts';
import { readEntry } from '../lib/progress/model.ts';
import { savedLabel } from '../lib/progress/views.ts';
import { watchProgress } from './progress-glance.ts';
import { loadProgressStore } from './progress-on-demand.ts';

/** How long typing may pause before the note is saved; hiding or leaving the page saves at once. */
const SAVE_AFTER_MS = 400;

/**
 * Wires "Mark as complete" (its label says what a press does next: "Completed — undo" once done)
 * and the private notes panel at the end of a lesson
 * (src/components/LessonProgressPanel.astro). Notes are only ever read and written as text.
 *
 * What is saved is shown from the light glance (no validator); the full store is loaded when the
 * learner is about to write (focus, pointer or key on the button or the notes), or at once when the
 * glance cannot read storage (./progress-glance.ts), so a lesson's first load stays small.
 */
for (const panel of document.querySelectorAll<HTMLElement>('[data-island="lesson-panel"]')) {
  const lessonId = panel.dataset['lessonId'] ?? '';
  const button = panel.querySelector<HTMLButtonElement>('[data-complete]');
  const completeStatus = panel.querySelector<HTMLElement>('[data-complete-status]');
  const notes = panel.querySelector<HTMLTextAreaElement>('[data-notes]');
  const notesStatus = panel.querySelector<HTMLElement>('[data-notes-status]');
  if (!button || !completeStatus || !notes || !notesStatus) continue;

  let timer: ReturnType<typeof setTimeout> | undefined;
  let store: ProgressStore | undefined;
  /** The progress shown: the glance's until the full store is here, then the store's. */
  let shown: ProgressData | undefined;

  const render = () => {
    if (!shown) return;
    const lesson = readEntry(shown.lessons, lessonId);
    const done = lesson?.completed === true;
    button.textContent = done ? 'Completed — undo' : 'Mark as complete';
    button.toggleAttribute('data-done', done);
    // While the learner is typing here, this page's text is the newest: leave it alone.
    if (timer !== undefined) return;
    const note = readEntry(shown.notes, lessonId);
    if (notes.value !== (note?.text ?? '')) notes.value = note?.text ?? '';
    const unsaved = store?.notices.some((n) => n.kind === 'unavailable' || n.kind === 'full') ?? false;
    notesStatus.textContent = unsaved
      ? 'Kept on this page only: this browser is not saving right now.'
      : note && note.text !== ''
        ? savedLabel(note.updatedAt, new Date(), 'en-GB')
        : '';
  };
  /** The full store, loaded once; from then on it is what the panel shows. */
  const withStore = (): Promise<ProgressStore> =>
    loadProgressStore().then((loaded) => {
      if (!store) {
        store = loaded;
        loaded.subscribe(({ state }) => {
          shown = state;
          render();
        });
      }
      return loaded;
    });
  /**
   * Writes at once when the store is here (as on leaving the page, after any focus), else once it
   * loads; `then` runs when the write has been made.
   */
  const write = (action: ProgressAction, then?: () => void) => {
    if (store) {
      store.dispatch(action);
      then?.();
    } else
      void withStore().then((loaded) => {
        loaded.dispatch(action);
        then?.();
      });
  };
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    write({ type: 'note/set', lessonId, text: notes.value });
    render();
  };

  button.addEventListener('click', () => {
    const done = button.hasAttribute('data-done');
    // Said once, politely, when it is saved: the button's new label alone is not announced everywhere.
    if (!store) completeStatus.textContent = 'Saving…';
    write({ type: done ? 'lesson/uncomplete' : 'lesson/complete', lessonId }, () => {
      completeStatus.textContent = done ? 'Marked as not complete.' : 'Marked as complete.';
    });
  });
  // About to write: load the store now, so a save (even on leaving the page) finds it ready.
  for (const control of [button, notes]) {
    for (const type of ['focus', 'pointerdown', 'keydown']) control.addEventListener(type, () => void withStore(), { once: true });
  }
  notes.addEventListener('input', () => {
    clearTimeout(timer);
    notesStatus.textContent = 'Saving…';
    timer = setTimeout(save, SAVE_AFTER_MS);
  });
  notes.addEventListener('blur', () => timer !== undefined && save());
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && timer !== undefined && save());
  window.addEventListener('pagehide', () => timer !== undefined && save());

  watchProgress((state) => {
    // Once the full store is here it is the one source (it also fires the change event watched here).
    if (store && state !== store.state) return;
    shown = state;
    render();
  });
  button.disabled = false;
  notes.disabled = false;
}
