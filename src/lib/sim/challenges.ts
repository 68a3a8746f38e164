/**
 * "Break it, then fix it" challenges. Each starts from a lab scenario that fails, pins the faults
 * the learner must survive (`locked` knobs), and judges a finished run with a pure function of its
 * metrics that says whether it passed and why. Ids are stable: progress is stored by them.
 *
 * A challenge starts from its lab's defaults, changed only where it says so (`start`).
 */
import { createSim, runToEnd } from './engine.ts';
import {
  knobsFor,
  consistencyLab,
  duplicatesLab,
  groupsLab,
  orderingLab,
  outboxLab,
  retriesLab,
  type ConsistencyKnobs,
  type DuplicatesKnobs,
  type GroupsKnobs,
  type KnobValues,
  type LabId,
  type LabKnobs,
  type LabPreset,
  type OrderingKnobs,
  type OutboxKnobs,
  type RetriesKnobs,
} from './presets.ts';
import type { Seed } from './random.ts';
import type { GroupMetrics, ProducerMetrics, SimConfig, SimMetrics } from './types.ts';
import { formatCents, metrics } from './views.ts';

/** A challenge's judgement of a run. */
export interface Verdict {
  /** Whether the goal was met. */
  readonly passed: boolean;
  /** Why, in one or two sentences a learner can act on. */
  readonly reason: string;
}

/** A challenge over one lab's knobs. */
export interface Challenge<K> {
  /** Stable id (never reused). */
  readonly id: string;
  /** Short title. */
  readonly title: string;
  /** The goal, one sentence. */
  readonly goal: string;
  /** A nudge for a learner who is stuck. */
  readonly hint: string;
  /** The lab whose knobs the learner turns. */
  readonly lab: LabPreset<K>;
  /** Knob values the challenge starts from; they fail it. */
  readonly start: K;
  /** Knobs held at their start values (the faults to survive); `runChallenge` enforces them. */
  readonly locked: readonly Extract<keyof K, string>[];
  /** Judges the metrics of a finished run. */
  readonly check: (m: SimMetrics) => Verdict;
}

function group(m: SimMetrics, name: string): GroupMetrics {
  const g = m.groups.find((x) => x.name === name);
  if (!g) throw new Error(`The run has no group "${name}"`);
  return g;
}

function producer(m: SimMetrics, name: string): ProducerMetrics {
  const p = m.producers.find((x) => x.name === name);
  if (!p) throw new Error(`The run has no producer "${name}"`);
  return p;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const pass = (reason: string): Verdict => ({ passed: true, reason });
const fail = (reason: string): Verdict => ({ passed: false, reason });

/** Keep the ledger exactly right through lost acks (duplicates) and a crash before commit. */
export const balanceSurvivesDuplicates: Challenge<DuplicatesKnobs> = {
  id: 'balance-survives-duplicates',
  title: 'A balance that survives duplicates',
  goal: 'Keep every account balance exactly right through 3 duplicate deliveries and a consumer crash.',
  hint: 'Losing nothing needs at-least-once; at-least-once brings duplicates; something has to recognise them.',
  lab: duplicatesLab,
  start: duplicatesLab.defaults,
  locked: ['lostAcks', 'crash'],
  check: (m) => {
    const ledger = group(m, 'ledger');
    const expected = producer(m, 'checkout').amountCreated;
    if (ledger.crashes < 1) return fail('The ledger consumer never crashed; keep the crash on.');
    if (ledger.lost > 0) {
      return fail(`${plural(ledger.lost, 'payment was', 'payments were')} never credited: committing before processing lost what was in flight at the crash.`);
    }
    if (ledger.duplicateEffects > 0) {
      return fail(
        `${plural(ledger.duplicateEffects, 'payment was', 'payments were')} credited twice: the balances total ${formatCents(ledger.total)} instead of ${formatCents(expected)}.`,
      );
    }
    if (ledger.total !== expected) return fail(`The balances total ${formatCents(ledger.total)} instead of ${formatCents(expected)}.`);
    return pass(`Every payment was credited exactly once (${formatCents(expected)} in all); ${plural(ledger.duplicatesCaught, 'duplicate was', 'duplicates were')} caught.`);
  },
};

/** Zero per-key ordering violations, nothing lost. */
export const orderPerKey: Challenge<OrderingKnobs> = {
  id: 'order-per-key',
  title: 'Every order in order',
  goal: 'Have the fulfilment service see each order placed, then paid, then shipped: zero ordering violations, nothing lost.',
  hint: 'Order holds only within a partition, and a retried send can overtake the ones behind it.',
  lab: orderingLab,
  start: orderingLab.defaults,
  locked: ['failedSends', 'jitterMs'],
  check: (m) => {
    const fulfilment = group(m, 'fulfilment');
    const published = producer(m, 'shop').published;
    if (fulfilment.orderingViolations > 0) {
      const keys = Object.keys(fulfilment.violationsByKey);
      return fail(`${plural(fulfilment.orderingViolations, 'event was', 'events were')} handled after a later event of the same order (${keys.join(', ')}).`);
    }
    if (fulfilment.uniqueEffects < published) return fail(`${published - fulfilment.uniqueEffects} of ${published} events were never handled.`);
    return pass(`All ${published} events were handled in order for every order.`);
  },
};

/** Redrive the DLQ after the fix without double charges. */
export const drainDlqSafely: Challenge<RetriesKnobs> = {
  id: 'drain-dlq-safely',
  title: 'Drain the DLQ without charging twice',
  goal: 'Empty the dead-letter queue once the fix is deployed at 2 s, without charging any customer twice.',
  hint: 'The handler charges the card before it fails, so every retry and every redrive charges again unless the charge is recognised.',
  lab: retriesLab,
  start: { ...retriesLab.defaults, poisonMessages: 2, deployFix: true, failAfterEffect: true },
  locked: ['poisonMessages', 'failAfterEffect', 'deployFix', 'fixAtMs'],
  check: (m) => {
    const billing = group(m, 'billing');
    const expected = producer(m, 'checkout').amountCreated;
    if (billing.dlqSize > 0) {
      const again = billing.redriven > 0 ? ' They were redriven before the fix and failed again.' : '';
      return fail(`${plural(billing.dlqSize, 'message is', 'messages are')} still in the dead-letter queue.${again}`);
    }
    if (billing.duplicateEffects > 0) {
      return fail(`${plural(billing.duplicateEffects, 'extra charge was', 'extra charges were')} made: ${formatCents(billing.total)} charged for ${formatCents(expected)} of payments.`);
    }
    if (billing.lost > 0 || billing.total !== expected) return fail(`${formatCents(billing.total)} charged for ${formatCents(expected)} of payments.`);
    return pass(`The DLQ is empty and every customer was charged exactly once (${formatCents(expected)}); ${plural(billing.duplicatesCaught, 'repeat charge was', 'repeat charges were')} skipped.`);
  },
};

/** Healthy payments keep flowing while a poison message retries. */
export const unblockThePartition: Challenge<RetriesKnobs> = {
  id: 'unblock-the-partition',
  title: 'Unblock the partition',
  goal: 'While a poison message retries, no healthy payment waits more than 1.5 s, the poison ends up in the DLQ, and nothing healthy does.',
  hint: 'Attempts and backoff are fixed here; what you can change is where a failed message waits for its next attempt.',
  lab: retriesLab,
  start: { ...retriesLab.defaults, maxAttempts: 5, backoffMs: 300, transientFailurePercent: 20 },
  locked: ['maxAttempts', 'backoffMs', 'poisonMessages', 'transientFailurePercent', 'deployFix', 'redrive', 'failAfterEffect'],
  check: (m) => {
    const billing = group(m, 'billing');
    const checkout = producer(m, 'checkout');
    const healthy = checkout.published - checkout.poison;
    if (billing.latency.maxMs > 1500) return fail(`A healthy payment waited ${Math.round(billing.latency.maxMs)} ms: something blocked its partition.`);
    if (billing.dlqSize > checkout.poison) {
      return fail(`${plural(billing.dlqSize - checkout.poison, 'healthy payment was', 'healthy payments were')} dead-lettered: they needed more attempts.`);
    }
    if (billing.dlqSize < checkout.poison) return fail('The poison message is not in the dead-letter queue.');
    if (billing.uniqueEffects < healthy) return fail(`${healthy - billing.uniqueEffects} healthy payments were never charged.`);
    return pass(`Healthy payments waited at most ${Math.round(billing.latency.maxMs)} ms and only the poison message was dead-lettered.`);
  },
};

/** Every saved order shipped exactly once despite service and relay crashes. */
export const noLostOrders: Challenge<OutboxKnobs> = {
  id: 'no-lost-orders',
  title: 'No lost orders, no double shipments',
  goal: 'Ship every saved order exactly once, although the order service crashes after saving and the relay crashes after publishing.',
  hint: 'Make saving and publishing one local transaction; then deal with what at-least-once publishing brings.',
  lab: outboxLab,
  start: outboxLab.defaults,
  locked: ['serviceCrashes', 'relayCrash'],
  check: (m) => {
    const shipping = group(m, 'shipping');
    const saved = producer(m, 'orders').created;
    if (shipping.uniqueEffects < saved) {
      return fail(`${plural(saved - shipping.uniqueEffects, 'saved order was', 'saved orders were')} never shipped: the event was lost between saving and publishing.`);
    }
    if (shipping.duplicateEffects > 0) return fail(`${plural(shipping.duplicateEffects, 'order was', 'orders were')} shipped twice: the relay published them again after its crash.`);
    return pass(`All ${saved} saved orders were shipped exactly once; ${plural(shipping.duplicatesCaught, 'duplicate was', 'duplicates were')} skipped.`);
  },
};

/** The writer sees their own write at t = 300 ms. */
export const readYourOwnWrite: Challenge<ConsistencyKnobs> = {
  id: 'read-your-own-write',
  title: 'Read your own write',
  goal: 'The user who saved a new display name at t = 0 sees it when the page reloads at t = 300 ms.',
  hint: 'The projection is behind; either do not ask it, or wait for it (not forever).',
  lab: consistencyLab,
  start: consistencyLab.defaults,
  locked: ['readAtMs', 'projectionMs', 'backlog'],
  check: (m) => {
    const first = [...m.reads].sort((a, b) => a.at - b.at)[0];
    if (!first) return fail('The read never happened.');
    if (!first.fresh) {
      const why = first.timedOut ? 'waiting gave up before the projection caught up' : 'the projection had not applied it yet';
      return fail(`The page showed version ${first.version}, not the user’s version ${first.latestVersion}: ${why}.`);
    }
    const cost = first.servedBy === 'write-model' ? 'by reading the write model' : `after waiting ${Math.round(first.answeredAt - first.at)} ms for the projection`;
    return pass(`The user saw their own change ${cost}.`);
  },
};

/** A rolling deploy of the analytics consumers with no rebalance and nothing lost. */
export const rollingRestartNoRebalance: Challenge<GroupsKnobs> = {
  id: 'rolling-restart-no-rebalance',
  title: 'A rolling deploy nobody notices',
  goal: 'Restart every analytics consumer in turn (each is back within the session timeout) without a single rebalance, and count every click.',
  hint: 'A restarted consumer normally joins as a brand-new member. What if the group could recognise it as the same instance?',
  lab: groupsLab,
  start: { ...groupsLab.defaults, protocol: 'eager', rollingRestart: true },
  locked: ['rollingRestart'],
  check: (m) => {
    const analytics = group(m, 'analytics');
    const published = producer(m, 'web').published;
    if (analytics.crashes < 1) return fail('No consumer restarted; keep the rolling restart on.');
    if (analytics.rebalances > 0) {
      const revoked = analytics.revoked > 0 ? ` Eager rebalancing took ${plural(analytics.revoked, 'partition', 'partitions')} away from healthy consumers on the way.` : '';
      return fail(`The group rebalanced ${plural(analytics.rebalances, 'time', 'times')}: each restarted consumer came back as a new member.${revoked}`);
    }
    if (analytics.uniqueEffects < published) return fail(`${published - analytics.uniqueEffects} of ${published} clicks were never counted.`);
    return pass(`${plural(analytics.crashes, 'consumer', 'consumers')} restarted with no rebalance: each came back as the same instance and took up its own partitions; all ${published} clicks counted.`);
  },
};

/** A group deployed late processes the whole backlog. */
export const backfillNewGroup: Challenge<GroupsKnobs> = {
  id: 'backfill-new-group',
  title: 'Backfill the new search index',
  goal: 'The new search group is deployed at 300 ms, after 30 clicks are already in the topic; make it index every click ever published.',
  hint: 'The group has no committed offset yet, so a setting decides where it starts. Which starting point includes what is already in the topic?',
  lab: groupsLab,
  start: { ...groupsLab.defaults, searchJoinsLate: true, offsetReset: 'latest' },
  locked: ['searchJoinsLate'],
  check: (m) => {
    const search = m.groups.find((g) => g.name === 'search');
    const published = producer(m, 'web').published;
    if (!search) return fail('There is no search group; keep it deployed.');
    if (search.offsetResetFailed) {
      return fail('search stopped with an error: no committed offset and auto.offset.reset=none. Loud is better than silent, but nothing was indexed.');
    }
    if (search.skippedByReset > 0) {
      return fail(`search skipped ${plural(search.skippedByReset, 'click', 'clicks')} that were already in the topic: it started at the log end.`);
    }
    if (search.uniqueEffects < published) return fail(`${published - search.uniqueEffects} of ${published} clicks were never indexed.`);
    return pass(`search started from the oldest record and indexed all ${published} clicks, the backlog included.`);
  },
};

/** Each lab's challenges, by lab id. */
export const CHALLENGES_BY_LAB: { readonly [I in LabId]: readonly Challenge<LabKnobs[I]>[] } = {
  'duplicates-idempotency': [balanceSurvivesDuplicates],
  'ordering-keys': [orderPerKey],
  'consumer-groups': [rollingRestartNoRebalance, backfillNewGroup],
  'eventual-consistency': [readYourOwnWrite],
  'retries-dlq': [drainDlqSafely, unblockThePartition],
  'outbox-dual-write': [noLostOrders],
  'trace-correlation': [],
};

/** Every challenge, lab by lab. */
export const CHALLENGES: readonly AnyChallenge[] = Object.values(CHALLENGES_BY_LAB).flat();

/** Any one challenge. */
export type AnyChallenge = { [I in LabId]: Challenge<LabKnobs[I]> }[LabId];

/** The challenge with this id; throws for an unknown id. */
export function challengeById(id: string): AnyChallenge {
  const found = CHALLENGES.find((c) => c.id === id);
  if (!found) throw new Error(`Unknown challenge "${id}"`);
  return found;
}

/** The knob values a run of the challenge uses: the learner's, with the locked ones put back. */
export function challengeKnobs<K>(challenge: Challenge<K>, knobs: K): K {
  const out = { ...knobs };
  for (const name of challenge.locked) out[name] = challenge.start[name];
  return out;
}

/** The config a challenge starts from. */
export function challengeConfig<K>(challenge: Challenge<K>): SimConfig {
  return challenge.lab.build(challenge.start);
}



/**
 * Judges challenge `challengeId` of lab `labId` for untyped knob values, as a page holds them
 * (checked by `knobsFor`; locked knobs enforced). Throws for a challenge the lab does not have.
 */
export function checkChallenge<I extends LabId>(labId: I, challengeId: string, values: KnobValues, seed: Seed): { readonly verdict: Verdict; readonly metrics: SimMetrics } {
  const challenge = CHALLENGES_BY_LAB[labId].find((c) => c.id === challengeId);
  if (!challenge) throw new Error(`Lab "${labId}" has no challenge "${challengeId}"`);
  return runChallenge(challenge, knobsFor(challenge.lab, values), seed);
}

/** Runs the challenge's scenario with the learner's knobs (locked ones enforced) to the end and judges it. */
export function runChallenge<K>(challenge: Challenge<K>, knobs: K, seed: Seed = challenge.lab.seed): { readonly verdict: Verdict; readonly metrics: SimMetrics } {
  const sim = createSim({ ...challenge.lab.build(challengeKnobs(challenge, knobs)), trace: false }, seed);
  runToEnd(sim);
  const m = metrics(sim);
  return { verdict: challenge.check(m), metrics: m };
}
