import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FOLLOW_UP_GRADES, gradeFollowUp } from '../../../../src/lib/quiz/followup.ts';
import { reviewFollowUp, review } from '../../../../src/lib/review/schedule.ts';
import { fromStoredCard } from '../../../../src/lib/review/stored-card.ts';

const link = { lesson: 'idempotent-consumers' };
/** A follow-up with `points` key points (k1…) and two red flags (f1, f2). */
const followUp = (points: number) => ({
  keyPoints: Array.from({ length: points }, (_, i) => ({ id: `k${i + 1}`, text: `point ${i + 1}`, learnMore: link })),
  redFlags: [
    { id: 'f1', text: 'flag one', why: 'because' },
    { id: 'f2', text: 'flag two', why: 'because' },
  ],
});
const ids = (n: number) => Array.from({ length: n }, (_, i) => `k${i + 1}`);

describe('grading a follow-up from the ticked key points and red flags', () => {
  it('every point and no flag is strong (easy)', () => {
    const result = gradeFollowUp(followUp(4), { made: ids(4), flags: [] });
    expect(result.grade).toBe('easy');
    expect(result.missed).toEqual([]);
    expect(result.summary).toBe('You made 4 of 4 key points, with no red flags.');
    expect(result.label).toBe('Strong');
  });

  it('three of four points is solid (good); the missed one is listed', () => {
    const result = gradeFollowUp(followUp(4), { made: ['k1', 'k2', 'k4'], flags: [] });
    expect(result.grade).toBe('good');
    expect(result.missed).toEqual(['k3']);
  });

  it('a red flag caps even a complete answer at partly there (hard)', () => {
    const result = gradeFollowUp(followUp(4), { made: ids(4), flags: ['f2'] });
    expect(result.grade).toBe('hard');
    expect(result.flags).toEqual(['f2']);
    expect(result.summary).toContain('with 1 red flag.');
  });

  it('fewer than half the points is again, whatever the flags', () => {
    expect(gradeFollowUp(followUp(5), { made: ['k1', 'k2'], flags: [] }).grade).toBe('again');
    expect(gradeFollowUp(followUp(5), { made: [], flags: ['f1', 'f2'] }).grade).toBe('again');
  });

  it('ignores ticks that name nothing in this follow-up, and reports in the follow-up’s order', () => {
    const result = gradeFollowUp(followUp(3), { made: ['k3', 'zz', 'k1', 'k1'], flags: ['f9'] });
    expect(result.made).toEqual(['k1', 'k3']);
    expect(result.flags).toEqual([]);
  });

  it('never grades higher for making fewer points or falling into more flags (property)', () => {
    const order = (g: string) => FOLLOW_UP_GRADES.indexOf(g as (typeof FOLLOW_UP_GRADES)[number]);
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 6 }), fc.nat(6), fc.nat(6), fc.boolean(), (n, a, b, flag) => {
        const [few, many] = [Math.min(a, b, n), Math.min(Math.max(a, b), n)];
        const more = gradeFollowUp(followUp(n), { made: ids(many), flags: [] });
        const fewer = gradeFollowUp(followUp(n), { made: ids(few), flags: flag ? ['f1'] : [] });
        expect(order(fewer.grade)).toBeLessThanOrEqual(order(more.grade));
      }),
    );
  });
});

describe('scheduling a follow-up for review', () => {
  const t0 = new Date('2026-12-01T10:00:00.000Z');
  const dueIn = (card: unknown) => (fromStoredCard(card)?.due.getTime() ?? NaN) - t0.getTime();

  it('joins the schedule whatever the grade, unlike a quiz question answered right', () => {
    expect(review(undefined, true, t0)).toBeUndefined();
    for (const grade of FOLLOW_UP_GRADES) expect(reviewFollowUp(undefined, grade, t0)).toBeDefined();
  });

  it('comes back sooner after a weaker grade', () => {
    const [again, hard, good, easy] = FOLLOW_UP_GRADES.map((g) => dueIn(reviewFollowUp(undefined, g, t0)));
    expect(again).toBeLessThanOrEqual(hard!);
    expect(hard).toBeLessThanOrEqual(good!);
    expect(good).toBeLessThan(easy!);
    expect(again).toBe(10 * 60_000);
  });

  it('keeps the card as it was when the clock is not a valid date', () => {
    const card = reviewFollowUp(undefined, 'good', t0);
    expect(reviewFollowUp(card, 'easy', new Date(NaN))).toEqual(card);
    expect(reviewFollowUp(undefined, 'easy', new Date(NaN))).toBeUndefined();
  });
});
