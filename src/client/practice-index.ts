import { bestScore, promptAttempts } from '../lib/practice/history.ts';
import { progressStore } from './progress.ts';

/** Fills in each prompt's best score and attempt count on the Practice page (attempts under former ids included). */
progressStore().subscribe(({ state }) => {
  for (const element of document.querySelectorAll<HTMLElement>('[data-practice-best]')) {
    const former = (element.dataset['practiceFormer'] ?? '').split(' ').filter((id) => id !== '');
    const attempts = promptAttempts(state, element.dataset['practiceBest'] ?? '', former);
    const best = bestScore(attempts);
    element.textContent =
      attempts.length === 0 ? 'Not attempted yet' : `${attempts.length} attempt${attempts.length === 1 ? '' : 's'}${best === undefined ? '' : ` · best score ${best}`}`;
  }
});
