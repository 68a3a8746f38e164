/**
 * The SQL labs: lesson 6's idempotent consumer (loyalty points, de-duplication table), lesson 9's
 * transactional outbox (order row and event row) and lesson 9's outbox relay (the claim query, in
 * `relay-lab.ts`). Each starts from a broken handler; the course's handler passes every schedule of
 * the challenge set.
 */
import { crashSchedules, lastStepOf, verdictOf, type Balance, type Finding, type LabDefinition, type LabEvent, type Schedule } from './driver.ts';
import { relayLab } from './relay-lab.ts';

export { relayLab };

const SOURCE = '/shop/order-service';

const loyaltyEvents: LabEvent[] = [
  { id: 'evt-1', label: 'OrderPlaced ord_48213: 24 points for cus_9921', params: { event_id: 'evt-1', source: SOURCE, customer_id: 'cus_9921', points: 24 } },
  { id: 'evt-2', label: 'OrderPlaced ord_48214: 10 points for cus_4410', params: { event_id: 'evt-2', source: SOURCE, customer_id: 'cus_4410', points: 10 } },
  { id: 'evt-3', label: 'OrderPlaced ord_48215: 5 points for cus_9921', params: { event_id: 'evt-3', source: SOURCE, customer_id: 'cus_9921', points: 5 } },
];

const seedPoints: Record<string, number> = { cus_9921: 100, cus_4410: 0 };

/** How a lab names its faults: a broker's deliveries, or a client's requests. */
interface FaultNames {
  readonly once: string;
  readonly twice: string;
  readonly lost: string;
}
const deliveryFaults: FaultNames = { once: 'every event once', twice: 'delivered twice', lost: 'acknowledgement lost' };
const requestFaults: FaultNames = { once: 'every request once', twice: 'sent twice', lost: 'reply lost' };

/** Every event once, then each fault in turn, then a crash at every statement boundary of the first event. */
function challenge(events: readonly LabEvent[], statementCount: number, names: FaultNames = deliveryFaults): Schedule[] {
  const ids = events.map((e) => e.id);
  const first = ids[0] as string;
  const second = ids[1] as string;
  return [
    { name: names.once, deliveries: ids.map((event) => ({ event })) },
    { name: `${first} ${names.twice}`, deliveries: ids.map((event) => (event === first ? { event, duplicate: true } : { event })) },
    { name: `${second}'s ${names.lost}`, deliveries: ids.map((event) => (event === second ? { event, lostAck: true } : { event })) },
    ...crashSchedules(events, first, statementCount),
  ];
}

/** Lesson 6: award loyalty points once per OrderPlaced, however often it is delivered. */
export const idempotencyLab: LabDefinition = {
  id: 'idempotency',
  title: 'Idempotent consumer: award loyalty points once per OrderPlaced',
  intro:
    'The lab delivers each OrderPlaced the way an at-least-once broker does, and can deliver it twice, lose its acknowledgement, or crash your handler after any statement. Then it checks every balance.',
  fixture: `
CREATE TABLE loyalty_accounts (
  customer_id text    PRIMARY KEY,
  points      integer NOT NULL
);
INSERT INTO loyalty_accounts (customer_id, points) VALUES ('cus_9921', 100), ('cus_4410', 0);

CREATE TABLE processed_messages (
  subscriber   text        NOT NULL,
  source       text        NOT NULL,
  event_id     text        NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (subscriber, source, event_id)
);

-- The lab's own bookkeeping: every committed change of a balance, with the event and trace step.
CREATE TABLE sqllab_effects (
  seq         serial  PRIMARY KEY,
  event_id    text,
  step        integer,
  customer_id text    NOT NULL,
  delta       integer NOT NULL
);
CREATE FUNCTION sqllab_record_effect() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  IF NEW.points IS DISTINCT FROM OLD.points THEN
    INSERT INTO sqllab_effects (event_id, step, customer_id, delta)
    VALUES (NULLIF(current_setting('sqllab.event_id', true), ''),
            NULLIF(current_setting('sqllab.step', true), '')::integer,
            NEW.customer_id, NEW.points - OLD.points);
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER sqllab_effects AFTER UPDATE ON loyalty_accounts FOR EACH ROW EXECUTE FUNCTION sqllab_record_effect();
`,
  fixtureTables: ['loyalty_accounts', 'processed_messages', 'sqllab_effects'],
  brokenHandler: `-- Loyalty's OrderPlaced handler. Parameters: :event_id, :source, :customer_id, :points
UPDATE loyalty_accounts
SET points = points + :points
WHERE customer_id = :customer_id;
`,
  correctHandler: `-- Loyalty's OrderPlaced handler. Parameters: :event_id, :source, :customer_id, :points
BEGIN;
-- On a redelivery this fails with a unique violation: ROLLBACK and skip.
INSERT INTO processed_messages (subscriber, source, event_id)
VALUES ('loyalty', :source, :event_id);
UPDATE loyalty_accounts
SET points = points + :points
WHERE customer_id = :customer_id;
COMMIT;
`,
  events: loyaltyEvents,
  words: {
    run: 'Delivery',
    runs: 'deliveries',
    cause: { first: 'first delivery', 'redelivery after crash': 'redelivered after the crash', 'redelivery after lost ack': 'redelivered: its acknowledgement was lost', duplicate: 'the broker’s duplicate' },
    good: 'Every balance is right.',
    broken: 'The balances are wrong.',
    afterCrash: 'the event is not acknowledged',
    afterFailure: 'The handler failed: its open transaction rolls back and the message is skipped.',
    inputs: 'events',
    inputsHeading: 'The events, in delivery order:',
  },
  challengeSchedules: (n) => challenge(loyaltyEvents, n),
  async judge({ db, events, attempts, trace }) {
    const delivered = new Set(attempts.map((a) => a.event));
    const expected = new Map(Object.entries(seedPoints));
    for (const e of events) {
      if (!delivered.has(e.id)) continue;
      const who = String(e.params['customer_id']);
      expected.set(who, (expected.get(who) ?? 0) + Number(e.params['points']));
    }
    const actualRows = (await db.query('SELECT customer_id, points FROM loyalty_accounts ORDER BY customer_id')).rows;
    const actual = new Map(actualRows.map((r) => [String(r['customer_id']), Number(r['points'])]));
    const effects = (await db.query('SELECT event_id, step, customer_id, delta FROM sqllab_effects ORDER BY seq')).rows;
    const findings: Finding[] = [];
    for (const e of events) {
      if (!delivered.has(e.id)) continue;
      const mine = effects.filter((f) => f['event_id'] === e.id);
      const applied = mine.reduce((sum, f) => sum + Number(f['delta']), 0);
      const points = Number(e.params['points']);
      if (mine.length === 0 || applied === 0) {
        findings.push({ kind: 'missing', event: e.id, step: lastStepOf(trace, e.id), message: `${e.label}: never awarded (missing effect).` });
      } else if (applied > points) {
        const second = mine[1];
        findings.push({
          kind: 'duplicated',
          event: e.id,
          step: second === undefined ? lastStepOf(trace, e.id) : Number(second['step']),
          message: `${e.label}: awarded ${applied / points === Math.round(applied / points) ? `${applied / points} times` : `${applied} points`} (duplicated effect).`,
        });
      }
    }
    const balances: Balance[] = [...expected].map(([account, want]) => ({ account, expected: want, actual: actual.get(account) ?? null }));
    if (findings.length === 0) {
      for (const b of balances) {
        if (b.actual !== b.expected) findings.push({ kind: 'wrong balance', step: null, message: `${b.account} has ${b.actual ?? 'no account'} points; expected ${b.expected}.` });
      }
    }
    return verdictOf(findings, 'Every event awarded its points exactly once.', balances);
  },
};

const orderRequests: LabEvent[] = [
  {
    id: 'ord_48213',
    label: 'PlaceOrder ord_48213 (cus_9921, 2400)',
    params: { order_id: 'ord_48213', customer_id: 'cus_9921', total: 2400, event_id: '4d47e190-0402-4048-bc2c-89dd54343cdc', payload: '{"orderId":"ord_48213","customerId":"cus_9921","total":2400}' },
  },
  {
    id: 'ord_48214',
    label: 'PlaceOrder ord_48214 (cus_4410, 990)',
    params: { order_id: 'ord_48214', customer_id: 'cus_4410', total: 990, event_id: '9b1e7c52-6a3f-4d8e-8c21-5f0a7e3d2b64', payload: '{"orderId":"ord_48214","customerId":"cus_4410","total":990}' },
  },
];

/** Lesson 9: the order and its OrderPlaced event, committed together or not at all. */
export const outboxLab: LabDefinition = {
  id: 'outbox',
  title: 'Transactional outbox: the order and its OrderPlaced event together or not at all',
  intro:
    'The lab sends each PlaceOrder request to your Order service, and can send it twice, lose the reply, or crash the service after any statement. Then it checks that every order has its OrderPlaced and every OrderPlaced its order.',
  fixture: `
CREATE TABLE orders (
  id          text    PRIMARY KEY,
  customer_id text    NOT NULL,
  total       integer NOT NULL
);

CREATE TABLE outbox (
  id            uuid        PRIMARY KEY,
  aggregatetype text        NOT NULL DEFAULT 'order',
  aggregateid   text        NOT NULL,
  type          text        NOT NULL,
  payload       jsonb       NOT NULL,
  seq           bigserial,
  published_at  timestamptz
);

-- Publishing straight to the broker, modelled: a row here is an event the world has seen.
CREATE TABLE published_events (
  id       uuid PRIMARY KEY,
  order_id text NOT NULL,
  type     text NOT NULL
);
`,
  fixtureTables: ['orders', 'outbox', 'published_events'],
  brokenHandler: `-- Order service: place the order, then publish OrderPlaced.
-- Parameters: :order_id, :customer_id, :total, :event_id, :payload
BEGIN;
INSERT INTO orders (id, customer_id, total)
VALUES (:order_id, :customer_id, :total);
COMMIT;
-- Publish to the broker (a separate system: its own commit).
INSERT INTO published_events (id, order_id, type)
VALUES (:event_id, :order_id, 'OrderPlaced');
`,
  correctHandler: `-- Order service: the order and its event in one transaction.
-- Parameters: :order_id, :customer_id, :total, :event_id, :payload
BEGIN;
INSERT INTO orders (id, customer_id, total)
VALUES (:order_id, :customer_id, :total);
INSERT INTO outbox (id, aggregateid, type, payload)
VALUES (:event_id, :order_id, 'OrderPlaced', :payload);
COMMIT;  -- the order and its event exist together, or not at all
`,
  events: orderRequests,
  words: {
    run: 'Request',
    runs: 'requests',
    cause: { first: 'first attempt', 'redelivery after crash': 'the client retries after the crash', 'redelivery after lost ack': 'the client retries: the reply was lost', duplicate: 'the client sent it twice' },
    good: 'Orders and events agree.',
    broken: 'Orders and events disagree.',
    afterCrash: 'the client gets no reply and retries the request',
    afterFailure: 'The request failed: its open transaction rolls back and the client gets an error.',
    inputs: 'requests',
    inputsHeading: 'The requests, in the order they arrive:',
  },
  challengeSchedules: (n) => challenge(orderRequests, n, requestFaults),
  async judge({ db, events, attempts, trace }) {
    const delivered = new Set(attempts.map((a) => a.event));
    const orders = new Set((await db.query('SELECT id FROM orders')).rows.map((r) => String(r['id'])));
    const eventRows = (
      await db.query(`SELECT aggregateid AS order_id, id::text AS id FROM outbox UNION ALL SELECT order_id, id::text FROM published_events ORDER BY 1, 2`)
    ).rows.map((r) => ({ order: String(r['order_id']), id: String(r['id']) }));
    const findings: Finding[] = [];
    for (const e of events) {
      if (!delivered.has(e.id)) continue;
      const mine = eventRows.filter((r) => r.order === e.id);
      const hasOrder = orders.has(e.id);
      const step = lastStepOf(trace, e.id);
      if (hasOrder && mine.length === 0) findings.push({ kind: 'order without event', event: e.id, step, message: `${e.id} was placed but no OrderPlaced exists for it: downstream services never hear of it.` });
      if (!hasOrder && mine.length > 0) findings.push({ kind: 'event without order', event: e.id, step, message: `OrderPlaced for ${e.id} exists but the order does not: a phantom event.` });
      if (!hasOrder && mine.length === 0) findings.push({ kind: 'missing', event: e.id, step, message: `${e.id} was never placed.` });
      if (mine.length > 1) findings.push({ kind: 'duplicated event', event: e.id, step, message: `${e.id} has ${mine.length} OrderPlaced events.` });
    }
    for (const r of eventRows) {
      if (!delivered.has(r.order) && !orders.has(r.order)) findings.push({ kind: 'event without order', step: null, message: `An OrderPlaced for unknown order ${r.order}.` });
    }
    return verdictOf(findings, 'Every order has exactly one OrderPlaced event, and every event its order.');
  },
};

/** The labs by id. */
export const labs = { idempotency: idempotencyLab, outbox: outboxLab, relay: relayLab } as const;
