import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHECKPOINT_EVERY,
  DEDUPE_MODES,
  FAIL_TIMES,
  FAILOVER_CHOICES,
  LAGS,
  OFFSET_MODES,
  resumePosition,
  runFailover,
  type DedupeMode,
  type OffsetMode,
} from '../../../../src/lib/tryit/failover.ts';

const offsetMode = fc.constantFrom<OffsetMode>(...OFFSET_MODES.map((m) => m.id));
const dedupeMode = fc.constantFrom<DedupeMode>(...DEDUPE_MODES.map((m) => m.id));
const settings = fc.record({
  failAt: fc.integer({ min: 1, max: 40 }),
  lag: fc.integer({ min: 0, max: 10 }),
  offsets: offsetMode,
  dedupe: dedupeMode,
});

describe('multi-region failover Try-it', () => {
  it('lag 1 s, cluster link: the last order never reaches B and the two since the sync are charged twice', () => {
    const run = runFailover({ failAt: 8, lag: 1, offsets: 'preserved', dedupe: 'none' });
    expect(run.lost).toEqual([8]);
    expect(run.duplicates).toEqual([6, 7]);
    expect(run).toMatchObject({ checkpointAt: 5, resumeAfter: 5, outcome: 'both' });
    expect(run.why).toContain('the RPO is the lag');
  });

  it('MirrorMaker translation lands on the last offset pair it had replicated, before the true position', () => {
    const run = runFailover({ failAt: 8, lag: 3, offsets: 'translated', dedupe: 'none' });
    expect(run.lost).toEqual([6, 7, 8]);
    expect(run.resumeAfter).toBe(0);
    expect(run.duplicates).toEqual([1, 2, 3, 4, 5]);
  });

  it('synchronous replication with a sync right at the failure: nothing lost, nothing repeated', () => {
    const run = runFailover({ failAt: 10, lag: 0, offsets: 'preserved', dedupe: 'none' });
    expect(run).toMatchObject({ lost: [], duplicates: [], outcome: 'clean' });
    expect(run.why).toContain('RPO of zero');
  });

  it('the same moment through MirrorMaker still re-reads the orders past the last offset sync', () => {
    expect(runFailover({ failAt: 10, lag: 0, offsets: 'translated', dedupe: 'none' })).toMatchObject({ resumeAfter: 9, duplicates: [10], outcome: 'twice' });
  });

  it("a de-duplication table in region A does not help; the provider's idempotency key does", () => {
    const base = { failAt: 12, lag: 1, offsets: 'none' } as const;
    expect(runFailover({ ...base, dedupe: 'regional' }).duplicates).toHaveLength(11);
    const global = runFailover({ ...base, dedupe: 'global' });
    expect(global).toMatchObject({ lost: [12], duplicates: [], outcome: 'lost' });
    expect(global.trace.some((l) => l.kind === 'skip' && l.text.includes('charge-3'))).toBe(true);
  });

  it('rejects impossible settings', () => {
    expect(() => runFailover({ failAt: 0, lag: 1, offsets: 'none', dedupe: 'none' })).toThrow(RangeError);
    expect(() => runFailover({ failAt: 5, lag: -1, offsets: 'none', dedupe: 'none' })).toThrow(RangeError);
    expect(() => runFailover({ failAt: 5.5, lag: 1, offsets: 'none', dedupe: 'none' })).toThrow(RangeError);
  });

  it('offers choices the island can show: every fail time, lag and outcome is reachable', () => {
    const outcomes = new Set<string>();
    for (const failAt of FAIL_TIMES)
      for (const lag of LAGS)
        for (const o of OFFSET_MODES)
          for (const d of DEDUPE_MODES) outcomes.add(runFailover({ failAt, lag: lag.seconds, offsets: o.id, dedupe: d.id }).outcome);
    expect([...outcomes].sort()).toEqual(FAILOVER_CHOICES.map((c) => c.id).sort());
  });

  it('for any settings: the lost orders are exactly the last `lag` produced, and every other order is in B', () => {
    fc.assert(
      fc.property(settings, (s) => {
        const run = runFailover(s);
        const expected = Array.from({ length: Math.min(s.lag, s.failAt) }, (_, i) => s.failAt - Math.min(s.lag, s.failAt) + 1 + i);
        expect(run.lost).toEqual(expected);
        expect(run.orders).toHaveLength(s.failAt);
        expect(run.orders.filter((o) => o.replicated)).toHaveLength(s.failAt - run.lost.length);
      }),
    );
  });

  it('for any settings: duplicates are replicated orders processed since the resume point, never more than one extra charge', () => {
    fc.assert(
      fc.property(settings, (s) => {
        const run = runFailover(s);
        const replicated = s.failAt - run.lost.length;
        for (const n of run.duplicates) {
          expect(n).toBeGreaterThan(run.resumeAfter);
          expect(n).toBeLessThanOrEqual(replicated);
        }
        expect(run.orders.every((o) => o.charges === 1 || o.charges === 2)).toBe(true);
        expect(run.orders.reduce((sum, o) => sum + o.charges, 0)).toBe(s.failAt + run.duplicates.length);
        if (s.dedupe === 'global') expect(run.duplicates).toEqual([]);
        else expect(run.duplicates).toHaveLength(Math.max(0, replicated - run.resumeAfter));
      }),
    );
  });

  it('for any settings: with exact offsets, duplicates are at most the orders since the last checkpoint', () => {
    fc.assert(
      fc.property(settings, (s) => {
        const run = runFailover({ ...s, offsets: 'preserved' });
        expect(run.duplicates.length).toBeLessThanOrEqual(s.failAt - run.checkpointAt);
        expect(s.failAt - run.checkpointAt).toBeLessThan(CHECKPOINT_EVERY);
      }),
    );
  });

  it('for any settings: no replicated position re-reads at least as much as translation, which re-reads at least as much as exact offsets', () => {
    fc.assert(
      fc.property(settings, (s) => {
        const dup = (offsets: OffsetMode) => runFailover({ ...s, offsets, dedupe: 'none' }).duplicates.length;
        expect(dup('none')).toBeGreaterThanOrEqual(dup('translated'));
        expect(dup('translated')).toBeGreaterThanOrEqual(dup('preserved'));
        expect(runFailover({ ...s, dedupe: 'regional' }).duplicates).toEqual(runFailover({ ...s, dedupe: 'none' }).duplicates);
      }),
    );
  });

  it('translation never resumes past the exact position', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 10 }), (checkpointAt, lag) => {
        const replicated = Math.max(0, checkpointAt - lag);
        expect(resumePosition('translated', checkpointAt, lag, replicated)).toBeLessThanOrEqual(resumePosition('preserved', checkpointAt, lag, replicated));
        expect(resumePosition('none', checkpointAt, lag, replicated)).toBe(0);
      }),
    );
  });
});
