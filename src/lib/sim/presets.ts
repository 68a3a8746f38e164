/**
 * The labs' scenarios. Each lab has a stable id, a few knobs a learner can turn (described so an
 * island can render them as native controls), their defaults, and `build`, which turns knob values
 * into a simulation config. Builders clamp numbers into range, so any knob values give a config
 * that runs.
 */
import type { DeliveryMode, GroupConfig, Jitter, OffsetReset, Partitioning, ReadMode, RetryMode, SimConfig } from './types.ts';

/** A knob's value. */
export type KnobValue = string | number | boolean;

/** How an island should render one knob. `name` is the knob's key in the lab's knob object. */
export type KnobSpec<K> =
  | {
      /** An on/off switch (`aria-pressed` toggle or checkbox). */
      readonly kind: 'toggle';
      /** Key in the knob object. */
      readonly name: Extract<keyof K, string>;
      /** Visible label. */
      readonly label: string;
      /** One sentence on what it changes. */
      readonly help: string;
    }
  | {
      /** One of a few values (radio group). */
      readonly kind: 'choice';
      /** Key in the knob object. */
      readonly name: Extract<keyof K, string>;
      /** Visible label. */
      readonly label: string;
      /** One sentence on what it changes. */
      readonly help: string;
      /** The values, with their labels. */
      readonly options: readonly { readonly value: string; readonly label: string }[];
    }
  | {
      /** A whole number in a range (range input or number field). */
      readonly kind: 'number';
      /** Key in the knob object. */
      readonly name: Extract<keyof K, string>;
      /** Visible label. */
      readonly label: string;
      /** One sentence on what it changes. */
      readonly help: string;
      /** Smallest value. */
      readonly min: number;
      /** Largest value. */
      readonly max: number;
      /** Step between values. */
      readonly step: number;
      /** Unit shown after the value, e.g. "ms"; empty for a count. */
      readonly unit: string;
    };

/** A lab scenario. */
export interface LabPreset<K> {
  /** Stable id (never reused): islands and progress refer to the lab by it. */
  readonly id: string;
  /** Title, e.g. "Duplicates and idempotency". */
  readonly title: string;
  /** What the lab shows, one or two sentences. */
  readonly summary: string;
  /** The knobs, in display order. */
  readonly knobs: readonly KnobSpec<K>[];
  /** Knob values the lab opens with. */
  readonly defaults: K;
  /** The simulation config for these knob values. */
  readonly build: (knobs: K) => SimConfig;
  /** Seed the lab uses unless the learner asks for another run. */
  readonly seed: number;
}

function clampInt(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(Number.isFinite(n) ? n : min)));
}

function firstN(list: readonly number[], n: number): number[] {
  return list.slice(0, clampInt(n, 0, list.length));
}

// ── Duplicates and idempotency ──────────────────────────────────────────────────────────────

/** Knobs of the duplicates lab. */
export interface DuplicatesKnobs {
  /** When the consumers commit (at-most-once also turns producer retries off). */
  readonly delivery: DeliveryMode;
  /** Consumers record event ids with the effect and skip ones seen before. */
  readonly idempotentConsumer: boolean;
  /** The broker drops the producer's retried duplicates. */
  readonly idempotentProducer: boolean;
  /** How many acknowledgements get lost (each makes the producer send again). */
  readonly lostAcks: number;
  /** A ledger consumer crashes after handling a record and before committing it. */
  readonly crash: boolean;
}

const LOST_ACK_ORDINALS = [1, 4, 7, 9, 10] as const;

/** Payments credited to accounts and receipts emailed, with lost acks and a consumer crash. */
export const duplicatesLab: LabPreset<DuplicatesKnobs> = {
  id: 'duplicates-idempotency',
  title: 'Duplicates and idempotency',
  summary:
    'Twelve payments flow to a ledger that credits accounts and a service that emails receipts. Lose some acknowledgements and crash a consumer, then see which settings keep the balances right.',
  knobs: [
    {
      kind: 'choice',
      name: 'delivery',
      label: 'Delivery guarantee',
      help: 'At-least-once commits after processing; at-most-once commits first and turns producer retries off.',
      options: [
        { value: 'at-least-once', label: 'At-least-once' },
        { value: 'at-most-once', label: 'At-most-once' },
      ],
    },
    { kind: 'toggle', name: 'idempotentConsumer', label: 'Idempotent consumers', help: 'Record each event id in the same step as the effect and skip ids already recorded.' },
    { kind: 'toggle', name: 'idempotentProducer', label: 'Idempotent producer', help: 'The broker drops a retried copy it already stored, within one producer session.' },
    { kind: 'number', name: 'lostAcks', label: 'Lost acknowledgements', help: 'Each makes the producer send a payment again.', min: 0, max: 5, step: 1, unit: '' },
    { kind: 'toggle', name: 'crash', label: 'Crash a ledger consumer', help: 'It crashes after handling a record and before committing its offset.' },
  ],
  defaults: { delivery: 'at-least-once', idempotentConsumer: false, idempotentProducer: false, lostAcks: 3, crash: true },
  build: (k) => ({
    topics: [{ name: 'payments', partitions: 2 }],
    producers: [
      {
        name: 'checkout',
        topic: 'payments',
        count: 12,
        intervalMs: 8,
        keys: 4,
        keyPrefix: 'account',
        types: ['PaymentReceived'],
        amountCents: { min: 500, max: 5000 },
        idempotent: k.idempotentProducer,
        retries: k.delivery === 'at-least-once',
        faults: { ackLost: firstN(LOST_ACK_ORDINALS, k.lostAcks) },
      },
    ],
    groups: [
      {
        name: 'ledger',
        topic: 'payments',
        members: 2,
        processingMs: 40,
        maxPollRecords: 3,
        delivery: k.delivery,
        idempotent: k.idempotentConsumer,
        effect: 'sum',
        effectText: 'credited the account',
        sessionTimeoutMs: 300,
        restartMs: 600,
        faults: k.crash ? { crashes: [{ member: 1, afterRecords: 2 }] } : {},
      },
      {
        name: 'receipts',
        topic: 'payments',
        members: 1,
        processingMs: 10,
        maxPollRecords: 3,
        delivery: k.delivery,
        idempotent: k.idempotentConsumer,
        effect: 'count',
        effectText: 'emailed a receipt',
      },
    ],
    network: { delayMs: 5, jitterMs: 10 },
    trace: true,
  }),
  seed: 7,
};

// ── Ordering and partition keys ─────────────────────────────────────────────────────────────

/** Knobs of the ordering lab. */
export interface OrderingKnobs {
  /** Partition by order id, or spread events round-robin. */
  readonly partitioning: Partitioning;
  /** Partitions of the orders topic. */
  readonly partitions: number;
  /** Members of the fulfilment group (each at its own speed). */
  readonly consumers: number;
  /** Idempotent producer: a retried send cannot overtake later ones. */
  readonly idempotentProducer: boolean;
  /** Sends that fail once and are retried. */
  readonly failedSends: number;
  /** Random extra network delay per send, ms. */
  readonly jitterMs: number;
}

const FAILED_SEND_ORDINALS = [6, 10, 0] as const;
const CONSUMER_SPEEDS = [10, 25, 16, 30, 12, 22] as const;

/** Eight orders, each placed, paid and shipped, through a partitioned topic. */
export const orderingLab: LabPreset<OrderingKnobs> = {
  id: 'ordering-keys',
  title: 'Ordering and partition keys',
  summary:
    'Eight orders are each placed, paid and shipped. Spread them over partitions and consumers and count how often a consumer sees an order’s events out of order.',
  knobs: [
    {
      kind: 'choice',
      name: 'partitioning',
      label: 'Partitioning',
      help: 'By key, all of an order’s events share a partition and keep their order.',
      options: [
        { value: 'key', label: 'By order id' },
        { value: 'round-robin', label: 'Round-robin (no key)' },
      ],
    },
    { kind: 'number', name: 'partitions', label: 'Partitions', help: 'Order holds within a partition, not across them.', min: 1, max: 6, step: 1, unit: '' },
    { kind: 'number', name: 'consumers', label: 'Consumers', help: 'One consumer per partition; extras sit idle.', min: 1, max: 6, step: 1, unit: '' },
    { kind: 'toggle', name: 'idempotentProducer', label: 'Idempotent producer', help: 'Retried sends keep their place instead of overtaking.' },
    { kind: 'number', name: 'failedSends', label: 'Failed sends', help: 'Sends that fail once and are retried 100 ms later.', min: 0, max: 3, step: 1, unit: '' },
    { kind: 'number', name: 'jitterMs', label: 'Network jitter', help: 'Random extra delay per send.', min: 0, max: 60, step: 5, unit: 'ms' },
  ],
  defaults: { partitioning: 'round-robin', partitions: 3, consumers: 3, idempotentProducer: false, failedSends: 1, jitterMs: 20 },
  build: (k) => {
    const consumers = clampInt(k.consumers, 1, 6);
    return {
      topics: [{ name: 'orders', partitions: clampInt(k.partitions, 1, 6) }],
      producers: [
        {
          name: 'shop',
          topic: 'orders',
          count: 24,
          intervalMs: 8,
          keys: 8,
          keyPrefix: 'order',
          keyOrder: 'shuffled',
          partitioning: k.partitioning,
          types: ['OrderPlaced', 'OrderPaid', 'OrderShipped'],
          idempotent: k.idempotentProducer,
          faults: { sendFailed: firstN(FAILED_SEND_ORDINALS, k.failedSends) },
        },
      ],
      groups: [
        {
          name: 'fulfilment',
          topic: 'orders',
          members: consumers,
          processingMs: CONSUMER_SPEEDS.slice(0, consumers),
          effect: 'project',
          effectText: 'updated the order’s status',
        },
      ],
      network: { delayMs: 5, jitterMs: clampInt(k.jitterMs, 0, 60) },
      trace: true,
    };
  },
  seed: 11,
};

// ── Consumer groups, assignment and lag ─────────────────────────────────────────────────────

/** Knobs of the consumer-groups lab. */
export interface GroupsKnobs {
  /** Partitions of the topic. */
  readonly partitions: number;
  /** Members of the first group. */
  readonly consumers: number;
  /** Member 0 takes five times as long per event. */
  readonly slowConsumer: boolean;
  /** A second group reads the same topic (publish–subscribe). */
  readonly secondGroup: boolean;
  /** Clicks published, ten milliseconds apart. */
  readonly clicks: number;
  /** How "analytics" rebalances: eager, cooperative, or cooperative with static membership. */
  readonly protocol: 'eager' | 'cooperative' | 'static';
  /** Each analytics consumer restarts in turn (a rolling deploy), back within the session timeout. */
  readonly rollingRestart: boolean;
  /** "search" is deployed at 300 ms, after 30 clicks are already in the topic. */
  readonly searchJoinsLate: boolean;
  /** Where the late "search" group starts with no committed offset (auto.offset.reset). */
  readonly offsetReset: OffsetReset;
}

/** The rolling deploy: one analytics consumer goes down every 250 ms from 100 ms, each for 200 ms. */
const ROLLING_START_MS = 100;
const ROLLING_GAP_MS = 250;
const ROLLING_DOWN_MS = 200;
/** When the late "search" group is deployed. */
const SEARCH_JOINS_AT_MS = 300;

/** The analytics group's rebalance settings; empty for the default (today's cooperative, sticky behaviour). */
function protocolOf(k: GroupsKnobs, consumers: number): Partial<GroupConfig> {
  const protocol: Partial<GroupConfig> =
    k.protocol === 'eager' ? { rebalance: 'eager', rebalanceMs: 200 } : k.protocol === 'static' ? { staticMembership: true } : {};
  if (!k.rollingRestart) return protocol;
  const crashes = Array.from({ length: consumers }, (_, member) => ({ member, at: ROLLING_START_MS + member * ROLLING_GAP_MS }));
  return { ...protocol, restartMs: ROLLING_DOWN_MS, faults: { crashes } };
}

/** Competing consumers in one group, a second group reading the same events, and lag. */
export const groupsLab: LabPreset<GroupsKnobs> = {
  id: 'consumer-groups',
  title: 'Consumer groups, partitions and lag',
  summary:
    'Clicks flow into a partitioned topic, one every 10 ms. Add consumers to share the work (up to one per partition), slow one down to watch its lag grow, add a second group that gets every event too, and turn the traffic up until hundreds of events wait in flight.',
  knobs: [
    { kind: 'number', name: 'partitions', label: 'Partitions', help: 'The most consumers one group can keep busy.', min: 1, max: 6, step: 1, unit: '' },
    { kind: 'number', name: 'consumers', label: 'Consumers in "analytics"', help: 'Consumers beyond the partition count get no partition.', min: 1, max: 8, step: 1, unit: '' },
    { kind: 'toggle', name: 'slowConsumer', label: 'Slow consumer', help: 'analytics#0 takes five times as long per event; its partitions fall behind.' },
    { kind: 'toggle', name: 'secondGroup', label: 'Second group "search"', help: 'Another group gets its own copy of every event.' },
    { kind: 'number', name: 'clicks', label: 'Clicks', help: 'Events published, one every 10 ms.', min: 60, max: 600, step: 60, unit: '' },
    {
      kind: 'choice',
      name: 'protocol',
      label: 'Rebalance protocol of "analytics"',
      help: 'Eager stops every partition while the group rebalances; cooperative moves only what must move; static membership lets a consumer that comes back within the session timeout keep its partitions.',
      options: [
        { value: 'eager', label: 'Eager (stop the world)' },
        { value: 'cooperative', label: 'Cooperative' },
        { value: 'static', label: 'Cooperative + static membership' },
      ],
    },
    { kind: 'toggle', name: 'rollingRestart', label: 'Rolling restart of "analytics"', help: 'Each analytics consumer restarts in turn, 250 ms apart, and is back after 200 ms (the session timeout is 1 s).' },
    { kind: 'toggle', name: 'searchJoinsLate', label: '"search" deployed late', help: 'A new group "search" joins at 300 ms, when 30 clicks are already in the topic and it has no committed offset.' },
    {
      kind: 'choice',
      name: 'offsetReset',
      label: 'auto.offset.reset of "search"',
      help: 'Where a group with no committed offset starts: the log end, the oldest record, or nowhere (an error).',
      options: [
        { value: 'latest', label: 'latest (Kafka’s default)' },
        { value: 'earliest', label: 'earliest' },
        { value: 'none', label: 'none' },
      ],
    },
  ],
  defaults: { partitions: 3, consumers: 2, slowConsumer: false, secondGroup: false, clicks: 60, protocol: 'cooperative', rollingRestart: false, searchJoinsLate: false, offsetReset: 'latest' },
  build: (k) => {
    const consumers = clampInt(k.consumers, 1, 8);
    const speeds = Array.from({ length: consumers }, (_, i) => (i === 0 && k.slowConsumer ? 75 : 15));
    return {
      topics: [{ name: 'clicks', partitions: clampInt(k.partitions, 1, 6) }],
      producers: [{ name: 'web', topic: 'clicks', count: clampInt(k.clicks, 1, 600), intervalMs: 10, keys: 12, keyPrefix: 'visitor', types: ['PageViewed'] }],
      groups: [
        { name: 'analytics', topic: 'clicks', members: consumers, processingMs: speeds, effect: 'count', effectText: 'counted the view', ...protocolOf(k, consumers) },
        ...(k.secondGroup || k.searchJoinsLate
          ? [
              {
                name: 'search',
                topic: 'clicks',
                members: 1,
                processingMs: 8,
                effect: 'count' as const,
                effectText: 'indexed the page',
                ...(k.searchJoinsLate ? { joinAtMs: SEARCH_JOINS_AT_MS, offsetReset: k.offsetReset } : {}),
              },
            ]
          : []),
      ],
      network: { delayMs: 5, jitterMs: 5 },
      trace: true,
    };
  },
  seed: 5,
};

// ── Eventual consistency ────────────────────────────────────────────────────────────────────

/** Knobs of the eventual-consistency lab. */
export interface ConsistencyKnobs {
  /** Where the user's read is served from. */
  readonly readMode: ReadMode;
  /** When the user reads, ms after saving. */
  readonly readAtMs: number;
  /** Time the projection takes per update, ms. */
  readonly projectionMs: number;
  /** Other users' updates queued ahead of this one. */
  readonly backlog: number;
}

/** A user saves their profile at t = 0 and reloads the page; the page reads a lagging projection. */
export const consistencyLab: LabPreset<ConsistencyKnobs> = {
  id: 'eventual-consistency',
  title: 'Write, then read: eventual consistency',
  summary:
    'A user saves a new display name at t = 0 and reloads the profile page, which reads a projection fed by events. Behind other users’ updates, the projection lags; choose how the read is served.',
  knobs: [
    {
      kind: 'choice',
      name: 'readMode',
      label: 'Read',
      help: 'Read-your-writes either routes the writer to the write model or waits for the projection to catch up.',
      options: [
        { value: 'read-model', label: 'From the projection' },
        { value: 'own-writes-from-write-model', label: 'Own writes from the write model' },
        { value: 'wait-for-projection', label: 'Wait for the projection' },
      ],
    },
    { kind: 'number', name: 'readAtMs', label: 'Read at', help: 'When the user reloads the page.', min: 0, max: 2000, step: 50, unit: 'ms' },
    { kind: 'number', name: 'projectionMs', label: 'Projection time per update', help: 'How long the projection takes to apply one update.', min: 5, max: 300, step: 5, unit: 'ms' },
    { kind: 'number', name: 'backlog', label: 'Updates queued ahead', help: 'Other users’ updates the projection must apply first.', min: 0, max: 20, step: 1, unit: '' },
  ],
  defaults: { readMode: 'read-model', readAtMs: 300, projectionMs: 60, backlog: 5 },
  build: (k) => {
    const readAt = clampInt(k.readAtMs, 0, 2000);
    return {
      topics: [{ name: 'profile-updates', partitions: 1 }],
      producers: [
        { name: 'other-users', topic: 'profile-updates', at: Array.from({ length: clampInt(k.backlog, 0, 20) }, () => 0), keys: 20, keyPrefix: 'member', types: ['ProfileUpdated'] },
        { name: 'profile', topic: 'profile-updates', at: [0], keys: 1, keyPrefix: 'user', types: ['ProfileUpdated'] },
      ],
      groups: [{ name: 'profile-page', topic: 'profile-updates', members: 1, processingMs: clampInt(k.projectionMs, 5, 300), effect: 'project', effectText: 'updated the profile page' }],
      reads: [
        { at: readAt, group: 'profile-page', key: 'user-0', mode: k.readMode, timeoutMs: 1000 },
        { at: readAt + 2000, group: 'profile-page', key: 'user-0', mode: 'read-model' },
      ],
      network: { delayMs: 5 },
      trace: true,
    };
  },
  seed: 3,
};

// ── Retries, backoff and the dead-letter queue ──────────────────────────────────────────────

/** Knobs of the retries lab. */
export interface RetriesKnobs {
  /** Retry in place (blocking the partition) or through a retry topic. */
  readonly mode: RetryMode;
  /** Attempts before dead-lettering. */
  readonly maxAttempts: number;
  /** First backoff, ms; doubles per attempt. */
  readonly backoffMs: number;
  /** Randomness added to each backoff. */
  readonly jitter: Jitter;
  /** Poison messages among the payments. */
  readonly poisonMessages: number;
  /** Chance that any attempt fails for a passing reason, in percent. */
  readonly transientFailurePercent: number;
  /** Whether the bug behind the poison messages gets fixed. */
  readonly deployFix: boolean;
  /** When the fix is deployed, ms. */
  readonly fixAtMs: number;
  /** Whether the DLQ is redriven. */
  readonly redrive: boolean;
  /** When the DLQ is redriven, ms. */
  readonly redriveAtMs: number;
  /** Idempotent consumer (dedup by event id in the same step as the charge). */
  readonly idempotent: boolean;
  /** The handler fails after charging the card (the receipt step throws) rather than before. */
  readonly failAfterEffect: boolean;
}

const POISON_ORDINALS = [4, 13, 22] as const;

/** Thirty payments, some poison, through a billing consumer with retries and a DLQ. */
export const retriesLab: LabPreset<RetriesKnobs> = {
  id: 'retries-dlq',
  title: 'Retries, backoff and the dead-letter queue',
  summary:
    'Thirty card payments, some of them poison. Retry in place and the partition stops; retry through a retry topic and it keeps flowing. Dead-letter what keeps failing, deploy a fix, then redrive.',
  knobs: [
    {
      kind: 'choice',
      name: 'mode',
      label: 'Retry',
      help: 'Blocking retries hold up everything behind the message; a retry topic lets the partition move on.',
      options: [
        { value: 'blocking', label: 'In place (blocking)' },
        { value: 'retry-topic', label: 'Through a retry topic' },
      ],
    },
    { kind: 'number', name: 'maxAttempts', label: 'Attempts before the DLQ', help: 'After the last failed attempt the message is dead-lettered.', min: 1, max: 8, step: 1, unit: '' },
    { kind: 'number', name: 'backoffMs', label: 'First backoff', help: 'Doubles with each attempt.', min: 0, max: 1000, step: 50, unit: 'ms' },
    {
      kind: 'choice',
      name: 'jitter',
      label: 'Jitter',
      help: 'Randomness spreads retries out so they do not all hit at once.',
      options: [
        { value: 'none', label: 'None' },
        { value: 'full', label: 'Full' },
        { value: 'equal', label: 'Equal' },
      ],
    },
    { kind: 'number', name: 'poisonMessages', label: 'Poison messages', help: 'Payments every attempt fails on until the fix.', min: 0, max: 3, step: 1, unit: '' },
    { kind: 'number', name: 'transientFailurePercent', label: 'Transient failures', help: 'Chance that any attempt fails for a passing reason.', min: 0, max: 50, step: 5, unit: '%' },
    { kind: 'toggle', name: 'deployFix', label: 'Deploy a fix', help: 'From then on the poison messages process normally.' },
    { kind: 'number', name: 'fixAtMs', label: 'Fix deployed at', help: 'When the fix goes live.', min: 0, max: 5000, step: 100, unit: 'ms' },
    { kind: 'toggle', name: 'redrive', label: 'Redrive the DLQ', help: 'Move dead-lettered messages back for another try.' },
    { kind: 'number', name: 'redriveAtMs', label: 'Redrive at', help: 'When the DLQ is redriven.', min: 0, max: 6000, step: 100, unit: 'ms' },
    { kind: 'toggle', name: 'idempotent', label: 'Idempotent consumer', help: 'Skip a charge whose event id is already recorded.' },
    { kind: 'toggle', name: 'failAfterEffect', label: 'Fails after charging', help: 'The card is charged, then the receipt step throws, so each retry charges again.' },
  ],
  defaults: {
    mode: 'blocking',
    maxAttempts: 4,
    backoffMs: 200,
    jitter: 'full',
    poisonMessages: 1,
    transientFailurePercent: 0,
    deployFix: false,
    fixAtMs: 2000,
    redrive: false,
    redriveAtMs: 3000,
    idempotent: false,
    failAfterEffect: false,
  },
  build: (k) => ({
    topics: [{ name: 'payments', partitions: 3 }],
    producers: [
      {
        name: 'checkout',
        topic: 'payments',
        count: 30,
        intervalMs: 40,
        keys: 10,
        keyPrefix: 'customer',
        types: ['PaymentRequested'],
        amountCents: { min: 500, max: 8000 },
        faults: { poison: firstN(POISON_ORDINALS, k.poisonMessages) },
      },
    ],
    groups: [
      {
        name: 'billing',
        topic: 'payments',
        members: 3,
        processingMs: 30,
        idempotent: k.idempotent,
        effect: 'sum',
        effectText: 'charged the card',
        retry: { maxAttempts: clampInt(k.maxAttempts, 1, 8), backoffMs: clampInt(k.backoffMs, 0, 1000), maxBackoffMs: 10_000, jitter: k.jitter, mode: k.mode },
        faults: {
          failureRate: clampInt(k.transientFailurePercent, 0, 50) / 100,
          failAfterEffect: k.failAfterEffect,
          ...(k.deployFix ? { poisonFixedAt: clampInt(k.fixAtMs, 0, 5000) } : {}),
          ...(k.redrive ? { redriveAt: clampInt(k.redriveAtMs, 0, 6000) } : {}),
        },
      },
    ],
    network: { delayMs: 5, jitterMs: 5 },
    horizonMs: 120_000,
    trace: true,
  }),
  seed: 13,
};

// ── Dual write and the transactional outbox ─────────────────────────────────────────────────

/** Knobs of the outbox lab. */
export interface OutboxKnobs {
  /** Save then publish, or save with an outbox row and let a relay publish. */
  readonly publish: 'dual-write' | 'outbox';
  /** Times the order service crashes right after saving an order. */
  readonly serviceCrashes: number;
  /** The outbox relay crashes once after publishing, before marking its rows sent. */
  readonly relayCrash: boolean;
  /** The shipping consumer skips event ids it has already handled. */
  readonly idempotentConsumer: boolean;
}

const SERVICE_CRASH_ORDINALS = [2, 6, 8] as const;

/** Ten orders saved and published by an order service that crashes now and then. */
export const outboxLab: LabPreset<OutboxKnobs> = {
  id: 'outbox-dual-write',
  title: 'Dual write or transactional outbox',
  summary:
    'An order service saves ten orders and must tell shipping about each. Saving and then publishing loses an order whenever the service crashes in between; an outbox never loses one but may publish one twice.',
  knobs: [
    {
      kind: 'choice',
      name: 'publish',
      label: 'Publishing',
      help: 'The outbox row is saved in the same transaction as the order; a relay publishes it.',
      options: [
        { value: 'dual-write', label: 'Save, then publish (dual write)' },
        { value: 'outbox', label: 'Transactional outbox + relay' },
      ],
    },
    { kind: 'number', name: 'serviceCrashes', label: 'Service crashes after saving', help: 'Each crash comes right after an order is committed.', min: 0, max: 3, step: 1, unit: '' },
    { kind: 'toggle', name: 'relayCrash', label: 'Relay crash', help: 'The relay publishes a batch, then crashes before marking it sent (outbox only).' },
    { kind: 'toggle', name: 'idempotentConsumer', label: 'Idempotent shipping', help: 'Shipping skips an order event it has already handled.' },
  ],
  defaults: { publish: 'dual-write', serviceCrashes: 2, relayCrash: true, idempotentConsumer: false },
  build: (k) => ({
    topics: [{ name: 'orders', partitions: 2 }],
    producers: [
      {
        name: 'orders',
        topic: 'orders',
        count: 10,
        intervalMs: 50,
        keys: 10,
        keyPrefix: 'order',
        keyOrder: 'sequential',
        types: ['OrderPlaced'],
        publish: k.publish,
        relayIntervalMs: 100,
        relayRestartMs: 250,
        faults: {
          crashBeforePublish: firstN(SERVICE_CRASH_ORDINALS, k.serviceCrashes),
          relayCrashes: k.relayCrash && k.publish === 'outbox' ? [1] : [],
        },
      },
    ],
    groups: [{ name: 'shipping', topic: 'orders', members: 1, processingMs: 20, idempotent: k.idempotentConsumer, effect: 'count', effectText: 'scheduled a shipment' }],
    network: { delayMs: 5 },
    trace: true,
  }),
  seed: 17,
};

// ── Tracing a choreography ──────────────────────────────────────────────────────────────────

/** Knobs of the tracing lab. */
export interface TracingKnobs {
  /** Orders placed. */
  readonly orders: number;
  /** Partitions per topic. */
  readonly partitions: number;
  /** A service whose attempts fail half the time (it retries). */
  readonly flakyService: 'none' | 'payments' | 'inventory' | 'shipping';
  /** Random extra network delay per send, ms. */
  readonly jitterMs: number;
}

/** Orders flowing through payments → inventory → shipping → notifications, each reacting to the last. */
export const tracingLab: LabPreset<TracingKnobs> = {
  id: 'trace-correlation',
  title: 'Follow one order by its correlation id',
  summary:
    'No service calls another: payments reacts to OrderPlaced, inventory to PaymentCaptured, shipping to StockReserved, notifications to ShipmentScheduled. Pick an order and follow its correlation id through all four.',
  knobs: [
    { kind: 'number', name: 'orders', label: 'Orders', help: 'Orders placed, 30 ms apart.', min: 1, max: 12, step: 1, unit: '' },
    { kind: 'number', name: 'partitions', label: 'Partitions per topic', help: 'More partitions, more interleaving between orders.', min: 1, max: 4, step: 1, unit: '' },
    {
      kind: 'choice',
      name: 'flakyService',
      label: 'Flaky service',
      help: 'Its attempts fail half the time; it retries with backoff.',
      options: [
        { value: 'none', label: 'None' },
        { value: 'payments', label: 'Payments' },
        { value: 'inventory', label: 'Inventory' },
        { value: 'shipping', label: 'Shipping' },
      ],
    },
    { kind: 'number', name: 'jitterMs', label: 'Network jitter', help: 'Random extra delay per send.', min: 0, max: 60, step: 5, unit: 'ms' },
  ],
  defaults: { orders: 4, partitions: 2, flakyService: 'none', jitterMs: 10 },
  build: (k) => {
    const partitions = clampInt(k.partitions, 1, 4);
    const flaky = (name: string) => (k.flakyService === name ? { failureRate: 0.5 } : {});
    const retry = { maxAttempts: 6, backoffMs: 40, jitter: 'full' as const };
    return {
      topics: ['orders', 'payments', 'stock', 'shipments'].map((name) => ({ name, partitions })),
      producers: [{ name: 'shop', topic: 'orders', count: clampInt(k.orders, 1, 12), intervalMs: 30, keys: 12, keyPrefix: 'order', keyOrder: 'sequential', types: ['OrderPlaced'] }],
      groups: [
        { name: 'payments', topic: 'orders', processingMs: 40, effect: 'sum', effectText: 'captured the payment', emits: { topic: 'payments', type: 'PaymentCaptured' }, retry, faults: flaky('payments') },
        { name: 'inventory', topic: 'payments', processingMs: 25, effect: 'count', effectText: 'reserved stock', emits: { topic: 'stock', type: 'StockReserved' }, retry, faults: flaky('inventory') },
        { name: 'shipping', topic: 'stock', processingMs: 50, effect: 'count', effectText: 'scheduled the shipment', emits: { topic: 'shipments', type: 'ShipmentScheduled' }, retry, faults: flaky('shipping') },
        { name: 'notifications', topic: 'shipments', processingMs: 15, effect: 'count', effectText: 'emailed the customer' },
      ],
      network: { delayMs: 5, jitterMs: clampInt(k.jitterMs, 0, 60) },
      trace: true,
    };
  },
  seed: 19,
};

/** Each lab's knob object, by lab id. */
export interface LabKnobs {
  'duplicates-idempotency': DuplicatesKnobs;
  'ordering-keys': OrderingKnobs;
  'consumer-groups': GroupsKnobs;
  'eventual-consistency': ConsistencyKnobs;
  'retries-dlq': RetriesKnobs;
  'outbox-dual-write': OutboxKnobs;
  'trace-correlation': TracingKnobs;
}

/** A lab's stable id. */
export type LabId = keyof LabKnobs;

/** Every lab preset, by id. */
export const LABS: { readonly [I in LabId]: LabPreset<LabKnobs[I]> } = {
  'duplicates-idempotency': duplicatesLab,
  'ordering-keys': orderingLab,
  'consumer-groups': groupsLab,
  'eventual-consistency': consistencyLab,
  'retries-dlq': retriesLab,
  'outbox-dual-write': outboxLab,
  'trace-correlation': tracingLab,
};

/** Knob values as a page holds them: untyped, and possibly stale or out of range. */
export type KnobValues = Readonly<Record<string, KnobValue>>;

/**
 * The lab's knob object from untyped values. Each knob takes the given value when it fits the knob
 * (a boolean for a toggle, one of the options for a choice, a finite number for a number, clamped
 * to its range) and keeps its default otherwise; names that are not knobs are dropped.
 */
export function knobsFor<K>(lab: LabPreset<K>, values: KnobValues): K {
  const out: Record<string, unknown> = { ...(lab.defaults as object) };
  for (const spec of lab.knobs) {
    const value = values[spec.name];
    if (spec.kind === 'toggle' ? typeof value === 'boolean' : spec.kind === 'choice' ? spec.options.some((o) => o.value === value) : false) out[spec.name] = value;
    if (spec.kind === 'number' && typeof value === 'number' && Number.isFinite(value)) out[spec.name] = Math.min(spec.max, Math.max(spec.min, value));
  }
  // Every knob of K was set from its default or from a value that fits its spec.
  return out as K;
}

/** The simulation config of lab `id` for untyped knob values (see {@link knobsFor}). */
export function buildLab<I extends LabId>(id: I, values: KnobValues): SimConfig {
  const lab = LABS[id];
  return lab.build(knobsFor(lab, values));
}
