import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../../../src/lib/progress/model.ts';
import { reduceProgress, type ProgressAction } from '../../../../src/lib/progress/reducer.ts';
import { bankAccuracy, courseMap, practiceMap, practiceScores, reviewForecast } from '../../../../src/lib/progress/charts.ts';
import { review } from '../../../../src/lib/review/schedule.ts';

const T0 = new Date(Date.UTC(2026, 11, 7, 9, 0));
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/** Applies actions one minute apart, from T0. */
function after(...actions: ProgressAction[]) {
  return actions.reduce((state, action, i) => reduceProgress(state, action, new Date(T0.getTime() + i * MIN)), emptyProgress());
}
const answered = (questionId: string, correct: boolean): ProgressAction => ({ type: 'quiz/record', questionId, bankId: 'b', chosen: ['a'], correct });
/** A review card for a question missed at `at`, stored the way the quiz stores it. */
const missed = (questionId: string, at: Date): ProgressAction => ({ type: 'review/set', questionId, card: review(undefined, false, at)! });

const lessons = [
  { id: 'intro', title: 'Intro', href: '/lessons/intro/', questionIds: [], challengeIds: [] },
  { id: 'idem', title: 'Idempotency', href: '/lessons/idem/', questionIds: ['q1', 'q2'], challengeIds: ['c1', 'c2'] },
  { id: 'order', title: 'Ordering', href: '/lessons/order/', questionIds: ['q3'], challengeIds: ['c3'] },
];

describe('the course map', () => {
  it('shows nothing done on a fresh start, and "none" where a lesson has no quiz or lab', () => {
    const map = courseMap(lessons, emptyProgress());
    expect(map.map((c) => [c.lesson.state, c.quiz.state, c.lab.state])).toEqual([
      ['todo', 'none', 'none'],
      ['todo', 'todo', 'todo'],
      ['todo', 'todo', 'todo'],
    ]);
    expect(map[0]?.quiz.text).toBe('No quiz');
    expect(map[1]?.lab.text).toBe('0 of 2 challenges passed');
  });

  it('marks lessons read, quizzes by latest answers and labs by passed challenges', () => {
    const state = after(
      { type: 'lesson/complete', lessonId: 'idem' },
      { type: 'note/set', lessonId: 'order', text: 'keys!' },
      answered('q1', true),
      answered('q2', false),
      answered('q3', false),
      answered('q3', true),
      { type: 'challenge/pass', challengeId: 'c1' },
      { type: 'challenge/pass', challengeId: 'c3' },
    );
    const [, idem, order] = courseMap(lessons, state);
    expect(idem).toMatchObject({ lesson: { state: 'done', text: 'Completed' }, quiz: { state: 'started', text: '1 of 2 right' }, lab: { state: 'started' } });
    expect(order).toMatchObject({ lesson: { state: 'started' }, quiz: { state: 'done', text: '1 of 1 right' }, lab: { state: 'done', text: '1 of 1 challenges passed' } });
  });

  it('shows each practice prompt as not attempted, attempted, or scored with its best score', () => {
    const attempt = (id: string, score?: number) => ({ id, startedAt: T0.toISOString(), elapsedMs: 1, hintsUsed: 0, ...(score === undefined ? {} : { submittedAt: T0.toISOString(), score }) });
    const state = after(
      { type: 'practice/record', promptId: 'p2', attempt: attempt('a') },
      { type: 'practice/record', promptId: 'p3', attempt: attempt('b', 40) },
      { type: 'practice/record', promptId: 'p3', attempt: attempt('c', 75) },
    );
    const prompts = ['p1', 'p2', 'p3'].map((id) => ({ id, title: id.toUpperCase() }));
    expect(practiceMap(prompts, state).map((p) => [p.state, p.text])).toEqual([
      ['todo', 'Not attempted'],
      ['started', 'Attempted, not scored'],
      ['done', 'Best score 75'],
    ]);
  });
});

describe('accuracy per bank', () => {
  it('lists every bank in the order given, taken or not, with its questions due for review', () => {
    const state = after(answered('q1', true), answered('q2', false), missed('q2', T0));
    const banks = [
      { id: 'b2', title: 'Second', questionIds: ['q3'] },
      { id: 'b1', title: 'First', questionIds: ['q1', 'q2'] },
    ];
    expect(bankAccuracy(banks, state, T0)).toEqual([
      { id: 'b2', title: 'Second', answered: 0, correct: 0, total: 1, percent: 0, due: 0 },
      { id: 'b1', title: 'First', answered: 2, correct: 1, total: 2, percent: 50, due: 0 },
    ]);
    expect(bankAccuracy(banks, state, new Date(T0.getTime() + 11 * MIN))[1]?.due).toBe(1);
  });
});

describe('the review forecast', () => {
  it('counts questions per 24-hour window for 14 days, overdue ones in the first, later ones left out', () => {
    const state = after(missed('q1', new Date(T0.getTime() - 2 * DAY)), missed('q2', T0), missed('q3', new Date(T0.getTime() + 3 * DAY)), missed('q4', new Date(T0.getTime() + 30 * DAY)));
    const forecast = reviewForecast({ ...state.review, broken: { card: { due: 'soon' } } }, T0);
    expect(forecast).toHaveLength(14);
    expect(forecast.map((d) => d.day)).toEqual([...Array(14).keys()]);
    expect(forecast[0]?.count).toBe(2);
    expect(forecast[3]?.count).toBe(1);
    expect(forecast.reduce((sum, d) => sum + d.count, 0)).toBe(3);
  });

  it('is all zeros with nothing scheduled', () => {
    expect(reviewForecast({}, T0, 3)).toEqual([
      { day: 0, count: 0 },
      { day: 1, count: 0 },
      { day: 2, count: 0 },
    ]);
  });
});

describe('practice scores over time', () => {
  it('lists scored attempts only, oldest submission first, with hints', () => {
    const at = (d: number) => new Date(T0.getTime() + d * DAY).toISOString();
    const state = after(
      { type: 'practice/record', promptId: 'p1', attempt: { id: 'a', startedAt: at(2), submittedAt: at(2), elapsedMs: 1, hintsUsed: 2, score: 60 } },
      { type: 'practice/record', promptId: 'p2', attempt: { id: 'b', startedAt: at(1), submittedAt: at(1), elapsedMs: 1, hintsUsed: 0, score: 45 } },
      { type: 'practice/record', promptId: 'p2', attempt: { id: 'c', startedAt: at(3), elapsedMs: 1, hintsUsed: 0 } },
    );
    expect(practiceScores(state)).toEqual([
      { promptId: 'p2', at: at(1), score: 45, hintsUsed: 0 },
      { promptId: 'p1', at: at(2), score: 60, hintsUsed: 2 },
    ]);
  });
});
