import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSim,
  deadLetters,
  envelope,
  eventIds,
  eventStatus,
  metrics,
  nextTime,
  partitionLog,
  runSteps,
  runToEnd,
  runUntil,
  timesApplied,
  trace,
  type CrashFault,
  type DeliveryMode,
  type SimConfig,
} from '../../../../src/lib/sim/index.ts';

/** A random workload and a random schedule of faults over it. */
const scheduleArb = fc.record({
  count: fc.integer({ min: 1, max: 50 }),
  partitions: fc.integer({ min: 1, max: 4 }),
  members: fc.integer({ min: 1, max: 4 }),
  keys: fc.integer({ min: 1, max: 6 }),
  maxPollRecords: fc.integer({ min: 1, max: 5 }),
  intervalMs: fc.integer({ min: 1, max: 20 }),
  processingMs: fc.integer({ min: 1, max: 30 }),
  jitterMs: fc.integer({ min: 0, max: 40 }),
  ackLost: fc.uniqueArray(fc.nat({ max: 49 }), { maxLength: 8 }),
  sendFailed: fc.uniqueArray(fc.nat({ max: 49 }), { maxLength: 5 }),
  crashes: fc.array(
    fc.oneof(
      fc.record({ member: fc.nat({ max: 3 }), at: fc.integer({ min: 0, max: 800 }) }),
      fc.record({ member: fc.nat({ max: 3 }), afterRecords: fc.integer({ min: 1, max: 30 }) }),
    ),
    { maxLength: 4 },
  ),
  seed: fc.integer(),
});

type Schedule = typeof scheduleArb extends fc.Arbitrary<infer T> ? T : never;

interface Setup {
  readonly delivery?: DeliveryMode;
  readonly idempotent?: boolean;
  readonly idempotentProducer?: boolean;
  readonly producerRetries?: boolean;
  readonly withFaults?: boolean;
  readonly partitioning?: 'key' | 'round-robin';
}

/** A ledger (sums amounts) and a mailer (counts) reading the same topic under the schedule. */
function configFor(s: Schedule, setup: Setup): SimConfig {
  const faults = setup.withFaults ?? true;
  const crashes: CrashFault[] = faults ? s.crashes.map((c) => ({ ...c, member: c.member % s.members })) : [];
  const group = {
    topic: 'payments',
    members: s.members,
    processingMs: s.processingMs,
    maxPollRecords: s.maxPollRecords,
    delivery: setup.delivery ?? 'at-least-once',
    idempotent: setup.idempotent ?? false,
    sessionTimeoutMs: 100,
    restartMs: 150,
  } as const;
  return {
    topics: [{ name: 'payments', partitions: s.partitions }],
    producers: [
      {
        name: 'checkout',
        topic: 'payments',
        count: s.count,
        intervalMs: s.intervalMs,
        keys: s.keys,
        keyPrefix: 'account',
        amountCents: { min: 1, max: 10_000 },
        partitioning: setup.partitioning ?? 'key',
        idempotent: setup.idempotentProducer ?? false,
        retries: setup.producerRetries ?? true,
        faults: faults ? { ackLost: s.ackLost, sendFailed: s.sendFailed } : {},
      },
    ],
    groups: [
      { ...group, name: 'ledger', effect: 'sum', faults: { crashes } },
      { ...group, name: 'mailer', effect: 'count', faults: { crashes: crashes.slice(0, 1) } },
    ],
    network: { delayMs: 3, jitterMs: s.jitterMs },
  };
}

function finish(config: SimConfig, seed: number) {
  const sim = createSim(config, seed);
  expect(runToEnd(sim)).toBe(true);
  return { sim, m: metrics(sim) };
}

const RUNS = { numRuns: 150 };

describe('simulator invariants (property-based)', () => {
  it('with idempotent consumers, any duplicates and crashes leave the exactly-once state', () => {
    fc.assert(
      fc.property(scheduleArb, (s) => {
        const faulty = finish(configFor(s, { idempotent: true }), s.seed).m;
        const clean = finish(configFor(s, { idempotent: true, withFaults: false }), s.seed).m;
        for (const name of ['ledger', 'mailer']) {
          const f = faulty.groups.find((g) => g.name === name)!;
          const c = clean.groups.find((g) => g.name === name)!;
          expect(f.perKey).toEqual(c.perKey);
          expect(f.total).toBe(c.total);
          expect(f.duplicateEffects).toBe(0);
          expect(f.uniqueEffects).toBe(s.count);
        }
        expect(faulty.groups[0]!.total).toBe(faulty.producers[0]!.amountCreated);
      }),
      RUNS,
    );
  });

  it('without idempotency the same faults do duplicate effects (so the property above is not vacuous)', () => {
    fc.assert(
      fc.property(
        scheduleArb.filter((s) => s.ackLost.some((i) => i < s.count)),
        (s) => {
          const { m } = finish(configFor(s, {}), s.seed);
          expect(m.groups[0]!.duplicateEffects).toBeGreaterThan(0);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('at-most-once (commit first, producer retries off) never applies an effect twice', () => {
    fc.assert(
      fc.property(scheduleArb, (s) => {
        const { sim, m } = finish(configFor(s, { delivery: 'at-most-once', producerRetries: false }), s.seed);
        for (const g of m.groups) {
          expect(g.duplicateEffects).toBe(0);
          expect(g.effects).toBe(g.uniqueEffects);
        }
        for (const id of eventIds(sim)) expect(timesApplied(sim, 'ledger', id)).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it('at-least-once never loses an event that is not dead-lettered, even with failures and poison', () => {
    fc.assert(
      fc.property(
        scheduleArb,
        fc.uniqueArray(fc.nat({ max: 49 }), { maxLength: 3 }),
        fc.double({ min: 0, max: 0.4, noNaN: true }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom('blocking', 'retry-topic') as fc.Arbitrary<'blocking' | 'retry-topic'>,
        (s, poison, failureRate, maxAttempts, mode) => {
          const base = configFor(s, {});
          const config: SimConfig = {
            ...base,
            producers: [{ ...base.producers[0]!, faults: { ...base.producers[0]!.faults, poison } }],
            groups: base.groups.map((g) => ({ ...g, retry: { maxAttempts, backoffMs: 20, mode }, faults: { ...g.faults, failureRate } })),
          };
          const { sim, m } = finish(config, s.seed);
          for (const g of m.groups) {
            expect(g.lost).toBe(0);
            const dead = new Set(deadLetters(sim, g.name).map((d) => d.eventId));
            for (const id of eventIds(sim)) {
              if (eventStatus(sim, id) !== 'stored') continue;
              expect(timesApplied(sim, g.name, id) > 0 || dead.has(id)).toBe(true);
            }
          }
        },
      ),
      RUNS,
    );
  });

  it('keyed events keep their per-key order within a partition, through crashes, duplicates and jitter', () => {
    fc.assert(
      fc.property(scheduleArb, (s) => {
        const base = configFor(s, { idempotentProducer: true });
        const config: SimConfig = { ...base, groups: [...base.groups, { name: 'view', topic: 'payments', members: s.members, effect: 'project', processingMs: s.processingMs }] };
        const { sim, m } = finish(config, s.seed);
        for (const g of m.groups) expect(g.orderingViolations).toBe(0);
        for (let p = 0; p < s.partitions; p += 1) {
          const lastSeq = new Map<string, number>();
          for (const r of partitionLog(sim, 'payments', p)) {
            if (r.duplicate) continue;
            const seq = envelope(sim, r.eventId).data.sequence;
            expect(seq).toBeGreaterThan(lastSeq.get(r.key) ?? 0);
            lastSeq.set(r.key, seq);
          }
        }
      }),
      RUNS,
    );
  });

  it('a poison message reaches the DLQ after exactly maxAttempts attempts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.uniqueArray(fc.nat({ max: 19 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 300 }),
        fc.constantFrom('none', 'full', 'equal') as fc.Arbitrary<'none' | 'full' | 'equal'>,
        fc.constantFrom('blocking', 'retry-topic') as fc.Arbitrary<'blocking' | 'retry-topic'>,
        fc.integer({ min: 1, max: 3 }),
        fc.integer(),
        (count, poisonList, maxAttempts, backoffMs, jitter, mode, partitions, seed) => {
          const poison = poisonList.filter((i) => i < count);
          const config: SimConfig = {
            topics: [{ name: 't', partitions }],
            producers: [{ name: 'p', topic: 't', count, keys: 5, faults: { poison } }],
            groups: [{ name: 'g', topic: 't', members: 2, retry: { maxAttempts, backoffMs, jitter, mode } }],
            trace: true,
          };
          const { sim, m } = finish(config, seed);
          const poisonIds = poison.map((i) => `evt-${String(i + 1).padStart(4, '0')}`).sort();
          const dead = deadLetters(sim, 'g');
          expect(dead.map((d) => d.eventId).sort()).toEqual(poisonIds);
          expect(dead.every((d) => d.attempts === maxAttempts)).toBe(true);
          for (const id of poisonIds) expect(trace(sim, { eventId: id }).filter((t) => t.kind === 'failed')).toHaveLength(maxAttempts);
          expect(m.groups[0]!.uniqueEffects).toBe(count - poison.length);
        },
      ),
      RUNS,
    );
  });

  it('is deterministic: the same seed and config give the same trace, however the run is sliced', () => {
    fc.assert(
      fc.property(scheduleArb, fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 6 }), (s, slices) => {
        const config: SimConfig = { ...configFor(s, {}), trace: true };
        const whole = createSim(config, s.seed);
        runToEnd(whole);
        const sliced = createSim(config, s.seed);
        let t = 0;
        for (const d of slices) runUntil(sliced, (t += d));
        runToEnd(sliced);
        expect(trace(sliced)).toEqual(trace(whole));
        // runUntil moves the clock to its target even past the last action; everything else matches.
        expect({ ...metrics(sliced), now: 0 }).toEqual({ ...metrics(whole), now: 0 });
      }),
      { numRuns: 60 },
    );
  });

  it('ends where runToEnd ends when run in slices of a few steps (how a lab page runs it)', () => {
    fc.assert(
      fc.property(scheduleArb, fc.integer({ min: 1, max: 50 }), (s, maxSteps) => {
        const config: SimConfig = { ...configFor(s, {}), trace: true };
        const whole = createSim(config, s.seed);
        const finished = runToEnd(whole);
        const sliced = createSim(config, s.seed);
        let slices = 1;
        while (!runSteps(sliced, maxSteps)) slices += 1;
        expect(trace(sliced)).toEqual(trace(whole));
        expect(metrics(sliced)).toEqual(metrics(whole));
        expect(nextTime(sliced) === null).toBe(finished);
        // It really was sliced: one call per `maxSteps` actions.
        const counter = createSim(config, s.seed);
        let steps = 0;
        while (!runSteps(counter, 1)) steps += 1;
        expect(slices).toBe(Math.max(1, Math.ceil((steps + 1) / maxSteps)));
      }),
      { numRuns: 60 },
    );
  });

  it('draws different runs from different seeds when randomness is involved', () => {
    const config: SimConfig = { ...configFor({ ...fc.sample(scheduleArb, { seed: 1, numRuns: 1 })[0]!, count: 40, jitterMs: 30, partitions: 3, keys: 6 }, {}), trace: true };
    const a = createSim(config, 1);
    const b = createSim(config, 2);
    runToEnd(a);
    runToEnd(b);
    expect(trace(a)).not.toEqual(trace(b));
  });
});
