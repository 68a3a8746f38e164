import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelOf } from '../../../../src/lib/tryit/prediction.ts';
import {
  consume,
  RED_CHOICES,
  runSuite,
  runTest,
  TESTS,
  VARIANTS,
  type PaymentEvent,
  type VariantId,
} from '../../../../src/lib/tryit/which-test.ts';

/** Which tests the lesson says catch each variant. */
const CAUGHT_BY: Record<VariantId, string> = {
  correct: 'none',
  'not-idempotent': 'duplicate+crash',
  'memory-dedupe': 'crash',
  'commit-first': 'crash',
  'assumes-order': 'reorder',
  'strict-reader': 'contract',
};

describe('which test catches it', () => {
  it('catches each bug with exactly the tests the lesson names, and the reference handler passes all five', () => {
    for (const v of VARIANTS) expect(runSuite(v.id).red, v.id).toBe(CAUGHT_BY[v.id]);
  });

  it('every outcome is one of the predictions, so the verdict can name it', () => {
    for (const v of VARIANTS) expect(() => labelOf(RED_CHOICES, runSuite(v.id).red)).not.toThrow();
  });

  it('the happy-path test passes for every variant: it cannot tell any of them apart', () => {
    for (const v of VARIANTS) expect(runTest(v.id, 'happy')).toMatchObject({ passed: true });
  });

  it('words each failure after what the assertion saw', () => {
    expect(runTest('not-idempotent', 'duplicate').message).toBe('Expected one ledger entry for evt-1, found 2: balance £72.00, expected £30.00.');
    expect(runTest('commit-first', 'crash').message).toBe('Expected a ledger entry for evt-1, found none: balance −£12.00, expected £30.00.');
    expect(runTest('memory-dedupe', 'crash').message).toContain('found 2');
    expect(runTest('assumes-order', 'reorder').message).toContain('evt-2, found none');
    expect(runTest('strict-reader', 'contract').message).toBe('Handler threw: rejected evt-1: unknown field “pspReference”.');
    expect(runTest('correct', 'crash')).toMatchObject({ passed: true, message: 'One entry per event; balance £30.00.' });
  });

  it('runs the five tests in the order the lesson lists them, with a reason for every variant', () => {
    for (const v of VARIANTS) {
      const run = runSuite(v.id);
      expect(run.results.map((r) => r.test.id)).toEqual(TESTS.map((t) => t.id));
      expect(run.why.length).toBeGreaterThan(40);
    }
  });

  /** Events for a few payments: a capture and a refund each, with unique ids. */
  const payments = fc.uniqueArray(fc.record({ capture: fc.integer({ min: 2, max: 100_000 }), refundShare: fc.integer({ min: 0, max: 100 }) }), {
    minLength: 1,
    maxLength: 4,
    selector: (p) => p.capture,
  });
  const eventsOf = (ps: { capture: number; refundShare: number }[]): PaymentEvent[] =>
    ps.flatMap((p, i) => [
      { eventId: `c${i}`, type: 'PaymentCaptured', paymentId: `pay_${i}`, amountMinor: p.capture },
      { eventId: `r${i}`, type: 'PaymentRefunded', paymentId: `pay_${i}`, amountMinor: Math.floor((p.capture * p.refundShare) / 100) },
    ]);
  const expected = (events: PaymentEvent[]) =>
    events.reduce((n, e) => n + (e['type'] === 'PaymentRefunded' ? -1 : 1) * Number(e['amountMinor']), 0);

  it('the reference handler ends with the exactly-once balance for any duplicates, any order and any crash point', () => {
    fc.assert(
      fc.property(
        payments.chain((ps) => {
          const events = eventsOf(ps);
          return fc.tuple(
            fc.constant(events),
            fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
            fc.array(fc.nat({ max: events.length - 1 }), { maxLength: 5 }),
            fc.option(fc.nat({ max: events.length + 4 }), { nil: null }),
          );
        }),
        ([events, shuffled, dupes, crash]) => {
          const log = [...shuffled, ...dupes.map((i) => events[i] as PaymentEvent)];
          const out = consume('correct', log, crash);
          expect(out.balanceMinor).toBe(expected(events));
          expect(out.entries).toHaveLength(events.length);
        },
      ),
    );
  });

  it('without faults (once each, captures before refunds) every variant agrees with the reference', () => {
    fc.assert(
      fc.property(payments, (ps) => {
        const events = eventsOf(ps);
        for (const v of VARIANTS) expect(consume(v.id, events).balanceMinor, v.id).toBe(expected(events));
      }),
    );
  });

  it('a crash after the effect and before the commit duplicates that record for a handler without de-duplication, wherever it lands', () => {
    fc.assert(
      fc.property(payments, fc.nat(), (ps, at) => {
        const events = eventsOf(ps);
        const crash = at % events.length;
        const out = consume('not-idempotent', events, crash);
        expect(out.entries.filter((e) => e.eventId === events[crash]?.['eventId'])).toHaveLength(2);
        expect(consume('correct', events, crash).balanceMinor).toBe(expected(events));
      }),
    );
  });

  it('commit-first loses exactly the record it crashed on', () => {
    fc.assert(
      fc.property(payments, fc.nat(), (ps, at) => {
        const events = eventsOf(ps);
        const crash = at % events.length;
        const ids = consume('commit-first', events, crash).entries.map((e) => e.eventId);
        expect(ids).toEqual(events.filter((_, i) => i !== crash).map((e) => e['eventId']));
      }),
    );
  });
});
