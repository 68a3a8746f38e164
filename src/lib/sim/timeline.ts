/**
 * A lab run on a timeline the learner can scrub. The simulation is deterministic, so the state at
 * any moment is the one reached by replaying the run from its seed to that moment; to make seeking
 * fast the timeline keeps snapshots (clones of the engine) every few hundred actions and replays
 * only from the nearest one. While the run moves forward for the first time it also samples each
 * group's lag at a fixed virtual interval, for the lab's sparklines.
 *
 * The rule every function here keeps: the state after `seek(t)` equals the state a fresh run
 * reaches with `runUntil(t)`, whatever was played or sought before.
 */
import { createSim, internals, runUntil, type Sim, type SimEngine } from './engine.ts';
import type { SliceBudget } from './slices.ts';
import type { SimConfig } from './types.ts';

/** Actions replayed at most between two snapshots (roughly: the worst cost of a seek). */
export const SNAPSHOT_EVERY_ACTIONS = 400;

/** Virtual time between two lag samples, ms. */
export const SAMPLE_EVERY_MS = 10;

/** Actions run between two looks at the real-time clock in a sliced run. */
const STEPS_PER_CHECK = 100;

/** The engine at one moment: its state equals a fresh run's after `runUntil(at)`. */
interface Snapshot {
  readonly at: number;
  readonly engine: SimEngine;
}

/** A run with its snapshots and lag samples; drive it only through the functions below. */
export interface Timeline {
  /** The simulation at the current moment (replaced by a seek: read it again after one). */
  sim: Sim;
  /** The furthest virtual time the run has reached: the end of the scrubbable range. */
  furthest: number;
  /** Time of the run's last action once the run has been played to its end, else null. */
  endedAt: number | null;
  /** Snapshots in time order, the first at time 0. */
  readonly snapshots: Snapshot[];
  /** Times of the lag samples (multiples of SAMPLE_EVERY_MS), ascending. */
  readonly sampleAt: number[];
  /** Per group (configuration order), lag summed over its partitions at each sample time. */
  readonly lag: number[][];
  /** Actions run since the last snapshot was taken (counted only at or after its time). */
  sinceSnapshot: number;
}

/** A deep copy of engine state; class instances keep their prototype, the configuration is shared. */
function cloneValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value)) return (value as unknown as { slice(): unknown }).slice();
  if (Array.isArray(value)) return value.map(cloneValue);
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, cloneValue(v)]));
  if (value instanceof Set) return new Set(value);
  const out = Object.create(Object.getPrototypeOf(value) as object) as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) out[k] = k === 'config' ? v : cloneValue(v);
  return out;
}

/** An independent copy of a simulation at its current moment: running one does not move the other. */
export function cloneSim(sim: Sim): Sim {
  return cloneValue(internals(sim)) as SimEngine;
}

/** A new timeline at time 0 for a configuration and seed. */
export function createTimeline(config: SimConfig, seed: number): Timeline {
  const sim = createSim(config, seed);
  const engine = internals(sim);
  return {
    sim,
    furthest: 0,
    endedAt: null,
    snapshots: [{ at: 0, engine: cloneValue(engine) as SimEngine }],
    sampleAt: [],
    lag: engine.groups.map(() => []),
    sinceSnapshot: 0,
  };
}

/**
 * Records the lag samples due at or before `bound` (before it, unless `inclusive`) and, when
 * enough actions have run, a snapshot. Called only while nothing is left to run before `bound`,
 * so the state is the one at every moment in between.
 */
function record(tl: Timeline, s: SimEngine, bound: number, inclusive: boolean): void {
  const lastSample = tl.sampleAt.length === 0 ? -SAMPLE_EVERY_MS : tl.sampleAt.at(-1)!;
  // After the last action the lag stays as it is: no need to sample an idle clock.
  const stop = Math.min(bound, s.horizonMs, s.queue.size === 0 ? s.now : Infinity);
  for (let t = lastSample + SAMPLE_EVERY_MS; t < stop || (inclusive && t === stop); t += SAMPLE_EVERY_MS) {
    tl.sampleAt.push(t);
    s.groups.forEach((g, i) => tl.lag[i]!.push(g.lagTotal));
  }
  const last = tl.snapshots.at(-1)!;
  if (tl.sinceSnapshot >= SNAPSHOT_EVERY_ACTIONS && s.now > last.at && bound > s.now) {
    tl.snapshots.push({ at: s.now, engine: cloneValue(s) as SimEngine });
    tl.sinceSnapshot = 0;
  }
}

/**
 * Runs the next action if it is due at or before `limit`; false when none is. First it records the
 * samples due before that action (and a snapshot when one is due), as the state is theirs.
 */
function stepOne(tl: Timeline, s: SimEngine, limit: number): boolean {
  const next = s.queue.peekTime();
  if (next !== Infinity) record(tl, s, Math.min(next, limit), next > limit);
  if (next > limit) return false;
  s.step();
  if (s.now >= tl.snapshots.at(-1)!.at) tl.sinceSnapshot += 1;
  if (s.now > tl.furthest) tl.furthest = s.now;
  if (s.queue.size === 0 && tl.endedAt === null) tl.endedAt = s.now;
  return true;
}

/**
 * Plays the run forwards to virtual time `t`, within one slice of real time when a budget is given.
 * True when it got there (the clock then stands at `t`); false when the slice ran out first.
 */
export function playTo(tl: Timeline, t: number, budget?: SliceBudget): boolean {
  const s = internals(tl.sim);
  const end = budget ? budget.now() + budget.sliceMs : Infinity;
  for (;;) {
    for (let i = 0; i < STEPS_PER_CHECK; i += 1) {
      if (!stepOne(tl, s, t)) {
        record(tl, s, t, true);
        runUntil(s, t);
        if (s.now > tl.furthest) tl.furthest = s.now;
        return true;
      }
    }
    if (budget && budget.now() >= end) return false;
  }
}

/** Runs actions until one narrated step is recorded (or nothing is left); returns how many were. */
export function stepNarrated(tl: Timeline): number {
  const s = internals(tl.sim);
  const before = s.trCount;
  while (s.trCount === before && stepOne(tl, s, s.horizonMs));
  return s.trCount - before;
}

/**
 * Plays the run to its end (or its horizon) slice by slice, awaiting `pause()` between slices; the
 * clock stops at the last action. Resolves true when the run is over, false when `cancelled()`
 * said to stop at a pause.
 */
export async function playToEnd(tl: Timeline, budget: SliceBudget, pause: () => Promise<void>, cancelled: () => boolean): Promise<boolean> {
  const s = internals(tl.sim);
  for (;;) {
    const end = budget.now() + budget.sliceMs;
    let more = true;
    do for (let i = 0; i < STEPS_PER_CHECK && more; i += 1) more = stepOne(tl, s, s.horizonMs);
    while (more && budget.now() < end);
    if (!more) return true;
    await pause();
    if (cancelled()) return false;
  }
}

/**
 * The run at virtual time `t` (clamped to 0 … furthest reached): replayed from the latest
 * snapshot at or before `t`. Becomes the timeline's current simulation, which it returns.
 */
export function seek(tl: Timeline, t: number): Sim {
  const target = Math.max(0, Math.min(t, tl.furthest));
  let i = tl.snapshots.length - 1;
  while (i > 0 && tl.snapshots[i]!.at > target) i -= 1;
  const engine = cloneValue(tl.snapshots[i]!.engine) as SimEngine;
  tl.sim = engine;
  tl.sinceSnapshot = 0;
  while (stepOne(tl, engine, target));
  runUntil(engine, target);
  return engine;
}

/** One group's lag over time, reduced for a small chart, with the numbers a text summary needs. */
export interface LagSeries {
  /** Group name. */
  readonly group: string;
  /** Up to `points` values, each the highest lag within its stretch of time, up to now. */
  readonly values: readonly number[];
  /** Time span the values cover, ms (0 … this). */
  readonly spanMs: number;
  /** Highest lag so far. */
  readonly peak: number;
  /** When the peak was first reached, ms. */
  readonly peakAt: number;
  /** Lag now. */
  readonly now: number;
}

/** Each group's lag from time 0 to the current moment, at most `points` values per group. */
export function lagSeries(tl: Timeline, points = 60): LagSeries[] {
  const s = internals(tl.sim);
  let n = tl.sampleAt.length;
  while (n > 0 && tl.sampleAt[n - 1]! > s.now) n -= 1;
  const spanMs = n > 0 ? tl.sampleAt[n - 1]! : 0;
  return s.groups.map((g, gi) => {
    const lag = tl.lag[gi]!;
    let peak = 0;
    let peakAt = 0;
    for (let i = 0; i < n; i += 1) {
      if (lag[i]! > peak) {
        peak = lag[i]!;
        peakAt = tl.sampleAt[i]!;
      }
    }
    const buckets = Math.min(points, n);
    const values: number[] = [];
    for (let b = 0; b < buckets; b += 1) {
      let max = 0;
      for (let i = Math.floor((b * n) / buckets); i < Math.floor(((b + 1) * n) / buckets); i += 1) max = Math.max(max, lag[i]!);
      values.push(max);
    }
    return { group: g.name, values, spanMs, peak, peakAt, now: g.lagTotal };
  });
}
