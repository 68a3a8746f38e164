import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { usePglite } from '../../../helpers/pglite.ts';
import { crashSchedules, expand, grade, passes, reset, runLab, type Schedule } from '../../../../src/lib/sql/driver.ts';
import { idempotencyLab, outboxLab } from '../../../../src/lib/sql/labs.ts';

/** One PGlite for the whole file (start-up is slow); every run rebuilds the lab's fixture itself. */
const db = usePglite();

const everyOnce = (ids: string[]): Schedule => ({ name: 'every event once', deliveries: ids.map((event) => ({ event })) });
const dup = (ids: string[], twice: string): Schedule => ({ name: `${twice} twice`, deliveries: ids.map((event) => (event === twice ? { event, duplicate: true } : { event })) });
const loyaltyIds = idempotencyLab.events.map((e) => e.id);
const orderIds = outboxLab.events.map((e) => e.id);

/** The effect without a de-dup insert at all: the lab's starting handler. */
const effectOnly = idempotencyLab.brokenHandler;
/** The de-dup insert outside any transaction, before the effect. */
const dedupOutside = `INSERT INTO processed_messages (subscriber, source, event_id) VALUES ('loyalty', :source, :event_id);
UPDATE loyalty_accounts SET points = points + :points WHERE customer_id = :customer_id;`;
/** The effect first, then the de-dup insert, no transaction. */
const effectFirst = `UPDATE loyalty_accounts SET points = points + :points WHERE customer_id = :customer_id;
INSERT INTO processed_messages (subscriber, source, event_id) VALUES ('loyalty', :source, :event_id);`;
/** ON CONFLICT DO NOTHING in one statement with the effect: atomic without BEGIN. */
const oneStatement = `WITH claimed AS (
  INSERT INTO processed_messages (subscriber, source, event_id) VALUES ('loyalty', :source, :event_id)
  ON CONFLICT DO NOTHING RETURNING 1
)
UPDATE loyalty_accounts SET points = points + :points
WHERE customer_id = :customer_id AND EXISTS (SELECT 1 FROM claimed);`;

describe('schedules', () => {
  it('expands faults into redeliveries, in order', () => {
    const attempts = expand({ name: 's', deliveries: [{ event: 'a', crashAfter: 2 }, { event: 'b', lostAck: true }, { event: 'c', duplicate: true }] });
    expect(attempts.map((a) => [a.delivery, a.event, a.cause, a.crashAfter])).toEqual([
      [1, 'a', 'first', 2],
      [2, 'a', 'redelivery after crash', undefined],
      [3, 'b', 'first', undefined],
      [4, 'b', 'redelivery after lost ack', undefined],
      [5, 'c', 'first', undefined],
      [6, 'c', 'duplicate', undefined],
    ]);
  });

  it('crash points cover every statement boundary, and the challenge set includes them all', () => {
    const crashes = crashSchedules(idempotencyLab.events, 'evt-1', 4);
    expect(crashes.map((s) => s.deliveries.find((d) => d.event === 'evt-1')?.crashAfter)).toEqual([1, 2, 3, 4]);
    const challenge = idempotencyLab.challengeSchedules(4).flatMap((s) => s.deliveries.map((d) => d.crashAfter)).filter((k) => k !== undefined);
    expect(challenge).toEqual([1, 2, 3, 4]);
  });
});

describe('idempotency lab against PostgreSQL', () => {
  it('the starting handler awards a duplicated event twice, and names the step that did it', async () => {
    const run = await runLab(db(), idempotencyLab, effectOnly, dup(loyaltyIds, 'evt-1'));
    expect(run.problem).toBeNull();
    const v = run.verdict;
    expect(v?.ok).toBe(false);
    expect(v?.findings).toEqual([expect.objectContaining({ kind: 'duplicated', event: 'evt-1', step: 2 })]);
    expect(v?.firstBrokenStep).toBe(2);
    expect(v?.balances).toEqual([
      { account: 'cus_9921', expected: 129, actual: 153 },
      { account: 'cus_4410', expected: 10, actual: 10 },
    ]);
    // The interleaving: delivery 1 and its duplicate, delivery 2, each ran the UPDATE successfully.
    expect(run.trace.slice(0, 2).map((t) => [t.step, t.delivery, t.event, t.cause, t.statement, t.line, t.outcome])).toEqual([
      [1, 1, 'evt-1', 'first', 1, 2, 'ok'],
      [2, 2, 'evt-1', 'duplicate', 1, 2, 'ok'],
    ]);
  });

  it('the de-dup insert outside the transaction loses the effect when the consumer crashes between them', async () => {
    const run = await runLab(db(), idempotencyLab, dedupOutside, { name: 'crash', deliveries: [{ event: 'evt-1', crashAfter: 1 }, { event: 'evt-2' }] });
    const v = run.verdict;
    expect(v?.findings.map((f) => [f.kind, f.event])).toEqual([['missing', 'evt-1']]);
    expect(run.trace.map((t) => [t.delivery, t.kind, t.outcome, t.code])).toEqual([
      [1, 'statement', 'ok', undefined],
      [1, 'crash', 'error', undefined],
      [2, 'statement', 'error', '23505'],
      [3, 'statement', 'ok', undefined],
      [3, 'statement', 'ok', undefined],
    ]);
    expect(run.trace[1]?.message).toContain('no transaction was open');
    expect(run.trace[2]?.message).toContain('duplicate key value violates unique constraint');
    expect(v?.firstBrokenStep).toBe(3);
  });

  it('the effect first, then the de-dup insert: a crash between them duplicates the effect', async () => {
    const run = await runLab(db(), idempotencyLab, effectFirst, { name: 'crash', deliveries: [{ event: 'evt-1', crashAfter: 1 }] });
    expect(run.verdict?.findings.map((f) => [f.kind, f.event, f.step])).toEqual([['duplicated', 'evt-1', 3]]);
  });

  it('the course’s handler: a crash inside the transaction rolls it back and the redelivery succeeds', async () => {
    const run = await runLab(db(), idempotencyLab, idempotencyLab.correctHandler, { name: 'crash', deliveries: [{ event: 'evt-1', crashAfter: 3 }] });
    expect(run.verdict?.ok).toBe(true);
    expect(run.trace.find((t) => t.kind === 'crash')?.message).toContain('rolls back');
    expect(run.verdict?.balances?.[0]).toEqual({ account: 'cus_9921', expected: 124, actual: 124 });
  });

  it('the course’s handler passes every schedule of the challenge; the broken ones do not', async () => {
    const g = await grade(db(), idempotencyLab, idempotencyLab.correctHandler);
    expect(g.passed).toBe(true);
    expect(g.runs).toHaveLength(3 + 4);
    expect(g.runs.every((r) => r.verdict?.ok === true)).toBe(true);
    expect(await passes(db(), idempotencyLab, oneStatement)).toBe(true);
    const broken = await grade(db(), idempotencyLab, effectOnly);
    expect(broken.passed).toBe(false);
    expect(broken.failed?.schedule).toBe('evt-1 delivered twice');
    expect(await passes(db(), idempotencyLab, dedupOutside)).toBe(false);
    expect(await passes(db(), idempotencyLab, effectFirst)).toBe(false);
  }, 60_000);

  it('a transaction left open is rolled back at the end of the delivery', async () => {
    const run = await runLab(db(), idempotencyLab, 'BEGIN;\nUPDATE loyalty_accounts SET points = points + :points WHERE customer_id = :customer_id;', everyOnce(['evt-1']));
    expect(run.trace.map((t) => t.kind)).toEqual(['statement', 'statement', 'rollback']);
    expect(run.verdict?.findings.map((f) => f.kind)).toEqual(['missing']);
  });
});

describe('any schedule (property tests, a few runs each: every run is real SQL)', () => {
  const delivery = fc.record({
    event: fc.constantFrom(...loyaltyIds),
    fault: fc.oneof(fc.constant({}), fc.constant({ duplicate: true }), fc.constant({ lostAck: true }), fc.integer({ min: 1, max: 4 }).map((k) => ({ crashAfter: k }))),
  });
  const schedule = fc.array(delivery, { minLength: 1, maxLength: 4 }).map((ds): Schedule => ({ name: 'random', deliveries: ds.map((d) => ({ event: d.event, ...d.fault })) }));

  it('the course’s handler ends in the exactly-once state', async () => {
    await fc.assert(
      fc.asyncProperty(schedule, async (s) => {
        const run = await runLab(db(), idempotencyLab, idempotencyLab.correctHandler, s);
        expect(run.verdict?.ok).toBe(true);
        for (const b of run.verdict?.balances ?? []) expect(b.actual).toBe(b.expected);
      }),
      { numRuns: 12, seed: 7 },
    );
  }, 120_000);

  it('the starting handler applies the effect once per delivery, so any repeated delivery shows as duplicated', async () => {
    await fc.assert(
      fc.asyncProperty(schedule, async (s) => {
        const run = await runLab(db(), idempotencyLab, effectOnly, s);
        const attempts = expand(s);
        const points = (id: string): number => Number(idempotencyLab.events.find((e) => e.id === id)?.params['points']);
        const want = new Map([['cus_9921', 100], ['cus_4410', 0]]);
        for (const a of attempts) {
          const who = String(idempotencyLab.events.find((e) => e.id === a.event)?.params['customer_id']);
          want.set(who, (want.get(who) ?? 0) + points(a.event));
        }
        for (const b of run.verdict?.balances ?? []) expect(b.actual).toBe(want.get(b.account));
        const repeated = new Set(attempts.filter((a) => a.cause !== 'first').map((a) => a.event));
        expect(new Set(run.verdict?.findings.filter((f) => f.kind === 'duplicated').map((f) => f.event))).toEqual(repeated);
      }),
      { numRuns: 12, seed: 11 },
    );
  }, 120_000);

  it('is deterministic: the same handler and schedule give the same trace and verdict', async () => {
    const s: Schedule = { name: 'mixed', deliveries: [{ event: 'evt-1', crashAfter: 1 }, { event: 'evt-2', duplicate: true }, { event: 'evt-3', lostAck: true }] };
    const a = await runLab(db(), idempotencyLab, dedupOutside, s);
    const b = await runLab(db(), idempotencyLab, dedupOutside, s);
    expect(b).toEqual(a);
    expect(a.verdict?.findings.map((f) => [f.kind, f.event])).toEqual([['missing', 'evt-1']]);
  });
});

describe('outbox lab against PostgreSQL', () => {
  it('publishing after the commit leaves an order without its event when the service crashes in between', async () => {
    const run = await runLab(db(), outboxLab, outboxLab.brokenHandler, { name: 'crash', deliveries: [{ event: 'ord_48213', crashAfter: 3 }, { event: 'ord_48214' }] });
    expect(run.verdict?.findings.map((f) => [f.kind, f.event])).toEqual([['order without event', 'ord_48213']]);
    expect(run.trace.filter((t) => t.delivery === 2).map((t) => [t.kind, t.statement, t.code])).toEqual([
      ['statement', 1, undefined],
      ['statement', 2, '23505'],
      ['rollback', 0, undefined],
    ]);
    // The outbox lab's runs are requests: the trace speaks of the client's retry, not of a broker's acknowledgement.
    expect(run.trace.find((t) => t.kind === 'crash')?.message).toMatch(/the client gets no reply and retries the request\.$/);
    expect(run.trace.find((t) => t.kind === 'rollback')?.message).toBe('The request failed: its open transaction rolls back and the client gets an error.');
  });

  it('a duplicated request with one transaction: the retry fails on the order’s key and nothing is doubled', async () => {
    const run = await runLab(db(), outboxLab, outboxLab.correctHandler, dup(orderIds, 'ord_48214'));
    expect(run.verdict?.ok).toBe(true);
    expect(run.trace.filter((t) => t.code !== undefined).map((t) => [t.delivery, t.event, t.code])).toEqual([[3, 'ord_48214', '23505']]);
    const { rows } = await db().query<{ n: number }>('SELECT count(*)::int AS n FROM outbox');
    expect(rows[0]?.n).toBe(2);
  });

  it('publishing before the transaction gives an event without its order', async () => {
    const publishFirst = `INSERT INTO published_events (id, order_id, type) VALUES (:event_id, :order_id, 'OrderPlaced');
INSERT INTO orders (id, customer_id, total) VALUES (:order_id, :customer_id, :total);`;
    const run = await runLab(db(), outboxLab, publishFirst, { name: 'crash', deliveries: [{ event: 'ord_48213', crashAfter: 1 }] });
    expect(run.verdict?.findings.map((f) => [f.kind, f.event])).toEqual([['event without order', 'ord_48213']]);
  });

  it('the outbox insert in a second transaction also splits them', async () => {
    const two = `BEGIN;
INSERT INTO orders (id, customer_id, total) VALUES (:order_id, :customer_id, :total);
COMMIT;
BEGIN;
INSERT INTO outbox (id, aggregateid, type, payload) VALUES (:event_id, :order_id, 'OrderPlaced', :payload);
COMMIT;`;
    const g = await grade(db(), outboxLab, two);
    expect(g.passed).toBe(false);
    expect(g.failed?.schedule).toBe('crash after statement 3 of ord_48213');
    expect(g.failed?.verdict?.findings[0]?.kind).toBe('order without event');
  }, 60_000);

  it('one transaction passes every crash point, duplicate and lost ack; the broken handler does not', async () => {
    const g = await grade(db(), outboxLab, outboxLab.correctHandler);
    expect(g.runs.map((r) => [r.schedule, r.verdict?.ok])).toEqual(outboxLab.challengeSchedules(4).map((s) => [s.name, true]));
    expect(g.passed).toBe(true);
    expect(await passes(db(), outboxLab, outboxLab.brokenHandler)).toBe(false);
  }, 60_000);
});

describe('bad input', () => {
  it('Postgres’s own error comes back with the learner’s line and column', async () => {
    const sql = 'BEGIN;\nINSERT INTO processed_messages (subscriber, source, event_id)\nVALUES (\'loyalty\', :source, :event_id);\nUPDATE loyalty_acounts\n  SET points = points + :points\n  WHERE customer_id = :customer_id;\nCOMMIT;';
    const run = await runLab(db(), idempotencyLab, sql, everyOnce(['evt-1']));
    const err = run.trace.find((t) => t.outcome === 'error');
    expect(err).toMatchObject({ code: '42P01', line: 4, column: 8, statement: 3, message: 'relation "loyalty_acounts" does not exist' });
    expect(run.trace.at(-1)?.kind).toBe('rollback');
  });

  it('an error on a later line of a statement after bound parameters maps to that line', async () => {
    const sql = 'UPDATE loyalty_accounts SET points = points + :points\nWHERE customer_id = :customer_id AND nope = 1;';
    const run = await runLab(db(), idempotencyLab, sql, everyOnce(['evt-1']));
    expect(run.trace[0]).toMatchObject({ code: '42703', line: 2, column: 38 });
  });

  it('a unique violation carries Postgres’s DETAIL; an unknown :name gets the lab’s parameters as a hint', async () => {
    const dupRun = await runLab(db(), idempotencyLab, idempotencyLab.correctHandler, dup(['evt-2'], 'evt-2'));
    expect(dupRun.trace.find((t) => t.code === '23505')).toMatchObject({ line: 4, detail: 'Key (subscriber, source, event_id)=(loyalty, /shop/order-service, evt-2) already exists.' });
    const typo = await runLab(db(), idempotencyLab, 'UPDATE loyalty_accounts SET points = points + :pts\nWHERE customer_id = :customer_id;', everyOnce(['evt-1']));
    expect(typo.trace[0]).toMatchObject({ code: '42601', line: 1, column: 47, hint: ':pts is not a parameter of this lab; use :event_id, :source, :customer_id, :points.' });
  });

  it('dropping a fixture table is reported, and reset() brings it back', async () => {
    const run = await runLab(db(), idempotencyLab, 'DROP TABLE processed_messages;', everyOnce(['evt-1']));
    expect(run.verdict).toBeNull();
    expect(run.problem?.kind).toBe('fixture changed');
    expect(run.problem?.message).toContain('dropped the lab\'s table processed_messages');
    await reset(db(), idempotencyLab);
    const { rows } = await db().query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'processed_messages'`);
    expect(rows[0]?.n).toBe(1);
  });

  it('altering a fixture table (a dropped primary key, an added column) is reported', async () => {
    const run = await runLab(db(), idempotencyLab, 'ALTER TABLE processed_messages DROP CONSTRAINT processed_messages_pkey;\nALTER TABLE loyalty_accounts ADD COLUMN tier text;', everyOnce(['evt-1']));
    expect(run.problem?.kind).toBe('fixture changed');
    expect(run.problem?.message).toContain('removed constraint processed_messages.processed_messages_pkey PRIMARY KEY');
    expect(run.problem?.message).toContain('added column loyalty_accounts.tier text');
  });

  it('a handler that changes session settings does not blind the verdict', async () => {
    const run = await runLab(db(), idempotencyLab, `SET search_path TO pg_catalog;\n${effectOnly.replace('UPDATE loyalty_accounts', 'UPDATE public.loyalty_accounts')}`, dup(['evt-1'], 'evt-1'));
    expect(run.problem).toBeNull();
    expect(run.verdict?.findings.map((f) => [f.kind, f.event])).toEqual([['duplicated', 'evt-1']]);
  });

  it('an empty handler is a problem, not a crash', async () => {
    const run = await runLab(db(), idempotencyLab, '-- nothing yet\n', everyOnce(['evt-1']));
    expect(run.problem?.kind).toBe('no statements');
  });
});
