import { readEntry } from '../lib/progress/model.ts';
import { progressStore } from './progress.ts';

/** Marks, on the Labs page, each challenge the learner has passed (progress `challenges`). */
const store = progressStore();
store.subscribe(({ state }) => {
  for (const element of document.querySelectorAll<HTMLElement>('[data-challenge-status]')) {
    const passed = readEntry(state.challenges, element.dataset['challengeStatus'] ?? '') !== undefined;
    element.textContent = passed ? '✓ Passed' : 'Not passed yet';
    element.classList.toggle('passed', passed);
  }
});
