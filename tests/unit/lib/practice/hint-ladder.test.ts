import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HINT_COST_POINTS, HINT_COST_RULE, hintLadder, hintPenalty, remaining, revealed, revealNext } from '../../../../src/lib/practice/hint-ladder.ts';

const hints = ['h1', 'h2', 'h3', 'h4', 'h5'];

describe('hint ladder: order', () => {
  it('starts with every hint closed', () => {
    const ladder = hintLadder(hints);
    expect(revealed(ladder)).toEqual([]);
    expect(remaining(ladder)).toBe(5);
  });

  it('opens hints strictly in order, one per step', () => {
    let ladder = hintLadder(hints);
    const seen: (readonly string[])[] = [];
    for (let i = 0; i < hints.length; i += 1) {
      ladder = revealNext(ladder);
      seen.push(revealed(ladder));
    }
    expect(seen).toEqual([['h1'], ['h1', 'h2'], ['h1', 'h2', 'h3'], ['h1', 'h2', 'h3', 'h4'], hints]);
    expect(remaining(ladder)).toBe(0);
  });

  it('cannot open past the last hint: the same ladder comes back', () => {
    const full = hintLadder(hints, 5);
    expect(revealNext(full)).toBe(full);
    expect(revealNext(hintLadder([]))).toEqual({ hints: [], shown: 0 });
  });

  it('does not change the ladder it was given', () => {
    const ladder = hintLadder(hints, 1);
    revealNext(ladder);
    expect(revealed(ladder)).toEqual(['h1']);
  });

  it.each([
    [-3, 0],
    [2.7, 2],
    [99, 5],
    [Number.NaN, 0],
  ])('pulls a stored count of %d to %d', (stored, shown) => {
    expect(hintLadder(hints, stored).shown).toBe(shown);
  });

  it('any number of steps opens min(steps, hints) hints, always a prefix', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 10 }), fc.nat(20), (list, steps) => {
        let ladder = hintLadder(list);
        for (let i = 0; i < steps; i += 1) ladder = revealNext(ladder);
        expect(revealed(ladder)).toEqual(list.slice(0, Math.min(steps, list.length)));
        expect(remaining(ladder)).toBe(list.length - Math.min(steps, list.length));
      }),
    );
  });
});

describe('hint ladder: cost', () => {
  it('costs 5 points out of 100 per hint, flat', () => {
    expect(HINT_COST_POINTS).toBe(5);
    expect([0, 1, 2, 5, 10].map(hintPenalty)).toEqual([0, 5, 10, 25, 50]);
  });

  it('states the rule with the same number the scoring uses', () => {
    expect(HINT_COST_RULE).toBe('Each hint you open costs 5 points of the 100 available, and your score never goes below 0.');
  });

  it('charges nothing for a count that is not a whole number of hints', () => {
    expect(hintPenalty(-2)).toBe(0);
    expect(hintPenalty(1.5)).toBe(0);
    expect(hintPenalty(Number.NaN)).toBe(0);
  });
});
