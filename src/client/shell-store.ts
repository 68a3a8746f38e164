import { progressStore } from './progress.ts';
import { showProgress } from './shell-view.ts';

/**
 * The shell on pages that load the full progress store anyway (they write progress: lessons, the
 * Notes page): it shows progress straight from that store instead of reading storage a second time.
 */
progressStore().subscribe(({ state }) => showProgress(state));
