import { describe, expect, it } from 'vitest';
import {
  CHALLENGES,
  CHALLENGES_BY_LAB,
  balanceSurvivesDuplicates,
  challengeById,
  challengeConfig,
  challengeKnobs,
  checkChallenge,
  drainDlqSafely,
  noLostOrders,
  orderPerKey,
  readYourOwnWrite,
  runChallenge,
  unblockThePartition,
  type Challenge,
} from '../../../../src/lib/sim/index.ts';

function attempt<K>(challenge: Challenge<K>, change: Partial<K>) {
  return runChallenge(challenge, { ...challenge.start, ...change }).verdict;
}

describe('challenges', () => {
  it('have stable, unique ids', () => {
    expect(CHALLENGES.map((c) => c.id)).toEqual([
      'balance-survives-duplicates',
      'order-per-key',
      'rolling-restart-no-rebalance',
      'backfill-new-group',
      'read-your-own-write',
      'drain-dlq-safely',
      'unblock-the-partition',
      'no-lost-orders',
    ]);
    expect(challengeById('order-per-key')).toBe(orderPerKey);
    expect(() => challengeById('nope')).toThrow(/Unknown challenge/);
  });

  it('are filed under the lab whose knobs they turn', () => {
    for (const [labId, list] of Object.entries(CHALLENGES_BY_LAB)) for (const c of list) expect(c.lab.id, c.id).toBe(labId);
  });

  it('can be judged from untyped knob values as a page holds them, locked knobs enforced', () => {
    const start = { ...balanceSurvivesDuplicates.start } as Record<string, string | number | boolean>;
    expect(checkChallenge('duplicates-idempotency', 'balance-survives-duplicates', start, 7).verdict.passed).toBe(false);
    const fixed = { ...start, idempotentConsumer: true };
    expect(checkChallenge('duplicates-idempotency', 'balance-survives-duplicates', fixed, 7).verdict.passed).toBe(true);
    // Switching a locked fault off, or a value of the wrong type, changes nothing.
    expect(checkChallenge('duplicates-idempotency', 'balance-survives-duplicates', { ...start, crash: false, lostAcks: 0 }, 7).verdict.passed).toBe(false);
    expect(checkChallenge('duplicates-idempotency', 'balance-survives-duplicates', { ...start, idempotentConsumer: 'yes' }, 7).verdict.passed).toBe(false);
    expect(() => checkChallenge('consumer-groups', 'balance-survives-duplicates', start, 7)).toThrow(/has no challenge/);
  });

  it('each start from a scenario that fails, with a reason', () => {
    for (const challenge of CHALLENGES) {
      const verdict = runChallenge(challenge as Challenge<unknown>, challenge.start).verdict;
      expect(verdict.passed, challenge.id).toBe(false);
      expect(verdict.reason.length, challenge.id).toBeGreaterThan(20);
    }
  });

  it('start from the config their lab builds from the start knobs', () => {
    for (const challenge of CHALLENGES) {
      const c = challenge as Challenge<unknown>;
      expect(challengeConfig(c)).toEqual(c.lab.build(c.start));
    }
  });

  it('hold locked knobs at their start values, so switching the faults off does not pass', () => {
    const knobs = challengeKnobs(balanceSurvivesDuplicates, { ...balanceSurvivesDuplicates.start, lostAcks: 0, crash: false });
    expect(knobs).toMatchObject({ lostAcks: 3, crash: true });
    expect(attempt(balanceSurvivesDuplicates, { lostAcks: 0, crash: false }).passed).toBe(false);
  });

  it('judge only the metrics they are given, the same way every time', () => {
    const { metrics } = runChallenge(noLostOrders, noLostOrders.start);
    expect(noLostOrders.check(metrics)).toEqual(noLostOrders.check(structuredClone(metrics)));
  });
});

describe('balance-survives-duplicates', () => {
  it('fails with duplicates credited twice, passes with idempotent consumers', () => {
    expect(attempt(balanceSurvivesDuplicates, {}).reason).toMatch(/credited twice/);
    expect(attempt(balanceSurvivesDuplicates, { idempotentConsumer: true })).toMatchObject({ passed: true, reason: expect.stringMatching(/exactly once.*4 duplicates were caught/) });
  });

  it('is not fixed by at-most-once (loses payments) or by an idempotent producer alone (crash redelivery)', () => {
    expect(attempt(balanceSurvivesDuplicates, { delivery: 'at-most-once' }).reason).toMatch(/never credited/);
    expect(attempt(balanceSurvivesDuplicates, { delivery: 'at-most-once', idempotentConsumer: true }).passed).toBe(false);
    expect(attempt(balanceSurvivesDuplicates, { idempotentProducer: true }).reason).toMatch(/1 payment was credited twice/);
  });
});

describe('order-per-key', () => {
  it('passes with key partitioning and an idempotent producer', () => {
    expect(attempt(orderPerKey, { partitioning: 'key', idempotentProducer: true }).passed).toBe(true);
    expect(attempt(orderPerKey, { partitions: 1, idempotentProducer: true }).passed).toBe(true);
  });

  it('fails with either fix alone: the keyless spread and the overtaking retry both reorder', () => {
    expect(attempt(orderPerKey, {}).reason).toMatch(/handled after a later event/);
    expect(attempt(orderPerKey, { partitioning: 'key' }).reason).toMatch(/order-7/);
    expect(attempt(orderPerKey, { idempotentProducer: true }).passed).toBe(false);
  });
});

describe('drain-dlq-safely', () => {
  it('passes with an idempotent consumer and a redrive after the fix', () => {
    expect(attempt(drainDlqSafely, { redrive: true, idempotent: true })).toMatchObject({ passed: true });
  });

  it('fails while messages sit in the DLQ, when retries charge twice, and when the redrive comes before the fix', () => {
    expect(attempt(drainDlqSafely, {}).reason).toMatch(/2 messages are still in the dead-letter queue/);
    expect(attempt(drainDlqSafely, { idempotent: true }).passed).toBe(false);
    expect(attempt(drainDlqSafely, { redrive: true }).reason).toMatch(/extra charges/);
    expect(attempt(drainDlqSafely, { redrive: true, idempotent: true, redriveAtMs: 1000 }).reason).toMatch(/2 messages are still in the dead-letter queue/);
    expect(attempt(drainDlqSafely, { redrive: true, idempotent: true, redriveAtMs: 1000, maxAttempts: 1 }).reason).toMatch(/redriven before the fix and failed again/);
  });
});

describe('unblock-the-partition', () => {
  it('fails with blocking retries and passes with a retry topic', () => {
    expect(attempt(unblockThePartition, {}).reason).toMatch(/waited \d+ ms/);
    expect(attempt(unblockThePartition, { mode: 'retry-topic' }).passed).toBe(true);
    expect(attempt(unblockThePartition, { mode: 'retry-topic', jitter: 'none' }).passed).toBe(true);
  });

  it('cannot be passed by dead-lettering at the first failure: attempts are locked', () => {
    expect(attempt(unblockThePartition, { maxAttempts: 1 }).passed).toBe(false);
  });
});

describe('no-lost-orders', () => {
  it('fails with a dual write (lost orders) and with an outbox alone (double shipments)', () => {
    expect(attempt(noLostOrders, {}).reason).toMatch(/2 saved orders were never shipped/);
    expect(attempt(noLostOrders, { idempotentConsumer: true }).passed).toBe(false);
    expect(attempt(noLostOrders, { publish: 'outbox' }).reason).toMatch(/shipped twice/);
  });

  it('passes with the outbox and an idempotent consumer', () => {
    expect(attempt(noLostOrders, { publish: 'outbox', idempotentConsumer: true }).passed).toBe(true);
  });
});

describe('read-your-own-write', () => {
  it('fails when reading the lagging projection and passes with either read-your-writes strategy', () => {
    expect(attempt(readYourOwnWrite, {}).reason).toMatch(/had not applied it yet/);
    expect(attempt(readYourOwnWrite, { readMode: 'own-writes-from-write-model' }).reason).toMatch(/write model/);
    expect(attempt(readYourOwnWrite, { readMode: 'wait-for-projection' }).reason).toMatch(/after waiting \d+ ms/);
  });
});
