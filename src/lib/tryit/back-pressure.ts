/**
 * The back-pressure Try-it: a flash sale sends `OrderPlaced` to a topic faster than the card
 * provider accepts charges, and the Payments consumer group copes by one of five strategies. A
 * deterministic model in whole seconds: orders arrive, wait in the topic (lag), are fetched into the
 * pods' memory, and are charged; calls above the provider's limit come back `429` and are retried.
 */
import type { Choice } from './prediction.ts';

/** How Payments copes with more orders than the provider accepts. */
export type Strategy = 'unbounded' | 'bounded' | 'autoscale' | 'admission' | 'shaped';

/** The strategies, as the radio buttons show them. */
export const STRATEGIES: readonly Choice<Strategy>[] = [
  { id: 'unbounded', label: 'Unbounded in-memory queue; call the provider as fast as the workers go' },
  { id: 'bounded', label: 'Bounded queue (500 a pod); pause the partitions when it is full' },
  { id: 'autoscale', label: 'Bounded queue, and autoscale on lag (up to 12 pods, one per partition)' },
  { id: 'admission', label: 'Token bucket at 80 calls/s; checkout refuses orders while 2,000 wait' },
  { id: 'shaped', label: 'Bounded queue, pause, and a shared token bucket at 80 calls/s' },
];

/** What the learner can predict; the run's outcome is one of these. */
export const OUTCOMES: readonly Choice<'oom' | 'rejected' | 'shed' | 'delayed'>[] = [
  { id: 'oom', label: 'Memory runs out and the consumer crashes' },
  { id: 'rejected', label: 'The provider rejects calls with 429' },
  { id: 'shed', label: 'Some orders are turned away' },
  { id: 'delayed', label: 'Orders wait in the topic; every one is charged and none rejected' },
];

/** The outcome ids. */
export type Outcome = (typeof OUTCOMES)[number]['id'];

/** The numbers of one flash sale. Every rate is per second. */
export interface Scenario {
  /** Orders per second during the spike. */
  readonly spikeRate: number;
  /** How long the spike lasts, in seconds. */
  readonly spikeSeconds: number;
  /** Orders per second after the spike, until the sale ends. */
  readonly baseRate: number;
  /** When orders stop arriving, in seconds from the start. */
  readonly saleSeconds: number;
  /** The provider's limit: calls per second beyond it get `429`. */
  readonly providerLimit: number;
  /** The token bucket's rate (and burst), below the provider's limit. */
  readonly bucketRate: number;
  /** Charges one pod can make per second. */
  readonly perPod: number;
  /** Pods at the start (and the autoscaler's minimum). */
  readonly pods: number;
  /** Partitions of the topic: the most pods that get work. */
  readonly partitions: number;
  /** Bounded strategies hold at most this many records per pod. */
  readonly queuePerPod: number;
  /** A pod that holds more records than this runs out of memory. */
  readonly memoryPerPod: number;
  /** Records one pod can fetch per second when nothing bounds it. */
  readonly fetchPerPod: number;
  /** Seconds a crashed pod takes to come back. */
  readonly restartSeconds: number;
  /** The autoscaler asks for one pod per this many records of lag. */
  readonly lagPerPod: number;
  /** Checkout turns orders away while this many are waiting (admission strategy). */
  readonly admissionLimit: number;
  /** The run stops after this many seconds even if orders are still waiting. */
  readonly maxSeconds: number;
}

/** The flash sale the Try-it runs; the learner picks the spike rate. */
export const DEFAULT_SCENARIO: Scenario = {
  spikeRate: 300,
  spikeSeconds: 30,
  baseRate: 50,
  saleSeconds: 120,
  providerLimit: 100,
  bucketRate: 80,
  perPod: 60,
  pods: 2,
  partitions: 12,
  queuePerPod: 500,
  memoryPerPod: 2000,
  fetchPerPod: 1000,
  restartSeconds: 10,
  lagPerPod: 500,
  admissionLimit: 2000,
  maxSeconds: 600,
};

/** The spike rates the learner can choose. */
export const SPIKE_RATES = [150, 300, 600] as const;

/** What one run did. */
export interface BackPressureRun {
  /** Orders that arrived at checkout. */
  readonly arrived: number;
  /** Orders charged. */
  readonly charged: number;
  /** Orders turned away at checkout. */
  readonly shed: number;
  /** Orders still waiting when the run stopped. */
  readonly waiting: number;
  /** Calls the provider answered with `429` (each is retried). */
  readonly rejected: number;
  /** Times a pod ran out of memory. */
  readonly crashes: number;
  /** Rebalances caused by the autoscaler. */
  readonly rebalances: number;
  /** Most pods running at once. */
  readonly peakPods: number;
  /** Most records held in the pods' memory at once. */
  readonly peakInMemory: number;
  /** Most orders waiting (in the topic or in memory) at once. */
  readonly peakWaiting: number;
  /** Longest an order waited between checkout and its charge, in seconds. */
  readonly maxWaitSeconds: number;
  /** The second the last order was charged, or null if some were still waiting. */
  readonly finishedAt: number | null;
  /** The most calls the provider received in any one second. */
  readonly peakCallsPerSecond: number;
  /** Orders waiting at the end of each second. */
  readonly waitingSeries: readonly number[];
  /** Calls made to the provider in each second. */
  readonly callSeries: readonly number[];
  /** Which prediction this amounts to. */
  readonly outcome: Outcome;
  /** One sentence: why. */
  readonly why: string;
}

/** A run of orders that arrived in the same second. */
interface Lot {
  readonly at: number;
  count: number;
}

/** Takes up to `n` orders from the front of `from`, oldest first, and returns the lots taken. */
function take(from: Lot[], n: number): Lot[] {
  const taken: Lot[] = [];
  let left = n;
  while (left > 0 && from.length > 0) {
    const head = from[0] as Lot;
    const k = Math.min(left, head.count);
    taken.push({ at: head.at, count: k });
    head.count -= k;
    left -= k;
    if (head.count === 0) from.shift();
  }
  return taken;
}

const total = (lots: readonly Lot[]): number => lots.reduce((sum, l) => sum + l.count, 0);

/** Orders arriving at checkout in second `t`. */
export function arrivalsAt(s: Scenario, t: number): number {
  if (t >= s.saleSeconds) return 0;
  return t < s.spikeSeconds ? s.spikeRate : s.baseRate;
}

/** Runs the flash sale second by second under `strategy`. Pure and deterministic. */
export function runBackPressure(strategy: Strategy, scenario: Scenario = DEFAULT_SCENARIO): BackPressureRun {
  const s = scenario;
  for (const [key, value] of Object.entries(s)) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${key} must be a whole number ≥ 0, got ${value}`);
  }
  if (s.pods < 1 || s.perPod < 1 || s.bucketRate < 1) throw new RangeError('pods, perPod and bucketRate must be at least 1');

  const bounded = strategy !== 'unbounded';
  const shaped = strategy === 'shaped' || strategy === 'admission';
  const broker: Lot[] = [];
  let memory: Lot[] = [];
  let pods = s.pods;
  let downUntil = 0;
  let lastScale = -Infinity;
  let tokens = s.bucketRate;
  const run = { arrived: 0, charged: 0, shed: 0, rejected: 0, crashes: 0, rebalances: 0, peakPods: pods, peakInMemory: 0, peakWaiting: 0, maxWaitSeconds: 0, peakCallsPerSecond: 0 };
  let finishedAt: number | null = null;
  const waitingSeries: number[] = [];
  const callSeries: number[] = [];

  /** Gives every record in memory back to the topic, oldest first: it was never committed. */
  const giveBack = () => {
    broker.unshift(...memory);
    memory = [];
  };

  for (let t = 0; t < s.maxSeconds; t += 1) {
    let arriving = arrivalsAt(s, t);
    run.arrived += arriving;
    if (strategy === 'admission') {
      const room = Math.max(0, s.admissionLimit - total(broker) - total(memory));
      run.shed += Math.max(0, arriving - room);
      arriving = Math.min(arriving, room);
    }
    if (arriving > 0) broker.push({ at: t, count: arriving });

    if (strategy === 'autoscale' && t >= downUntil && t - lastScale >= 10) {
      const lag = total(broker) + total(memory);
      const wanted = Math.min(s.partitions, Math.max(s.pods, Math.ceil(lag / s.lagPerPod)));
      if (wanted !== pods) {
        pods = wanted;
        lastScale = t;
        run.rebalances += 1;
        run.peakPods = Math.max(run.peakPods, pods);
        giveBack();
        downUntil = t + 2;
      }
    }

    let calls = 0;
    if (t >= downUntil) {
      const room = bounded ? Math.max(0, s.queuePerPod * pods - total(memory)) : s.fetchPerPod * pods;
      memory.push(...take(broker, room));
      run.peakInMemory = Math.max(run.peakInMemory, total(memory));
      if (total(memory) > s.memoryPerPod * pods) {
        run.crashes += 1;
        giveBack();
        downUntil = t + s.restartSeconds;
      } else {
        calls = Math.min(total(memory), s.perPod * pods);
        if (shaped) {
          tokens = Math.min(s.bucketRate, tokens + s.bucketRate);
          calls = Math.min(calls, Math.floor(tokens));
          tokens -= calls;
        }
        const accepted = Math.min(calls, s.providerLimit);
        run.rejected += calls - accepted;
        for (const lot of take(memory, accepted)) {
          run.charged += lot.count;
          run.maxWaitSeconds = Math.max(run.maxWaitSeconds, t - lot.at);
        }
      }
    }
    run.peakCallsPerSecond = Math.max(run.peakCallsPerSecond, calls);
    const waiting = total(broker) + total(memory);
    run.peakWaiting = Math.max(run.peakWaiting, waiting);
    waitingSeries.push(waiting);
    callSeries.push(calls);
    if (waiting === 0 && t >= s.saleSeconds - 1) {
      finishedAt = t;
      break;
    }
  }

  const waiting = total(broker) + total(memory);
  const outcome: Outcome = run.crashes > 0 ? 'oom' : run.shed > 0 ? 'shed' : run.rejected > 0 ? 'rejected' : 'delayed';
  return { ...run, waiting, finishedAt, waitingSeries, callSeries, outcome, why: explain(strategy, outcome, s) };
}

/** The one-sentence reason for a run's outcome. */
function explain(strategy: Strategy, outcome: Outcome, s: Scenario): string {
  switch (outcome) {
    case 'oom':
      return `Nothing bounds what the pods fetch, so the backlog moved from the topic into their memory until it passed ${s.memoryPerPod.toLocaleString('en-GB')} records a pod; each crash hands the uncommitted records back and the restarted pod fetches them all again.`;
    case 'shed':
      return `The token bucket keeps the provider happy, so the backlog grows; checkout protects it by refusing orders while ${s.admissionLimit.toLocaleString('en-GB')} are waiting. Nothing is lost silently, but those sales never happen.`;
    case 'rejected':
      if (strategy === 'autoscale') {
        return `Lag is a symptom: the bottleneck is the provider's ${s.providerLimit} calls a second, so every pod the autoscaler adds sends more calls above the limit, and each scaling step is a rebalance.`;
      }
      return strategy === 'unbounded'
        ? `At this spike the pods' memory holds, but nothing shapes the calls: the workers call faster than the provider's ${s.providerLimit} a second, so the excess comes back 429 and is retried.`
        : `The bounded queue keeps memory safe and the backlog waits in the topic, but the workers call faster than the provider's ${s.providerLimit} a second, so the excess comes back 429 and is retried.`;
    case 'delayed':
      return strategy === 'shaped'
        ? `The token bucket holds calls at ${s.bucketRate} a second, under the provider's limit, and the bounded queue pauses the partitions, so the spike waits on disk in the topic and drains: slower, but nothing is rejected or lost.`
        : `At this spike the workers never outrun the provider's ${s.providerLimit} calls a second, so the backlog drains without a single 429.`;
  }
}

/**
 * The points of an SVG polyline drawing `series` in a `width` × `height` box: the first value at the
 * left edge, the last at the right, zero at the bottom and the largest value at the top.
 */
export function sparklinePoints(series: readonly number[], width: number, height: number): string {
  if (series.length === 0) return '';
  const max = Math.max(1, ...series);
  const step = series.length > 1 ? width / (series.length - 1) : 0;
  return series.map((v, i) => `${+(i * step).toFixed(1)},${+(height - (v / max) * height).toFixed(1)}`).join(' ');
}
