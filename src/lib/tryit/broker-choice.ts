/**
 * The choosing-a-broker Try-it: describe a flow by its requirements and get every candidate broker
 * ranked, each ruled out by the requirement it cannot meet or kept with the costs it brings. The
 * rules follow the lesson (and the documented limits it cites): per-key order rules out SQS
 * standard and EventBridge rules, replay rules out queues, per-message jobs rule out Kinesis and
 * ordered Kafka consumer groups, a hot key or many readers rule out Kinesis, and "nothing to run"
 * leaves the serverless AWS services. Of what survives, the fewest costs win, then the least to run.
 */
import type { Choice } from './prediction.ts';

/** How far back a new or rewound consumer must be able to read, in days (0: no replay). */
export type ReplayDays = 0 | 7 | 30 | 365;
/** How many independent consumers read every event. */
export type Readers = 1 | 3 | 10 | 100;

/** The requirements of one flow. */
export interface Requirements {
  /** Events for one key must be handled in the order they were written. */
  readonly ordering: boolean;
  /** How much history a consumer must be able to re-read. */
  readonly replayDays: ReplayDays;
  /** Independent consumers, each reading every event. */
  readonly readers: Readers;
  /** One key can peak above 1,000 events per second (only matters when its order matters). */
  readonly hotKey: boolean;
  /** Each message is a job: acked, retried and dead-lettered on its own by a pool of workers. */
  readonly jobs: boolean;
  /** Tens of thousands of events per second in total. */
  readonly highVolume: boolean;
  /** Nothing may be run or sized in-house: serverless AWS services only. */
  readonly serverlessOnly: boolean;
  /** Events are routed by content to other accounts or SaaS targets. */
  readonly routing: boolean;
}

/** The candidate brokers, in the order the page lists them. */
export const BROKERS = [
  { id: 'kafka', label: 'Kafka' },
  { id: 'pulsar', label: 'Pulsar' },
  { id: 'kinesis', label: 'Kinesis Data Streams' },
  { id: 'rabbitmq', label: 'RabbitMQ' },
  { id: 'sqs-standard', label: 'SQS standard (with SNS)' },
  { id: 'sqs-fifo', label: 'SQS FIFO (with SNS FIFO)' },
  { id: 'nats', label: 'NATS JetStream' },
  { id: 'eventbridge', label: 'EventBridge rules' },
] as const satisfies readonly Choice[];

/** A broker's id. */
export type BrokerId = (typeof BROKERS)[number]['id'];

/** What the learner can predict: one of the brokers, or that nothing fits as asked. */
export const PREDICTIONS: readonly Choice<BrokerId | 'none'>[] = [...BROKERS, { id: 'none', label: 'Nothing fits as asked' }];

/**
 * How much each broker asks you to run, used only to break ties: 0 for serverless services, up to
 * 4 for Pulsar's brokers, bookies and metadata store.
 */
export const OPERATIONS: Readonly<Record<BrokerId, number>> = {
  'sqs-standard': 0,
  'sqs-fifo': 0,
  eventbridge: 0,
  kinesis: 1,
  nats: 2,
  rabbitmq: 2,
  kafka: 3,
  pulsar: 4,
};

/** One broker judged against the requirements. */
export interface Verdict {
  /** Which broker. */
  readonly id: BrokerId;
  /** Requirements it cannot meet, each as a sentence naming the limit; empty when it fits. */
  readonly ruledOut: readonly string[];
  /** What it costs to meet the requirements it does meet (empty: a clean fit). */
  readonly costs: readonly string[];
}

/** The ranking for one set of requirements. */
export interface Ranking {
  /** Every broker, those that fit first (fewest costs, then least to run), then those ruled out. */
  readonly verdicts: readonly Verdict[];
  /** The brokers tied for the top, or empty when nothing fits. */
  readonly best: readonly BrokerId[];
  /** One sentence on why the top one wins (or why nothing fits). */
  readonly why: string;
}

/** A workload to start from; its requirements stay editable. */
export interface Workload {
  /** Stable id. */
  readonly id: string;
  /** What the flow is. */
  readonly label: string;
  /** Its requirements. */
  readonly requirements: Requirements;
}

const NONE: Requirements = { ordering: false, replayDays: 0, readers: 1, hotKey: false, jobs: false, highVolume: false, serverlessOnly: false, routing: false };

/** Workloads from the lesson. */
export const WORKLOADS: readonly Workload[] = [
  { id: 'ledger', label: 'Payments ledger: postings per account, replayed after bugs', requirements: { ...NONE, ordering: true, replayDays: 30, readers: 10 } },
  { id: 'notifications', label: 'Notification sends: email, push and SMS per order', requirements: { ...NONE, readers: 3, jobs: true, serverlessOnly: true } },
  { id: 'order-jobs', label: 'Order work queue: fulfilment steps, in order per order', requirements: { ...NONE, ordering: true, jobs: true } },
  { id: 'firehose', label: 'A Bluesky-style firehose for a hundred feed generators', requirements: { ...NONE, ordering: true, replayDays: 7, readers: 100, highVolume: true } },
  { id: 'saas', label: 'Partner and SaaS events routed to other teams’ accounts', requirements: { ...NONE, readers: 10, serverlessOnly: true, routing: true } },
];

/** The requirement questions as the page asks them (yes/no ones). */
export const TOGGLES: readonly { readonly id: Exclude<keyof Requirements, 'replayDays' | 'readers'>; readonly text: string }[] = [
  { id: 'ordering', text: 'One key’s events must be handled in order' },
  { id: 'hotKey', text: 'One key can peak above 1,000 events/s' },
  { id: 'jobs', text: 'Each message is a job with its own retries and dead letter' },
  { id: 'highVolume', text: 'Tens of thousands of events/s in total' },
  { id: 'serverlessOnly', text: 'Nothing may be run or sized in-house' },
  { id: 'routing', text: 'Route by content to other accounts or SaaS apps' },
];

/** Judges one broker: what rules it out and what it costs. */
export function judgeBroker(id: BrokerId, r: Requirements): Verdict {
  const out: string[] = [];
  const costs: string[] = [];
  const replay = r.replayDays > 0;
  const manyReaders = r.readers >= 100;
  const hotOrderedKey = r.ordering && r.hotKey;
  const notRouting = 'You build content-based routing and cross-account delivery yourself.';
  switch (id) {
    case 'kafka':
      if (r.serverlessOnly) out.push('Nothing may be run: Kafka means brokers and partitions to run or size, even when managed.');
      if (r.jobs && r.ordering) out.push('Ordered jobs: a consumer group has only a per-partition offset, and a share group (Kafka 4.2) makes no ordering promise.');
      else if (r.jobs) costs.push('Jobs need a share group (production-ready in Kafka 4.2); before that, retry topics.');
      if (r.replayDays >= 365) costs.push('A year of retention wants tiered storage (KIP-405) or a lot of disk.');
      if (manyReaders) costs.push('Every consumer group reads every byte: egress grows with each reader.');
      if (hotOrderedKey) costs.push('The hot key pins one partition and one consumer per group, which must keep up.');
      if (r.routing) costs.push(notRouting);
      break;
    case 'pulsar':
      if (r.serverlessOnly) out.push('Nothing may be run: Pulsar means brokers, BookKeeper and a metadata store.');
      if (manyReaders) costs.push('Every subscription reads every byte: egress grows with each reader.');
      if (hotOrderedKey) costs.push('Key_Shared still sends the hot key to one consumer, which must keep up.');
      if (r.routing) costs.push(notRouting);
      break;
    case 'kinesis':
      if (r.jobs) out.push('Jobs: consumers keep one checkpoint per shard, with no per-record ack or redelivery.');
      if (hotOrderedKey) out.push('Hot key: a partition key lives on one shard, which takes at most 1,000 records or 1 MB per second.');
      if (r.readers > 50) out.push('Readers: at most 20 enhanced fan-out consumers per stream (50 in On-demand Advantage).');
      else if (r.readers >= 3) costs.push('More than two readers share 2 MB/s per shard, so they need enhanced fan-out, billed per consumer and shard.');
      if (r.readers > 20 && r.readers <= 50) costs.push('Over 20 enhanced fan-out consumers needs On-demand Advantage mode.');
      if (r.replayDays >= 7) costs.push('Retention beyond the 24-hour default is billed extra (up to 365 days).');
      if (r.routing) costs.push(notRouting);
      break;
    case 'rabbitmq':
      if (r.serverlessOnly) out.push('Nothing may be run: RabbitMQ is a cluster you size, even on Amazon MQ.');
      if (r.ordering) costs.push('A queue keeps order only with one active consumer: shard keys over queues to scale.');
      if (replay) costs.push('Replay needs streams (RabbitMQ 3.9+): queues delete on ack.');
      if (manyReaders) costs.push('A hundred readers means a hundred queues holding copies, or a stream.');
      if (r.highVolume) costs.push('Each queue has one leader: spread the load over many queues or a super stream.');
      if (r.routing) costs.push('Exchanges route by key or header, but cross-account and SaaS delivery are yours.');
      break;
    case 'sqs-standard':
      if (r.ordering) out.push('Order: a standard queue only tries to keep order, and delivers at least once.');
      if (replay) out.push('Replay: a message is deleted on ack and kept at most 14 days; nobody can re-read it.');
      if (r.readers > 1) costs.push('Fan-out is an SNS topic with one queue per reader, each copy billed.');
      if (r.routing) costs.push('SNS filter policies route by attributes; SaaS sources and cross-account wiring are yours.');
      break;
    case 'sqs-fifo':
      if (replay) out.push('Replay: a message is deleted on ack and kept at most 14 days; nobody can re-read it.');
      if (hotOrderedKey) out.push('Hot key: a message group is handed out one batch at a time, so it cannot spread over workers.');
      if (!r.ordering) costs.push('FIFO ordering you do not need costs throughput (300 calls/s per action by default).');
      if (r.highVolume) costs.push('High-throughput mode and many message groups are needed at this rate.');
      if (r.readers > 1) costs.push('Fan-out is an SNS FIFO topic with one FIFO queue per reader.');
      if (r.routing) costs.push('SNS filter policies route by attributes; SaaS sources and cross-account wiring are yours.');
      break;
    case 'nats':
      if (r.serverlessOnly) out.push('Nothing may be run: JetStream is a cluster you run.');
      if (r.ordering) costs.push('Per-key order across several workers needs subjects partitioned by key.');
      if (manyReaders) costs.push('Every consumer reads every byte: egress grows with each reader.');
      if (r.highVolume) costs.push('Each stream has one Raft leader: split subjects over streams at this rate.');
      if (r.routing) costs.push(notRouting);
      break;
    case 'eventbridge':
      if (r.ordering) out.push('Order: rules give no ordering guarantee.');
      if (r.jobs) out.push('Jobs: a bus pushes to targets; put a queue behind it for acks and workers.');
      if (r.highVolume) out.push('Volume: every event is billed and PutEvents has a per-Region quota; it is a router, not a stream.');
      if (replay) costs.push('Archive and replay re-send a time range to every matching rule; there is no per-consumer position.');
      break;
  }
  return { id, ruledOut: out, costs };
}

/** Orders verdicts: fits before ruled out; among fits, fewer costs, then less to run. */
function compare(a: Verdict, b: Verdict): number {
  const fitA = a.ruledOut.length === 0 ? 0 : 1;
  const fitB = b.ruledOut.length === 0 ? 0 : 1;
  if (fitA !== fitB) return fitA - fitB;
  if (fitA === 0) return a.costs.length - b.costs.length || OPERATIONS[a.id] - OPERATIONS[b.id];
  return a.ruledOut.length - b.ruledOut.length || OPERATIONS[a.id] - OPERATIONS[b.id];
}

/** Ranks every broker for the requirements `r`. */
export function rank(r: Requirements): Ranking {
  const verdicts = BROKERS.map((b) => judgeBroker(b.id, r)).sort(compare);
  const top = verdicts[0];
  const best = top && top.ruledOut.length === 0 ? verdicts.filter((v) => v.ruledOut.length === 0 && compare(v, top) === 0).map((v) => v.id) : [];
  const label = (id: BrokerId) => BROKERS.find((b) => b.id === id)?.label ?? id;
  const first = best[0];
  const why =
    first === undefined
      ? 'Every broker is ruled out by at least one requirement: relax one, or split the flow over two brokers.'
      : top && top.costs.length === 0
        ? `${label(first)} meets every requirement at no extra cost, and of those that do, it has the least to run.`
        : `${label(first)} meets every requirement with the fewest extra costs, and the least to run among those.`;
  return { verdicts, best, why };
}

/**
 * The outcome a prediction is judged against: the prediction itself when it is one of the brokers
 * tied for the top, else the first of them, or `none` when nothing fits.
 */
export function outcomeFor(ranking: Ranking, predicted: string): BrokerId | 'none' {
  if (ranking.best.length === 0) return 'none';
  const tied = ranking.best.find((id) => id === predicted);
  return tied ?? ranking.best[0] ?? 'none';
}
