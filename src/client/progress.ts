import { createProgressStore, type ProgressStore } from '../lib/progress/store.ts';
import type { OutlineLesson } from '../lib/progress/views.ts';

let store: ProgressStore | undefined;

/**
 * The page's one progress store over `localStorage`, created on first use. Other tabs' writes are
 * merged in through the `storage` event, and a page restored from the back/forward cache re-reads
 * storage, so what it shows is never stale.
 */
export function progressStore(): ProgressStore {
  if (store) return store;
  const created = createProgressStore({ storage: () => window.localStorage });
  window.addEventListener('storage', (event) => {
    // A null key means another tab cleared all storage: read it again rather than guess.
    if (event.key === null) created.reload();
    else if (event.key === created.key) created.receiveExternal(event.newValue);
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) created.reload();
  });
  store = created;
  return created;
}

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
