/**
 * Checking a simulation config before it runs, and the defaults of every optional setting. A bad
 * config fails with every problem listed by field, so a lab author sees them all at once.
 */
import type { SimConfig } from './types.ts';

/** The value each optional setting takes when a config leaves it out (see `types.ts`). */
export const DEFAULTS = {
  intervalMs: 10,
  amountCents: 1000,
  maxInFlight: 5,
  retryBackoffMs: 100,
  publishGapMs: 5,
  relayIntervalMs: 100,
  relayRestartMs: 300,
  processingMs: 10,
  maxAttempts: 3,
  backoffMs: 100,
  maxBackoffMs: 30_000,
  sessionTimeoutMs: 1000,
  restartMs: 1500,
  rebalanceMs: 200,
  readTimeoutMs: 1000,
  delayMs: 5,
  horizonMs: 3_600_000,
} as const;

/** Thrown by `createSim` for a configuration that cannot run; the message lists every problem by field. */
export class SimConfigError extends Error {
  /** One entry per problem, each naming the field, e.g. `groups[0].topic: unknown topic "ordres"`. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid simulation config:\n- ${problems.join('\n- ')}`);
    this.name = 'SimConfigError';
    this.problems = problems;
  }
}

function isNonNegative(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}

function isPositiveInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1;
}

function isRate(n: unknown): boolean {
  return n === undefined || (typeof n === 'number' && n >= 0 && n <= 1);
}

/** Every problem with a configuration, each naming its field; empty when it can run. */
export function configProblems(config: SimConfig): string[] {
  const problems: string[] = [];
  const topicNames = new Set<string>();
  const partitionsOf = new Map<string, number>();
  config.topics.forEach((t, i) => {
    if (topicNames.has(t.name)) problems.push(`topics[${i}].name: duplicate topic "${t.name}"`);
    topicNames.add(t.name);
    if (!isPositiveInt(t.partitions)) problems.push(`topics[${i}].partitions: must be a whole number ≥ 1, got ${t.partitions}`);
    partitionsOf.set(t.name, t.partitions);
  });
  const producerNames = new Set<string>();
  config.producers.forEach((p, i) => {
    const at = `producers[${i}]`;
    if (producerNames.has(p.name)) problems.push(`${at}.name: duplicate producer "${p.name}"`);
    producerNames.add(p.name);
    if (!topicNames.has(p.topic)) problems.push(`${at}.topic: unknown topic "${p.topic}"`);
    if (p.count !== undefined && !(Number.isInteger(p.count) && p.count >= 0)) problems.push(`${at}.count: must be a whole number ≥ 0`);
    if (p.intervalMs !== undefined && !(isNonNegative(p.intervalMs) && p.intervalMs > 0)) problems.push(`${at}.intervalMs: must be > 0`);
    if (p.startMs !== undefined && !isNonNegative(p.startMs)) problems.push(`${at}.startMs: must be ≥ 0`);
    if (p.at && !p.at.every(isNonNegative)) problems.push(`${at}.at: every time must be ≥ 0`);
    if (p.keys !== undefined && !isPositiveInt(p.keys)) problems.push(`${at}.keys: must be a whole number ≥ 1`);
    if (p.maxInFlight !== undefined && !isPositiveInt(p.maxInFlight)) problems.push(`${at}.maxInFlight: must be a whole number ≥ 1`);
    const amount = p.amountCents;
    if (amount !== undefined && typeof amount !== 'number' && !(Number.isInteger(amount.min) && Number.isInteger(amount.max) && amount.min <= amount.max)) {
      problems.push(`${at}.amountCents: min and max must be whole numbers with min ≤ max`);
    }
    if (typeof amount === 'number' && !Number.isInteger(amount)) problems.push(`${at}.amountCents: must be a whole number of cents`);
    const f = p.faults ?? {};
    for (const rate of ['ackLossRate', 'sendFailRate', 'crashBeforePublishRate', 'poisonRate'] as const) {
      if (!isRate(f[rate])) problems.push(`${at}.faults.${rate}: must be between 0 and 1`);
    }
    if ((f.crashBeforePublish?.length || f.crashBeforePublishRate) && (p.publish ?? 'direct') === 'direct') {
      problems.push(`${at}.faults.crashBeforePublish: a direct producer saves nothing, so it has no save to crash after`);
    }
    if (f.relayCrashes?.length && p.publish !== 'outbox') problems.push(`${at}.faults.relayCrashes: only an outbox producer has a relay`);
  });
  const groupNames = new Set<string>();
  config.groups.forEach((g, i) => {
    const at = `groups[${i}]`;
    if (groupNames.has(g.name)) problems.push(`${at}.name: duplicate group "${g.name}"`);
    if (producerNames.has(g.name) && g.emits) problems.push(`${at}.name: "${g.name}" is also a producer; an emitting group needs its own name`);
    groupNames.add(g.name);
    if (!topicNames.has(g.topic)) problems.push(`${at}.topic: unknown topic "${g.topic}"`);
    const members = g.members ?? 1;
    if (!isPositiveInt(members)) problems.push(`${at}.members: must be a whole number ≥ 1`);
    const proc = g.processingMs;
    if (proc !== undefined) {
      if (typeof proc === 'number') {
        if (!isNonNegative(proc)) problems.push(`${at}.processingMs: must be ≥ 0`);
      } else if (proc.length !== members || !proc.every(isNonNegative)) {
        problems.push(`${at}.processingMs: needs one time ≥ 0 per member (${members})`);
      }
    }
    if (g.maxPollRecords !== undefined && !isPositiveInt(g.maxPollRecords)) problems.push(`${at}.maxPollRecords: must be a whole number ≥ 1`);
    if (g.retry) {
      if (!isPositiveInt(g.retry.maxAttempts)) problems.push(`${at}.retry.maxAttempts: must be a whole number ≥ 1`);
      if (!isNonNegative(g.retry.backoffMs)) problems.push(`${at}.retry.backoffMs: must be ≥ 0`);
    }
    if (g.rebalanceMs !== undefined && !isNonNegative(g.rebalanceMs)) problems.push(`${at}.rebalanceMs: must be ≥ 0`);
    if (g.joinAtMs !== undefined && !isNonNegative(g.joinAtMs)) problems.push(`${at}.joinAtMs: must be ≥ 0`);
    if (g.emits && !topicNames.has(g.emits.topic)) problems.push(`${at}.emits.topic: unknown topic "${g.emits.topic}"`);
    const f = g.faults ?? {};
    if (!isRate(f.failureRate)) problems.push(`${at}.faults.failureRate: must be between 0 and 1`);
    (f.crashes ?? []).forEach((c, j) => {
      if (!(Number.isInteger(c.member) && c.member >= 0 && c.member < members)) problems.push(`${at}.faults.crashes[${j}].member: no member ${c.member}`);
      if ('at' in c ? !isNonNegative(c.at) : !isPositiveInt(c.afterRecords)) problems.push(`${at}.faults.crashes[${j}]: needs at ≥ 0 or afterRecords ≥ 1`);
    });
  });
  (config.reads ?? []).forEach((r, i) => {
    const group = config.groups.find((g) => g.name === r.group);
    if (!group) problems.push(`reads[${i}].group: unknown group "${r.group}"`);
    else if (group.effect !== 'project') problems.push(`reads[${i}].group: "${r.group}" is not a projection (effect "project")`);
    if (!isNonNegative(r.at)) problems.push(`reads[${i}].at: must be ≥ 0`);
  });
  if (config.network && !(isNonNegative(config.network.delayMs) && (config.network.jitterMs === undefined || isNonNegative(config.network.jitterMs)))) {
    problems.push('network: delayMs and jitterMs must be ≥ 0');
  }
  return problems;
}
