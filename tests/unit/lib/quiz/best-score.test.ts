import { describe, expect, it } from 'vitest';
import type { ProgressData } from '../../../../src/schemas/progress.ts';
import { emptyProgress } from '../../../../src/lib/progress/model.ts';
import { reduceProgress } from '../../../../src/lib/progress/reducer.ts';
import { bestScore } from '../../../../src/lib/quiz/best-score.ts';

const at = (minute: number) => new Date(Date.UTC(2025, 2, 1, 10, minute));

function record(state: ProgressData, questionId: string, correct: boolean, minute: number, bankId = 'idempotency'): ProgressData {
  return reduceProgress(state, { type: 'quiz/record', questionId, bankId, chosen: ['a'], correct }, at(minute));
}

const bankIds = ['idem-01', 'idem-02', 'idem-03', 'idem-04'];

describe('a bank\'s standing on the quizzes index', () => {
  it('nothing answered yet: 0 of 0 answered, out of the bank size', () => {
    expect(bestScore(emptyProgress().quiz, bankIds)).toEqual({ answered: 0, correct: 0, total: 4 });
  });

  it('counts each question once, by its latest answer', () => {
    let state = emptyProgress();
    state = record(state, 'idem-01', false, 1);
    state = record(state, 'idem-01', true, 2); // fixed later: counts as right
    state = record(state, 'idem-02', true, 3);
    state = record(state, 'idem-02', false, 4); // got worse: counts as wrong
    state = record(state, 'idem-03', true, 5);
    expect(bestScore(state.quiz, bankIds)).toEqual({ answered: 3, correct: 2, total: 4 });
  });

  it('counts an answer given from another bank or a review run, since ids are unique across banks', () => {
    const state = record(emptyProgress(), 'idem-04', true, 1, 'review-mix');
    expect(bestScore(state.quiz, bankIds)).toEqual({ answered: 1, correct: 1, total: 4 });
  });

  it('ignores answers to questions no longer in the bank and ids repeated in the list', () => {
    let state = record(emptyProgress(), 'idem-99', true, 1);
    state = record(state, 'idem-01', true, 2);
    expect(bestScore(state.quiz, [...bankIds, 'idem-01'])).toEqual({ answered: 1, correct: 1, total: 4 });
  });

  it('takes the latest answer by time even if the list is out of order (e.g. a hand-edited import)', () => {
    const quiz = {
      'idem-01': {
        attempts: [
          { at: '2025-03-01T12:00:00.000Z', correct: true },
          { at: '2025-03-01T10:00:00.000Z', correct: false },
        ],
      },
    };
    expect(bestScore(quiz, bankIds).correct).toBe(1);
  });

  it('never finds an inherited property for an id such as "constructor"', () => {
    expect(bestScore(emptyProgress().quiz, ['constructor'])).toEqual({ answered: 0, correct: 0, total: 1 });
    expect(bestScore({}, ['constructor', 'to-string'])).toEqual({ answered: 0, correct: 0, total: 2 });
  });
});
