import { bestScore } from '../lib/practice/history.ts';
import { readEntry } from '../lib/progress/model.ts';
import { progressStore } from './progress.ts';

/** Fills in each prompt's best score and attempt count on the Practice page. */
progressStore().subscribe(({ state }) => {
  for (const element of document.querySelectorAll<HTMLElement>('[data-practice-best]')) {
    const attempts = readEntry(state.practice, element.dataset['practiceBest'] ?? '')?.attempts ?? [];
    const best = bestScore(attempts);
    element.textContent =
      attempts.length === 0 ? 'Not attempted yet' : `${attempts.length} attempt${attempts.length === 1 ? '' : 's'}${best === undefined ? '' : ` · best score ${best}`}`;
  }
});
