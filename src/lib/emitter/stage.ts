/**
 * The picture of the emitter demo: where the Order service, the broker and each subscriber sit in
 * the SVG, which event chips are travelling (from where to where) at a moment of a replay, and
 * how the replay is paced on screen. Geometry only; the island draws it and animates each chip
 * from `from` to `to` (or shows it at `to` when motion is reduced).
 */
import { backlogOf, type BrokerLog, type Redelivery } from './broker.ts';
import type { Mode } from './producer.ts';
import type { Run, Step, StepKind } from './timeline.ts';

/** A point in the SVG's coordinates. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A rectangle in the SVG's coordinates. */
export interface Box extends Point {
  readonly w: number;
  readonly h: number;
}

/** Where everything sits; one column for the Order service above the broker, one for subscribers. */
export interface StageLayout {
  /** viewBox width. */
  readonly width: number;
  /** viewBox height: grows with the number of subscribers. */
  readonly height: number;
  /** The Order service (top left). */
  readonly producer: Box;
  /** The broker (below the Order service). */
  readonly broker: Box;
  /** Each subscriber's box, by id, stacked down the right-hand column. */
  readonly subscribers: Readonly<Record<string, Box>>;
  /** Each subscriber's lane, by id: from the broker (or, request-driven, the Order service) to it. */
  readonly lanes: Readonly<Record<string, { readonly from: Point; readonly to: Point }>>;
}

/** What a chip stands for: an event copy, one waiting in a backlog, a call, or a call's answer. */
export type ChipTone = 'event' | 'waiting' | 'call' | 'answer' | 'error';

/** One chip on the stage, moving from `from` to `to` when it first appears. */
export interface Chip {
  /** Stable while the chip makes the same trip, new for each trip, so each trip animates once. */
  readonly key: string;
  /** Short text on the chip: the event's number ("3") or a call sign. */
  readonly label: string;
  /** What it stands for. */
  readonly tone: ChipTone;
  /** Where the trip starts (top-left corner of the chip). */
  readonly from: Point;
  /** Where it ends and stays. */
  readonly to: Point;
}

/** Chip size, in SVG units. */
export const CHIP = { w: 22, h: 16 } as const;

const WIDTH = 320;
const ROW = 46;
const SUB = { x: 198, w: 118, h: 38 } as const;
const PRODUCER: Box = { x: 4, y: 4, w: 124, h: 40 };
const BROKER_TOP = 70;
const MIN_BROKER_H = 92;

/** The layout for these subscribers, in order. */
export function stageLayout(mode: Mode, ids: readonly string[]): StageLayout {
  const height = Math.max(BROKER_TOP + MIN_BROKER_H + 4, 8 + ids.length * ROW);
  const broker: Box = { x: PRODUCER.x, y: BROKER_TOP, w: PRODUCER.w, h: height - BROKER_TOP - 4 };
  const subscribers: Record<string, Box> = {};
  const lanes: Record<string, { from: Point; to: Point }> = {};
  ids.forEach((id, i) => {
    const box = { x: SUB.x, y: 6 + i * ROW, w: SUB.w, h: SUB.h };
    subscribers[id] = box;
    const to = { x: box.x, y: box.y + box.h / 2 };
    const right = broker.x + broker.w;
    const from =
      mode === 'event-driven'
        ? { x: right, y: Math.min(Math.max(to.y, broker.y + 14), broker.y + broker.h - 14) }
        : { x: PRODUCER.x + PRODUCER.w, y: PRODUCER.y + PRODUCER.h / 2 };
    lanes[id] = { from, to };
  });
  return { width: WIDTH, height, producer: PRODUCER, broker, subscribers, lanes };
}

/** The event's number as a chip shows it: "evt-0003" → "3". */
export function chipLabel(eventId: string): string {
  return String(Number(eventId.replace(/^\D+/, '')));
}

/** Top-left corner that puts a chip's centre on `p`. */
function centred(p: Point): Point {
  return { x: p.x - CHIP.w / 2, y: p.y - CHIP.h / 2 };
}

/** Where the `index`-th waiting chip of a subscriber sits: in a row on its lane, by the broker. */
export function backlogSlot(layout: StageLayout, id: string, index: number): Point {
  const lane = layout.lanes[id];
  if (!lane) throw new Error(`No lane for "${id}"`);
  return { x: lane.from.x + 4 + index * (CHIP.w + 3), y: lane.from.y - CHIP.h / 2 };
}

/** How many waiting chips fit on a lane; the rest are counted in the subscriber's box. */
const VISIBLE_BACKLOG = 2;

function waitingChips(layout: StageLayout, id: string, waiting: readonly string[], justFailed: string | null): Chip[] {
  const sub = layout.subscribers[id];
  return waiting.slice(0, VISIBLE_BACKLOG).map((eventId, i) => {
    const to = backlogSlot(layout, id, i);
    // The copy that has just failed travels back from the subscriber to its place in the backlog.
    const from = eventId === justFailed && sub ? centred({ x: sub.x, y: sub.y + sub.h / 2 }) : to;
    return { key: `wait-${id}-${eventId}`, label: chipLabel(eventId), tone: 'waiting', from, to };
  });
}

/** What is being replayed: an order (with the broker log before and after it) or a redelivery. */
export type Replay =
  | { readonly kind: 'order'; readonly run: Run; readonly before: BrokerLog; readonly after: BrokerLog }
  | { readonly kind: 'redelivery'; readonly redelivery: Redelivery; readonly before: BrokerLog; readonly after: BrokerLog };

/** The steps of a replay, in time order. */
export function replaySteps(replay: Replay): readonly Step[] {
  return replay.kind === 'order' ? replay.run.steps : replay.redelivery.steps;
}

const reached = (steps: readonly Step[], kind: StepKind, id: string | null, elapsedMs: number) =>
  steps.find((s) => s.kind === kind && s.subscriberId === id && s.at <= elapsedMs);

/**
 * The events waiting for subscriber `id` at the broker as the picture shows them `elapsedMs` into
 * `replay` (or, between replays, in `log`): a copy joins the backlog when its failure is shown and
 * leaves it when it is shown being delivered again.
 */
export function waitingAt(replay: Replay | null, log: BrokerLog, id: string, elapsedMs: number): string[] {
  if (!replay) return backlogOf(log, id);
  if (replay.kind === 'order') {
    const event = replay.run.event;
    const failed = event && reached(replay.run.steps, 'failed', id, elapsedMs) ? [event.id] : [];
    return [...backlogOf(replay.before, id), ...failed];
  }
  const { redelivery } = replay;
  if (redelivery.subscriber.id !== id) return backlogOf(replay.before, id);
  return redelivery.eventIds.filter((_, i) => (redelivery.steps[2 * i]?.at ?? Infinity) > elapsedMs);
}

/**
 * The chips on the stage `elapsedMs` into `replay` (or at rest, with `log`): the published event
 * travelling to the broker, a copy travelling to each subscriber until it has handled it, a
 * redelivered copy travelling from the backlog, every backlog waiting by the broker; request-driven,
 * each call and its answer.
 */
export function chipsAt(layout: StageLayout, replay: Replay | null, log: BrokerLog, elapsedMs: number): Chip[] {
  const chips: Chip[] = [];
  const arrive = (lane: { to: Point }) => centred({ x: lane.to.x - CHIP.w / 2 - 2, y: lane.to.y });
  const steps = replay ? replaySteps(replay) : [];
  const event = replay?.kind === 'order' ? replay.run.event : null;
  if (replay?.kind === 'order' && !event) {
    for (const step of steps) {
      const lane = step.subscriberId ? layout.lanes[step.subscriberId] : undefined;
      if (!lane || step.at > elapsedMs) continue;
      const back = centred({ x: lane.from.x + CHIP.w / 2 + 2, y: lane.from.y });
      const answered = reached(steps, 'responded', step.subscriberId, elapsedMs) ?? reached(steps, 'failed', step.subscriberId, elapsedMs);
      if (step.kind === 'called' && !answered) chips.push({ key: `call-${step.subscriberId}`, label: 'call', tone: 'call', from: back, to: arrive(lane) });
      else if (step.kind === 'responded') chips.push({ key: `answer-${step.subscriberId}`, label: 'ok', tone: 'answer', from: arrive(lane), to: back });
      else if (step.kind === 'failed') chips.push({ key: `answer-${step.subscriberId}`, label: 'err', tone: 'error', from: arrive(lane), to: back });
    }
    return chips;
  }
  if (event && elapsedMs < (steps.find((s) => s.kind === 'delivered')?.at ?? Infinity)) {
    const { producer, broker } = layout;
    chips.push({
      key: `pub-${event.id}`,
      label: chipLabel(event.id),
      tone: 'event',
      from: centred({ x: producer.x + producer.w / 2, y: producer.y + producer.h }),
      to: centred({ x: broker.x + broker.w / 2, y: broker.y + 16 }),
    });
  }
  for (const id of Object.keys(layout.subscribers)) {
    const lane = layout.lanes[id];
    if (!lane) continue;
    const handled = reached(steps, 'completed', id, elapsedMs) ?? reached(steps, 'failed', id, elapsedMs);
    if (event && reached(steps, 'delivered', id, elapsedMs) && !handled) {
      chips.push({ key: `copy-${id}-${event.id}`, label: chipLabel(event.id), tone: 'event', from: centred(lane.from), to: arrive(lane) });
    }
    if (replay?.kind === 'redelivery' && replay.redelivery.subscriber.id === id) {
      replay.redelivery.eventIds.forEach((eventId, i) => {
        const delivered = (steps[2 * i]?.at ?? Infinity) <= elapsedMs;
        const done = (steps[2 * i + 1]?.at ?? Infinity) <= elapsedMs;
        if (delivered && !done) {
          chips.push({ key: `redeliver-${id}-${eventId}`, label: chipLabel(eventId), tone: 'event', from: backlogSlot(layout, id, 0), to: arrive(lane) });
        }
      });
    }
    const justFailed = event && handled?.kind === 'failed' ? event.id : null;
    chips.push(...waitingChips(layout, id, waitingAt(replay, log, id, elapsedMs), justFailed));
  }
  return chips;
}

/**
 * When to show each step time on screen. The model's times are realistic (a broker answers in
 * 40 ms) but too close to see, so each gap gets `minGapMs` plus a share of its real length, scaled
 * so the whole replay takes at most `maxTotalMs` (or `minGapMs` per gap, if that is longer).
 * Returns one screen time per input time, in the same order; the first is always 0.
 */
export function screenTimes(times: readonly number[], minGapMs: number, maxTotalMs: number): number[] {
  if (times.length === 0) return [];
  const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
  if (gaps.some((g) => g < 0)) throw new RangeError('Step times must be ascending');
  const real = gaps.reduce((a, b) => a + b, 0);
  const spare = Math.max(0, maxTotalMs - gaps.length * minGapMs);
  const scale = real === 0 ? 0 : Math.min(1, spare / real);
  const out = [0];
  for (const g of gaps) out.push((out[out.length - 1] ?? 0) + minGapMs + g * scale);
  return out;
}
