import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { feedbackItems, isGradingComplete, lessonsToRevisit, scoreGrading, scoreInputFor, teachesHref, type GradeLevel, type ScoreInput } from '../../../../src/lib/practice/grading.ts';

const rubric = [
  { id: 'outbox', weight: 5, mustHave: true, text: 'An outbox', teaches: [{ lesson: 'outbox', section: 'the-pattern', challenge: 'no-lost-orders' }] },
  { id: 'dlq', weight: 3, text: 'A DLQ', teaches: [{ lesson: 'retries', section: 'dead-letter-queues' }] },
  { id: 'key', weight: 2, text: 'Partition by user' },
];
const input = (over: Partial<ScoreInput> = {}): ScoreInput => ({
  rubric,
  keyQuestions: ['q-a', 'q-b'],
  asked: ['q-a', 'q-b', 'q-noise'],
  estimates: { close: 4, total: 4 },
  redFlags: [{ id: 'f-sync', cost: 5 }],
  hintCosts: [],
  ...over,
});
const all = (level: GradeLevel) => ({ outbox: level, dlq: level, key: level });

describe('grading: the score', () => {
  it('is 100 when everything is explained, every key question asked and every figure close', () => {
    expect(scoreGrading({ levels: all(2), flags: [] }, input()).score).toBe(100);
  });

  it('counts "mentioned" as half the weight', () => {
    // rubric 10 of 10 possible → mentioned 5; + 5 clarify + 3 estimates = 13 of 18
    expect(scoreGrading({ levels: { outbox: 1, dlq: 1, key: 1 }, flags: [] }, input()).score).toBe(Math.round((100 * 13) / 18));
  });

  it('adds the clarify and estimate shares', () => {
    const b = scoreGrading({ levels: all(2), flags: [] }, input({ asked: ['q-a'], estimates: { close: 1, total: 4 } }));
    expect(b.clarifyEarned).toBe(2.5);
    expect(b.estimateEarned).toBe(0.75);
    expect(b.score).toBe(Math.round((100 * (10 + 2.5 + 0.75)) / 18));
  });

  it('takes off red-flag and hint costs, never below 0', () => {
    const b = scoreGrading({ levels: all(2), flags: ['f-sync', 'f-unknown'] }, input({ hintCosts: [2, 3] }));
    expect([b.flagPenalty, b.hintPenalty, b.score]).toEqual([5, 5, 90]);
    expect(scoreGrading({ levels: all(0), flags: ['f-sync'] }, input({ asked: [], estimates: { close: 0, total: 4 }, hintCosts: [9] })).score).toBe(0);
  });

  it('caps at 60 when a must-have is missed, and says which', () => {
    const b = scoreGrading({ levels: { outbox: 0, dlq: 2, key: 2 }, flags: [] }, input());
    expect(b.missedMustHaves).toEqual(['outbox']);
    expect(Math.round(b.base)).toBe(Math.round((100 * 13) / 18));
    expect(b).toMatchObject({ capped: true, score: 60 });
    expect(scoreGrading({ levels: { outbox: 1, dlq: 2, key: 2 }, flags: [] }, input()).missedMustHaves).toEqual([]);
    const low = scoreGrading({ levels: { outbox: 0, dlq: 1, key: 0 }, flags: [] }, input());
    expect(low.capped).toBe(false);
    expect(low.score).toBe(Math.round((100 * 9.5) / 18));
  });

  it('is always a whole number from 0 to 100, and never goes up when a level goes down', () => {
    const level = fc.constantFrom<GradeLevel>(0, 1, 2);
    fc.assert(
      fc.property(level, level, level, fc.nat(4), fc.nat(10), (a, b, c, close, hint) => {
        const inp = input({ estimates: { close, total: 4 }, hintCosts: [hint] });
        const score = scoreGrading({ levels: { outbox: a, dlq: b, key: c }, flags: [] }, inp).score;
        expect(Number.isInteger(score) && score >= 0 && score <= 100).toBe(true);
        if (b > 0) {
          const lower = scoreGrading({ levels: { outbox: a, dlq: (b - 1) as GradeLevel, key: c }, flags: [] }, inp).score;
          expect(lower).toBeLessThanOrEqual(score);
        }
      }),
    );
  });

  it('a grading form is complete once every item has a level', () => {
    expect(isGradingComplete({ outbox: 0, dlq: 1 }, rubric)).toBe(false);
    expect(isGradingComplete(all(0), rubric)).toBe(true);
  });
});

describe('grading: feedback that says what was missed and where it is taught', () => {
  const feedback = feedbackItems({
    rubric,
    grading: { levels: { outbox: 0, dlq: 1, key: 2 }, flags: ['f-sync'] },
    redFlags: [{ id: 'f-sync', text: 'Calls email synchronously', teaches: [{ lesson: 'coupling' }] }],
    questions: [
      { id: 'q-a', ask: 'How many users?', importance: 'key' },
      { id: 'q-b', ask: 'Which channels?', importance: 'key' },
      { id: 'q-c', ask: 'What colour?', importance: 'noise' },
    ],
    asked: ['q-a'],
    checks: [
      { id: 'c-dlq', text: 'A DLQ after the workers', passed: false, teaches: [{ lesson: 'retries', section: 'dead-letter-queues' }] },
      { id: 'c-ok', text: 'Fine', passed: true, teaches: [{ lesson: 'x' }] },
    ],
    estimates: [
      { id: 'partitions', close: false, verdict: 'Partitions: off' },
      { id: 'consumers', close: true, verdict: 'Consumers: close' },
    ],
    lessons: ['what-is-eda'],
  });

  it('puts the missed must-have first, then red flags, rubric gaps, questions, checks and figures', () => {
    expect(feedback.map((f) => `${f.kind}:${f.id}`)).toEqual(['must-have:outbox', 'red-flag:f-sync', 'rubric:dlq', 'question:q-b', 'check:c-dlq', 'estimate:partitions']);
    expect(feedback[0]?.text).toBe('Must-have missed: An outbox');
    expect(feedback[2]?.text).toBe('Mentioned but not explained with its trade-off: A DLQ');
    expect(feedback[3]?.text).toBe('Key question not asked: “Which channels?”');
  });

  it('links each gap to the lesson section and lab challenge, falling back to the prompt’s first lesson', () => {
    expect(feedback[0]?.teaches).toEqual([{ lesson: 'outbox', section: 'the-pattern', challenge: 'no-lost-orders' }]);
    expect(teachesHref({ lesson: 'outbox', section: 'the-pattern' })).toBe('/lessons/outbox/#the-pattern');
    expect(teachesHref({ lesson: 'outbox' })).toBe('/lessons/outbox/');
    expect(feedback[3]?.teaches).toEqual([{ lesson: 'what-is-eda' }]);
    expect(lessonsToRevisit(feedback)).toEqual(['outbox', 'coupling', 'retries', 'what-is-eda']);
  });
});

describe('grading: what an attempt brings to its score', () => {
  it('counts key questions asked, figures within 2× and the costs of hints taken', () => {
    const input = scoreInputFor(
      {
        rubric,
        questions: [{ id: 'q-a', importance: 'key' }, { id: 'q-b', importance: 'key' }, { id: 'q-n', importance: 'noise' }],
        estimates: [{ id: 'partitions', value: 12, working: 'w' }, { id: 'consumers', value: 6, working: 'w' }],
        redFlags: [{ id: 'f-sync', cost: 5 }],
        ladders: [{ topic: 'scale', hints: [{ id: 'h-s-1', cost: 2 }, { id: 'h-s-2', cost: 4 }] }],
      },
      { id: 'a-1', startedAt: '2026-12-07T10:00:00.000Z', elapsedMs: 0, hintsUsed: 1, asked: ['q-a', 'q-n'], hints: ['h-s-1'], estimates: { at: '2026-12-07T10:00:00.000Z', values: { partitions: '20', consumers: '40' } } },
    );
    expect(input.keyQuestions).toEqual(['q-a', 'q-b']);
    expect(input.asked).toEqual(['q-a', 'q-n']);
    expect(input.estimates).toEqual({ close: 1, total: 2 });
    expect(input.hintCosts).toEqual([2]);
  });
});
