import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clock, GRACE_OPTIONS, ORDERS, runWindows, WINDOW_CHOICES, WINDOW_S, type OrderEvent } from '../../../../src/lib/tryit/windows.ts';

const orders = fc.array(
  fc.record({ happenedAt: fc.integer({ min: 0, max: 900 }), delay: fc.integer({ min: 0, max: 400 }) }).map(({ happenedAt, delay }) => ({ happenedAt, arrivedAt: happenedAt + delay })),
  { maxLength: 20 },
).map((list) => [...list].sort((a, b) => a.arrivedAt - b.arrivedAt).map((o, i): OrderEvent => ({ id: `ord_${i + 1}`, ...o })));

describe('windows Try-it', () => {
  it('counts 3, 4 and 5 orders in 12:00–12:05 by event time with no, 1 and 3 minutes of grace', () => {
    expect(GRACE_OPTIONS.map((g) => runWindows('event-time', g.seconds).firstWindow)).toEqual([3, 4, 5]);
    expect(runWindows('event-time', 0).fates.filter((f) => !f.counted).map((f) => f.order.id)).toEqual(['ord_5', 'ord_7']);
    expect(runWindows('event-time', 60).fates.filter((f) => !f.counted).map((f) => f.order.id)).toEqual(['ord_7']);
  });

  it('counts by arrival under processing time: the offline phone’s orders land in the next window', () => {
    const run = runWindows('processing-time', 60);
    expect(run.firstWindow).toBe(2);
    expect(run.dropped).toBe(0);
    expect(run.fates.find((f) => f.order.id === 'ord_5')!.windowStart).toBe(WINDOW_S);
  });

  it('every outcome is one of the prediction choices, and the reason names the dropped orders', () => {
    for (const basis of ['event-time', 'processing-time'] as const) {
      for (const g of GRACE_OPTIONS) expect(WINDOW_CHOICES.map((c) => c.id)).toContain(runWindows(basis, g.seconds).outcome);
    }
    expect(runWindows('event-time', 0).why).toMatch(/2 orders came after that and were dropped/);
    expect(runWindows('event-time', 0).fates.find((f) => f.order.id === 'ord_7')!.text).toBe(
      'ord_7 happened at 12:04:10, 12:06:40 on arrival: dropped, 12:00–12:05 closed when stream time passed 12:05:00 (now 12:06:20).',
    );
  });

  it('a longer grace never counts fewer orders, and a grace as long as the worst delay drops none', () => {
    fc.assert(
      fc.property(orders, fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 600 }), (list, a, b) => {
        const [short, long] = a <= b ? [a, b] : [b, a];
        expect(runWindows('event-time', long, list).dropped).toBeLessThanOrEqual(runWindows('event-time', short, list).dropped);
        const worst = Math.max(0, ...list.map((o) => o.arrivedAt - o.happenedAt));
        expect(runWindows('event-time', worst + WINDOW_S, list).dropped).toBe(0);
      }),
    );
  });

  it('processing time never drops, and an order is counted at most once, in the window of its event time', () => {
    fc.assert(
      fc.property(orders, fc.integer({ min: 0, max: 600 }), (list, grace) => {
        expect(runWindows('processing-time', grace, list).dropped).toBe(0);
        const run = runWindows('event-time', grace, list);
        expect(run.fates).toHaveLength(list.length);
        for (const f of run.fates) expect(f.windowStart).toBe(Math.floor(f.order.happenedAt / WINDOW_S) * WINDOW_S);
      }),
    );
  });

  it('writes times on the clock', () => {
    expect(clock(220)).toBe('12:03:40');
    expect(ORDERS.every((o) => o.arrivedAt >= o.happenedAt)).toBe(true);
  });
});
