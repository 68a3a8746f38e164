import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareEstimate, compareEstimates, formatEstimate, parseEstimate } from '../../../../src/lib/practice/estimates.ts';

const value = (id: Parameters<typeof parseEstimate>[0], typed: string) => {
  const r = parseEstimate(id, typed);
  return r.ok ? r.value : r.message;
};

describe('estimates: reading what the candidate types', () => {
  it.each([
    ['7k', 7000],
    ['7,000', 7000],
    ['7 000', 7000],
    ['1.2 M', 1_200_000],
    ['12', 12],
    ['2.5B', 2.5e9],
    ['7k/s', 7000],
    ['7,000 events/s', 7000],
  ])('counts: %s → %d', (typed, expected) => {
    expect(value('peak-events-per-second', typed)).toBeCloseTo(expected);
  });

  it.each([
    ['4.5 TB', 4.5e12],
    ['300 GB/day', 3e11],
    ['300 GB per day', 3e11],
    ['512 MB', 5.12e8],
    ['1 GiB', 1024 ** 3],
    ['1000', 1000],
  ])('sizes: %s → %d bytes', (typed, expected) => {
    expect(value('bytes-per-day', typed)).toBeCloseTo(expected);
  });

  it('explains bad input and says what to write instead', () => {
    expect(value('partitions', '')).toBe('Enter a number for partitions, e.g. “7k” or “7,000”.');
    expect(value('partitions', 'lots')).toBe('“lots” is not a number: write digits with an optional unit, e.g. “7k” or “7,000”.');
    expect(value('retained-storage', '4 XB')).toBe('“XB” is not a unit here: use B, KB, MB, GB, TB or PB, e.g. “300 GB”.');
    expect(value('consumers', '3 GB')).toBe('“GB” is not a unit here: use k (thousand), M (million) or B (billion), e.g. “7k” or “7,000”.');
    expect(value('consumers', '0')).toBe('Enter a number above 0, e.g. “7k” or “7,000”.');
  });

  it('reads back every figure it formats (within rounding)', () => {
    fc.assert(
      fc.property(fc.constantFrom('peak-events-per-second', 'retained-storage', 'partitions') as fc.Arbitrary<'partitions'>, fc.integer({ min: 1, max: 1e12 }), (id, n) => {
        const shown = formatEstimate(id, n).replace(/ (events\/s|partitions)$/, '');
        const back = parseEstimate(id, shown);
        expect(back.ok).toBe(true);
        if (back.ok) expect(Math.abs(back.value - n) / n).toBeLessThan(0.01);
      }),
    );
  });
});

describe('estimates: comparing with the model figure', () => {
  const model = { value: 7000, working: '200 M/day ÷ 86,400 ≈ 2,300/s; × 3 at peak ≈ 7,000/s' };

  it('counts within 2× either way as close, and shows the arithmetic', () => {
    expect(compareEstimate('peak-events-per-second', '3.5k', model).close).toBe(true);
    expect(compareEstimate('peak-events-per-second', '14k', model).close).toBe(true);
    const low = compareEstimate('peak-events-per-second', '3k', model);
    expect(low.close).toBe(false);
    expect(low.verdict).toBe('Peak events per second: you said 3k events/s, the model answer has 7k events/s: off by 2.3× (too low).');
    expect(low.working).toBe(model.working);
  });

  it('a blank or unreadable figure is never close', () => {
    expect(compareEstimate('peak-events-per-second', '', model)).toMatchObject({ close: false, value: undefined, verdict: 'Peak events per second: no figure given; the model answer has 7k events/s.' });
    expect(compareEstimate('peak-events-per-second', 'many', model).close).toBe(false);
  });

  it('close exactly when the ratio is within [½, 2]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (typed, m) => {
        const c = compareEstimate('partitions', String(typed), { value: m, working: 'w' });
        expect(c.close).toBe(typed / m <= 2 && typed / m >= 0.5);
      }),
    );
  });

  it('compares every model figure, blank where nothing was typed', () => {
    const out = compareEstimates([{ id: 'partitions', value: 12, working: 'w' }, { id: 'consumers', value: 6, working: 'w' }], { partitions: '12' });
    expect(out.map((c) => [c.id, c.close])).toEqual([['partitions', true], ['consumers', false]]);
  });
});
