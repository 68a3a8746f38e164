import { describe, expect, it } from 'vitest';
import type { PracticeAttempt } from '../../../../src/schemas/progress.ts';
import { bestScore, compareScores, historyRows } from '../../../../src/lib/practice/history.ts';

const MIN = 60_000;
const inProgress: PracticeAttempt = { id: 'a-3', startedAt: '2025-03-03T09:00:00.000Z', elapsedMs: 4 * MIN, hintsUsed: 0 };
const scored: PracticeAttempt = { id: 'a-1', startedAt: '2025-03-01T23:30:00.000Z', submittedAt: '2025-03-02T00:10:00.000Z', elapsedMs: 40 * MIN + 29_999, hintsUsed: 2, score: 64 };
const gaveUp: PracticeAttempt = { id: 'a-2', startedAt: '2025-03-02T08:00:00.000Z', submittedAt: '2025-03-02T08:12:00.000Z', elapsedMs: 12 * MIN + 30_000, hintsUsed: 5 };
const better: PracticeAttempt = { id: 'a-4', startedAt: '2025-03-04T08:00:00.000Z', submittedAt: '2025-03-04T08:45:00.000Z', elapsedMs: 45 * MIN, hintsUsed: 0, score: 81 };
const zero: PracticeAttempt = { id: 'a-5', startedAt: '2025-03-05T08:00:00.000Z', submittedAt: '2025-03-05T08:45:00.000Z', elapsedMs: 45 * MIN, hintsUsed: 9, score: 0 };

describe('practice history: best score', () => {
  it('has no best score until an attempt is scored', () => {
    expect(bestScore([])).toBeUndefined();
    expect(bestScore([inProgress, gaveUp])).toBeUndefined();
  });

  it('takes the highest score, whatever the order', () => {
    expect(bestScore([scored, better, gaveUp])).toBe(81);
    expect(bestScore([better, scored])).toBe(81);
  });

  it('counts a scored 0 as a score, unlike a give-up', () => {
    expect(bestScore([zero, gaveUp])).toBe(0);
  });
});

describe('practice history: rows', () => {
  it('lists attempts newest first with day, minutes, hints, score and how each ended', () => {
    expect(historyRows([scored, gaveUp, inProgress])).toEqual([
      { id: 'a-3', startedAt: inProgress.startedAt, date: '2025-03-03', minutesUsed: 4, hintsUsed: 0, score: undefined, state: 'in-progress', stage: 'clarify', firstScore: undefined },
      { id: 'a-2', startedAt: gaveUp.startedAt, date: '2025-03-02', minutesUsed: 13, hintsUsed: 5, score: undefined, state: 'unscored', stage: 'submitted', firstScore: undefined },
      { id: 'a-1', startedAt: scored.startedAt, date: '2025-03-01', minutesUsed: 40, hintsUsed: 2, score: 64, state: 'scored', stage: 'graded', firstScore: undefined },
    ]);
  });

  it('orders attempts started at the same moment by id, so the list never shuffles', () => {
    const twin = { ...scored, id: 'a-0' };
    expect(historyRows([scored, twin]).map((row) => row.id)).toEqual(['a-0', 'a-1']);
    expect(historyRows([twin, scored]).map((row) => row.id)).toEqual(['a-0', 'a-1']);
  });

  it('does not reorder the list it was given', () => {
    const list = [scored, better];
    historyRows(list);
    expect(list).toEqual([scored, better]);
  });
});

describe('practice history: comparing two attempts', () => {
  it('puts the earlier attempt first and says how the score moved', () => {
    expect(compareScores(better, scored)).toEqual({ earlier: 64, later: 81, change: 17, summary: '+17 points' });
    expect(compareScores(zero, better)).toMatchObject({ change: -81, summary: '−81 points' });
    expect(compareScores(scored, { ...better, score: 64 }).summary).toBe('No change');
    expect(compareScores(scored, gaveUp).summary).toBe('Not both graded yet');
  });

  it('shows the first grading beside a re-grade', () => {
    const regraded: PracticeAttempt = {
      ...better,
      grades: [
        { at: '2025-03-04T08:46:00.000Z', levels: {}, flags: [], score: 70, regrade: false },
        { at: '2025-03-04T08:50:00.000Z', levels: {}, flags: [], score: 81, regrade: true },
      ],
    };
    expect(historyRows([regraded])[0]).toMatchObject({ score: 81, firstScore: 70, stage: 'regraded' });
  });
});
