import { describe, expect, it } from 'vitest';
import { actorAndText, buildLab, correlationIds, createSim, metrics, runToEnd, runUntil, shortKey, stageView, type LabId, type StageView } from '../../../../src/lib/sim/index.ts';

/** The stage of a lab after its run, with some knobs changed from the defaults. */
function finished(lab: LabId, knobs: Record<string, string | number | boolean>, seed: number, maxChips = 12, followed?: string): StageView {
  const sim = createSim(buildLab(lab, knobs), seed);
  runToEnd(sim);
  return stageView(sim, { lab, maxChips, ...(followed ? { followed } : {}) });
}

describe('the duplicates lab on stage', () => {
  it('without idempotent consumers, one payment reaches the ledger twice and a balance overshoots', () => {
    const view = finished('duplicates-idempotency', {}, 7, 100);
    const ledger = view.groups.find((g) => g.name === 'ledger')!;
    const twice = ledger.applied.filter((c) => c.copy === 2 && !c.skipped);
    expect(twice.length).toBe(ledger.duplicateEffects);
    expect(twice.length).toBeGreaterThan(0);
    // The second application is the same event as an earlier chip: same id, same key colour.
    const first = ledger.applied.find((c) => c.eventId === twice[0]!.eventId && c.copy === 1)!;
    expect(first.colour).toBe(twice[0]!.colour);
    expect(view.bars?.group).toBe('ledger');
    const over = view.bars!.bars.filter((b) => b.verdict === 'over');
    expect(over.length).toBeGreaterThan(0);
    expect(over[0]!.value).toBeGreaterThan(over[0]!.expected);
    expect(over[0]!.text).toMatch(/^€[\d.]+ of €[\d.]+: €[\d.]+ too much — wrong$/);
    expect(view.summary).toMatch(/ledger: lag 0, \d+ effects? applied twice/);
  });

  it('with idempotent consumers, duplicates are skipped and every balance is right', () => {
    const view = finished('duplicates-idempotency', { idempotentConsumer: true }, 7, 100);
    const ledger = view.groups.find((g) => g.name === 'ledger')!;
    expect(ledger.applied.filter((c) => c.copy > 1 && !c.skipped)).toEqual([]);
    expect(ledger.applied.some((c) => c.skipped)).toBe(true);
    expect(view.bars!.bars.map((b) => b.verdict)).toEqual(view.bars!.bars.map(() => 'right'));
    const m = createSim(buildLab('duplicates-idempotency', { idempotentConsumer: true }), 7);
    runToEnd(m);
    expect(view.bars!.bars.reduce((sum, b) => sum + b.value, 0)).toBe(metrics(m).producers[0]!.amountCreated);
  });

  it('shows lost acknowledgements as duplicate copies in the partitions', () => {
    const view = finished('duplicates-idempotency', {}, 7, 100);
    const copies = view.lanes.flatMap((l) => l.chips).filter((c) => c.copy === 2);
    expect(copies.length).toBe(3);
    expect(finished('duplicates-idempotency', { idempotentProducer: true }, 7, 100).lanes.flatMap((l) => l.chips).filter((c) => c.copy > 1)).toEqual([]);
  });

  it('calls a balance still on its way pending, not wrong, before the run ends', () => {
    const sim = createSim(buildLab('duplicates-idempotency', { idempotentConsumer: true }), 7);
    runUntil(sim, 30);
    const view = stageView(sim, { lab: 'duplicates-idempotency' });
    expect(view.finished).toBe(false);
    expect(view.bars!.bars.some((b) => b.verdict === 'pending' && b.text.endsWith('still on its way'))).toBe(true);
    expect(view.bars!.bars.some((b) => b.verdict === 'under')).toBe(false);
  });
});

describe('lanes', () => {
  it('keep each key in one partition when partitioning by key, and spread keys with round-robin', () => {
    const keysPerLane = (view: StageView) => {
      const laneOfKey = new Map<string, Set<string>>();
      for (const lane of view.lanes) for (const c of lane.chips) laneOfKey.set(c.key, (laneOfKey.get(c.key) ?? new Set()).add(lane.id));
      return [...laneOfKey.values()].map((lanes) => lanes.size);
    };
    expect(Math.max(...keysPerLane(finished('ordering-keys', { partitioning: 'key' }, 11, 100)))).toBe(1);
    expect(Math.max(...keysPerLane(finished('ordering-keys', { partitioning: 'round-robin' }, 11, 100)))).toBeGreaterThan(1);
  });

  it('draw only the newest records of a long log and place every group cursor on each lane', () => {
    const sim = createSim(buildLab('consumer-groups', { clicks: 600, slowConsumer: true, secondGroup: true }), 5);
    runUntil(sim, 4000);
    const view = stageView(sim, { lab: 'consumer-groups', maxChips: 10 });
    for (const lane of view.lanes) {
      expect(lane.chips.length).toBe(10);
      expect(lane.from).toBe(lane.logEnd - 10);
      expect(lane.chips.map((c) => c.id)).toEqual(Array.from({ length: 10 }, (_, i) => String(lane.from + i)));
      expect(lane.cursors.map((c) => c.group)).toEqual(['analytics', 'search']);
      for (const c of lane.cursors) {
        expect(c.committed).toBeLessThanOrEqual(c.position);
        expect(c.lag).toBe(lane.logEnd - c.committed);
      }
    }
    // The slow consumer's partitions lag far behind the other group's on the same log.
    const lag = (g: string) => Math.max(...view.lanes.map((l) => l.cursors.find((c) => c.group === g)!.lag));
    expect(lag('analytics')).toBeGreaterThan(lag('search') + 20);
    expect(view.bars).toBeNull();
  });

  it('show a consumer crash: its partitions unassigned, the member down', () => {
    const sim = createSim(buildLab('duplicates-idempotency', {}), 7);
    let view = stageView(sim, { lab: 'duplicates-idempotency' });
    for (let t = 0; t < 2000 && !view.groups[0]!.members.some((m) => m.state === 'down'); t += 5) {
      runUntil(sim, t);
      view = stageView(sim, { lab: 'duplicates-idempotency' });
    }
    const down = view.groups[0]!.members.find((m) => m.state === 'down')!;
    expect(down.partitions).toEqual([]);
    expect(view.lanes.some((l) => l.cursors.some((c) => c.group === 'ledger' && c.owner === null))).toBe(true);
    expect(view.summary).toContain('1 member down');
  });
});

describe('retries, outbox and tracing on stage', () => {
  it('a poison message ends up in the dead-letter queue, marked as poison', () => {
    const view = finished('retries-dlq', {}, 13);
    const billing = view.groups[0]!;
    expect(billing.dlq).toHaveLength(1);
    expect(billing.dlq[0]!.poison).toBe(true);
    expect(billing.dlq[0]!.attempts).toBe(4);
    expect(view.summary).toContain('1 message in the dead-letter queue');
  });

  it('a retry topic holds messages waiting for their next attempt', () => {
    const sim = createSim(buildLab('retries-dlq', { mode: 'retry-topic', poisonMessages: 3 }), 13);
    let waiting = 0;
    for (let t = 0; t < 5000 && waiting === 0; t += 20) {
      runUntil(sim, t);
      waiting = stageView(sim, { lab: 'retries-dlq' }).groups[0]!.retrying.length;
    }
    expect(waiting).toBeGreaterThan(0);
    expect(stageView(sim, { lab: 'retries-dlq' }).groups[0]!.retryTopic).toBe(true);
  });

  it('the dual write leaves lost orders in the table; the outbox none, though the relay crash publishes some twice', () => {
    const dual = finished('outbox-dual-write', {}, 17).outbox!;
    expect(dual.mode).toBe('dual-write');
    expect(dual.rows).toHaveLength(10);
    expect(dual.rows.filter((r) => r.status === 'lost')).toHaveLength(2);
    const outbox = finished('outbox-dual-write', { publish: 'outbox' }, 17).outbox!;
    expect(outbox.mode).toBe('outbox');
    expect(outbox.rows.map((r) => r.status)).toEqual(outbox.rows.map(() => 'sent'));
    expect(outbox.rows).toHaveLength(10);
    expect(outbox.rows.some((r) => r.copies === 2)).toBe(true);
    expect(finished('ordering-keys', {}, 11).outbox).toBeNull();
  });

  it('the tracing lab draws one flow as a waterfall through every service of the choreography', () => {
    const sim = createSim(buildLab('trace-correlation', {}), 19);
    runToEnd(sim);
    const second = correlationIds(sim)[1]!;
    const view = stageView(sim, { lab: 'trace-correlation', followed: second });
    const w = view.waterfall!;
    expect(w.correlationId).toBe(second);
    expect(w.spans.map((s) => s.service)).toEqual(['shop', 'payments', 'inventory', 'shipping', 'notifications']);
    for (const s of w.spans) {
      expect(s.waitFrom).toBeLessThanOrEqual(s.start);
      expect(s.end).not.toBeNull();
      expect(s.end!).toBeGreaterThanOrEqual(s.start);
    }
    expect(w.end).toBe(w.spans.at(-1)!.end);
    expect(stageView(sim, { lab: 'trace-correlation', followed: 'corr-9999' }).waterfall!.correlationId).toBe('corr-0001');
  });

  it('the consistency lab compares the read key only: stale before the projection catches up', () => {
    const sim = createSim(buildLab('eventual-consistency', {}), 3);
    runUntil(sim, 10);
    const early = stageView(sim, { lab: 'eventual-consistency' }).bars!;
    expect(early.bars.map((b) => b.key)).toEqual(['user-0']);
    expect(early.bars[0]!.verdict).toBe('pending');
    runToEnd(sim);
    expect(stageView(sim, { lab: 'eventual-consistency' }).bars!.bars[0]!.text).toBe('version 1 of version 1: right');
  });
});

describe('read-model rows', () => {
  it('show an order left at an older version when its events arrive out of order, and none keyed by order id', () => {
    const stale = (knobs: Record<string, string | boolean>) =>
      finished('ordering-keys', knobs, 11)
        .bars!.bars.filter((b) => b.verdict === 'under')
        .map((b) => b.text);
    const rr = stale({});
    expect(rr.length).toBeGreaterThan(0);
    expect(rr[0]).toMatch(/^version \d of version 3: stale — wrong$/);
    expect(stale({ partitioning: 'key', idempotentProducer: true })).toEqual([]);
  });
});

describe('labels', () => {
  it('shortens keys to their first letter and number', () => {
    expect(shortKey('account-2')).toBe('a2');
    expect(shortKey('visitor-11')).toBe('v11');
    expect(shortKey('x')).toBe('x');
  });

  it('bolds a step’s actor once, whether or not the sentence starts with it', () => {
    expect(actorAndText({ actor: 'ledger#1', text: 'ledger#1 received evt-0002' })).toEqual({ actor: 'ledger#1', rest: ' received evt-0002' });
    expect(actorAndText({ actor: 'broker', text: 'evt-0001 appended to payments[0]' })).toEqual({ actor: 'broker:', rest: ' evt-0001 appended to payments[0]' });
  });
});
