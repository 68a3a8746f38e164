/**
 * The rule behind lesson 8's windows Try-it: orders counted in five-minute tumbling windows, either
 * by when they happened (event time, with a grace period, as Kafka Streams does it) or by when they
 * arrived (processing time). Pure: the same settings always give the same result.
 */
import type { Choice } from './prediction.ts';

/** Which clock cuts the windows. */
export type TimeBasis = 'event-time' | 'processing-time';

/** One order: when it was placed on the phone, and when the stream processor received it (seconds after 12:00). */
export interface OrderEvent {
  /** Label, e.g. "ord_1". */
  readonly id: string;
  /** Event time, seconds after 12:00. */
  readonly happenedAt: number;
  /** Processing (arrival) time, seconds after 12:00. */
  readonly arrivedAt: number;
}

/** Window size: five minutes. */
export const WINDOW_S = 300;

/** The orders, in the order they arrive; two come from a phone that was offline for a while. */
export const ORDERS: readonly OrderEvent[] = [
  { id: 'ord_1', happenedAt: 60, arrivedAt: 65 },
  { id: 'ord_2', happenedAt: 150, arrivedAt: 151 },
  { id: 'ord_3', happenedAt: 290, arrivedAt: 310 },
  { id: 'ord_4', happenedAt: 330, arrivedAt: 331 },
  { id: 'ord_5', happenedAt: 220, arrivedAt: 350 },
  { id: 'ord_6', happenedAt: 380, arrivedAt: 381 },
  { id: 'ord_7', happenedAt: 250, arrivedAt: 400 },
];

/** The grace periods offered, in seconds. */
export const GRACE_OPTIONS: readonly { readonly seconds: number; readonly label: string }[] = [
  { seconds: 0, label: 'No grace' },
  { seconds: 60, label: '1 minute' },
  { seconds: 180, label: '3 minutes' },
];

/** What the learner predicts: how many orders the 12:00–12:05 window counts. */
export const WINDOW_CHOICES: readonly Choice[] = [
  { id: '2', label: '2 orders' },
  { id: '3', label: '3 orders' },
  { id: '4', label: '4 orders' },
  { id: '5', label: '5 orders' },
];

/** What happened to one order. */
export interface OrderFate {
  readonly order: OrderEvent;
  /** Start of the window it belongs to (seconds after 12:00). */
  readonly windowStart: number;
  /** Counted in its window, or dropped because the window had closed. */
  readonly counted: boolean;
  /** Stream time (largest event time seen) when it was processed; processing time for that basis. */
  readonly streamTime: number;
  /** One sentence. */
  readonly text: string;
}

/** The result of one run. */
export interface WindowsRun {
  readonly basis: TimeBasis;
  readonly graceS: number;
  /** Per order, in arrival order. */
  readonly fates: readonly OrderFate[];
  /** Orders counted in the first window, 12:00–12:05. */
  readonly firstWindow: number;
  /** Orders dropped as late. */
  readonly dropped: number;
  /** The prediction choice id the result matches. */
  readonly outcome: string;
  /** Why, in one sentence. */
  readonly why: string;
}

/** "12:03:40" for 220 seconds after 12:00. */
export function clock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `12:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

function windowName(start: number): string {
  return `${clock(start).slice(0, 5)}–${clock(start + WINDOW_S).slice(0, 5)}`;
}

/**
 * Counts `orders` (in arrival order) into tumbling windows. By event time, a record is dropped when
 * its window's end plus the grace is at or before stream time, the largest event time seen so far
 * (Kafka Streams' rule); by processing time, each order simply lands in the window it arrived in.
 */
export function runWindows(basis: TimeBasis, graceS: number, orders: readonly OrderEvent[] = ORDERS): WindowsRun {
  let streamTime = -Infinity;
  const fates: OrderFate[] = [];
  for (const order of orders) {
    if (basis === 'processing-time') {
      const windowStart = Math.floor(order.arrivedAt / WINDOW_S) * WINDOW_S;
      fates.push({ order, windowStart, counted: true, streamTime: order.arrivedAt, text: `${order.id} arrived at ${clock(order.arrivedAt)}: counted in ${windowName(windowStart)}, whenever it happened.` });
      continue;
    }
    streamTime = Math.max(streamTime, order.happenedAt);
    const windowStart = Math.floor(order.happenedAt / WINDOW_S) * WINDOW_S;
    const closesAt = windowStart + WINDOW_S + graceS;
    const counted = closesAt > streamTime;
    const late = order.arrivedAt - order.happenedAt > 10 ? `, ${clock(order.arrivedAt)} on arrival` : '';
    const text = counted
      ? `${order.id} happened at ${clock(order.happenedAt)}${late}: counted in ${windowName(windowStart)} (stream time ${clock(streamTime)}).`
      : `${order.id} happened at ${clock(order.happenedAt)}${late}: dropped, ${windowName(windowStart)} closed when stream time passed ${clock(closesAt)} (now ${clock(streamTime)}).`;
    fates.push({ order, windowStart, counted, streamTime, text });
  }
  const firstWindow = fates.filter((f) => f.windowStart === 0 && f.counted).length;
  const dropped = fates.filter((f) => !f.counted).length;
  const why =
    basis === 'processing-time'
      ? 'By processing time a window holds what arrived during it: the late orders from the offline phone land in 12:05–12:10, and a replay would count differently.'
      : dropped === 0
        ? 'By event time every order lands in the window in which it happened, and this grace period was long enough for the latest one.'
        : `By event time late orders still belong to 12:00–12:05, but a window accepts them only until stream time passes its end plus the grace; ${dropped === 1 ? '1 order came' : `${dropped} orders came`} after that and ${dropped === 1 ? 'was' : 'were'} dropped.`;
  return { basis, graceS, fates, firstWindow, dropped, outcome: String(firstWindow), why };
}
