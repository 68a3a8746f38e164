/**
 * What the broker remembers between orders in the emitter demo: the log of published events and,
 * per subscriber, a cursor (how many events of the log it has handled). A subscriber that fails
 * keeps its cursor where it was, so the failed copy stays in its backlog at the broker; when it
 * recovers, the broker delivers the backlog in log order. Nothing is lost and no retry is promised
 * that never comes: that is the point of a broker.
 */
import type { Subscriber } from './catalogue.ts';
import type { Run, Step, SubscriberStatus } from './timeline.ts';

/** The broker's log and every subscriber's cursor into it. */
export interface BrokerLog {
  /** Ids of the events published so far, oldest first; an event's offset is its index. */
  readonly events: readonly string[];
  /** Per subscriber id, the offset of the next event it has to handle (events before it are done). */
  readonly cursors: Readonly<Record<string, number>>;
}

/** A broker with an empty log and these subscribers, each at offset 0. */
export function emptyLog(subscriberIds: readonly string[]): BrokerLog {
  return { events: [], cursors: Object.fromEntries(subscriberIds.map((id) => [id, 0])) };
}

/**
 * The log after `id` subscribes: its cursor starts at the log end, so it gets only events published
 * from now on. Subscribing twice is an error rather than a silent reset of its cursor.
 */
export function subscribe(log: BrokerLog, id: string): BrokerLog {
  if (id in log.cursors) throw new Error(`"${id}" is already subscribed`);
  return { ...log, cursors: { ...log.cursors, [id]: log.events.length } };
}

/** The events waiting for `id` at the broker (published but not yet handled), oldest first. */
export function backlogOf(log: BrokerLog, id: string): string[] {
  const cursor = log.cursors[id];
  return cursor === undefined ? [] : log.events.slice(cursor);
}

/**
 * The log after an event-driven run: its event is appended, and each subscriber that handled it
 * moves its cursor to the new log end. One that failed, or still had older events waiting (it
 * handles its log in order), keeps its cursor, so the event joins its backlog.
 */
export function afterRun(log: BrokerLog, run: Run): BrokerLog {
  if (!run.event) throw new Error('A request-driven run publishes no event, so the broker log does not change');
  const before = log.events.length;
  const events = [...log.events, run.event.id];
  const cursors = { ...log.cursors };
  for (const s of run.subscribers) {
    const caughtUp = cursors[s.id] === before;
    if (caughtUp && run.summary.perSubscriber[s.id] === 'done') cursors[s.id] = events.length;
  }
  return { events, cursors };
}

/** The broker delivering a recovered subscriber's backlog, one event after another. */
export interface Redelivery {
  /** The subscriber that recovered. */
  readonly subscriber: Subscriber;
  /** The events delivered again, oldest first. */
  readonly eventIds: readonly string[];
  /** `redelivered` and `completed` steps, in time order, from the moment it recovered. */
  readonly steps: readonly Step[];
  /** When the last step happens, in ms after the recovery. */
  readonly finishedMs: number;
  /** The one announcement for the whole redelivery. */
  readonly summary: string;
}

/** Milliseconds from a recovery until the broker hands the first waiting event to the subscriber. */
export const REDELIVERY_MS = 60;

/**
 * What happens when `subscriber` recovers: the broker delivers each event of its backlog in log
 * order, the subscriber handles them one at a time, and its cursor reaches the log end. Returns
 * null when nothing is waiting.
 */
export function recover(log: BrokerLog, subscriber: Subscriber): { redelivery: Redelivery; log: BrokerLog } | null {
  const eventIds = backlogOf(log, subscriber.id);
  if (eventIds.length === 0) return null;
  const steps: Step[] = [];
  let t = REDELIVERY_MS;
  for (const id of eventIds) {
    steps.push({ at: t, kind: 'redelivered', subscriberId: subscriber.id, text: `${subscriber.name} is back: the broker delivered ${id} again from its backlog.`, announce: null });
    t += subscriber.processingMs;
    steps.push({ at: t, kind: 'completed', subscriberId: subscriber.id, text: `${subscriber.name} ${subscriber.result} for ${id}.`, announce: null });
  }
  const list = eventIds.length === 1 ? eventIds[0] : `${eventIds.slice(0, -1).join(', ')} and ${eventIds[eventIds.length - 1]}`;
  const count = eventIds.length === 1 ? 'its waiting event' : `its ${eventIds.length} waiting events`;
  return {
    redelivery: {
      subscriber,
      eventIds,
      steps,
      finishedMs: t,
      summary: `${subscriber.name} recovered. The broker delivered ${count}, ${list}, and ${subscriber.name} ${subscriber.result} for each: nothing was lost.`,
    },
    log: { ...log, cursors: { ...log.cursors, [subscriber.id]: log.events.length } },
  };
}

/** What the recovered subscriber's card shows `elapsedMs` into its redelivery. */
export function redeliveryStatusAt(redelivery: Redelivery, elapsedMs: number): SubscriberStatus {
  const { subscriber, eventIds, steps } = redelivery;
  const handled = steps.filter((s) => s.kind === 'completed' && s.at <= elapsedMs).length;
  if (handled === eventIds.length) return { state: 'done', text: `Caught up: ${subscriber.result} for ${eventIds.join(', ')}` };
  const current = eventIds[handled];
  const started = (steps[2 * handled]?.at ?? Infinity) <= elapsedMs;
  return started ? { state: 'received', text: `Back: handling ${current} from its backlog` } : { state: 'idle', text: 'Back: waiting for its backlog' };
}
