import { COURSE_LOCALE, plural } from '../lib/course/format.ts';
import { PROGRESS_KEY } from '../lib/progress/glance.ts';
import type { NotesReply, NotesRequest } from '../lib/progress/notes-read.ts';
import { filterNotes, notesList, savedLabel, type NoteItem } from '../lib/progress/views.ts';
import { courseOutline } from './shell-data.ts';

/**
 * Wires the Notes page (src/pages/notes.astro). Notes are rendered with textContent: never as HTML.
 *
 * The page only reads progress. Stored progress is validated in a module Web Worker
 * (src/lib/progress/decode-worker.ts), because parsing, validating and normalising thousands of
 * notes is one long main-thread task; the page draws the notes it posts back. Progress the worker
 * cannot use as it is (unreadable, or saved by a newer version), storage that refuses to be read, and
 * browsers without module workers all go to the full progress store instead, which reads on the main
 * thread as before, keeps a copy of anything unreadable and shows its notices.
 */
const root = document.querySelector<HTMLElement>('[data-island="notes-page"]');
if (root) {
  const lessons = courseOutline();
  const filter = root.querySelector<HTMLInputElement>('[data-notes-filter]');
  const list = root.querySelector<HTMLElement>('[data-notes-list]');
  const count = root.querySelector<HTMLElement>('[data-notes-count]');
  const empty = root.querySelector<HTMLElement>('[data-notes-empty]');
  let all: NoteItem[] = [];
  /** How many matching notes are drawn: a page at a time, so thousands of notes never block the page. */
  const PAGE = 100;
  let limit = PAGE;
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'button secondary';
  more.hidden = true;
  more.addEventListener('click', () => {
    const first = limit;
    limit += PAGE;
    render();
    // Keyboard users carry on at the first note just drawn.
    list?.children[first]?.querySelector<HTMLElement>('a, h2')?.focus();
  });
  list?.after(more);

  const item = (note: NoteItem, now: Date) => {
    const li = document.createElement('li');
    const heading = document.createElement('h2');
    if (note.href) {
      const link = document.createElement('a');
      link.href = note.href;
      link.textContent = note.title;
      heading.append(link);
    } else {
      heading.textContent = `${note.title} (a lesson no longer in the course)`;
    }
    const text = document.createElement('p');
    text.className = 'text';
    text.textContent = note.text;
    const when = document.createElement('p');
    when.className = 'when';
    when.textContent = savedLabel(note.updatedAt, now, COURSE_LOCALE);
    li.append(heading, text, when);
    return li;
  };

  const render = () => {
    const shown = filterNotes(all, filter?.value ?? '');
    const now = new Date();
    list?.replaceChildren(...shown.slice(0, limit).map((note) => item(note, now)));
    const left = shown.length - Math.min(limit, shown.length);
    more.hidden = left === 0;
    more.textContent = left === 0 ? '' : `Show ${Math.min(PAGE, left)} more (${left.toLocaleString(COURSE_LOCALE)} not shown)`;
    if (empty) empty.hidden = all.length > 0;
    if (count) count.textContent = all.length === 0 ? '' : shown.length === all.length ? plural(all.length, 'note') : `${shown.length} of ${all.length} notes match`;
  };
  const show = (notes: NoteItem[]) => {
    all = notes;
    render();
    if (filter) filter.disabled = false;
  };

  // Until the first read is answered, say so rather than "You have no notes yet".
  if (empty) empty.hidden = true;
  if (count) count.textContent = 'Reading your notes…';

  /** Set once the full store reads progress for this page (it then follows other tabs itself). */
  let fullStore = false;
  const useFullStore = () => {
    if (fullStore) return;
    fullStore = true;
    clearTimeout(watchdog);
    worker?.terminate();
    worker = undefined;
    void import('./progress.ts').then(({ progressStore }) => progressStore().subscribe(({ state }) => show(notesList(lessons, state))));
  };

  /** The decode worker, started on the first read; `undefined` before that or where workers are unavailable. */
  let worker: Worker | undefined;
  /** The number of the latest request: older answers are stale and not drawn. */
  let latest = 0;
  /** A worker that never answers (a lost message, a script some policy silently refused) must not leave the page empty. */
  const PATIENCE_MS = 15_000;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  const startWorker = (): Worker | undefined => {
    if (typeof Worker !== 'function') return undefined;
    try {
      const started = new Worker(new URL('../lib/progress/decode-worker.ts', import.meta.url), { type: 'module' });
      started.addEventListener('message', (event: MessageEvent<NotesReply>) => {
        if (fullStore || event.data.id !== latest) return;
        clearTimeout(watchdog);
        if (event.data.ok) show(event.data.notes);
        else useFullStore();
      });
      // The worker could not start (blocked, or failed to load) or failed: read on the page as before.
      started.addEventListener('error', useFullStore);
      started.addEventListener('messageerror', useFullStore);
      return started;
    } catch {
      return undefined;
    }
  };

  /** Reads storage and has the worker validate it; anything else goes to the full store. */
  const read = () => {
    if (fullStore) return;
    let raw: string | null;
    try {
      raw = window.localStorage.getItem(PROGRESS_KEY);
    } catch {
      useFullStore();
      return;
    }
    latest += 1;
    if (raw === null) {
      // Nothing saved: nothing to validate.
      clearTimeout(watchdog);
      show([]);
      return;
    }
    worker ??= startWorker();
    if (worker === undefined) {
      useFullStore();
      return;
    }
    const request: NotesRequest = { id: latest, raw, lessons };
    worker.postMessage(request);
    clearTimeout(watchdog);
    watchdog = setTimeout(useFullStore, PATIENCE_MS);
  };

  // Another tab saved (or cleared storage), or the page came back from the back/forward cache: read again.
  window.addEventListener('storage', (event) => {
    if (event.key === null || event.key === PROGRESS_KEY) read();
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) read();
  });
  filter?.addEventListener('input', () => {
    limit = PAGE;
    render();
  });
  read();
}
