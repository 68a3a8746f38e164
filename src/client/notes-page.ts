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

  const item = (note: NoteItem) => {
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
    when.textContent = savedLabel(note.updatedAt, new Date(), COURSE_LOCALE);
    li.append(heading, text, when);
    return li;
  };

  const render = () => {
    const shown = filterNotes(all, filter?.value ?? '');
    list?.replaceChildren(...shown.map(item));
    if (empty) empty.hidden = all.length > 0;
    if (count) count.textContent = all.length === 0 ? '' : shown.length === all.length ? plural(all.length, 'note') : `${shown.length} of ${all.length} notes match`;
  };
  store.subscribe(({ state }) => {
    all = notesList(lessons, state);
    render();
  });
  filter?.addEventListener('input', render);
  if (filter) filter.disabled = false;
}
