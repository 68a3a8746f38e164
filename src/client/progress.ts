import { createProgressStore, type ProgressStore } from '../lib/progress/store.ts';
import { showNotices } from './notices.ts';
import { PROGRESS_CHANGED } from './shell-data.ts';

export { courseOutline } from './shell-data.ts';

let store: ProgressStore | undefined;

/**
 * The page's one progress store over `localStorage`, created on first use (only pages that write
 * progress, or that find it unreadable, load this module). Other tabs' writes are merged in through
 * the `storage` event, and a page restored from the back/forward cache re-reads storage, so what it
 * shows is never stale. Every change is announced to the shell (`PROGRESS_CHANGED`) and notices
 * about storage are shown in the page's notice area (src/client/notices.ts).
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
  let shownNotices = '';
  created.subscribe(({ state, notices }) => {
    window.dispatchEvent(new CustomEvent(PROGRESS_CHANGED, { detail: state }));
    const key = notices.map((n) => `${n.kind}:${n.message}`).join('|');
    if (key !== shownNotices) {
      shownNotices = key;
      showNotices(notices, created);
    }
  });
  store = created;
  return created;
}
