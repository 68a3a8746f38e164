import { describe, expect, it } from 'vitest';
import {
  SimConfigError,
  advance,
  consistencyLab,
  crashMember,
  createSim,
  deadLetters,
  envelope,
  eventIds,
  eventStatus,
  groupMetrics,
  lagByPartition,
  members,
  metrics,
  nextTime,
  partitionLog,
  partitions,
  publishNow,
  redrive,
  runToEnd,
  runUntil,
  step,
  timesApplied,
  trace,
  traceLength,
  tracingLab,
} from '../../../../src/lib/sim/index.ts';
import { groupAfter, oneTopic, runAll, texts } from './helpers.ts';

describe('partitions and consumer groups', () => {
  it('assigns partitions round-robin, one member per partition, and leaves extra members idle', () => {
    const sim = createSim(oneTopic({ partitions: 3, group: { members: 5 } }), 1);
    expect(members(sim, 'g').map((m) => m.partitions)).toEqual([[0], [1], [2], [], []]);
    runToEnd(sim);
    const handledBy = new Set(trace(sim).filter((s) => s.kind === 'applied').map((s) => s.actor));
    expect(handledBy.has('g#3') || handledBy.has('g#4')).toBe(false);
  });

  it('gives a member several partitions when there are fewer members than partitions', () => {
    const sim = createSim(oneTopic({ partitions: 5, group: { members: 2 } }), 1);
    expect(members(sim, 'g').map((m) => m.partitions)).toEqual([
      [0, 2, 4],
      [1, 3],
    ]);
  });

  it('sends every event of a key to the same partition when partitioning by key', () => {
    const { sim } = runAll(oneTopic({ partitions: 4, producer: { count: 60, keys: 6 } }));
    const partitionsOfKey = new Map<string, Set<number>>();
    for (let p = 0; p < 4; p += 1) {
      for (const r of partitionLog(sim, 't', p)) partitionsOfKey.set(r.key, (partitionsOfKey.get(r.key) ?? new Set()).add(p));
    }
    expect(partitionsOfKey.size).toBe(6);
    for (const set of partitionsOfKey.values()) expect(set.size).toBe(1);
  });

  it('spreads one key over partitions round-robin when there is no key', () => {
    const { sim } = runAll(oneTopic({ partitions: 3, producer: { count: 9, keys: 1, partitioning: 'round-robin' } }));
    expect([0, 1, 2].map((p) => partitionLog(sim, 't', p).length)).toEqual([3, 3, 3]);
  });

  it('delivers every event to each group (publish–subscribe) and to one member within a group', () => {
    const config = oneTopic({ partitions: 2, group: { members: 2 } });
    const { m } = runAll({ ...config, groups: [...config.groups, { name: 'h', topic: 't', effect: 'count' }] });
    expect(m.groups.map((g) => [g.name, g.effects, g.duplicateEffects])).toEqual([
      ['g', 10, 0],
      ['h', 10, 0],
    ]);
  });
});

describe('lag', () => {
  it('is log-end offset minus committed offset per partition, grows behind a slow consumer and drains to zero', () => {
    const sim = createSim(oneTopic({ partitions: 2, producer: { count: 40, intervalMs: 5, keys: 8, partitioning: 'round-robin' }, group: { members: 2, processingMs: [4, 40] } }), 1);
    runUntil(sim, 150);
    for (const p of partitions(sim, 'g')) expect(p.lag).toBe(p.logEnd - p.committed);
    const [fast, slow] = lagByPartition(sim, 'g');
    expect(slow).toBeGreaterThan(5);
    expect(fast).toBeLessThanOrEqual(1);
    runToEnd(sim);
    const g = groupMetrics(sim, 'g');
    expect(g.lagByPartition).toEqual([0, 0]);
    expect(g.maxLag).toBeGreaterThan(5);
  });
});

describe('producer faults', () => {
  const withLostAck = (producer: object = {}) => oneTopic({ producer: { count: 5, faults: { ackLost: [2] }, ...producer } });

  it('turns a lost acknowledgement into a duplicate copy that a plain consumer applies twice', () => {
    const { sim, m } = runAll(withLostAck());
    expect(m.producers[0]).toMatchObject({ published: 5, duplicatesPublished: 1, duplicatesDropped: 0 });
    expect(partitionLog(sim, 't', 0).filter((r) => r.duplicate).map((r) => r.eventId)).toEqual(['evt-0003']);
    expect(timesApplied(sim, 'g', 'evt-0003')).toBe(2);
    expect(m.groups[0]).toMatchObject({ effects: 6, uniqueEffects: 5, duplicateEffects: 1 });
  });

  it('has the broker drop the retried copy when the producer is idempotent', () => {
    const { m } = runAll(withLostAck({ idempotent: true }));
    expect(m.producers[0]).toMatchObject({ published: 5, duplicatesPublished: 0, duplicatesDropped: 1 });
    expect(m.groups[0]!.effects).toBe(5);
  });

  it('sends no copy when retries are off', () => {
    const { m } = runAll(withLostAck({ retries: false }));
    expect(m.producers[0]).toMatchObject({ duplicatesPublished: 0, duplicatesDropped: 0 });
  });

  it('loses a failed send when retries are off', () => {
    const { sim, m } = runAll(oneTopic({ producer: { count: 5, retries: false, faults: { sendFailed: [1] } } }));
    expect(eventStatus(sim, 'evt-0002')).toBe('lost');
    expect(m.producers[0]).toMatchObject({ created: 5, published: 4, lost: 1 });
    expect(m.groups[0]!.uniqueEffects).toBe(4);
  });

  it('lets a retried send overtake later ones in the same partition unless the producer is idempotent', () => {
    const config = (idempotent: boolean) => oneTopic({ producer: { count: 5, keys: 1, idempotent, faults: { sendFailed: [1] } }, group: { effect: 'project' } });
    const plain = runAll(config(false));
    expect(partitionLog(plain.sim, 't', 0).map((r) => r.eventId)).toEqual(['evt-0001', 'evt-0003', 'evt-0004', 'evt-0005', 'evt-0002']);
    expect(plain.m.groups[0]).toMatchObject({ orderingViolations: 1, violationsByKey: { 'key-0': 1 } });
    expect(plain.m.groups[0]!.perKey['key-0']).toBe(2);

    const idempotent = runAll(config(true));
    expect(partitionLog(idempotent.sim, 't', 0).map((r) => r.eventId)).toEqual(['evt-0001', 'evt-0002', 'evt-0003', 'evt-0004', 'evt-0005']);
    expect(idempotent.m.groups[0]).toMatchObject({ orderingViolations: 0 });
    expect(idempotent.m.groups[0]!.perKey['key-0']).toBe(5);
  });

  it('also keeps order with one request in flight', () => {
    const { m } = runAll(oneTopic({ producer: { count: 5, keys: 1, maxInFlight: 1, faults: { sendFailed: [1] } } }));
    expect(m.groups[0]!.orderingViolations).toBe(0);
  });
});

describe('network delay', () => {
  it('reorders events across partitions but never within one', () => {
    const { sim } = runAll(
      oneTopic({ partitions: 4, producer: { count: 40, intervalMs: 1, keys: 1, partitioning: 'round-robin' }, extra: { network: { delayMs: 5, jitterMs: 30 } } }),
    );
    const appended = trace(sim)
      .filter((s) => s.kind === 'appended')
      .map((s) => Number(s.eventId!.slice(4)));
    expect(appended).not.toEqual([...appended].sort((a, b) => a - b));
    for (let p = 0; p < 4; p += 1) {
      const order = partitionLog(sim, 't', p).map((r) => Number(r.eventId.slice(4)));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });
});

describe('consumer crashes', () => {
  const burst = (group: object) =>
    oneTopic({
      producer: { count: 6, intervalMs: 1 },
      group: { processingMs: 10, maxPollRecords: 3, sessionTimeoutMs: 50, restartMs: 100, faults: { crashes: [{ member: 0, afterRecords: 2 }] }, ...group },
    });

  it('at-least-once: redelivers what was handled but not committed, so a plain consumer applies it twice', () => {
    const { sim, m } = runAll(burst({}));
    expect(m.groups[0]).toMatchObject({ crashes: 1, uniqueEffects: 6, duplicateEffects: 1, lost: 0 });
    expect(timesApplied(sim, 'g', 'evt-0002')).toBe(2);
  });

  it('at-least-once with an idempotent consumer: the redelivery is caught', () => {
    const { m } = runAll(burst({ idempotent: true }));
    expect(m.groups[0]).toMatchObject({ uniqueEffects: 6, duplicateEffects: 0, duplicatesCaught: 1 });
  });

  it('at-most-once: loses the rest of the batch it had already committed', () => {
    const { sim, m } = runAll(burst({ delivery: 'at-most-once' }));
    expect(m.groups[0]).toMatchObject({ uniqueEffects: 4, duplicateEffects: 0, lost: 2 });
    expect(['evt-0003', 'evt-0004'].map((id) => timesApplied(sim, 'g', id))).toEqual([0, 0]);
  });

  it('hands a crashed member’s partitions to a live member after the session timeout', () => {
    const sim = createSim(
      oneTopic({ producer: { count: 30, intervalMs: 10 }, group: { members: 2, processingMs: 5, sessionTimeoutMs: 100, restartMs: 400, faults: { crashes: [{ member: 0, at: 52 }] } } }),
      1,
    );
    runUntil(sim, 60);
    expect(members(sim, 'g').map((m) => [m.state, m.partitions])).toEqual([
      ['down', []],
      ['idle', []],
    ]);
    expect(partitions(sim, 'g')[0]!.owner).toBeNull();
    runUntil(sim, 160);
    expect(members(sim, 'g')[1]!.partitions).toEqual([0]);
    runToEnd(sim);
    expect(members(sim, 'g').map((m) => m.partitions)).toEqual([[], [0]]);
    expect(groupMetrics(sim, 'g')).toMatchObject({ uniqueEffects: 30, lost: 0 });
  });

  it('can be crashed on demand', () => {
    const sim = createSim(oneTopic({ producer: { count: 20 }, group: { restartMs: 50 } }), 1);
    runUntil(sim, 33);
    crashMember(sim, 'g', 0);
    expect(members(sim, 'g')[0]!.state).toBe('down');
    runToEnd(sim);
    expect(groupMetrics(sim, 'g')).toMatchObject({ crashes: 1, uniqueEffects: 20 });
    expect(() => crashMember(sim, 'g', 3)).toThrow(/no member 3/);
  });
});

describe('poison messages, retries and the dead-letter queue', () => {
  const poison = (group: object, producer: object = {}) =>
    oneTopic({ producer: { count: 5, faults: { poison: [1] }, ...producer }, group: { retry: { maxAttempts: 3, backoffMs: 100, jitter: 'none' }, ...group } });

  it('blocking: retries with exponential backoff, dead-letters after exactly maxAttempts, holding up the partition meanwhile', () => {
    const { sim, m } = runAll(poison({}));
    expect(texts(sim, 'failed').filter((t) => t.includes('evt-0002'))).toEqual([
      'g#0 failed to handle evt-0002 (attempt 1 of 3)',
      'g#0 failed to handle evt-0002 (attempt 2 of 3)',
      'g#0 failed to handle evt-0002 (attempt 3 of 3)',
    ]);
    expect(texts(sim, 'retry-scheduled')).toEqual([
      'g#0 backs off 100 ms before attempt 2 at evt-0002; its partitions wait',
      'g#0 backs off 200 ms before attempt 3 at evt-0002; its partitions wait',
    ]);
    expect(deadLetters(sim, 'g')).toEqual([{ eventId: 'evt-0002', attempts: 3, at: expect.any(Number) }]);
    expect(m.groups[0]).toMatchObject({ dlqSize: 1, deadLettered: 1, uniqueEffects: 4, lost: 0, failures: 3, retries: 2 });
    expect(m.groups[0]!.latency.maxMs).toBeGreaterThan(300);
  });

  it('retry topic: the partition keeps moving while the poison message waits for its attempts', () => {
    const { sim, m } = runAll(poison({ retry: { maxAttempts: 3, backoffMs: 100, jitter: 'none', mode: 'retry-topic' } }));
    expect(deadLetters(sim, 'g').map((d) => d.attempts)).toEqual([3]);
    expect(m.groups[0]!.latency.maxMs).toBeLessThan(20);
    expect(texts(sim, 'retry-scheduled')[0]).toBe('g#0 put evt-0002 on the retry topic for attempt 2 in 100 ms and moved on');
  });

  it('redriving after the fix processes the dead letters; redriving before it dead-letters them again', () => {
    const fixed = runAll(poison({ faults: { poisonFixedAt: 1000, redriveAt: 2000 } }));
    expect(fixed.m.groups[0]).toMatchObject({ dlqSize: 0, redriven: 1, uniqueEffects: 5 });
    expect(timesApplied(fixed.sim, 'g', 'evt-0002')).toBe(1);
    const early = runAll(poison({ faults: { poisonFixedAt: 1000, redriveAt: 500 } }));
    expect(early.m.groups[0]).toMatchObject({ dlqSize: 1, redriven: 1, deadLettered: 2, uniqueEffects: 4 });
  });

  it('redrives on demand', () => {
    const sim = createSim(poison({ faults: { poisonFixedAt: 0.5 } }, { count: 5 }), 1);
    runUntil(sim, 1);
    expect(redrive(sim, 'g')).toBe(0);
    const broken = createSim(poison({}), 1);
    runToEnd(broken);
    expect(redrive(broken, 'g')).toBe(1);
    runToEnd(broken);
    expect(groupMetrics(broken, 'g')).toMatchObject({ dlqSize: 1, deadLettered: 2 });
  });

  it('a handler that fails after its effect charges on every attempt unless it is idempotent', () => {
    const plain = runAll(poison({ faults: { failAfterEffect: true } }));
    expect(timesApplied(plain.sim, 'g', 'evt-0002')).toBe(3);
    expect(plain.m.groups[0]!.duplicateEffects).toBe(2);
    const idempotent = runAll(poison({ idempotent: true, faults: { failAfterEffect: true } }));
    expect(timesApplied(idempotent.sim, 'g', 'evt-0002')).toBe(1);
    expect(idempotent.m.groups[0]).toMatchObject({ duplicateEffects: 0, duplicatesCaught: 2 });
  });

  it('at-most-once drops a failed message instead of retrying it', () => {
    const { m } = runAll(oneTopic({ producer: { count: 5 }, group: { delivery: 'at-most-once', faults: { failureRate: 1 } } }));
    expect(m.groups[0]).toMatchObject({ dropped: 5, retries: 0, dlqSize: 0, effects: 0 });
  });

  it('retries transient failures until they succeed', () => {
    const { m } = runAll(oneTopic({ producer: { count: 40 }, group: { faults: { failureRate: 0.3 }, retry: { maxAttempts: 20, backoffMs: 10 } } }));
    expect(m.groups[0]!.failures).toBeGreaterThan(3);
    expect(m.groups[0]).toMatchObject({ uniqueEffects: 40, dlqSize: 0, lost: 0 });
  });

  it('keeps full jitter within [0, d] and equal jitter within [d/2, d]', () => {
    /** [delay, cap] per scheduled retry: the cap doubles from 100 ms with each attempt. */
    const delays = (jitter: 'full' | 'equal') => {
      const { sim } = runAll(poison({ retry: { maxAttempts: 6, backoffMs: 100, jitter } }, { count: 3, faults: { poison: [0, 1, 2] } }));
      return texts(sim, 'retry-scheduled').map((t) => {
        const [, delay, attempt] = /backs off (\d+) ms before attempt (\d+)/.exec(t)!;
        return [Number(delay), 100 * 2 ** (Number(attempt) - 2)] as const;
      });
    };
    const full = delays('full');
    const equal = delays('equal');
    expect(full).toHaveLength(15);
    for (const [d, cap] of full) expect(d >= 0 && d <= cap).toBe(true);
    for (const [d, cap] of equal) expect(d >= cap / 2 - 1 && d <= cap).toBe(true);
    expect(full.some(([d, cap]) => d < cap / 2)).toBe(true);
  });
});

describe('dual write and the transactional outbox', () => {
  const service = (publish: 'dual-write' | 'outbox', faults: object, group: object = {}) =>
    oneTopic({ producer: { count: 6, intervalMs: 30, publish, relayIntervalMs: 100, faults }, group: { effect: 'count', ...group } });

  it('dual write loses the event when the service crashes between saving and publishing', () => {
    const { sim, m } = runAll(service('dual-write', { crashBeforePublish: [2] }));
    expect(eventStatus(sim, 'evt-0003')).toBe('lost');
    expect(m.producers[0]).toMatchObject({ created: 6, published: 5, lost: 1 });
    expect(m.groups[0]!.uniqueEffects).toBe(5);
    expect(texts(sim, 'publish-lost')).toEqual(['p crashed after saving key-0 and before publishing evt-0003: the event is lost']);
  });

  it('the outbox survives the same crash: the row was committed with the order', () => {
    const { sim, m } = runAll(service('outbox', { crashBeforePublish: [2] }));
    expect(m.producers[0]).toMatchObject({ created: 6, published: 6, lost: 0, duplicatesPublished: 0 });
    expect(texts(sim, 'crashed-after-commit')).toHaveLength(1);
  });

  it('publishes at the relay’s next poll, so events wait up to one polling interval', () => {
    const { m } = runAll(service('outbox', {}));
    expect(m.groups[0]!.latency.maxMs).toBeGreaterThanOrEqual(50);
  });

  it('a relay crash before marking rows sent publishes them again: no loss, duplicates', () => {
    const plain = runAll(service('outbox', { relayCrashes: [0] }));
    expect(plain.m.producers[0]!.duplicatesPublished).toBeGreaterThan(0);
    expect(plain.m.groups[0]!.duplicateEffects).toBe(plain.m.producers[0]!.duplicatesPublished);
    expect(plain.m.groups[0]!.uniqueEffects).toBe(6);
    const idempotent = runAll(service('outbox', { relayCrashes: [0] }, { idempotent: true }));
    expect(idempotent.m.groups[0]).toMatchObject({ uniqueEffects: 6, duplicateEffects: 0 });
  });
});

describe('projections and reads', () => {
  const read = (knobs: Partial<Parameters<typeof consistencyLab.build>[0]>) => runAll(consistencyLab.build({ ...consistencyLab.defaults, ...knobs })).m.reads;

  it('a read at 300 ms from a lagging projection misses the user’s write; a later read sees it', () => {
    const [first, later] = read({});
    expect(first).toMatchObject({ at: 300, version: 0, latestVersion: 1, fresh: false, servedBy: 'read-model' });
    expect(later).toMatchObject({ at: 2300, version: 1, fresh: true });
  });

  it('read-your-writes from the write model answers at once with the user’s version', () => {
    expect(read({ readMode: 'own-writes-from-write-model' })[0]).toMatchObject({ answeredAt: 300, version: 1, fresh: true, servedBy: 'write-model' });
  });

  it('read-your-writes by waiting answers once the projection catches up, or gives up at the timeout', () => {
    const waited = read({ readMode: 'wait-for-projection' })[0]!;
    expect(waited).toMatchObject({ fresh: true, timedOut: false, servedBy: 'read-model' });
    expect(waited.answeredAt).toBeGreaterThan(300);
    expect(read({ readMode: 'wait-for-projection', projectionMs: 300, backlog: 20 })[0]).toMatchObject({ fresh: false, timedOut: true, answeredAt: 1300 });
  });

  it('a projection holds the latest version per key', () => {
    const { m } = runAll(oneTopic({ producer: { count: 9, keys: 3, keyOrder: 'sequential' }, group: { effect: 'project' } }));
    expect(m.groups[0]!.perKey).toEqual({ 'key-0': 3, 'key-1': 3, 'key-2': 3 });
  });
});

describe('events and tracing', () => {
  it('gives each event a CloudEvents-style envelope', () => {
    const { sim } = runAll(oneTopic({ producer: { count: 2, types: ['OrderPlaced'], keyPrefix: 'order', keys: 1, amountCents: 1250 } }));
    expect(envelope(sim, 'evt-0001')).toEqual({
      specversion: '1.0',
      id: 'evt-0001',
      source: '/p',
      type: 'OrderPlaced',
      subject: 'order-0',
      time: 0,
      topic: 't',
      partition: 0,
      correlationId: 'corr-0001',
      causationId: null,
      traceparent: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/),
      data: { amountCents: 1250, sequence: 1, poison: false },
    });
    expect(eventIds(sim)).toEqual(['evt-0001', 'evt-0002']);
    expect(() => envelope(sim, 'evt-0009')).toThrow(/Unknown event/);
  });

  it('follows one order through a choreography by its correlation id', () => {
    const { sim } = runAll(tracingLab.build(tracingLab.defaults), tracingLab.seed);
    const flow = trace(sim, { correlationId: 'corr-0001' });
    const appliedBy = flow.filter((s) => s.kind === 'applied').map((s) => s.actor.split('#')[0]);
    expect(appliedBy).toEqual(['payments', 'inventory', 'shipping', 'notifications']);
    expect(flow.every((s) => s.correlationId === 'corr-0001')).toBe(true);
    const emitted = flow.filter((s) => s.kind === 'emitted').map((s) => envelope(sim, s.eventId!));
    expect(emitted.map((e) => e.type)).toEqual(['PaymentCaptured', 'StockReserved', 'ShipmentScheduled']);
    expect(emitted.map((e) => e.causationId)).toEqual(['evt-0001', emitted[0]!.id, emitted[1]!.id]);
    const traceIds = new Set([envelope(sim, 'evt-0001'), ...emitted].map((e) => e.traceparent.split('-')[1]));
    expect(traceIds.size).toBe(1);
    expect(new Set(emitted.map((e) => e.subject))).toEqual(new Set([envelope(sim, 'evt-0001').subject]));
    expect(trace(sim, { correlationId: 'nonsense' })).toEqual([]);
  });

  it('records nothing when tracing is off', () => {
    const { sim } = runAll({ ...oneTopic({}), trace: false });
    expect(traceLength(sim)).toBe(0);
    expect(() => advance(sim)).toThrow(/trace: true/);
  });

  it('narrates a run step by step with advance()', () => {
    const sim = createSim(oneTopic({ producer: { count: 1 } }), 1);
    const kinds = trace(sim).map((s) => s.kind);
    for (let n = advance(sim); n > 0; n = advance(sim)) kinds.push(...trace(sim, { from: traceLength(sim) - n }).map((s) => s.kind));
    expect(kinds).toEqual(['assigned', 'created', 'appended', 'delivered', 'applied', 'committed']);
  });
});

describe('driving a simulation', () => {
  it('steps one action at a time, moves the clock and reports the next due time', () => {
    const sim = createSim(oneTopic({ producer: { count: 1 } }), 1);
    expect(nextTime(sim)).toBe(0);
    expect(step(sim)).toBe(true);
    expect(nextTime(sim)).toBe(5);
    runUntil(sim, 100);
    expect(sim.now).toBe(100);
    expect(step(sim)).toBe(false);
    expect(nextTime(sim)).toBeNull();
  });

  it('publishes on demand for a chosen key', () => {
    const sim = createSim(oneTopic({ producer: { count: 0, keys: 3 } }), 1);
    const id = publishNow(sim, 'p', 2);
    runToEnd(sim);
    expect(envelope(sim, id).subject).toBe('key-2');
    expect(groupMetrics(sim, 'g').uniqueEffects).toBe(1);
    expect(() => publishNow(sim, 'p', 3)).toThrow(/keys 0–2/);
    expect(() => publishNow(sim, 'nobody')).toThrow(/Unknown producer/);
  });

  it('sums amounts, counts effects, or projects versions per key', () => {
    const config = (effect: 'sum' | 'count') => oneTopic({ producer: { count: 4, keys: 2, keyOrder: 'sequential', amountCents: 250 }, group: { effect } });
    expect(groupAfter(config('sum'))).toMatchObject({ total: 1000, perKey: { 'key-0': 500, 'key-1': 500 } });
    expect(groupAfter(config('count'))).toMatchObject({ total: 4, perKey: { 'key-0': 2, 'key-1': 2 } });
  });

  it('stops at the horizon when a partition is blocked forever', () => {
    const sim = createSim(oneTopic({ producer: { count: 3, faults: { poison: [0] } }, group: { retry: { maxAttempts: 1_000_000, backoffMs: 1000, maxBackoffMs: 1000 } }, extra: { horizonMs: 20_000 } }), 1);
    expect(runToEnd(sim)).toBe(false);
    expect(metrics(sim).groups[0]!.lag).toBe(3);
  });
});

describe('configuration errors', () => {
  it('lists every problem by field', () => {
    try {
      createSim(
        {
          topics: [{ name: 't', partitions: 0 }],
          producers: [{ name: 'p', topic: 'nope', faults: { ackLossRate: 2 } }],
          groups: [{ name: 'g', topic: 't', members: 2, processingMs: [1, 2, 3] }],
          reads: [{ at: 0, group: 'g', key: 'key-0' }],
        },
        1,
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SimConfigError);
      expect((error as SimConfigError).problems).toEqual([
        'topics[0].partitions: must be a whole number ≥ 1, got 0',
        'producers[0].topic: unknown topic "nope"',
        'producers[0].faults.ackLossRate: must be between 0 and 1',
        'groups[0].processingMs: needs one time ≥ 0 per member (2)',
        'reads[0].group: "g" is not a projection (effect "project")',
      ]);
    }
  });

  it('rejects a crash between save and publish for a producer that saves nothing', () => {
    expect(() => createSim(oneTopic({ producer: { faults: { crashBeforePublish: [0] } } }), 1)).toThrow(/direct producer saves nothing/);
  });
});
