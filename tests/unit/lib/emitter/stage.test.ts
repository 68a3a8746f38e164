import { describe, expect, it } from 'vitest';
import { afterRun, emptyLog, recover } from '../../../../src/lib/emitter/broker.ts';
import { BUILT_IN_IDS, subscriberById, subscribersByIds } from '../../../../src/lib/emitter/catalogue.ts';
import { sampleOrder } from '../../../../src/lib/emitter/order-event.ts';
import { chipLabel, chipsAt, screenTimes, stageLayout, waitingAt, type Replay } from '../../../../src/lib/emitter/stage.ts';
import { planRun } from '../../../../src/lib/emitter/timeline.ts';

const layout = stageLayout('event-driven', BUILT_IN_IDS);

function orderReplay(seq: number, failing: readonly string[], before = emptyLog(BUILT_IN_IDS)): Replay {
  const run = planRun({ mode: 'event-driven', subscribers: subscribersByIds(BUILT_IN_IDS), failing, seq, now: 0, order: sampleOrder(seq) });
  return { kind: 'order', run, before, after: afterRun(before, run) };
}

const keys = (replay: Replay | null, at: number, log = emptyLog(BUILT_IN_IDS)) => chipsAt(layout, replay, log, at).map((c) => c.key);

describe('stage layout', () => {
  it('stacks subscribers in the right-hand column and grows with them', () => {
    const six = stageLayout('event-driven', ['email', 'inventory', 'analytics', 'fraud-check', 'loyalty', 'shipping']);
    expect(six.height).toBeGreaterThan(layout.height);
    const boxes = Object.values(six.subscribers);
    boxes.slice(1).forEach((b, i) => expect(b.y).toBeGreaterThanOrEqual((boxes[i]?.y ?? 0) + (boxes[i]?.h ?? 0)));
    for (const b of boxes) expect(b.x + b.w).toBeLessThanOrEqual(six.width);
  });

  it('draws lanes from the broker when event-driven and from the Order service when request-driven', () => {
    const rd = stageLayout('request-driven', BUILT_IN_IDS);
    expect(layout.lanes['email']?.from.x).toBe(layout.broker.x + layout.broker.w);
    expect(rd.lanes['email']?.from.y).toBe(rd.producer.y + rd.producer.h / 2);
  });
});

describe('chips', () => {
  it('the event travels to the broker, then a copy travels to each subscriber until it has handled it', () => {
    const r = orderReplay(1, []);
    expect(keys(r, 0)).toEqual(['pub-evt-0001']);
    expect(keys(r, 60)).toEqual(['copy-email-evt-0001', 'copy-inventory-evt-0001', 'copy-analytics-evt-0001']);
    expect(keys(r, 660)).toEqual(['copy-inventory-evt-0001', 'copy-analytics-evt-0001']);
    expect(keys(r, 1760)).toEqual([]);
  });

  it('a failed copy travels back to its backlog by the broker and stays there', () => {
    const r = orderReplay(1, ['inventory']);
    const atFailure = chipsAt(layout, r, emptyLog(BUILT_IN_IDS), 1160).find((c) => c.key === 'wait-inventory-evt-0001');
    const sub = layout.subscribers['inventory'];
    expect(atFailure?.tone).toBe('waiting');
    expect(atFailure?.from.x).toBeLessThan(sub?.x ?? 0);
    expect(atFailure?.from).not.toEqual(atFailure?.to);
    expect(waitingAt(r, emptyLog(BUILT_IN_IDS), 'inventory', 1159)).toEqual([]);
    expect(waitingAt(r, emptyLog(BUILT_IN_IDS), 'inventory', 1160)).toEqual(['evt-0001']);
    // Between replays the chip rests in the backlog without moving.
    if (r.kind !== 'order') throw new Error('order replay expected');
    const resting = chipsAt(layout, null, r.after, 0);
    expect(resting.map((c) => c.key)).toEqual(['wait-inventory-evt-0001']);
    expect(resting[0]?.from).toEqual(resting[0]?.to);
  });

  it('on recovery the waiting copies travel one by one from the backlog to the subscriber', () => {
    const first = orderReplay(1, ['inventory']);
    if (first.kind !== 'order') throw new Error('order replay expected');
    const second = orderReplay(2, ['inventory'], first.after);
    if (second.kind !== 'order') throw new Error('order replay expected');
    const recovered = recover(second.after, subscriberById('inventory'));
    if (!recovered) throw new Error('expected a redelivery');
    const replay: Replay = { kind: 'redelivery', redelivery: recovered.redelivery, before: second.after, after: recovered.log };
    expect(keys(replay, 0)).toEqual(['wait-inventory-evt-0001', 'wait-inventory-evt-0002']);
    expect(keys(replay, 60)).toEqual(['redeliver-inventory-evt-0001', 'wait-inventory-evt-0002']);
    expect(keys(replay, 1160)).toEqual(['redeliver-inventory-evt-0002']);
    expect(keys(replay, 2260)).toEqual([]);
  });

  it('request-driven: a call travels out and its answer (or error) travels back', () => {
    const rd = stageLayout('request-driven', BUILT_IN_IDS);
    const run = planRun({ mode: 'request-driven', subscribers: subscribersByIds(BUILT_IN_IDS), failing: ['inventory'], seq: 1, now: 0, order: sampleOrder(1) });
    const log = emptyLog(BUILT_IN_IDS);
    const replay: Replay = { kind: 'order', run, before: log, after: log };
    const at = (t: number) => chipsAt(rd, replay, log, t).map((c) => `${c.key}:${c.tone}`);
    expect(at(0)).toEqual(['call-email:call']);
    expect(at(625)).toEqual(['answer-email:answer', 'call-inventory:call']);
    expect(at(1750)).toEqual(['answer-email:answer', 'answer-inventory:error']);
  });

  it('labels a chip with the event number', () => {
    expect(chipLabel('evt-0012')).toBe('12');
  });
});

describe('screen pacing', () => {
  it('gives every gap at least the minimum and fits the total in the maximum', () => {
    const shown = screenTimes([0, 40, 60, 660, 1160, 1760], 450, 3600);
    expect(shown[0]).toBe(0);
    shown.slice(1).forEach((t, i) => expect(t - (shown[i] ?? 0)).toBeGreaterThanOrEqual(450));
    expect(shown.at(-1)).toBeCloseTo(3600);
    // Longer real gaps stay longer on screen.
    expect((shown[3] ?? 0) - (shown[2] ?? 0)).toBeGreaterThan((shown[1] ?? 0) - (shown[0] ?? 0));
  });

  it('keeps short replays at their real pace plus the minimum gaps, and rejects unordered times', () => {
    expect(screenTimes([0, 100], 450, 3600)).toEqual([0, 550]);
    expect(screenTimes([], 450, 3600)).toEqual([]);
    expect(() => screenTimes([10, 0], 450, 3600)).toThrow('ascending');
  });
});
