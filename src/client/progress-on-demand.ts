import type { ProgressStore } from '../lib/progress/store.ts';

let loading: Promise<ProgressStore> | undefined;

/**
 * The page's full progress store (./progress.ts, with the validator), loaded on first call and
 * shared after that. Pages that only show progress until the learner acts read it with the light
 * glance (./progress-glance.ts) and call this when the learner is about to write (focus, pointer
 * down, a key), so the validator is not part of their first load.
 */
export function loadProgressStore(): Promise<ProgressStore> {
  loading ??= import('./progress.ts').then(({ progressStore }) => progressStore());
  return loading;
}
