/**
 * The shapes a simulation is described with (configuration) and read back through (views). All
 * times are milliseconds of virtual time; all money is integer euro cents. Everything here is plain
 * data, so a preset or a challenge can hold a configuration and a page can render a view.
 */

/** How a producer picks the partition of an event. */
export type Partitioning =
  /** `hash(key) % partitions`: one key always lands in one partition, so its events keep their order. */
  | 'key'
  /** No key: partitions in turn, so one key's events spread over partitions and lose their order. */
  | 'round-robin';

/** How a service gets its events to the broker. */
export type PublishMode =
  /** Publish straight away (nothing else to keep consistent with). */
  | 'direct'
  /** Save to the database, then publish: a crash in between loses the event. */
  | 'dual-write'
  /** Save the row and an outbox row in one transaction; a relay publishes the outbox (at-least-once). */
  | 'outbox';

/** When a consumer commits its offset, which decides the delivery guarantee. */
export type DeliveryMode =
  /** Process, then commit: never loses, may redeliver after a crash. Kafka's default. */
  | 'at-least-once'
  /** Commit, then process: never redelivers, loses what was in flight at a crash; failures are dropped. */
  | 'at-most-once';

/** What a consumer does while a message keeps failing. */
export type RetryMode =
  /** Retry in place: the consumer waits out each backoff, so its partitions stop moving. */
  | 'blocking'
  /** Hand the message to a retry topic with a delay and move on: nothing blocks, per-key order breaks. */
  | 'retry-topic';

/** Randomness added to each backoff (AWS "Exponential backoff and jitter"). */
export type Jitter =
  /** Exactly the exponential delay: retries of many messages stay in lockstep. */
  | 'none'
  /** A random delay between 0 and the exponential delay. */
  | 'full'
  /** Half the exponential delay plus a random part of the other half. */
  | 'equal';

/** The side effect a consumer group has, which its metrics count. */
export type EffectKind =
  /** Count each handled event (e.g. emails sent). */
  | 'count'
  /** Add the event's amount (e.g. a balance, money charged). */
  | 'sum'
  /** Keep the latest version per key (a read model / projection). */
  | 'project';

/** How a group reassigns partitions when its membership changes. */
export type RebalanceProtocol =
  /** Incremental cooperative (Kafka 2.4+, KIP-429): only the partitions that must move are revoked; the rest keep flowing. */
  | 'cooperative'
  /** Eager (stop-the-world): every member gives up every partition, the group syncs, then all are handed out again. */
  | 'eager';

/** Where a group with no committed offset starts reading (Kafka `auto.offset.reset`). */
export type OffsetReset =
  /** At the log end: the backlog already in the topic is skipped (Kafka's default). */
  | 'latest'
  /** At the oldest retained record: the backlog is replayed. */
  | 'earliest'
  /** Nowhere: the consumer fails with an error instead of guessing. */
  | 'none';

/** Where a read is answered from. */
export type ReadMode =
  /** From the read model only: fast, possibly stale (eventual consistency). */
  | 'read-model'
  /** Read-your-writes by routing the writer's own reads to the write model. */
  | 'own-writes-from-write-model'
  /** Read-your-writes by waiting until the read model has caught up with the writer's version. */
  | 'wait-for-projection';

/** A topic: a named, partitioned log. */
export interface TopicConfig {
  /** Topic name, unique in the simulation, e.g. "orders". */
  readonly name: string;
  /** Number of partitions (≥ 1). Order holds only within one partition. */
  readonly partitions: number;
}

/** Faults on the producing side; lists hold 0-based event ordinals of this producer. */
export interface ProducerFaults {
  /** Events whose acknowledgement is lost: the broker stored them, the producer retries, a duplicate follows unless the producer is idempotent. */
  readonly ackLost?: readonly number[];
  /** Chance (0–1) that any event's acknowledgement is lost. */
  readonly ackLossRate?: number;
  /** Events whose first send fails before the broker stores them: retried later (may overtake: reordering), or lost with retries off. */
  readonly sendFailed?: readonly number[];
  /** Chance (0–1) that any event's first send fails. */
  readonly sendFailRate?: number;
  /** The service crashes right after saving these events: a dual write loses them; with an outbox the row is already committed, so nothing is lost. */
  readonly crashBeforePublish?: readonly number[];
  /** Chance (0–1) of that crash for any event. */
  readonly crashBeforePublishRate?: number;
  /** Outbox only: relay polls (0-based) after whose publishing the relay crashes before marking the rows sent. */
  readonly relayCrashes?: readonly number[];
  /** Events that are poison: every consumer fails on them until its fix is deployed. */
  readonly poison?: readonly number[];
  /** Chance (0–1) that any event is poison. */
  readonly poisonRate?: number;
}

/** A service that creates events and publishes them to one topic. */
export interface ProducerConfig {
  /** Service name, unique among producers; the events' `source` is "/" + name. */
  readonly name: string;
  /** Topic it publishes to. */
  readonly topic: string;
  /** How many events it creates on its own schedule (ignored when `at` is given). Default 0. */
  readonly count?: number;
  /** When the first event is created. Default 0. */
  readonly startMs?: number;
  /** Time between events. Default 10. */
  readonly intervalMs?: number;
  /** Explicit creation times, one event each; overrides count/startMs/intervalMs. */
  readonly at?: readonly number[];
  /** How many distinct keys (orders, accounts, users) its events are about; see `keyOrder`. Default 1. */
  readonly keys?: number;
  /** How each event's key is chosen: at random; in turn (0, 1, 2, …); or each key equally often, shuffled. Default "random". */
  readonly keyOrder?: 'random' | 'sequential' | 'shuffled';
  /** Key names are `${keyPrefix}-${n}`; producers with the same prefix share keys. Default "key". */
  readonly keyPrefix?: string;
  /** Default "key". */
  readonly partitioning?: Partitioning;
  /** Past-tense event types; a key's n-th event gets types[(n − 1) % length]. Default ["SomethingHappened"]. */
  readonly types?: readonly string[];
  /** Amount per event in cents: a fixed number, or a range drawn per event. Default 1000. */
  readonly amountCents?: number | { readonly min: number; readonly max: number };
  /** Default "direct". */
  readonly publish?: PublishMode;
  /** Idempotent producer (Kafka ≥ 0.11; default on since 3.0): the broker drops retried duplicates and keeps order. Default false. */
  readonly idempotent?: boolean;
  /** Whether failed sends are retried. Default true; at-most-once end to end needs false. */
  readonly retries?: boolean;
  /** Unacknowledged sends allowed per connection; above 1 without idempotence, a retried send can overtake. Default 5. */
  readonly maxInFlight?: number;
  /** Wait before a retried send. Default 100. */
  readonly retryBackoffMs?: number;
  /** Dual write: time between the database commit and the publish. Default 5. */
  readonly publishGapMs?: number;
  /** Outbox: how often the relay polls the outbox table. Default 100. */
  readonly relayIntervalMs?: number;
  /** Outbox: how long a crashed relay stays down. Default 300. */
  readonly relayRestartMs?: number;
  /** Default none. */
  readonly faults?: ProducerFaults;
}

/** How a consumer group retries a failing message before dead-lettering it. */
export interface RetryPolicy {
  /** Attempts in all, the first included (≥ 1); after the last failure the message goes to the DLQ. */
  readonly maxAttempts: number;
  /** Delay before the second attempt; doubles for each later one. */
  readonly backoffMs: number;
  /** Cap on the delay. Default 30000. */
  readonly maxBackoffMs?: number;
  /** Default "full". */
  readonly jitter?: Jitter;
  /** Default "blocking". */
  readonly mode?: RetryMode;
}

/**
 * A consumer crash: at a time (whatever is in flight is interrupted), or right after a member has
 * handled its n-th record (effect done, offset not yet committed: the classic duplicate maker).
 */
export type CrashFault =
  | {
      /** Member index in the group. */
      readonly member: number;
      /** Virtual time of the crash. */
      readonly at: number;
    }
  | {
      /** Member index in the group. */
      readonly member: number;
      /** Crash right after this member has handled its n-th record (counted from 1), before it commits. */
      readonly afterRecords: number;
    };

/** Faults on the consuming side. */
export interface GroupFaults {
  /** Member crashes. */
  readonly crashes?: readonly CrashFault[];
  /** Chance (0–1) that any processing attempt fails transiently (a retry may succeed). */
  readonly failureRate?: number;
  /** The handler fails after its side effect instead of before it (e.g. charged, then the receipt step threw). */
  readonly failAfterEffect?: boolean;
  /** From this time the bug that poison messages trigger is fixed: they process normally. */
  readonly poisonFixedAt?: number;
  /** At this time every dead-lettered message is redriven (re-processed from attempt 1). */
  readonly redriveAt?: number;
}

/** A consumer group: competing members reading one topic, each partition owned by one member. */
export interface GroupConfig {
  /** Group (and service) name, unique among groups, e.g. "email". */
  readonly name: string;
  /** Topic it subscribes to. */
  readonly topic: string;
  /** Number of members (≥ 1); members beyond the partition count sit idle. Default 1. */
  readonly members?: number;
  /** Time to handle one event: one number for all members, or one per member (a slow consumer). Default 10. */
  readonly processingMs?: number | readonly number[];
  /** Default "at-least-once". */
  readonly delivery?: DeliveryMode;
  /** Records fetched per poll; the commit covers the whole batch (Kafka max.poll.records). Default 1. */
  readonly maxPollRecords?: number;
  /** Idempotent consumer: record the event id in the same step as the effect and skip ids already recorded. Default false. */
  readonly idempotent?: boolean;
  /** Default "count". */
  readonly effect?: EffectKind;
  /** Narration of the effect, e.g. "sent a confirmation email". Default "handled it". */
  readonly effectText?: string;
  /** Choreography: after its effect, publish a follow-up event (same key and correlation id) to this topic. */
  readonly emits?: { readonly topic: string; readonly type: string };
  /** Default { maxAttempts: 3, backoffMs: 100, jitter: "full", mode: "blocking" }. */
  readonly retry?: RetryPolicy;
  /** How long before the group notices a crashed member and hands its partitions to others. Default 1000. */
  readonly sessionTimeoutMs?: number;
  /** How long a crashed member stays down. Default 1500. */
  readonly restartMs?: number;
  /** Default "cooperative" (owned partitions never move; only a departed member's are handed on). */
  readonly rebalance?: RebalanceProtocol;
  /** Eager only: how long the stop-the-world pause lasts while members rejoin and sync. Default 200. */
  readonly rebalanceMs?: number;
  /** Static membership (`group.instance.id`, KIP-345): a member back within the session timeout keeps its partitions and no rebalance happens. Default false. */
  readonly staticMembership?: boolean;
  /** When the group is first deployed; a group joining after events were published has no committed offset, so `offsetReset` decides where it starts. Default 0. */
  readonly joinAtMs?: number;
  /** Where the group starts when it joins with no committed offset. Default "latest". */
  readonly offsetReset?: OffsetReset;
  /** Default none. */
  readonly faults?: GroupFaults;
}

/** A read of one key's read model by the user who writes that key. */
export interface ReadConfig {
  /** When the read is made. */
  readonly at: number;
  /** The projection group whose read model is read (its effect must be "project"). */
  readonly group: string;
  /** The key read, e.g. "user-0". */
  readonly key: string;
  /** Default "read-model". */
  readonly mode?: ReadMode;
  /** "wait-for-projection": give up and answer stale after this long. Default 1000. */
  readonly timeoutMs?: number;
}

/** Everything a simulation is made of. */
export interface SimConfig {
  /** The topics. */
  readonly topics: readonly TopicConfig[];
  /** The producing services. */
  readonly producers: readonly ProducerConfig[];
  /** The consumer groups. */
  readonly groups: readonly GroupConfig[];
  /** Reads of read models (eventual-consistency labs). */
  readonly reads?: readonly ReadConfig[];
  /** Producer → broker latency: a base plus a random part, per send. Default { delayMs: 5, jitterMs: 0 }. */
  readonly network?: { readonly delayMs: number; readonly jitterMs?: number };
  /** Record a narrated trace. Default false (the benchmark runs without). */
  readonly trace?: boolean;
  /** `runToEnd` stops here even if work remains (a partition blocked forever). Default 3,600,000. */
  readonly horizonMs?: number;
}

/** A CloudEvents-style envelope of one event. */
export interface EventEnvelope {
  /** CloudEvents version the envelope follows. */
  readonly specversion: '1.0';
  /** Unique per event ("evt-0001"); a redelivered or re-sent duplicate keeps it, so it is the dedup key. */
  readonly id: string;
  /** Which service created it, e.g. "/orders". */
  readonly source: string;
  /** What happened, in the past tense, e.g. "OrderPlaced". */
  readonly type: string;
  /** The key it is about, e.g. "order-3"; also the partition key when partitioning by key. */
  readonly subject: string;
  /** When it happened (created), in virtual ms. */
  readonly time: number;
  /** The topic it was published to. */
  readonly topic: string;
  /** The partition it goes to. */
  readonly partition: number;
  /** Shared by every event in one flow, e.g. "corr-0001" (the first event's number). */
  readonly correlationId: string;
  /** Id of the event whose handling produced this one; null for the first event of a flow. */
  readonly causationId: string | null;
  /** W3C trace context: `00-<trace id>-<parent id>-01`; the trace id is the same for the whole flow. */
  readonly traceparent: string;
  /** The payload. */
  readonly data: {
    /** Amount in cents. */
    readonly amountCents: number;
    /** This key's event number (1, 2, …): the order a consumer should see them in. */
    readonly sequence: number;
    /** Whether the payload is one the consumers cannot handle. */
    readonly poison: boolean;
  };
}

/** Kinds of narrated trace steps. */
export type TraceKind =
  | 'created'
  | 'saved'
  | 'publish-lost'
  | 'send-failed'
  | 'ack-lost'
  | 'duplicate-dropped'
  | 'appended'
  | 'relay-published'
  | 'relay-crashed'
  | 'relay-marked'
  | 'delivered'
  | 'applied'
  | 'duplicate-caught'
  | 'out-of-order'
  | 'failed'
  | 'retry-scheduled'
  | 'dead-lettered'
  | 'redriven'
  | 'dropped'
  | 'committed'
  | 'crashed'
  | 'restarted'
  | 'assigned'
  | 'emitted'
  | 'read'
  | 'crashed-after-commit'
  | 'revoked'
  | 'offset-reset';

/** One narrated step of a run. */
export interface TraceStep {
  /** Position in the whole trace (0-based); steps are in the order they happened. */
  readonly index: number;
  /** Virtual time. */
  readonly at: number;
  /** What happened. */
  readonly kind: TraceKind;
  /** Who did it: a producer ("orders"), a member ("email#1"), the broker, the relay. */
  readonly actor: string;
  /** The event concerned, or null. */
  readonly eventId: string | null;
  /** Its correlation id, or null. */
  readonly correlationId: string | null;
  /** A full sentence for the log and the live region. */
  readonly text: string;
}

/** Latency of side effects from the moment the flow's first event was created. */
export interface LatencySummary {
  /** Effects measured. */
  readonly count: number;
  /** Mean, ms (0 when none). */
  readonly meanMs: number;
  /** Median, ms, to 1 ms. */
  readonly p50Ms: number;
  /** 99th percentile, ms, to 1 ms. */
  readonly p99Ms: number;
  /** Maximum, ms. */
  readonly maxMs: number;
}

/** What one consumer group did. */
export interface GroupMetrics {
  /** Group name. */
  readonly name: string;
  /** Records handed to members (redeliveries included). */
  readonly deliveries: number;
  /** Side effects applied (duplicates included). */
  readonly effects: number;
  /** Distinct events with at least one effect. */
  readonly uniqueEffects: number;
  /** Effects applied again to an event already applied: the harm duplicates did. */
  readonly duplicateEffects: number;
  /** Duplicates the idempotent consumer recognised and skipped. */
  readonly duplicatesCaught: number;
  /** Sum of the amounts applied ("sum" effect), in cents; the count of effects otherwise. */
  readonly total: number;
  /** Per key: total applied ("sum"), effects ("count"), or the version held ("project"). */
  readonly perKey: Readonly<Record<string, number>>;
  /** Events applied after a later event of the same key had been applied. */
  readonly orderingViolations: number;
  /** Ordering violations per key, only keys with at least one. */
  readonly violationsByKey: Readonly<Record<string, number>>;
  /** Log-end offset − committed offset, per partition, now. */
  readonly lagByPartition: readonly number[];
  /** Sum of `lagByPartition`. */
  readonly lag: number;
  /** Highest total lag seen during the run. */
  readonly maxLag: number;
  /** Processing attempts that failed. */
  readonly failures: number;
  /** Retries scheduled. */
  readonly retries: number;
  /** Messages now in the dead-letter queue. */
  readonly dlqSize: number;
  /** Messages ever dead-lettered. */
  readonly deadLettered: number;
  /** Messages moved from the DLQ back for processing. */
  readonly redriven: number;
  /** At-most-once: messages that failed and were dropped. */
  readonly dropped: number;
  /** Events that reached the topic but were never applied and are not in the DLQ: lost. */
  readonly lost: number;
  /** Member crashes. */
  readonly crashes: number;
  /** Rebalances after the first assignment: a member left (session timeout) or (re)joined. */
  readonly rebalances: number;
  /** Partitions taken away from members that were still healthy (eager rebalances revoke them all). */
  readonly revoked: number;
  /** Events the group skipped when it joined with no committed offset and reset to the log end. */
  readonly skippedByReset: number;
  /** Whether the group joined with no committed offset and `offsetReset: "none"`, so it stopped with an error. */
  readonly offsetResetFailed: boolean;
  /** End-to-end latency of its effects. */
  readonly latency: LatencySummary;
}

/** What one producer did. */
export interface ProducerMetrics {
  /** Producer name. */
  readonly name: string;
  /** Events created (for dual write and outbox: rows saved in the service's database). */
  readonly created: number;
  /** Sum of the amounts of the events created, in cents: what an exactly-once consumer's "sum" ends at. */
  readonly amountCreated: number;
  /** Events created as poison. */
  readonly poison: number;
  /** Distinct events stored in the topic. */
  readonly published: number;
  /** Extra copies stored in the topic (producer retries, relay re-publishing). */
  readonly duplicatesPublished: number;
  /** Retried duplicates the broker dropped (idempotent producer). */
  readonly duplicatesDropped: number;
  /** Created but never stored in the topic and not still on the way: lost (dual-write crash, failed send with retries off). */
  readonly lost: number;
}

/** The answer to one configured read. */
export interface ReadResult {
  /** When the read was made. */
  readonly at: number;
  /** When it was answered (later than `at` only when waiting for the projection). */
  readonly answeredAt: number;
  /** Key read. */
  readonly key: string;
  /** Version returned (0 = nothing yet). */
  readonly version: number;
  /** Latest version written at the time of the read. */
  readonly latestVersion: number;
  /** Whether it included the user's own latest write. */
  readonly fresh: boolean;
  /** Where it was served from. */
  readonly servedBy: 'read-model' | 'write-model';
  /** Whether waiting for the projection gave up. */
  readonly timedOut: boolean;
}

/** A snapshot of a run's outcome. */
export interface SimMetrics {
  /** Virtual time of the snapshot. */
  readonly now: number;
  /** Delivered records over all groups (the benchmark's unit). */
  readonly deliveries: number;
  /** Per producer, in configuration order. */
  readonly producers: readonly ProducerMetrics[];
  /** Per group, in configuration order. */
  readonly groups: readonly GroupMetrics[];
  /** Answers to the configured reads, in the order they were answered. */
  readonly reads: readonly ReadResult[];
}

/** One record of a partition's log. */
export interface LogRecord {
  /** Offset in the partition. */
  readonly offset: number;
  /** Event id. */
  readonly eventId: string;
  /** Key. */
  readonly key: string;
  /** Event type. */
  readonly type: string;
  /** Whether an earlier offset of this partition holds the same event (a duplicate copy). */
  readonly duplicate: boolean;
}

/** What a group member is doing. */
export type MemberState = 'idle' | 'processing' | 'backing-off' | 'down';

/** One member of a group and the partitions it owns. */
export interface MemberView {
  /** Index in the group. */
  readonly member: number;
  /** Display name, e.g. "email#1". */
  readonly name: string;
  /** What it is doing. */
  readonly state: MemberState;
  /** Partitions it owns, ascending; empty for an idle extra member. */
  readonly partitions: readonly number[];
}

/** One partition as a group sees it. */
export interface PartitionView {
  /** Partition number. */
  readonly partition: number;
  /** Member that owns it, or null while it is being reassigned. */
  readonly owner: number | null;
  /** Next offset the group will be handed. */
  readonly position: number;
  /** Committed offset: where a new owner starts. */
  readonly committed: number;
  /** Log-end offset. */
  readonly logEnd: number;
  /** logEnd − committed. */
  readonly lag: number;
}

/** One message in a group's dead-letter queue. */
export interface DeadLetter {
  /** Event id. */
  readonly eventId: string;
  /** Attempts made before it was dead-lettered. */
  readonly attempts: number;
  /** When it was dead-lettered. */
  readonly at: number;
}
