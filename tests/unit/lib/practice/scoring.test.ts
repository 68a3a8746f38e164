import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GIVE_UP_RULE, MAX_SCORE, SCORING_RULE, scoreAttempt, type RubricItem } from '../../../../src/lib/practice/scoring.ts';

const rubric: RubricItem[] = [
  { id: 'outbox', weight: 5 },
  { id: 'idempotency', weight: 3 },
  { id: 'dlq', weight: 2 },
];

describe('scoring: weights', () => {
  it.each<[string[], number, number]>([
    [[], 0, 0],
    [['outbox'], 5, 50],
    [['idempotency', 'dlq'], 5, 50],
    [['idempotency'], 3, 30],
    [['outbox', 'idempotency', 'dlq'], 10, 100],
  ])('ticking %j (weight %i of 10) scores %i', (ticked, tickedWeight, raw) => {
    expect(scoreAttempt(rubric, ticked, 0)).toEqual({ tickedWeight, totalWeight: 10, raw, hintPenalty: 0, final: raw, maxPossible: 100 });
  });

  it('rounds the share to a whole number', () => {
    const thirds: RubricItem[] = [
      { id: 'a', weight: 1 },
      { id: 'b', weight: 1 },
      { id: 'c', weight: 1 },
    ];
    expect(scoreAttempt(thirds, ['a'], 0).raw).toBe(33);
    expect(scoreAttempt(thirds, ['a', 'b'], 0).raw).toBe(67);
  });

  it('scores an empty rubric 0 rather than dividing by zero', () => {
    expect(scoreAttempt([], ['a'], 0)).toMatchObject({ raw: 0, final: 0, totalWeight: 0 });
  });
});

describe('scoring: hints', () => {
  it('takes 5 points off per hint', () => {
    expect(scoreAttempt(rubric, ['outbox', 'idempotency'], 2)).toMatchObject({ raw: 80, hintPenalty: 10, final: 70, maxPossible: 90 });
  });

  it('never goes below 0', () => {
    expect(scoreAttempt(rubric, ['dlq'], 5)).toMatchObject({ raw: 20, hintPenalty: 25, final: 0, maxPossible: 75 });
    expect(scoreAttempt(rubric, [], 30)).toMatchObject({ final: 0, maxPossible: 0 });
  });
});

describe('scoring: ticked ids that do not count', () => {
  it('ignores ids that are not in the rubric', () => {
    expect(scoreAttempt(rubric, ['outbox', 'not-in-rubric', '__proto__'], 0)).toMatchObject({ raw: 50, tickedWeight: 5 });
  });

  it('counts an item ticked twice once', () => {
    expect(scoreAttempt(rubric, ['dlq', 'dlq', 'dlq'], 0)).toMatchObject({ raw: 20, tickedWeight: 2 });
  });

  it('counts a rubric id listed twice once, with its first weight', () => {
    expect(scoreAttempt([...rubric, { id: 'outbox', weight: 1 }], ['outbox'], 0)).toMatchObject({ totalWeight: 10, raw: 50 });
  });
});

describe('scoring: rules as the learner reads them', () => {
  it('states the scoring and give-up rules', () => {
    expect(SCORING_RULE).toContain('minus 5 points for each hint');
    expect(GIVE_UP_RULE).toContain('no score');
  });
});

describe('scoring: properties', () => {
  const rubricArb = fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[a-z]{1,6}$/), weight: fc.integer({ min: 1, max: 5 }) }), {
    selector: (item) => item.id,
    minLength: 1,
    maxLength: 15,
  });

  it('stays within 0 and the best the hints allow, and ticking more never lowers it', () => {
    fc.assert(
      fc.property(rubricArb, fc.array(fc.boolean(), { minLength: 15, maxLength: 15 }), fc.nat(12), (items, picks, hints) => {
        const ticked = items.filter((_, i) => picks[i]).map((item) => item.id);
        const score = scoreAttempt(items, ticked, hints);
        expect(score.final).toBeGreaterThanOrEqual(0);
        expect(score.final).toBeLessThanOrEqual(score.maxPossible);
        expect(score.raw).toBeLessThanOrEqual(MAX_SCORE);
        expect(Number.isInteger(score.final)).toBe(true);
        const more = scoreAttempt(items, items.map((item) => item.id), hints);
        expect(more.final).toBeGreaterThanOrEqual(score.final);
        expect(scoreAttempt(items, ticked, hints + 1).final).toBeGreaterThanOrEqual(score.final - 5);
      }),
    );
  });
});
