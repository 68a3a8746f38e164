import { bestScore } from '../lib/quiz/best-score.ts';
import { progressStore } from './progress.ts';

/** Fills in each bank's score on the Quizzes page from the learner's saved answers. */
const store = progressStore();
store.subscribe(({ state }) => {
  for (const element of document.querySelectorAll<HTMLElement>('[data-best-score]')) {
    const ids = (element.dataset['questions'] ?? '').split(' ').filter(Boolean);
    const { answered, correct, total } = bestScore(state.quiz, ids);
    element.textContent =
      answered === 0 ? 'Not taken yet' : `Latest answers: ${correct} of ${total} right${answered < total ? ` (${answered} answered)` : ''}`;
  }
});
