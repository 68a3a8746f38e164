// The interview clock: the candidate moves from phase to phase themselves ("Next phase"), and the
// time spent in each is recorded. Time is never read here; every function takes `now` (ms).
import type { AttemptClock } from '../../schemas/progress.ts';
import { ATTEMPT_PHASES } from '../../schemas/progress-constants.ts';

/** One interview phase. */
export type PhaseId = (typeof ATTEMPT_PHASES)[number];

/** One phase as the clock needs it: which phase and its suggested minutes. */
export interface TimerPhase {
  readonly id: PhaseId;
  readonly minutes: number;
}

const ms = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));

function stretch(since: number | undefined, now: number): number {
  return since !== undefined && Number.isFinite(since) && Number.isFinite(now) && now > since ? Math.floor(now - since) : 0;
}

/** Time spent in each phase at `now`, in milliseconds, counting the current phase's running stretch. */
export function phaseSpentMs(clock: AttemptClock, now: number): Record<PhaseId, number> {
  const out = { clarify: 0, 'high-level': 0, 'deep-dive': 0, 'wrap-up': 0 } satisfies Record<PhaseId, number>;
  for (const id of ATTEMPT_PHASES) out[id] = clock.spentMs[id] ?? 0;
  out[clock.phase] += stretch(ms(clock.since), now);
  return out;
}

/** All the time spent at `now`, in milliseconds. */
export function totalSpentMs(clock: AttemptClock, now: number): number {
  return Object.values(phaseSpentMs(clock, now)).reduce((a, b) => a + b, 0);
}

/** The suggested length of the whole interview: every phase's minutes, in milliseconds. */
export function plannedMs(phases: readonly TimerPhase[]): number {
  return phases.reduce((sum, p) => sum + (Number.isFinite(p.minutes) && p.minutes > 0 ? p.minutes * 60_000 : 0), 0);
}

/** Where the candidate stands in the current phase, for the clock's bar. */
export interface PhaseStatus {
  /** Index of the current phase. */
  readonly index: number;
  /** Time spent in it so far. */
  readonly spentMs: number;
  /** Its suggested length. */
  readonly plannedMs: number;
  /** Time left, 0 in overtime. */
  readonly remainingMs: number;
  /** Time past its suggested length, 0 while on time. */
  readonly overtimeMs: number;
  /** Share of the suggested length used, 0–1 (1 in overtime), for a progress bar. */
  readonly fraction: number;
}

/** The current phase's status at `now` against the prompt's suggested minutes. */
export function phaseStatus(clock: AttemptClock, phases: readonly TimerPhase[], now: number): PhaseStatus {
  const index = Math.max(0, ATTEMPT_PHASES.indexOf(clock.phase));
  const minutes = phases.find((p) => p.id === clock.phase)?.minutes ?? 0;
  const planned = Math.max(0, minutes * 60_000);
  const spent = phaseSpentMs(clock, now)[clock.phase];
  return {
    index,
    spentMs: spent,
    plannedMs: planned,
    remainingMs: Math.max(0, planned - spent),
    overtimeMs: Math.max(0, spent - planned),
    fraction: planned === 0 ? 1 : Math.min(1, spent / planned),
  };
}

/** A clock starting the first phase at `now` (an ISO time). */
export function startClock(nowIso: string): AttemptClock {
  return { at: nowIso, phase: 'clarify', spentMs: {}, since: nowIso };
}

function banked(clock: AttemptClock, nowMs: number): AttemptClock['spentMs'] {
  const spent = { ...clock.spentMs };
  const run = stretch(ms(clock.since), nowMs);
  if (run > 0 || spent[clock.phase] !== undefined) spent[clock.phase] = (spent[clock.phase] ?? 0) + run;
  return spent;
}

/**
 * The clock moved on to the next phase at `nowIso`: the current phase's running time is banked.
 * In the last phase, or once stopped, the same clock is returned (submitting ends the last phase).
 */
export function nextPhase(clock: AttemptClock, nowIso: string): AttemptClock {
  const index = ATTEMPT_PHASES.indexOf(clock.phase);
  const next = ATTEMPT_PHASES[index + 1];
  if (next === undefined || clock.since === undefined) return clock;
  return { at: nowIso, phase: next, spentMs: banked(clock, Date.parse(nowIso)), since: nowIso };
}

/** The clock stopped for good at `nowIso` (on submit): running time banked, no running stretch. */
export function stopClock(clock: AttemptClock, nowIso: string): AttemptClock {
  if (clock.since === undefined) return clock;
  return { at: nowIso, phase: clock.phase, spentMs: banked(clock, Date.parse(nowIso)) };
}

/** A duration as the clock shows it: `m:ss`, or `h:mm:ss` past an hour. */
export function formatClock(durationMs: number): string {
  const s = Math.max(0, Math.floor((Number.isFinite(durationMs) ? durationMs : 0) / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = `${String(s % 60).padStart(2, '0')}`;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
