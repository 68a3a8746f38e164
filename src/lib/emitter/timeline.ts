/**
 * The rules of the "one event, many subscribers" demo: given the mode, the services present, which
 * of them are set to fail and the time the order is placed, plan everything that happens as an
 * ordered, timestamped list of steps plus a summary. Pure and deterministic, so a page can replay
 * the plan in real time and tests can check it without a browser.
 */
import type { Subscriber } from './catalogue.ts';
import { createOrderPlaced, formatEuros, type Order, type OrderPlacedEvent } from './order-event.ts';
import { producerFor, type Mode, type Producer } from './producer.ts';

/** Milliseconds from publishing until the broker has stored the event and acknowledged it. */
export const BROKER_ACK_MS = 40;

/** Milliseconds from publishing until the broker has handed a copy to each subscriber. */
export const DELIVERY_MS = 60;

/** Network and (de)serialisation cost of one synchronous call, added to the callee's own time. */
export const CALL_OVERHEAD_MS = 25;

/** What a step records. */
export type StepKind =
  | 'published'
  | 'acknowledged'
  | 'delivered'
  | 'redelivered'
  | 'completed'
  | 'failed'
  | 'called'
  | 'responded'
  | 'order-confirmed'
  | 'order-failed';

/** One thing that happens during a run. */
export interface Step {
  /** Milliseconds after the order was placed. */
  readonly at: number;
  /** What happened. */
  readonly kind: StepKind;
  /** The subscriber or called service it concerns; null for the order and the broker. */
  readonly subscriberId: string | null;
  /** A full sentence for the event log. */
  readonly text: string;
  /** How this step ends a subscriber's part, as a clause of the run's announcement; null for other steps. */
  readonly announce: string | null;
}

/** How one subscriber or called service ended up. */
export type SubscriberOutcome = 'done' | 'failed' | 'not-called';

/** The result of a run as the customer and the operators see it. */
export interface RunSummary {
  /** Whether the customer's order was placed. */
  readonly outcome: 'confirmed' | 'failed';
  /** How long the customer waited for the answer, in ms. */
  readonly responseMs: number;
  /** When the last step happens, in ms after the order was placed. */
  readonly finishedMs: number;
  /** How each subscriber or called service ended up, by id. */
  readonly perSubscriber: Readonly<Record<string, SubscriberOutcome>>;
  /** The outcome line shown once everything has finished. */
  readonly text: string;
}

/** A planned run: everything that happens after one "Place order". */
export interface Run {
  /** The style the Order service used. */
  readonly mode: Mode;
  /** The clock time at which the order was placed. */
  readonly startedAt: number;
  /** The order placed. */
  readonly order: Order;
  /** The event published, or null in request-driven mode, where no event exists. */
  readonly event: OrderPlacedEvent | null;
  /** The Order service as it was for this run. */
  readonly producer: Producer;
  /** The services that took part (subscribed at publish time, or in the call list), in order. */
  readonly subscribers: readonly Subscriber[];
  /** Every step, ordered by time; steps at the same time keep the order in which they happen. */
  readonly steps: readonly Step[];
  /** The outcome. */
  readonly summary: RunSummary;
}

/** What `planRun` needs to know. */
export interface RunInput {
  /** Event-driven or request-driven. */
  readonly mode: Mode;
  /** The services present, in order: subscribers (event-driven) or the call list (request-driven). */
  readonly subscribers: readonly Subscriber[];
  /** Ids of services set to fail. */
  readonly failing: readonly string[];
  /** Counter for this order's event and correlation ids (1 → "evt-0001"). */
  readonly seq: number;
  /** Clock time at which the order is placed, in ms; becomes the event's `time`. */
  readonly now: number;
  /** The order being placed. */
  readonly order: Order;
}

/** What a subscriber's card shows at some moment of a run. */
export type SubscriberState = 'idle' | 'received' | 'done' | 'failed' | 'not-called';

/** A subscriber's state plus the sentence that explains it. */
export interface SubscriberStatus {
  /** The state. */
  readonly state: SubscriberState;
  /** Short text for the card, e.g. "Done: reserved stock". */
  readonly text: string;
}

/** "Email and Inventory", "Email, Inventory and Analytics". */
function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Stable sort by time: steps pushed in causal order stay in that order when times tie. */
function byTime(steps: Step[]): Step[] {
  return steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => a.step.at - b.step.at || a.index - b.index)
    .map(({ step }) => step);
}

function assertUniqueIds(subscribers: readonly Subscriber[]): void {
  const ids = new Set(subscribers.map((s) => s.id));
  if (ids.size !== subscribers.length) throw new Error('Subscriber ids must be unique');
  for (const s of subscribers) {
    if (!Number.isFinite(s.processingMs) || s.processingMs < 0) {
      throw new RangeError(`Processing time of "${s.id}" must be a non-negative number, got ${s.processingMs}`);
    }
  }
}

function planEventDriven(input: RunInput): Run {
  const { subscribers, failing } = input;
  const event = createOrderPlaced(input.seq, input.now, input.order);
  const producer = producerFor('event-driven', subscribers);
  const steps: Step[] = [
    {
      at: 0,
      kind: 'published',
      subscriberId: null,
      text: `Order service published ${event.type} ${event.id} (order ${event.data.orderId}, ${formatEuros(event.data.totalCents)}, correlation ${event.correlationId}).`,
      announce: null,
    },
    {
      at: BROKER_ACK_MS,
      kind: 'acknowledged',
      subscriberId: null,
      text: `Broker stored ${event.id} and acknowledged it to the Order service.`,
      announce: null,
    },
    {
      at: BROKER_ACK_MS,
      kind: 'order-confirmed',
      subscriberId: null,
      text: `Order confirmed in ${BROKER_ACK_MS} ms: the customer waited for the broker only, not for any subscriber.`,
      announce: null,
    },
  ];
  const perSubscriber: Record<string, SubscriberOutcome> = {};
  for (const s of subscribers) {
    steps.push({
      at: DELIVERY_MS,
      kind: 'delivered',
      subscriberId: s.id,
      text: `Broker delivered a copy of ${event.id} to ${s.name}.`,
      announce: null,
    });
  }
  for (const s of subscribers) {
    const at = DELIVERY_MS + s.processingMs;
    if (failing.includes(s.id)) {
      perSubscriber[s.id] = 'failed';
      steps.push({
        at,
        kind: 'failed',
        subscriberId: s.id,
        text: `${s.name} failed while handling ${event.id}. The broker keeps the copy in ${s.name}'s backlog and delivers it again once ${s.name} recovers. The order and the other subscribers are unaffected.`,
        announce: `${s.name} failed, its copy waits in its backlog at the broker`,
      });
    } else {
      perSubscriber[s.id] = 'done';
      steps.push({
        at,
        kind: 'completed',
        subscriberId: s.id,
        text: `${s.name} ${s.result} (${s.processingMs} ms after delivery).`,
        announce: `${s.name} ${s.result}`,
      });
    }
  }
  const sorted = byTime(steps);
  const failedNames = subscribers.filter((s) => perSubscriber[s.id] === 'failed').map((s) => s.name);
  const doneCount = subscribers.length - failedNames.length;
  let tail: string;
  if (subscribers.length === 0) tail = 'Nobody has subscribed yet, and the Order service neither knows nor cares.';
  else if (failedNames.length === 0) tail = `All ${subscribers.length} subscribers handled ${event.id}, each in its own time.`;
  else {
    tail = `${doneCount} of ${subscribers.length} subscribers handled ${event.id}; ${joinNames(failedNames)} failed and ${failedNames.length === 1 ? 'its copy waits in its backlog' : 'their copies wait in their backlogs'} until recovery.`;
  }
  return {
    mode: 'event-driven',
    startedAt: input.now,
    order: input.order,
    event,
    producer,
    subscribers,
    steps: sorted,
    summary: {
      outcome: 'confirmed',
      responseMs: BROKER_ACK_MS,
      finishedMs: sorted[sorted.length - 1]?.at ?? 0,
      perSubscriber,
      text: `Order confirmed in ${BROKER_ACK_MS} ms. ${tail}`,
    },
  };
}

function planRequestDriven(input: RunInput): Run {
  const { subscribers, failing } = input;
  const producer = producerFor('request-driven', subscribers);
  const steps: Step[] = [];
  const perSubscriber: Record<string, SubscriberOutcome> = {};
  for (const s of subscribers) perSubscriber[s.id] = 'not-called';
  let t = 0;
  let failedAt: Subscriber | null = null;
  const succeeded: Subscriber[] = [];
  for (const s of subscribers) {
    steps.push({
      at: t,
      kind: 'called',
      subscriberId: s.id,
      text: `Order service called ${s.name} and waits for its answer.`,
      announce: null,
    });
    t += CALL_OVERHEAD_MS + s.processingMs;
    if (failing.includes(s.id)) {
      perSubscriber[s.id] = 'failed';
      failedAt = s;
      steps.push({
        at: t,
        kind: 'failed',
        subscriberId: s.id,
        text: `${s.name} returned an error to the Order service.`,
        announce: `${s.name} returned an error`,
      });
      break;
    }
    perSubscriber[s.id] = 'done';
    succeeded.push(s);
    steps.push({
      at: t,
      kind: 'responded',
      subscriberId: s.id,
      text: `${s.name} responded: ${s.result}.`,
      announce: `${s.name} ${s.result}`,
    });
  }
  let orderText: string;
  if (failedAt) {
    const skipped = subscribers.slice(subscribers.indexOf(failedAt) + 1).map((s) => s.name);
    const parts = [`Order failed after ${t} ms because ${failedAt.name} failed.`];
    if (skipped.length > 0) parts.push(`${joinNames(skipped)} ${skipped.length === 1 ? 'was' : 'were'} never called.`);
    if (succeeded.length > 0) {
      parts.push(`${joinNames(succeeded.map((s) => `${s.name} had already ${s.result}`))}, for an order that then failed.`);
    }
    orderText = parts.join(' ');
    steps.push({ at: t, kind: 'order-failed', subscriberId: null, text: orderText, announce: null });
  } else {
    const n = subscribers.length;
    orderText = `Order confirmed in ${t} ms: the customer waited for ${n === 1 ? 'the one service' : `all ${n} services`}, one after another.`;
    if (n === 0) orderText = 'Order confirmed in 0 ms: the Order service calls no other service yet.';
    steps.push({ at: t, kind: 'order-confirmed', subscriberId: null, text: orderText, announce: null });
  }
  return {
    mode: 'request-driven',
    startedAt: input.now,
    order: input.order,
    event: null,
    producer,
    subscribers,
    steps,
    summary: {
      outcome: failedAt ? 'failed' : 'confirmed',
      responseMs: t,
      finishedMs: t,
      perSubscriber,
      text: orderText,
    },
  };
}

/**
 * Plan everything that happens after the customer places `input.order`.
 *
 * Event-driven: the Order service publishes one `OrderPlaced`; the broker acknowledges it after
 * `BROKER_ACK_MS` (the customer's whole wait, whatever the subscribers), then delivers a copy to
 * every subscriber at `DELIVERY_MS`; each finishes `processingMs` later, independently. A failing
 * subscriber fails alone.
 *
 * Request-driven: the Order service calls each service in turn and waits; the customer waits for
 * the sum. The first failing service fails the order, later services are never called, and what
 * earlier services did stays done.
 */
export function planRun(input: RunInput): Run {
  assertUniqueIds(input.subscribers);
  return input.mode === 'event-driven' ? planEventDriven(input) : planRequestDriven(input);
}

/** The steps that have happened by `elapsedMs` after the order was placed (inclusive), in order. */
export function stepsUntil(run: Pick<Run, 'steps'>, elapsedMs: number): Step[] {
  return run.steps.filter((s) => s.at <= elapsedMs);
}

/** The distinct times (ms after the order) at which something happens, ascending. */
export function stepTimes(run: Pick<Run, 'steps'>): number[] {
  return [...new Set(run.steps.map((s) => s.at))].sort((a, b) => a - b);
}

/** True once every step of the run has happened. */
export function isFinished(run: Run, elapsedMs: number): boolean {
  return elapsedMs >= run.summary.finishedMs;
}

/**
 * The outcome line at `elapsedMs`: null before the order is answered, the order's answer while
 * subscribers are still working, and the full summary once everything has finished.
 */
export function outcomeAt(run: Run, elapsedMs: number): string | null {
  if (isFinished(run, elapsedMs)) return run.summary.text;
  const answer = run.steps.find((s) => s.kind === 'order-confirmed' || s.kind === 'order-failed');
  return answer && answer.at <= elapsedMs ? answer.text : null;
}

/**
 * What the card of subscriber `id` shows `elapsedMs` after the order was placed. With no run, or for
 * a subscriber added after the event was published, the card is idle.
 */
export function statusAt(run: Run | null, id: string, elapsedMs: number): SubscriberStatus {
  const subscriber = run?.subscribers.find((s) => s.id === id);
  if (!run) return { state: 'idle', text: 'Idle' };
  if (!subscriber) {
    return {
      state: 'idle',
      text: run.event ? `Idle: subscribed after ${run.event.id} was published` : 'Idle: added after this order was placed',
    };
  }
  const own = run.steps.filter((s) => s.subscriberId === id && s.at <= elapsedMs);
  const last = own[own.length - 1];
  const eventDriven = run.mode === 'event-driven';
  if (!last) {
    if (!eventDriven && isFinished(run, elapsedMs)) return { state: 'not-called', text: 'Never called: the order had already failed' };
    return { state: 'idle', text: eventDriven ? 'Idle' : 'Waiting for its turn' };
  }
  switch (last.kind) {
    case 'completed':
    case 'responded':
      return { state: 'done', text: `Done: ${subscriber.result}` };
    case 'failed':
      return {
        state: 'failed',
        text: eventDriven ? 'Failed: its copy waits in its backlog at the broker' : 'Failed: returned an error to the Order service',
      };
    default:
      return {
        state: 'received',
        text: eventDriven ? `Received ${run.event?.id ?? 'the event'}; working` : 'Called; working while the Order service waits',
      };
  }
}


/**
 * The one sentence a screen reader hears when a run has finished: the order's answer, then how every
 * subscriber (or called service) ended up, in order, so no outcome goes unannounced.
 */
export function runAnnouncement(run: Run): string {
  const { outcome, responseMs } = run.summary;
  const head = outcome === 'confirmed' ? `Order ${run.order.orderId} confirmed in ${responseMs} ms.` : `Order ${run.order.orderId} failed after ${responseMs} ms.`;
  if (run.subscribers.length === 0) return `${head} Nobody reacted: there are no subscribers yet.`;
  const parts = run.subscribers.map((s) => run.steps.find((step) => step.subscriberId === s.id && step.announce)?.announce ?? `${s.name} was never called`);
  return `${head} ${parts.join('; ')}.`;
}
