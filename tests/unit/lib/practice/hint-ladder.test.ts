import { describe, expect, it } from 'vitest';
import { hintCosts, nextRung, takenRungs } from '../../../../src/lib/practice/hint-ladder.ts';

const scale = { topic: 'scale', hints: [{ id: 'h-scale-1', cost: 1 }, { id: 'h-scale-2', cost: 3 }, { id: 'h-scale-3', cost: 5 }] };
const retries = { topic: 'failure-handling', hints: [{ id: 'h-fail-1', cost: 2 }, { id: 'h-fail-2', cost: 4 }] };

describe('hint ladders per topic', () => {
  it('offers the next rung of each topic with its cost, independently', () => {
    expect(nextRung(scale, [])).toEqual({ id: 'h-scale-1', cost: 1 });
    expect(nextRung(scale, ['h-scale-1', 'h-fail-1'])).toEqual({ id: 'h-scale-2', cost: 3 });
    expect(nextRung(retries, ['h-scale-1'])).toEqual({ id: 'h-fail-1', cost: 2 });
    expect(nextRung(retries, ['h-fail-1', 'h-fail-2'])).toBeUndefined();
  });

  it('opens rungs strictly in order', () => {
    expect(takenRungs(scale, ['h-scale-2']).map((h) => h.id)).toEqual([]);
    expect(takenRungs(scale, ['h-scale-2', 'h-scale-1']).map((h) => h.id)).toEqual(['h-scale-1', 'h-scale-2']);
  });

  it('costs what each hint taken says; unknown ids cost nothing', () => {
    expect(hintCosts([scale, retries], ['h-scale-1', 'h-fail-2', 'h-other'])).toEqual([1, 4]);
  });
});
