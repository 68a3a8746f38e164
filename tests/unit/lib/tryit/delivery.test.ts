import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECORDS, runDelivery, STRATEGIES } from '../../../../src/lib/tryit/delivery.ts';

describe('delivery guarantees Try-it', () => {
  it('commit then charge, crash in between: the charge is lost (at-most-once)', () => {
    const run = runDelivery('commit-first', 3);
    expect(run.charges).toEqual([1, 1, 0, 1, 1]);
    expect(run).toMatchObject({ lost: 1, duplicates: 0, outcome: 'lost' });
    expect(run.trace.map((l) => l.kind)).toContain('crash');
    expect(run.why).toContain('At-most-once');
  });

  it('charge then commit, crash in between: the card is charged twice (at-least-once)', () => {
    const run = runDelivery('charge-first', 3);
    expect(run.charges).toEqual([1, 1, 2, 1, 1]);
    expect(run).toMatchObject({ lost: 0, duplicates: 1, outcome: 'twice' });
    expect(run.trace.filter((l) => l.kind === 'charge').map((l) => l.text)).toContain('Order 3: card charged AGAIN.');
  });

  it('with an idempotency key the redelivery is absorbed: effectively once', () => {
    const run = runDelivery('charge-first-idempotent', 3);
    expect(run.charges).toEqual([1, 1, 1, 1, 1]);
    expect(run.outcome).toBe('once');
    expect(run.trace.some((l) => l.kind === 'skip' && l.text.startsWith('Order 3'))).toBe(true);
  });

  it('without a crash every strategy charges each order once', () => {
    for (const s of STRATEGIES) expect(runDelivery(s.id, null)).toMatchObject({ lost: 0, duplicates: 0, outcome: 'once' });
  });

  it('for any crash point: commit-first never duplicates, charge-first never loses, the idempotent one does neither', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: RECORDS }), (crash) => {
        expect(runDelivery('commit-first', crash)).toMatchObject({ duplicates: 0, lost: 1 });
        expect(runDelivery('charge-first', crash)).toMatchObject({ duplicates: 1, lost: 0 });
        expect(runDelivery('charge-first-idempotent', crash)).toMatchObject({ duplicates: 0, lost: 0 });
      }),
    );
  });

  it('rejects a crash point outside the run', () => {
    expect(() => runDelivery('charge-first', 0)).toThrow(RangeError);
    expect(() => runDelivery('charge-first', RECORDS + 1)).toThrow(RangeError);
  });
});
