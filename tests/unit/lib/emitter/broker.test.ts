import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterRun, backlogOf, emptyLog, recover, redeliveryStatusAt, REDELIVERY_MS, subscribe } from '../../../../src/lib/emitter/broker.ts';
import { BUILT_IN_IDS, subscriberById, subscribersByIds } from '../../../../src/lib/emitter/catalogue.ts';
import { sampleOrder } from '../../../../src/lib/emitter/order-event.ts';
import { planRun } from '../../../../src/lib/emitter/timeline.ts';

const builtIns = subscribersByIds(BUILT_IN_IDS);

function order(seq: number, failing: readonly string[], ids: readonly string[] = BUILT_IN_IDS) {
  return planRun({ mode: 'event-driven', subscribers: subscribersByIds(ids), failing, seq, now: 0, order: sampleOrder(seq) });
}

describe('broker log and cursors', () => {
  it('moves the cursor of each subscriber that handled the event; a failed copy stays in the backlog', () => {
    let log = emptyLog(BUILT_IN_IDS);
    log = afterRun(log, order(1, ['inventory']));
    log = afterRun(log, order(2, ['inventory']));
    expect(log.events).toEqual(['evt-0001', 'evt-0002']);
    expect(log.cursors).toEqual({ email: 2, inventory: 0, analytics: 2 });
    expect(backlogOf(log, 'inventory')).toEqual(['evt-0001', 'evt-0002']);
    expect(backlogOf(log, 'email')).toEqual([]);
  });

  it('a subscriber that joins later starts at the log end and gets only newer events', () => {
    let log = afterRun(emptyLog(BUILT_IN_IDS), order(1, []));
    log = subscribe(log, 'loyalty');
    expect(backlogOf(log, 'loyalty')).toEqual([]);
    log = afterRun(log, order(2, ['loyalty'], [...BUILT_IN_IDS, 'loyalty']));
    expect(backlogOf(log, 'loyalty')).toEqual(['evt-0002']);
    expect(() => subscribe(log, 'loyalty')).toThrow('already subscribed');
  });

  it('a request-driven run has no event to store', () => {
    const run = planRun({ mode: 'request-driven', subscribers: builtIns, failing: [], seq: 1, now: 0, order: sampleOrder(1) });
    expect(() => afterRun(emptyLog(BUILT_IN_IDS), run)).toThrow('request-driven');
  });

  it('on recovery the broker delivers the whole backlog in log order and the cursor reaches the end', () => {
    let log = emptyLog(BUILT_IN_IDS);
    log = afterRun(log, order(1, ['inventory']));
    log = afterRun(log, order(2, ['inventory']));
    const inventory = subscriberById('inventory');
    const recovered = recover(log, inventory);
    if (!recovered) throw new Error('expected a redelivery');
    const { redelivery } = recovered;
    expect(redelivery.eventIds).toEqual(['evt-0001', 'evt-0002']);
    expect(redelivery.steps.map((s) => [s.at, s.kind])).toEqual([
      [REDELIVERY_MS, 'redelivered'],
      [REDELIVERY_MS + 1100, 'completed'],
      [REDELIVERY_MS + 1100, 'redelivered'],
      [REDELIVERY_MS + 2200, 'completed'],
    ]);
    expect(redelivery.finishedMs).toBe(REDELIVERY_MS + 2200);
    expect(redelivery.summary).toBe(
      'Inventory recovered. The broker delivered its 2 waiting events, evt-0001 and evt-0002, and Inventory reserved stock for each: nothing was lost.',
    );
    expect(backlogOf(recovered.log, 'inventory')).toEqual([]);
    expect(recover(recovered.log, inventory)).toBeNull();
  });

  it('shows the recovering subscriber working through its backlog, then caught up', () => {
    let log = afterRun(emptyLog(BUILT_IN_IDS), order(1, ['email']));
    const redelivery = recover(log, subscriberById('email'))?.redelivery;
    if (!redelivery) throw new Error('expected a redelivery');
    expect(redeliveryStatusAt(redelivery, 0)).toEqual({ state: 'idle', text: 'Back: waiting for its backlog' });
    expect(redeliveryStatusAt(redelivery, REDELIVERY_MS)).toEqual({ state: 'received', text: 'Back: handling evt-0001 from its backlog' });
    expect(redeliveryStatusAt(redelivery, redelivery.finishedMs)).toEqual({ state: 'done', text: 'Caught up: sent order confirmation for evt-0001' });
    log = recover(log, subscriberById('email'))?.log ?? log;
    expect(log.cursors['email']).toBe(1);
  });

  it('whatever fails and recovers, once everyone is back nothing is lost and nothing is handled twice', () => {
    fc.assert(
      fc.property(fc.array(fc.subarray([...BUILT_IN_IDS]), { minLength: 1, maxLength: 8 }), (failingPerOrder) => {
        let log = emptyLog(BUILT_IN_IDS);
        const handled: Record<string, string[]> = { email: [], inventory: [], analytics: [] };
        failingPerOrder.forEach((failing, i) => {
          const run = order(i + 1, failing);
          const next = afterRun(log, run);
          for (const id of BUILT_IN_IDS) handled[id]?.push(...next.events.slice(log.cursors[id], next.cursors[id]));
          log = next;
        });
        for (const s of builtIns) {
          const recovered = recover(log, s);
          if (!recovered) continue;
          handled[s.id]?.push(...recovered.redelivery.eventIds);
          log = recovered.log;
        }
        for (const id of BUILT_IN_IDS) expect(handled[id]).toEqual(log.events);
      }),
    );
  });
});
