import type { PracticePrompt } from '../../schemas/practice.ts';
import { isDurationMs, isRecord, own } from './plain-data.ts';

/**
 * The interview clock: `idle` → `running` ⇄ `paused` → `finished`. Time is never read here; every
 * function that needs it takes `now`, a number of milliseconds from the caller's clock. Only running
 * time counts: `accumulatedMs` is the time run before the current stretch, `since` when it began.
 */
export type TimerState =
  /** Not started yet. */
  | { readonly status: 'idle' }
  /** Counting since `since`, on top of `accumulatedMs` from earlier stretches. */
  | { readonly status: 'running'; readonly accumulatedMs: number; readonly since: number }
  /** Stopped for a while; `accumulatedMs` is all the time run so far. */
  | { readonly status: 'paused'; readonly accumulatedMs: number }
  /** Over (submitted or given up); `accumulatedMs` is the final time. */
  | { readonly status: 'finished'; readonly accumulatedMs: number };

/** A timer that has not started. */
export const IDLE_TIMER: TimerState = { status: 'idle' };

/** One phase as the timer needs it: which phase and its suggested minutes. */
export type TimerPhase = Pick<PracticePrompt['phases'][number], 'id' | 'minutes'>;

/** Where an attempt stands in the prompt's phases at some elapsed time. */
export interface PhasePosition {
  /** Index of the current phase in the prompt's list (the last one once in overtime). */
  readonly phaseIndex: number;
  /** Id of the current phase. */
  readonly phaseId: TimerPhase['id'];
  /** Time spent in the current phase; past its length when in overtime. */
  readonly phaseElapsedMs: number;
  /** Time left in the current phase; 0 in overtime. */
  readonly phaseRemainingMs: number;
  /** True once every phase's minutes are used up: the attempt runs on in the last phase. */
  readonly overtime: boolean;
}

// A stretch of running time never counts negative, even if the clock went backwards.
function stretch(since: number, now: number): number {
  return Number.isFinite(now) && now > since ? now - since : 0;
}

/** Starts an idle timer at `now`. Any other state, or a `now` that is not a finite number, is returned unchanged. */
export function start(state: TimerState, now: number): TimerState {
  if (state.status !== 'idle' || !Number.isFinite(now)) return state;
  return { status: 'running', accumulatedMs: 0, since: now };
}

/** Pauses a running timer at `now`, banking the time since it last started. Any other state is returned unchanged. */
export function pause(state: TimerState, now: number): TimerState {
  if (state.status !== 'running') return state;
  return { status: 'paused', accumulatedMs: state.accumulatedMs + stretch(state.since, now) };
}

/** Resumes a paused timer at `now`. Any other state, or a `now` that is not a finite number, is returned unchanged. */
export function resume(state: TimerState, now: number): TimerState {
  if (state.status !== 'paused' || !Number.isFinite(now)) return state;
  return { status: 'running', accumulatedMs: state.accumulatedMs, since: now };
}

/**
 * Stops a running or paused timer for good at `now` (on submit or give-up). An idle or finished
 * timer is returned unchanged: there is nothing to finish.
 */
export function finish(state: TimerState, now: number): TimerState {
  if (state.status === 'running') return { status: 'finished', accumulatedMs: state.accumulatedMs + stretch(state.since, now) };
  if (state.status === 'paused') return { status: 'finished', accumulatedMs: state.accumulatedMs };
  return state;
}

/** Running time at `now`, in milliseconds: paused time never counts, and it never goes below 0. */
export function elapsed(state: TimerState, now: number): number {
  switch (state.status) {
    case 'idle':
      return 0;
    case 'running':
      return state.accumulatedMs + stretch(state.since, now);
    default:
      return state.accumulatedMs;
  }
}

function phaseLengthMs(phase: TimerPhase): number {
  return Number.isFinite(phase.minutes) && phase.minutes > 0 ? phase.minutes * 60_000 : 0;
}

/** The suggested length of the whole interview: every phase's minutes, in milliseconds. */
export function plannedMs(phases: readonly TimerPhase[]): number {
  return phases.reduce((sum, phase) => sum + phaseLengthMs(phase), 0);
}

/**
 * The phase an attempt is in after `elapsedMs` of running time. Phases follow one another in list
 * order; a phase starts the moment the one before it ends, so at exactly 5:00 of a 5-minute first
 * phase the second phase has begun. Once every phase has run out the attempt stays in the last
 * phase, in overtime. `undefined` only for an empty list of phases.
 */
export function phaseAt(phases: readonly TimerPhase[], elapsedMs: number): PhasePosition | undefined {
  const at = Number.isFinite(elapsedMs) && elapsedMs > 0 ? elapsedMs : 0;
  let startMs = 0;
  for (const [phaseIndex, phase] of phases.entries()) {
    const endMs = startMs + phaseLengthMs(phase);
    if (at < endMs) {
      return { phaseIndex, phaseId: phase.id, phaseElapsedMs: at - startMs, phaseRemainingMs: endMs - at, overtime: false };
    }
    startMs = endMs;
  }
  const lastIndex = phases.length - 1;
  const last = phases[lastIndex];
  if (last === undefined) return undefined;
  const lastStartMs = startMs - phaseLengthMs(last);
  return { phaseIndex: lastIndex, phaseId: last.id, phaseElapsedMs: at - lastStartMs, phaseRemainingMs: 0, overtime: true };
}

/**
 * The new position when the phase changed between two elapsed times, for announcing it: a new
 * phase began, or the time ran out (overtime started). `undefined` when nothing changed. If several
 * phases passed at once (say the tab slept), only where the attempt ended up is reported.
 */
export function phaseChangedBetween(phases: readonly TimerPhase[], beforeMs: number, afterMs: number): PhasePosition | undefined {
  const before = phaseAt(phases, beforeMs);
  const after = phaseAt(phases, afterMs);
  if (before === undefined || after === undefined) return undefined;
  return before.phaseIndex !== after.phaseIndex || before.overtime !== after.overtime ? after : undefined;
}

/** A timer as plain JSON-safe data, for keeping across a reload (see {@link restoreTimer}). */
export function serializeTimer(state: TimerState): TimerState {
  switch (state.status) {
    case 'idle':
      return { status: 'idle' };
    case 'running':
      return { status: 'running', accumulatedMs: state.accumulatedMs, since: state.since };
    default:
      return { status: state.status, accumulatedMs: state.accumulatedMs };
  }
}

/**
 * A timer read back from {@link serializeTimer}'s data, or `undefined` when the data is not a timer
 * (never throws). A running timer keeps counting wall-clock time from `since`, so the time the page
 * was closed or reloading counts as interview time, as it would in a real interview: pause first to
 * step away. Only if `since` lies after `now` (the clock went backwards, or the data is bad) does it
 * count from `now` instead, so it can never be stuck. A paused or finished timer is kept as it was.
 */
export function restoreTimer(json: unknown, now: number): TimerState | undefined {
  if (!isRecord(json)) return undefined;
  const status = own(json, 'status');
  if (status === 'idle') return IDLE_TIMER;
  const accumulatedMs = own(json, 'accumulatedMs');
  if (!isDurationMs(accumulatedMs)) return undefined;
  if (status === 'paused' || status === 'finished') return { status, accumulatedMs };
  if (status !== 'running') return undefined;
  const since = own(json, 'since');
  if (typeof since !== 'number' || !Number.isFinite(since)) return undefined;
  return { status, accumulatedMs, since: Number.isFinite(now) && since > now ? now : since };
}
