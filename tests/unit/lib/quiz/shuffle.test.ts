import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mulberry32, optionOrder, shuffle } from '../../../../src/lib/quiz/shuffle.ts';
import { multiple, order, single, trueFalse } from './fixtures.ts';

const sorted = (xs: readonly string[]) => [...xs].sort();

describe('seeded generator', () => {
  it('gives numbers in [0, 1), the same sequence for the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(100);
  });
});

describe('shuffle', () => {
  it('property: returns a permutation and leaves the input alone', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.oneof(fc.string(), fc.integer()), (items, seed) => {
        const copy = [...items];
        const out = shuffle(items, seed);
        expect(items).toEqual(copy);
        expect([...out].sort((x, y) => x - y)).toEqual([...items].sort((x, y) => x - y));
      }),
    );
  });

  it('property: the same seed gives the same order', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.string(), (items, seed) => {
        expect(shuffle(items, seed)).toEqual(shuffle(items, seed));
      }),
    );
  });

  it('different seeds give different orders, each order about equally often', () => {
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 2400; seed += 1) {
      const key = shuffle(['a', 'b', 'c', 'd'], `seed-${seed}`).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(24);
    for (const n of counts.values()) expect(n).toBeGreaterThan(50);
  });
});

describe('display order of options', () => {
  const q = single('idem-01', ['a', 'b', 'c', 'd'], 'b');

  it('is stable for the same question and attempt seed, so a re-render keeps it', () => {
    expect(optionOrder(q, 'run-1')).toEqual(optionOrder(q, 'run-1'));
    expect(sorted(optionOrder(q, 'run-1'))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('changes from one attempt seed to another', () => {
    const orders = new Set(Array.from({ length: 30 }, (_, i) => optionOrder(q, `run-${i}`).join('')));
    expect(orders.size).toBeGreaterThan(10);
  });

  it('differs between questions within one attempt', () => {
    const orders = new Set(Array.from({ length: 30 }, (_, i) => optionOrder(multiple(`q-${i}`, ['a', 'b', 'c', 'd', 'e'], ['a']), 'run-1').join('')));
    expect(orders.size).toBeGreaterThan(10);
  });

  it('keeps True then False for true-false questions, whatever the seed or the bank order', () => {
    for (let i = 0; i < 20; i += 1) {
      expect(optionOrder(trueFalse('tf', true), `run-${i}`)).toEqual(['true', 'false']);
      expect(optionOrder(trueFalse('tf', false, ['false', 'true']), `run-${i}`)).toEqual(['true', 'false']);
    }
  });

  it('never shows an order question already in the correct order (3 items: 1 in 6 shuffles would)', () => {
    const items = ['x', 'y', 'z'];
    const q3 = order('ord-1', items);
    const seen = new Set<string>();
    for (let i = 0; i < 500; i += 1) {
      const shown = optionOrder(q3, `run-${i}`);
      expect(sorted(shown)).toEqual(items);
      expect(shown).not.toEqual(items);
      seen.add(shown.join(''));
    }
    expect(seen.size).toBe(5);
  });

  it('property: an order question is shown as a permutation that is never the answer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 7 }), fc.string(), fc.string(), (n, id, seed) => {
        const items = Array.from({ length: n }, (_, i) => `i${i}`);
        const shown = optionOrder(order(id, items), seed);
        expect(sorted(shown)).toEqual(sorted(items));
        expect(shown).not.toEqual(items);
        expect(optionOrder(order(id, items), seed)).toEqual(shown);
      }),
    );
  });
});
