import { glanceAtProgress, PROGRESS_KEY } from '../lib/progress/glance.ts';
import type { ProgressData } from '../schemas/progress.ts';
import { PROGRESS_CHANGED } from './shell-data.ts';

/**
 * Calls `render` with the learner's progress now and whenever it changes: through this page's
 * store, in another tab, or on return from the back/forward cache. Storage is read with the light
 * glance (no validator), so pages that only show progress stay small; the full store is loaded only
 * when storage is refused or unreadable, to recover what it can and tell the learner.
 */
export function watchProgress(render: (state: ProgressData) => void): void {
  let fullStoreLoaded = false;
  const loadFullStore = () => {
    if (fullStoreLoaded) return;
    fullStoreLoaded = true;
    void import('./progress.ts').then(({ progressStore }) => progressStore().subscribe(({ state }) => render(state)));
  };
  const read = () => {
    if (fullStoreLoaded) return;
    let raw: string | null;
    try {
      raw = window.localStorage.getItem(PROGRESS_KEY);
    } catch {
      loadFullStore();
      return;
    }
    const glance = glanceAtProgress(raw);
    if (glance.readable) render(glance.state);
    else loadFullStore();
  };
  window.addEventListener(PROGRESS_CHANGED, (event) => render((event as CustomEvent<ProgressData>).detail));
  window.addEventListener('storage', (event) => {
    if (event.key === null || event.key === PROGRESS_KEY) read();
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) read();
  });
  read();
}
