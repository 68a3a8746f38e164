import type { PracticeAttempt, ProgressData } from '../../schemas/progress.ts';
import { readEntry } from '../progress/model.ts';
import { attemptStage, type AttemptStage } from './attempt.ts';

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
  /** Its stage (interview phase, submitted, graded, regraded). */
  readonly stage: AttemptStage;
  /** The first grading's score and the latest's, when it was re-graded. */
  readonly firstScore: number | undefined;
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
      stage: attemptStage(attempt),
      firstScore: attempt.grades?.[0]?.score,
    }));
}

/** Two attempts' scores side by side. */
export interface ScoreComparison {
  /** The earlier attempt's score and the later one's (undefined when not graded). */
  readonly earlier: number | undefined;
  readonly later: number | undefined;
  /** Later minus earlier, when both are graded. */
  readonly change: number | undefined;
  /** The change in words ("+12 points", "no change", "−5 points"). */
  readonly summary: string;
}

/** Compares two attempts' scores, ordered by when they started. */
export function compareScores(a: PracticeAttempt, b: PracticeAttempt): ScoreComparison {
  const [earlier, later] = a.startedAt <= b.startedAt ? [a, b] : [b, a];
  const change = earlier.score !== undefined && later.score !== undefined ? later.score - earlier.score : undefined;
  const summary =
    change === undefined ? 'Not both graded yet' : change === 0 ? 'No change' : `${change > 0 ? '+' : '−'}${Math.abs(change)} points`;
  return { earlier: earlier.score, later: later.score, change, summary };
}

/**
 * A prompt's attempts, including those saved under the ids it had before (`formerIds`), oldest
 * first: a prompt that is renamed keeps its history.
 */
export function promptAttempts(state: ProgressData, promptId: string, formerIds: readonly string[] = []): PracticeAttempt[] {
  const all = [promptId, ...formerIds].flatMap((id) => readEntry(state.practice, id)?.attempts ?? []);
  return all.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
}
