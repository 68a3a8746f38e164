import { COURSE_LOCALE, plural } from '../lib/course/format.ts';
import { filterNotes, notesList, savedLabel, type NoteItem } from '../lib/progress/views.ts';
import { courseOutline, progressStore } from './progress.ts';

/** Wires the Notes page (src/pages/notes.astro). Notes are rendered with textContent: never as HTML. */
const root = document.querySelector<HTMLElement>('[data-island="notes-page"]');
if (root) {
  const store = progressStore();
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
  store.subscribe(({ state }) => {
    all = notesList(lessons, state);
    render();
  });
  filter?.addEventListener('input', () => {
    limit = PAGE;
    render();
  });
  if (filter) filter.disabled = false;
}
