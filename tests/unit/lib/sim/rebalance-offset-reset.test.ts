import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backfillNewGroup,
  buildLab,
  createSim,
  groupMetrics,
  groupsLab,
  partitions,
  rollingRestartNoRebalance,
  runChallenge,
  runUntil,
  trace,
  type GroupConfig,
} from '../../../../src/lib/sim/index.ts';
import { oneTopic, runAll } from './helpers.ts';

/** Three members on three partitions, member 1 down from 100 ms for `downMs`. */
function restarting(group: Partial<GroupConfig>, downMs = 200) {
  return oneTopic({
    partitions: 3,
    producer: { count: 60, intervalMs: 10, keys: 12 },
    group: { members: 3, processingMs: 5, effect: 'count', sessionTimeoutMs: 1000, restartMs: downMs, faults: { crashes: [{ member: 1, at: 100 }] }, ...group },
  });
}

describe('rebalance protocols', () => {
  it('default knobs build exactly the config the lab built before the new knobs existed', () => {
    const config = groupsLab.build(groupsLab.defaults);
    for (const g of config.groups) {
      for (const key of ['rebalance', 'rebalanceMs', 'staticMembership', 'joinAtMs', 'offsetReset', 'faults', 'restartMs']) expect(g, key).not.toHaveProperty(key);
    }
    const withSearch = groupsLab.build({ ...groupsLab.defaults, secondGroup: true });
    expect(withSearch.groups[1]).toEqual({ name: 'search', topic: 'clicks', members: 1, processingMs: 8, effect: 'count', effectText: 'indexed the page' });
  });

  it('cooperative: a restart rebalances (leave and join) but never takes a partition from a healthy member', () => {
    const { m } = runAll(restarting({}));
    const g = m.groups[0]!;
    expect(g.rebalances).toBe(2);
    expect(g.revoked).toBe(0);
    expect(g.uniqueEffects).toBe(60);
  });

  it('eager: every rebalance revokes the healthy members’ partitions and nothing is delivered until the group has synced', () => {
    const { sim, m } = runAll(restarting({ rebalance: 'eager', rebalanceMs: 150 }));
    const g = m.groups[0]!;
    expect(g.rebalances).toBe(2);
    expect(g.revoked).toBeGreaterThanOrEqual(2);
    const steps = trace(sim);
    const revokes = steps.filter((s) => s.kind === 'revoked');
    expect(revokes).toHaveLength(2);
    for (const r of revokes) {
      const received = steps.filter((s) => s.kind === 'delivered' && s.at > r.at && s.at < r.at + 150);
      expect(received, `deliveries during the pause after ${r.at} ms`).toEqual([]);
    }
    expect(g.uniqueEffects).toBe(60);
  });

  it('eager pauses show on the stage data: no partition has an owner during the sync', () => {
    const sim = createSim(restarting({ rebalance: 'eager', rebalanceMs: 150 }), 1);
    runUntil(sim, 310);
    expect(partitions(sim, 'g').map((p) => p.owner)).toEqual([null, null, null]);
    runUntil(sim, 460);
    expect(partitions(sim, 'g').every((p) => p.owner !== null)).toBe(true);
  });

  it('static membership: back within the session timeout, the member keeps its partitions and nobody rebalances', () => {
    const sim = createSim(restarting({ staticMembership: true }), 1);
    runUntil(sim, 50);
    const before = partitions(sim, 'g').map((p) => p.owner);
    runUntil(sim, 150);
    expect(partitions(sim, 'g').map((p) => p.owner)).toEqual(before);
    runUntil(sim, 5000);
    expect(partitions(sim, 'g').map((p) => p.owner)).toEqual(before);
    expect(groupMetrics(sim, 'g').rebalances).toBe(0);
    expect(groupMetrics(sim, 'g').uniqueEffects).toBe(60);
  });

  it('static membership: down for longer than the session timeout, the member is evicted and its partitions move', () => {
    const { m } = runAll(restarting({ staticMembership: true }, 1500));
    expect(m.groups[0]!.rebalances).toBe(2);
    expect(m.groups[0]!.uniqueEffects).toBe(60);
  });

  it('for any restarts, protocol and membership, every event is still handled and nothing is lost', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'eager' | 'cooperative'>('eager', 'cooperative'),
        fc.boolean(),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.record({ member: fc.nat(3), at: fc.integer({ min: 0, max: 700 }) }), { maxLength: 4 }),
        fc.integer({ min: 50, max: 1500 }),
        (rebalance, staticMembership, members, crashes, restartMs) => {
          const config = oneTopic({
            partitions: 3,
            producer: { count: 40, intervalMs: 10, keys: 6 },
            group: {
              members,
              processingMs: 7,
              effect: 'count',
              rebalance,
              staticMembership,
              restartMs,
              sessionTimeoutMs: 600,
              faults: { crashes: crashes.map((c) => ({ member: c.member % members, at: c.at })) },
            },
          });
          const g = runAll(config).m.groups[0]!;
          expect(g.uniqueEffects).toBe(40);
          expect(g.lost).toBe(0);
          if (rebalance === 'cooperative') expect(g.revoked).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('auto.offset.reset for a group that joins late', () => {
  const late = (offsetReset: 'latest' | 'earliest' | 'none', joinAtMs: number) =>
    oneTopic({ producer: { count: 30, intervalMs: 10 }, group: { joinAtMs, offsetReset, effect: 'count' }, partitions: 2 });

  it('latest skips exactly what was in the topic when it joined, and counts it as skipped and lost', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), (joinAtMs) => {
        const { sim, m } = runAll(late('latest', joinAtMs));
        const g = m.groups[0]!;
        const steps = trace(sim);
        const joined = steps.find((s) => s.kind === 'offset-reset')!;
        expect(joined.at).toBe(joinAtMs);
        const inTopicAtJoin = steps.filter((s) => s.kind === 'appended' && s.index < joined.index).length;
        expect(g.skippedByReset).toBe(inTopicAtJoin);
        expect(g.uniqueEffects).toBe(30 - inTopicAtJoin);
        expect(g.lost).toBe(inTopicAtJoin);
        expect(g.lag).toBe(0);
      }),
      { numRuns: 40 },
    );
  });

  it('earliest replays the backlog: every event handled', () => {
    const g = runAll(late('earliest', 200)).m.groups[0]!;
    expect(g.skippedByReset).toBe(0);
    expect(g.uniqueEffects).toBe(30);
  });

  it('none stops the group with an error: nothing delivered, the whole topic left as lag', () => {
    const { sim, m } = runAll(late('none', 200));
    const g = m.groups[0]!;
    expect(g.offsetResetFailed).toBe(true);
    expect(g.deliveries).toBe(0);
    expect(g.lag).toBe(30);
    expect(trace(sim).some((s) => s.kind === 'offset-reset' && s.text.includes('auto.offset.reset=none'))).toBe(true);
  });

  it('a group that is there from the start is unaffected by the setting', () => {
    const base = runAll(oneTopic({ partitions: 2 })).m;
    for (const offsetReset of ['latest', 'earliest', 'none'] as const) expect(runAll(oneTopic({ partitions: 2, group: { offsetReset } })).m).toEqual(base);
  });
});

describe('the consumer-groups lab challenges', () => {
  it('rolling restart: eager and plain cooperative fail, static membership passes', () => {
    expect(runChallenge(rollingRestartNoRebalance, rollingRestartNoRebalance.start).verdict.passed).toBe(false);
    const cooperative = runChallenge(rollingRestartNoRebalance, { ...rollingRestartNoRebalance.start, protocol: 'cooperative' as const }).verdict;
    expect(cooperative.passed).toBe(false);
    expect(cooperative.reason).toMatch(/rebalanced 4 times/);
    expect(runChallenge(rollingRestartNoRebalance, { ...rollingRestartNoRebalance.start, protocol: 'static' as const }).verdict.passed).toBe(true);
    const unlocked = runChallenge(rollingRestartNoRebalance, { ...rollingRestartNoRebalance.start, protocol: 'static' as const, rollingRestart: false });
    expect(unlocked.metrics.groups[0]!.crashes, 'the locked rolling restart is put back').toBe(2);
  });

  it('backfill: latest skips 30 clicks, none stops, earliest passes', () => {
    expect(runChallenge(backfillNewGroup, backfillNewGroup.start).verdict.reason).toMatch(/skipped 30 clicks/);
    expect(runChallenge(backfillNewGroup, { ...backfillNewGroup.start, offsetReset: 'none' as const }).verdict.reason).toMatch(/auto\.offset\.reset=none/);
    expect(runChallenge(backfillNewGroup, { ...backfillNewGroup.start, offsetReset: 'earliest' as const }).verdict.passed).toBe(true);
  });

  it('the lab shows the late group’s skipped backlog in its metrics', () => {
    const { m } = runAll({ ...buildLab('consumer-groups', { searchJoinsLate: true }), trace: false }, groupsLab.seed);
    expect(m.groups.find((g) => g.name === 'search')!.skippedByReset).toBe(30);
  });
});
