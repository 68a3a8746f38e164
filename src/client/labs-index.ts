import { readEntry } from '../lib/progress/model.ts';
import { watchProgress } from './progress-glance.ts';

/** Marks, on the Labs page, each challenge the learner has passed (progress `challenges`). */
watchProgress((state) => {
  for (const element of document.querySelectorAll<HTMLElement>('[data-challenge-status]')) {
    const passed = readEntry(state.challenges, element.dataset['challengeStatus'] ?? '') !== undefined;
    element.textContent = passed ? '✓ Passed' : 'Not passed yet';
    element.classList.toggle('passed', passed);
  }
});
