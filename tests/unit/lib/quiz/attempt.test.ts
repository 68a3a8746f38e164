import { describe, expect, it } from 'vitest';
import { answer, currentQuestion, finish, nextQuestion, progress, startAttempt } from '../../../../src/lib/quiz/attempt.ts';
import { bank, multiple, order, single, trueFalse } from './fixtures.ts';

const idem = bank('idempotency', 'idempotency', [
  single('idem-01', ['a', 'b', 'c'], 'b'),
  multiple('idem-02', ['a', 'b', 'c', 'd'], ['a', 'c']),
  trueFalse('idem-03', false),
  order('idem-04', ['p', 'q', 'r']),
]);
const ord = bank('ordering', 'ordering', [single('ord-01', ['a', 'b'], 'a'), trueFalse('ord-02', true)]);

const ids = (run: ReturnType<typeof startAttempt>) => run.questions.map((q) => q.question.id);

describe('starting a quiz run', () => {
  it('asks every question of the bank in bank order, none answered', () => {
    const run = startAttempt(idem, { seed: 's' });
    expect(ids(run)).toEqual(['idem-01', 'idem-02', 'idem-03', 'idem-04']);
    expect(progress(run)).toEqual({ answered: 0, total: 4 });
    expect(currentQuestion(run)?.question.id).toBe('idem-01');
    expect(run.questions.every((q) => q.bankId === 'idempotency' && q.topic === 'idempotency')).toBe(true);
  });

  it('"retry only the ones I missed": just those questions, in the order given, skipping retired ids and repeats', () => {
    const run = startAttempt(idem, { seed: 's', questionIds: ['idem-04', 'retired-09', 'idem-02', 'idem-04'] });
    expect(ids(run)).toEqual(['idem-04', 'idem-02']);
  });

  it('a mixed run spans banks, keeping each question\'s bank, with topics from a map when given', () => {
    const topicOf = new Map([['idem-01', 'delivery']]);
    const run = startAttempt([idem, ord], { seed: 's', questionIds: ['ord-02', 'idem-01'], topicOf });
    expect(run.questions.map((q) => [q.question.id, q.bankId, q.topic])).toEqual([
      ['ord-02', 'ordering', 'ordering'],
      ['idem-01', 'idempotency', 'delivery'],
    ]);
  });
});

describe('answering', () => {
  it('grades the answer and moves on, without changing the earlier run', () => {
    const start = startAttempt(idem, { seed: 's' });
    const next = answer(start, 'idem-01', 'b');
    expect(next).not.toBe(start);
    expect(start.answers.size).toBe(0);
    expect(next.answers.get('idem-01')).toMatchObject({ ids: ['b'], result: { correct: true } });
    expect(currentQuestion(next)?.question.id).toBe('idem-02');
    expect(progress(next)).toEqual({ answered: 1, total: 4 });
  });

  it('keeps the submitted ids in the learner\'s order, as progress stores them', () => {
    const run = answer(startAttempt(idem, { seed: 's' }), 'idem-04', ['r', 'p', 'q']);
    expect(run.answers.get('idem-04')?.ids).toEqual(['r', 'p', 'q']);
    expect(run.answers.get('idem-04')?.result.correct).toBe(false);
  });

  it('returns the same run for an invalid answer, a second answer, or a question not in the run', () => {
    const run = answer(startAttempt(idem, { seed: 's' }), 'idem-01', 'a');
    expect(answer(run, 'idem-02', [])).toBe(run);
    expect(answer(run, 'idem-02', ['a', 'zz'])).toBe(run);
    expect(answer(run, 'idem-01', 'b')).toBe(run);
    expect(answer(run, 'ord-01', 'a')).toBe(run);
    expect(run.answers.get('idem-01')?.result.correct).toBe(false);
  });

  it('has no current question once everything is answered', () => {
    let run = startAttempt(ord, { seed: 's' });
    run = answer(run, 'ord-01', 'a');
    run = answer(run, 'ord-02', 'true');
    expect(currentQuestion(run)).toBeUndefined();
    expect(progress(run)).toEqual({ answered: 2, total: 2 });
  });
});

describe('finishing', () => {
  it('counts right answers, sums partial credit, lists the missed questions and breaks down by topic', () => {
    let run = startAttempt([idem, ord], { seed: 's' });
    run = answer(run, 'idem-01', 'b'); // right: 1
    run = answer(run, 'idem-02', ['a']); // wrong: 1/2
    run = answer(run, 'idem-03', 'false'); // right: 1
    run = answer(run, 'idem-04', ['p', 'r', 'q']); // wrong: 1/3
    run = answer(run, 'ord-01', 'b'); // wrong: 0
    // ord-02 left unanswered
    const summary = finish(run);
    expect(summary.total).toBe(6);
    expect(summary.correct).toBe(2);
    expect(summary.score).toBeCloseTo(1 + 0.5 + 1 + 1 / 3);
    expect(summary.missed).toEqual(['idem-02', 'idem-04', 'ord-01', 'ord-02']);
    expect(summary.byTopic).toEqual([
      { topic: 'idempotency', correct: 2, total: 4 },
      { topic: 'ordering', correct: 0, total: 2 },
    ]);
  });

  it('the missed list starts a retry run of exactly those questions', () => {
    let run = startAttempt(idem, { seed: 'first' });
    run = answer(run, 'idem-01', 'a');
    run = answer(run, 'idem-02', ['a', 'c']);
    run = answer(run, 'idem-03', 'true');
    run = answer(run, 'idem-04', ['p', 'q', 'r']);
    const retry = startAttempt(idem, { seed: 'second', questionIds: finish(run).missed });
    expect(ids(retry)).toEqual(['idem-01', 'idem-03']);
  });

  it('an empty run scores nothing and misses nothing', () => {
    expect(finish(startAttempt(idem, { seed: 's', questionIds: [] }))).toEqual({ score: 0, total: 0, correct: 0, byTopic: [], missed: [] });
  });
});

describe('moving on from a question opened by a link', () => {
  it('goes to the next unanswered question after it, wrapping round to earlier gaps', () => {
    let run = startAttempt(idem, { seed: 's' });
    expect(nextQuestion(run, 'idem-03')?.question.id).toBe('idem-04');
    run = answer(run, 'idem-03', 'true');
    run = answer(run, 'idem-04', ['p', 'q', 'r']);
    expect(nextQuestion(run, 'idem-04')?.question.id).toBe('idem-01');
    run = answer(run, 'idem-01', 'b');
    expect(nextQuestion(run, 'idem-01')?.question.id).toBe('idem-02');
  });

  it('is undefined once every question is answered, and the current question for an unknown id', () => {
    let run = startAttempt(ord, { seed: 's' });
    expect(nextQuestion(run, 'retired-01')?.question.id).toBe('ord-01');
    run = answer(answer(run, 'ord-01', 'a'), 'ord-02', 'true');
    expect(nextQuestion(run, 'ord-01')).toBeUndefined();
  });
});
