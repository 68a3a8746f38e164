import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActionQueue } from '../../../../src/lib/sim/queue.ts';
import { createRandom, hexId, seedOf, uniform } from '../../../../src/lib/sim/random.ts';

describe('the action queue', () => {
  it('pops actions by due time, first-scheduled first on a tie, whatever the push/pop pattern', () => {
    const op = fc.oneof(fc.record({ push: fc.integer({ min: 0, max: 20 }) }), fc.constant({ pop: true as const }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const q = new ActionQueue();
        const model: { time: number; id: number }[] = [];
        let id = 0;
        for (const o of ops) {
          if ('push' in o) {
            q.push(o.push, 1, id, 0, 0);
            model.push({ time: o.push, id });
            id += 1;
          } else if (model.length > 0) {
            model.sort((a, b) => a.time - b.time || a.id - b.id);
            const expected = model.shift()!;
            expect(q.peekTime()).toBe(expected.time);
            const slot = q.pop();
            expect([q.time[slot], q.a[slot]]).toEqual([expected.time, expected.id]);
          }
          expect(q.size).toBe(model.length);
        }
      }),
    );
  });

  it('keeps every argument of an action and reports Infinity when empty', () => {
    const q = new ActionQueue();
    expect(q.peekTime()).toBe(Infinity);
    q.push(1.5, 7, -3, 2_000_000_000, 42);
    const slot = q.pop();
    expect([q.time[slot], q.kind[slot], q.a[slot], q.b[slot], q.c[slot]]).toEqual([1.5, 7, -3, 2_000_000_000, 42]);
  });
});

describe('seeded randomness', () => {
  it('gives the same numbers for the same seed and inputs, in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(), fc.nat(), (seed, salt, a) => {
        const u = uniform(seedOf(seed), salt, a);
        expect(u).toBe(uniform(seedOf(seed), salt, a));
        expect(u >= 0 && u < 1).toBe(true);
      }),
    );
  });

  it('spreads evenly enough to stand in for dice', () => {
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i += 1) buckets[Math.floor(uniform(99, 1, i) * 10)]! += 1;
    for (const b of buckets) expect(Math.abs(b - 2000)).toBeLessThan(200);
  });

  it('hashes text seeds, so a word works as a seed', () => {
    expect(seedOf('lab')).toBe(seedOf('lab'));
    expect(seedOf('lab')).not.toBe(seedOf('lab2'));
    const a = createRandom('lab');
    const b = createRandom('lab');
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    expect(hexId(1, 2, 3, 32)).toMatch(/^[0-9a-f]{32}$/);
  });
});
