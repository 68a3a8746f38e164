import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_IDS, subscribersByIds, type Subscriber } from '../../../../src/lib/emitter/catalogue.ts';
import { sampleOrder } from '../../../../src/lib/emitter/order-event.ts';
import { eventDrivenProducer, type Mode } from '../../../../src/lib/emitter/producer.ts';
import {
  BROKER_ACK_MS,
  CALL_OVERHEAD_MS,
  DELIVERY_MS,
  outcomeAt,
  planRun,
  runAnnouncement,
  statusAt,
  stepsUntil,
  stepTimes,
} from '../../../../src/lib/emitter/timeline.ts';

const builtIns = subscribersByIds(BUILT_IN_IDS);

function run(mode: Mode, subscribers: readonly Subscriber[] = builtIns, failing: readonly string[] = []) {
  return planRun({ mode, subscribers, failing, seq: 1, now: 1000, order: sampleOrder(1) });
}

/** `[at, kind, subscriberId]` triples: compact enough to pin a whole timeline in one assertion. */
function shape(steps: readonly { at: number; kind: string; subscriberId: string | null }[]) {
  return steps.map((s) => [s.at, s.kind, s.subscriberId]);
}

describe('event-driven run', () => {
  it('publishes one event, is acknowledged after 40 ms and delivers a copy to each subscriber', () => {
    const r = run('event-driven');
    expect(BROKER_ACK_MS).toBe(40);
    expect(DELIVERY_MS).toBe(60);
    expect(shape(r.steps)).toEqual([
      [0, 'published', null],
      [40, 'acknowledged', null],
      [40, 'order-confirmed', null],
      [60, 'delivered', 'email'],
      [60, 'delivered', 'inventory'],
      [60, 'delivered', 'analytics'],
      [660, 'completed', 'email'],
      [1160, 'completed', 'inventory'],
      [1760, 'completed', 'analytics'],
    ]);
    expect(r.event).toMatchObject({ id: 'evt-0001', type: 'OrderPlaced', source: 'order-service', time: 1000, correlationId: 'corr-0001' });
    expect(r.summary).toEqual({
      outcome: 'confirmed',
      responseMs: 40,
      finishedMs: 1760,
      perSubscriber: { email: 'done', inventory: 'done', analytics: 'done' },
      text: 'Order confirmed in 40 ms. All 3 subscribers handled evt-0001, each in its own time.',
    });
  });

  it('writes a readable sentence for each step', () => {
    const texts = run('event-driven').steps.map((s) => s.text);
    expect(texts[0]).toBe('Order service published OrderPlaced evt-0001 (order ord-0001, €42.50, correlation corr-0001).');
    expect(texts.join(' ')).not.toMatch(/clock/);
    expect(texts).toContain('Broker delivered a copy of evt-0001 to Inventory.');
    expect(texts).toContain('Email sent order confirmation (600 ms after delivery).');
  });

  it('adding a subscriber changes neither the producer, the event nor the customer wait', () => {
    const before = run('event-driven');
    const after = run('event-driven', subscribersByIds([...BUILT_IN_IDS, 'fraud-check']));
    expect(after.producer).toEqual(before.producer);
    expect(after.event).toEqual(before.event);
    expect(after.summary.responseMs).toBe(before.summary.responseMs);
    expect(after.steps.filter((s) => s.kind === 'delivered')).toHaveLength(4);
    expect(after.steps).toContainEqual(expect.objectContaining({ at: 960, kind: 'completed', subscriberId: 'fraud-check' }));
  });

  it('a failing subscriber fails alone: the order is confirmed and the others complete', () => {
    const r = run('event-driven', builtIns, ['inventory']);
    expect(r.summary.outcome).toBe('confirmed');
    expect(r.summary.responseMs).toBe(40);
    expect(r.summary.perSubscriber).toEqual({ email: 'done', inventory: 'failed', analytics: 'done' });
    expect(shape(r.steps.filter((s) => s.at > DELIVERY_MS))).toEqual([
      [660, 'completed', 'email'],
      [1160, 'failed', 'inventory'],
      [1760, 'completed', 'analytics'],
    ]);
    expect(r.summary.text).toBe(
      'Order confirmed in 40 ms. 2 of 3 subscribers handled evt-0001; Inventory failed and its copy waits in its backlog until recovery.',
    );
  });

  it('announces one summary per order that names every subscriber\'s outcome', () => {
    expect(runAnnouncement(run('event-driven', builtIns, ['analytics']))).toBe(
      'Order ord-0001 confirmed in 40 ms. Email sent order confirmation; Inventory reserved stock; ' +
        'Analytics failed, its copy waits in its backlog at the broker.',
    );
    expect(runAnnouncement(run('request-driven', builtIns, ['inventory']))).toBe(
      'Order ord-0001 failed after 1750 ms. Email sent order confirmation; Inventory returned an error; Analytics was never called.',
    );
    expect(runAnnouncement(run('event-driven', []))).toBe('Order ord-0001 confirmed in 40 ms. Nobody reacted: there are no subscribers yet.');
  });
});

describe('request-driven run', () => {
  it('calls each service in turn; the customer waits for the sum plus call overheads', () => {
    const r = run('request-driven');
    expect(CALL_OVERHEAD_MS).toBe(25);
    expect(r.event).toBeNull();
    expect(shape(r.steps)).toEqual([
      [0, 'called', 'email'],
      [625, 'responded', 'email'],
      [625, 'called', 'inventory'],
      [1750, 'responded', 'inventory'],
      [1750, 'called', 'analytics'],
      [3475, 'responded', 'analytics'],
      [3475, 'order-confirmed', null],
    ]);
    expect(r.summary.responseMs).toBe(3475);
    expect(r.summary.text).toBe('Order confirmed in 3475 ms: the customer waited for all 3 services, one after another.');
  });

  it('a failing service fails the order, later services are never called, earlier side effects stay', () => {
    const r = run('request-driven', builtIns, ['inventory']);
    expect(shape(r.steps)).toEqual([
      [0, 'called', 'email'],
      [625, 'responded', 'email'],
      [625, 'called', 'inventory'],
      [1750, 'failed', 'inventory'],
      [1750, 'order-failed', null],
    ]);
    expect(r.summary.outcome).toBe('failed');
    expect(r.summary.responseMs).toBe(1750);
    expect(r.summary.perSubscriber).toEqual({ email: 'done', inventory: 'failed', analytics: 'not-called' });
    expect(r.summary.text).toBe(
      'Order failed after 1750 ms because Inventory failed. Analytics was never called. Email had already sent order confirmation, for an order that then failed.',
    );
  });

  it('names every service that was skipped and every side effect already done', () => {
    const five = subscribersByIds([...BUILT_IN_IDS, 'fraud-check', 'loyalty']);
    expect(run('request-driven', five, ['analytics']).summary.text).toBe(
      'Order failed after 3475 ms because Analytics failed. Fraud check and Loyalty points were never called. ' +
        'Email had already sent order confirmation and Inventory had already reserved stock, for an order that then failed.',
    );
    expect(run('request-driven', builtIns, ['email']).summary.text).toBe(
      'Order failed after 625 ms because Email failed. Inventory and Analytics were never called.',
    );
  });

  it('adding a service makes the Order service call it, and the customer waits longer', () => {
    const before = run('request-driven');
    const after = run('request-driven', subscribersByIds([...BUILT_IN_IDS, 'shipping']));
    expect(after.producer).not.toEqual(before.producer);
    expect(after.summary.responseMs).toBe(before.summary.responseMs + CALL_OVERHEAD_MS + 2000);
  });
});

describe('replaying a run', () => {
  it('reports the steps that have happened by a time, inclusive', () => {
    const r = run('event-driven');
    expect(stepsUntil(r, -1)).toEqual([]);
    expect(stepsUntil(r, 40).map((s) => s.kind)).toEqual(['published', 'acknowledged', 'order-confirmed']);
    expect(stepsUntil(r, 10_000)).toEqual(r.steps);
    expect(stepTimes(r)).toEqual([0, 40, 60, 660, 1160, 1760]);
  });

  it('moves each event-driven card from idle to received to done or failed', () => {
    const r = run('event-driven', builtIns, ['analytics']);
    expect(statusAt(r, 'email', 59)).toEqual({ state: 'idle', text: 'Idle' });
    expect(statusAt(r, 'email', 60)).toEqual({ state: 'received', text: 'Received evt-0001; working' });
    expect(statusAt(r, 'email', 660)).toEqual({ state: 'done', text: 'Done: sent order confirmation' });
    expect(statusAt(r, 'inventory', 660).state).toBe('received');
    expect(statusAt(r, 'analytics', 1760)).toEqual({ state: 'failed', text: 'Failed: its copy waits in its backlog at the broker' });
  });

  it('leaves a subscriber added after publishing idle, and every card idle before any order', () => {
    const r = run('event-driven');
    expect(statusAt(r, 'loyalty', 5000)).toEqual({ state: 'idle', text: 'Idle: subscribed after evt-0001 was published' });
    expect(statusAt(null, 'email', 5000)).toEqual({ state: 'idle', text: 'Idle' });
  });

  it('marks request-driven services after the failure as never called once the order has failed', () => {
    const r = run('request-driven', builtIns, ['inventory']);
    expect(statusAt(r, 'analytics', 100).state).toBe('idle');
    expect(statusAt(r, 'inventory', 700)).toEqual({ state: 'received', text: 'Called; working while the Order service waits' });
    expect(statusAt(r, 'inventory', 1750)).toEqual({ state: 'failed', text: 'Failed: returned an error to the Order service' });
    expect(statusAt(r, 'analytics', 1750)).toEqual({ state: 'not-called', text: 'Never called: the order had already failed' });
  });

  it('shows the answer to the customer as soon as it is given, and the summary at the end', () => {
    const r = run('event-driven');
    expect(outcomeAt(r, 39)).toBeNull();
    expect(outcomeAt(r, 40)).toBe('Order confirmed in 40 ms: the customer waited for the broker only, not for any subscriber.');
    expect(outcomeAt(r, 1760)).toBe(r.summary.text);
  });

  it('rejects duplicate subscriber ids', () => {
    expect(() => run('event-driven', [...builtIns, builtIns[0] as Subscriber])).toThrow('unique');
  });
});

/** Any set of subscribers with any processing times, each possibly set to fail. */
const subscriberSets = fc
  .array(fc.record({ ms: fc.integer({ min: 0, max: 10_000 }), fails: fc.boolean() }), { maxLength: 8 })
  .map((specs) => ({
    subscribers: specs.map(
      ({ ms }, i): Subscriber => ({ id: `s${i}`, name: `Service ${i}`, does: 'Does things', result: 'did things', processingMs: ms }),
    ),
    failing: specs.flatMap(({ fails }, i) => (fails ? [`s${i}`] : [])),
  }));

describe('properties', () => {
  it('event-driven: the customer waits for the broker only, whoever subscribes and whoever fails', () => {
    fc.assert(
      fc.property(subscriberSets, ({ subscribers, failing }) => {
        const r = run('event-driven', subscribers, failing);
        expect(r.summary.outcome).toBe('confirmed');
        expect(r.summary.responseMs).toBe(BROKER_ACK_MS);
        expect(r.producer).toEqual(eventDrivenProducer());
        expect(r.event).toEqual(run('event-driven', []).event);
        for (const s of subscribers) {
          const own = r.steps.filter((step) => step.subscriberId === s.id);
          const end = failing.includes(s.id) ? 'failed' : 'completed';
          expect(shape(own)).toEqual([
            [DELIVERY_MS, 'delivered', s.id],
            [DELIVERY_MS + s.processingMs, end, s.id],
          ]);
        }
      }),
    );
  });

  it('request-driven: the customer waits for the sum up to and including the first failure', () => {
    fc.assert(
      fc.property(subscriberSets, ({ subscribers, failing }) => {
        const r = run('request-driven', subscribers, failing);
        const firstFailure = subscribers.findIndex((s) => failing.includes(s.id));
        const called = firstFailure === -1 ? subscribers : subscribers.slice(0, firstFailure + 1);
        const sum = called.reduce((total, s) => total + CALL_OVERHEAD_MS + s.processingMs, 0);
        expect(r.summary.responseMs).toBe(sum);
        expect(r.summary.outcome).toBe(firstFailure === -1 ? 'confirmed' : 'failed');
        expect(r.steps.filter((s) => s.kind === 'called').map((s) => s.subscriberId)).toEqual(called.map((s) => s.id));
        subscribers.forEach((s, i) => {
          const expected = firstFailure === -1 || i < firstFailure ? 'done' : i === firstFailure ? 'failed' : 'not-called';
          expect(r.summary.perSubscriber[s.id]).toBe(expected);
        });
      }),
    );
  });

  it('steps are in time order and what has happened by any time is a prefix of the run', () => {
    fc.assert(
      fc.property(subscriberSets, fc.constantFrom<Mode>('event-driven', 'request-driven'), fc.integer({ min: -10, max: 12_000 }), (set, mode, t) => {
        const r = run(mode, set.subscribers, set.failing);
        r.steps.forEach((s, i) => expect(s.at).toBeGreaterThanOrEqual(r.steps[i - 1]?.at ?? 0));
        expect(r.steps).toEqual(expect.arrayContaining(stepsUntil(r, t)));
        expect(stepsUntil(r, t)).toEqual(r.steps.slice(0, stepsUntil(r, t).length));
        expect(r.summary.finishedMs).toBe(r.steps[r.steps.length - 1]?.at ?? 0);
      }),
    );
  });
});
