import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyProgress } from '../../../../src/lib/progress/model.ts';
import { reduceProgress } from '../../../../src/lib/progress/reducer.ts';
import { dueCount, dueQuestions } from '../../../../src/lib/review/due.ts';
import { RETRY_AFTER_MINUTES, review } from '../../../../src/lib/review/schedule.ts';
import { fromStoredCard, type StoredCard } from '../../../../src/lib/review/stored-card.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const t0 = new Date('2025-03-01T10:00:00.000Z');
const after = (ms: number, from: Date = t0) => new Date(from.getTime() + ms);

/** The due time of a stored card, in epoch ms (failing the test if the card is unreadable). */
function dueOf(stored: StoredCard | undefined): number {
  const card = fromStoredCard(stored);
  if (card === undefined) throw new Error('expected a readable card');
  return card.due.getTime();
}

/** A review slot holding one question's card. */
const slot = (card: StoredCard | undefined) => (card === undefined ? {} : { 'idem-01': { card, updatedAt: t0.toISOString() } });

describe('which questions enter the review schedule', () => {
  it('a question answered right (and never missed) is not scheduled', () => {
    expect(review(undefined, true, t0)).toBeUndefined();
  });

  it(`a missed question is scheduled, due ${RETRY_AFTER_MINUTES} minutes later: not before, and from then on`, () => {
    const card = review(undefined, false, t0);
    expect(dueOf(card)).toBe(t0.getTime() + RETRY_AFTER_MINUTES * MINUTE);
    expect(dueQuestions(slot(card), t0)).toEqual([]);
    expect(dueQuestions(slot(card), after(RETRY_AFTER_MINUTES * MINUTE - 1))).toEqual([]);
    expect(dueQuestions(slot(card), after(RETRY_AFTER_MINUTES * MINUTE))).toEqual(['idem-01']);
    expect(dueCount(slot(card), after(3 * DAY))).toBe(1);
  });

  it('an unreadable stored card counts as no card: a miss starts a fresh one, a right answer adds none', () => {
    const broken = { due: 'soon', state: 'learning' };
    expect(review(broken, true, t0)).toBeUndefined();
    expect(review(broken, false, t0)).toEqual(review(undefined, false, t0));
  });
});

describe('reviewing a scheduled question', () => {
  const missed = review(undefined, false, t0);
  const dueAt = after(RETRY_AFTER_MINUTES * MINUTE);

  it('answering right pushes the next review out to a day or more', () => {
    const right = review(missed, true, dueAt);
    expect(dueOf(right)).toBeGreaterThanOrEqual(dueAt.getTime() + DAY);
    expect(dueQuestions(slot(right), after(DAY - MINUTE, dueAt))).toEqual([]);
  });

  it('each further right answer, given when due, pushes it out further', () => {
    let card = review(missed, true, dueAt);
    let gap = dueOf(card) - dueAt.getTime();
    for (let i = 0; i < 4; i += 1) {
      const now = new Date(dueOf(card));
      card = review(card, true, now);
      const nextGap = dueOf(card) - now.getTime();
      expect(nextGap).toBeGreaterThan(gap);
      gap = nextGap;
    }
    expect(gap).toBeGreaterThan(7 * DAY);
  });

  it(`answering wrong brings it back ${RETRY_AFTER_MINUTES} minutes later, even after it had been learnt`, () => {
    expect(dueOf(review(missed, false, dueAt))).toBe(dueAt.getTime() + RETRY_AFTER_MINUTES * MINUTE);
    let card = review(missed, true, dueAt);
    card = review(card, true, new Date(dueOf(card)));
    const now = new Date(dueOf(card));
    const lapsed = review(card, false, now);
    expect(dueOf(lapsed)).toBe(now.getTime() + RETRY_AFTER_MINUTES * MINUTE);
    expect(fromStoredCard(lapsed)?.lapses).toBe(1);
  });

  it('a right answer given early (before it was due) still counts', () => {
    const early = review(missed, true, after(MINUTE));
    expect(dueOf(early)).toBeGreaterThan(t0.getTime() + DAY / 2);
  });

  it('is pure: the same history and clock give the same card, and the input is untouched', () => {
    const copy = structuredClone(missed);
    expect(review(missed, true, dueAt)).toEqual(review(missed, true, dueAt));
    expect(missed).toEqual(copy);
  });

  it('a clock that went back counts the answer at the last review instead of failing', () => {
    const card = review(missed, true, dueAt);
    const backwards = review(card, true, after(-DAY));
    expect(backwards).toEqual(review(card, true, new Date(fromStoredCard(card)?.last_review ?? 0)));
  });

  it('an invalid clock reschedules nothing', () => {
    expect(review(missed, true, new Date(Number.NaN))).toEqual(missed);
    expect(review(undefined, false, new Date(Number.NaN))).toBeUndefined();
  });

  it('property: any run of answers at any later times leaves a readable card the review slot accepts', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 400 * DAY })), { maxLength: 30 }), (steps) => {
        let card = review(undefined, false, t0);
        let now = t0;
        let state = reduceProgress(emptyProgress(), { type: 'review/set', questionId: 'idem-01', card: card ?? {} }, now);
        for (const [correct, wait] of steps) {
          now = after(wait, now);
          card = review(card, correct, now);
          const due = dueOf(card);
          if (correct) expect(due).toBeGreaterThanOrEqual(now.getTime() + DAY);
          else expect(due).toBe(now.getTime() + RETRY_AFTER_MINUTES * MINUTE);
          state = reduceProgress(state, { type: 'review/set', questionId: 'idem-01', card: card ?? {} }, now);
          expect(state.review['idem-01']?.card).toEqual(card);
        }
      }),
      { numRuns: 50 },
    );
  });
});
