/**
 * The run-time state of producers and consumer groups: their configuration resolved against the
 * defaults, and their counters and per-partition / per-key / per-event columns, which the engine
 * updates and the views read.
 */
import { DEFAULTS } from './config.ts';
import type { GroupConfig, ProducerConfig } from './types.ts';

/** One producer at run time (configured producers first, then one per group that emits). */
export class StreamState {
  /** Position in the engine's list of producers. */
  readonly index: number;
  readonly name: string;
  /** Topic index. */
  readonly topic: number;
  /** Global index of the topic's partition 0 (partitions of all topics are numbered together). */
  readonly tpBase: number;
  readonly partitions: number;
  /** Global id of this producer's key 0 (producers sharing a key prefix share ids). */
  readonly keyBase: number;
  readonly keys: number;
  /** Partition by key hash (else round-robin). */
  readonly byKey: boolean;
  /** 0 random, 1 sequential, 2 shuffled. */
  readonly keyOrder: number;
  /** Shuffled key order: the key of each scheduled event. */
  keySchedule: Int32Array | null = null;
  readonly types: readonly string[];
  readonly amountMin: number;
  readonly amountMax: number;
  /** Whether amounts were configured (money), so the narration mentions them. */
  readonly hasAmounts: boolean;
  /** 0 direct, 1 dual write, 2 outbox. */
  readonly publish: number;
  readonly idempotent: boolean;
  readonly retries: boolean;
  readonly maxInFlight: number;
  readonly retryBackoffMs: number;
  readonly publishGapMs: number;
  readonly relayIntervalMs: number;
  readonly relayRestartMs: number;
  readonly count: number;
  readonly startMs: number;
  readonly intervalMs: number;
  readonly times: readonly number[] | null;
  readonly emitter: boolean;
  readonly ackLost: ReadonlySet<number>;
  readonly ackLossRate: number;
  readonly sendFailed: ReadonlySet<number>;
  readonly sendFailRate: number;
  readonly crashBeforePublish: ReadonlySet<number>;
  readonly crashBeforePublishRate: number;
  readonly relayCrashes: ReadonlySet<number>;
  readonly poison: ReadonlySet<number>;
  readonly poisonRate: number;
  /** Whether any per-event fault is configured (skips the checks when not). */
  readonly faulty: boolean;
  created = 0;
  amountCreated = 0;
  poisonCreated = 0;
  /** Round-robin partitioner's counter. */
  rr = 0;
  /** Copies stored in the topic, duplicates included. */
  appends = 0;
  /** Distinct events stored in the topic. */
  uniqueAppended = 0;
  duplicatesDropped = 0;
  lost = 0;
  /** Outbox table: event indices in commit order. */
  readonly outbox: number[] = [];
  /** Rows before this index are marked sent. */
  outboxSent = 0;
  relayPolls = 0;
  /** Whether a relay poll is already on the agenda. */
  relayScheduled = false;

  constructor(
    index: number,
    p: ProducerConfig,
    topic: number,
    tpBase: number,
    partitions: number,
    keyBase: number,
    keys: number,
    emitter: boolean,
  ) {
    this.index = index;
    this.name = p.name;
    this.topic = topic;
    this.tpBase = tpBase;
    this.partitions = partitions;
    this.keyBase = keyBase;
    this.keys = keys;
    this.byKey = (p.partitioning ?? 'key') === 'key';
    const keyOrder = p.keyOrder ?? 'random';
    this.keyOrder = keyOrder === 'random' ? 0 : keyOrder === 'sequential' ? 1 : 2;
    this.types = p.types && p.types.length > 0 ? p.types : ['SomethingHappened'];
    const amount = p.amountCents ?? DEFAULTS.amountCents;
    this.amountMin = typeof amount === 'number' ? amount : amount.min;
    this.amountMax = typeof amount === 'number' ? amount : amount.max;
    this.hasAmounts = p.amountCents !== undefined;
    const publish = p.publish ?? 'direct';
    this.publish = publish === 'direct' ? 0 : publish === 'dual-write' ? 1 : 2;
    this.idempotent = p.idempotent ?? false;
    this.retries = p.retries ?? true;
    this.maxInFlight = p.maxInFlight ?? DEFAULTS.maxInFlight;
    this.retryBackoffMs = p.retryBackoffMs ?? DEFAULTS.retryBackoffMs;
    this.publishGapMs = p.publishGapMs ?? DEFAULTS.publishGapMs;
    this.relayIntervalMs = p.relayIntervalMs ?? DEFAULTS.relayIntervalMs;
    this.relayRestartMs = p.relayRestartMs ?? DEFAULTS.relayRestartMs;
    this.times = p.at ?? null;
    this.count = p.at ? p.at.length : (p.count ?? 0);
    this.startMs = p.startMs ?? 0;
    this.intervalMs = p.intervalMs ?? DEFAULTS.intervalMs;
    this.emitter = emitter;
    const f = p.faults ?? {};
    this.ackLost = new Set(f.ackLost ?? []);
    this.ackLossRate = f.ackLossRate ?? 0;
    this.sendFailed = new Set(f.sendFailed ?? []);
    this.sendFailRate = f.sendFailRate ?? 0;
    this.crashBeforePublish = new Set(f.crashBeforePublish ?? []);
    this.crashBeforePublishRate = f.crashBeforePublishRate ?? 0;
    this.relayCrashes = new Set(f.relayCrashes ?? []);
    this.poison = new Set(f.poison ?? []);
    this.poisonRate = f.poisonRate ?? 0;
    this.faulty =
      this.ackLost.size + this.sendFailed.size + this.crashBeforePublish.size + this.poison.size > 0 ||
      this.ackLossRate + this.sendFailRate + this.crashBeforePublishRate + this.poisonRate > 0;
  }
}

/** One consumer group at run time. */
export class GroupState {
  readonly index: number;
  readonly name: string;
  readonly topic: number;
  readonly tpBase: number;
  readonly partitions: number;
  /** Global index of member 0 (members of all groups are numbered together). */
  readonly memberBase: number;
  readonly members: number;
  readonly atMostOnce: boolean;
  readonly maxPoll: number;
  readonly idempotent: boolean;
  /** 0 count, 1 sum, 2 project. */
  readonly effect: number;
  readonly effectText: string;
  /** Producer index of the follow-up events it emits, or −1. */
  emitStream = -1;
  readonly maxAttempts: number;
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
  /** 0 none, 1 full, 2 equal. */
  readonly jitter: number;
  readonly retryTopic: boolean;
  /** Processing time of an attempt from the retry topic or a redrive. */
  readonly retryProcessingMs: number;
  readonly sessionTimeoutMs: number;
  readonly restartMs: number;
  readonly eager: boolean;
  readonly rebalanceMs: number;
  readonly staticMembership: boolean;
  /** 0 when the group is there from the start. */
  readonly joinAtMs: number;
  /** 0 latest, 1 earliest, 2 none. */
  readonly offsetReset: number;
  rebalances = 0;
  revoked = 0;
  skippedByReset = 0;
  offsetResetFailed = false;
  /** Eager: numbers the pending sync, so an older one that a newer rebalance replaced is ignored. */
  syncToken = 0;
  readonly failureRate: number;
  readonly failAfterEffect: boolean;
  /** Infinity when no fix is deployed. */
  readonly poisonFixedAt: number;
  /** Per partition: next offset to hand out. */
  readonly position: Int32Array;
  /** Per partition: committed offset. */
  readonly committed: Int32Array;
  /** Per partition: owning member (global index), or −1 while unassigned. */
  readonly owner: Int32Array;
  /** Per event: times the effect was applied (saturates at 255). Doubles as the idempotent consumer's processed-ids table. */
  effectCount: Uint8Array;
  /** Per key: highest sequence number applied, for ordering checks. */
  readonly maxSeq: Int32Array;
  readonly violationsByKey: Uint32Array;
  /** Per key: sum, count or version held, by effect. */
  readonly perKey: Float64Array;
  deliveries = 0;
  effects = 0;
  uniqueEffects = 0;
  duplicateEffects = 0;
  duplicatesCaught = 0;
  total = 0;
  violations = 0;
  failures = 0;
  retries = 0;
  deadLettered = 0;
  redriven = 0;
  dropped = 0;
  crashes = 0;
  /** Sum of lag over partitions, kept up to date on every append and commit. */
  lagTotal = 0;
  maxLag = 0;
  /** Numbers the transient-failure draws. */
  attemptCounter = 0;
  latCount = 0;
  latSum = 0;
  latMax = 0;
  /** 1 ms latency buckets, allocated at the first effect. */
  latHist: Uint32Array | null = null;
  /** Dead-letter queue, oldest first: event, attempts made, time. */
  readonly dlqEvent: number[] = [];
  readonly dlqAttempts: number[] = [];
  readonly dlqAt: number[] = [];
  /** Events waiting in the retry topic (or being redriven), by event index → copies pending. */
  readonly retrying = new Map<number, number>();

  constructor(
    index: number,
    g: GroupConfig,
    topic: number,
    tpBase: number,
    partitions: number,
    memberBase: number,
    keys: number,
    eventCapacity: number,
  ) {
    this.index = index;
    this.name = g.name;
    this.topic = topic;
    this.tpBase = tpBase;
    this.partitions = partitions;
    this.memberBase = memberBase;
    this.members = g.members ?? 1;
    this.atMostOnce = g.delivery === 'at-most-once';
    this.maxPoll = g.maxPollRecords ?? 1;
    this.idempotent = g.idempotent ?? false;
    const effect = g.effect ?? 'count';
    this.effect = effect === 'count' ? 0 : effect === 'sum' ? 1 : 2;
    this.effectText = g.effectText ?? 'handled it';
    const retry = g.retry;
    this.maxAttempts = retry?.maxAttempts ?? DEFAULTS.maxAttempts;
    this.backoffMs = retry?.backoffMs ?? DEFAULTS.backoffMs;
    this.maxBackoffMs = retry?.maxBackoffMs ?? DEFAULTS.maxBackoffMs;
    const jitter = retry?.jitter ?? 'full';
    this.jitter = jitter === 'none' ? 0 : jitter === 'full' ? 1 : 2;
    this.retryTopic = retry?.mode === 'retry-topic';
    const proc = g.processingMs ?? DEFAULTS.processingMs;
    this.retryProcessingMs = typeof proc === 'number' ? proc : (proc[0] ?? DEFAULTS.processingMs);
    this.sessionTimeoutMs = g.sessionTimeoutMs ?? DEFAULTS.sessionTimeoutMs;
    this.restartMs = g.restartMs ?? DEFAULTS.restartMs;
    this.eager = g.rebalance === 'eager';
    this.rebalanceMs = g.rebalanceMs ?? DEFAULTS.rebalanceMs;
    this.staticMembership = g.staticMembership ?? false;
    this.joinAtMs = g.joinAtMs ?? 0;
    const reset = g.offsetReset ?? 'latest';
    this.offsetReset = reset === 'latest' ? 0 : reset === 'earliest' ? 1 : 2;
    const f = g.faults ?? {};
    this.failureRate = f.failureRate ?? 0;
    this.failAfterEffect = f.failAfterEffect ?? false;
    this.poisonFixedAt = f.poisonFixedAt ?? Infinity;
    this.position = new Int32Array(partitions);
    this.committed = new Int32Array(partitions);
    this.owner = new Int32Array(partitions).fill(-1);
    this.effectCount = new Uint8Array(eventCapacity);
    this.maxSeq = new Int32Array(keys);
    this.violationsByKey = new Uint32Array(keys);
    this.perKey = new Float64Array(keys);
  }
}
