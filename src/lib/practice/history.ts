import type { PracticeAttempt } from '../../schemas/progress.ts';

/**
 * The best score among a prompt's attempts, from the progress record; `undefined` until one is
 * scored. Attempts that were given up or never scored do not count (not even as 0).
 */
export function bestScore(attempts: readonly PracticeAttempt[]): number | undefined {
  let best: number | undefined;
  for (const { score } of attempts) {
    if (score !== undefined && Number.isFinite(score) && (best === undefined || score > best)) best = score;
  }
  return best;
}

/** Where a recorded attempt ended up: still going, over without a score (submitted or given up), or scored. */
export type HistoryState = 'in-progress' | 'unscored' | 'scored';

/** One line of a prompt's attempt history on the practice page. */
export interface HistoryRow {
  /** Attempt id, for keyed lists. */
  readonly id: string;
  /** When the attempt started (ISO), for a `<time datetime>` or local formatting. */
  readonly startedAt: string;
  /** The day it started, `YYYY-MM-DD` in UTC. */
  readonly date: string;
  /** Running time, in whole minutes, rounded to the nearest. */
  readonly minutesUsed: number;
  /** Hints opened. */
  readonly hintsUsed: number;
  /** The score, if the attempt was scored. */
  readonly score: number | undefined;
  /** Where the attempt ended up. */
  readonly state: HistoryState;
}

/** A prompt's attempts as history rows, newest first (ties by id, so the order is fixed). */
export function historyRows(attempts: readonly PracticeAttempt[]): HistoryRow[] {
  return [...attempts]
    .sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((attempt) => ({
      id: attempt.id,
      startedAt: attempt.startedAt,
      date: attempt.startedAt.slice(0, 10),
      minutesUsed: Math.round(attempt.elapsedMs / 60_000),
      hintsUsed: attempt.hintsUsed,
      score: attempt.score,
      state: attempt.score !== undefined ? 'scored' : attempt.submittedAt !== undefined ? 'unscored' : 'in-progress',
    }));
}
