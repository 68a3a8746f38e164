/** Points taken off the score (out of 100) for each hint opened. Flat: every hint costs the same. */
export const HINT_COST_POINTS = 5;

/** The hint cost rule as the learner reads it, next to the hints. */
export const HINT_COST_RULE = `Each hint you open costs ${HINT_COST_POINTS} points of the 100 available, and your score never goes below 0.`;

/** Points taken off for `hintsUsed` hints; a count that is not a whole number of at least 0 costs nothing. */
export function hintPenalty(hintsUsed: number): number {
  return Number.isSafeInteger(hintsUsed) && hintsUsed > 0 ? hintsUsed * HINT_COST_POINTS : 0;
}

/**
 * A prompt's hints, gentle to specific, and how many of them are open. Hints open strictly in
 * order, one at a time, so the open ones are always the first `shown`.
 */
export interface HintLadder<T> {
  /** Every hint of the prompt, in the order they open. */
  readonly hints: readonly T[];
  /** How many are open, from 0 to `hints.length`. */
  readonly shown: number;
}

/**
 * A ladder over `hints` with the first `shown` open (say, as many as an attempt has used). A count
 * below 0, past the end or not a whole number is pulled to the nearest count the ladder can have.
 */
export function hintLadder<T>(hints: readonly T[], shown = 0): HintLadder<T> {
  const whole = Number.isFinite(shown) ? Math.floor(shown) : 0;
  return { hints, shown: Math.min(Math.max(whole, 0), hints.length) };
}

/** The ladder with the next hint open. At the end of the ladder the same ladder is returned. */
export function revealNext<T>(ladder: HintLadder<T>): HintLadder<T> {
  return ladder.shown >= ladder.hints.length ? ladder : { hints: ladder.hints, shown: ladder.shown + 1 };
}

/** The open hints, in order. */
export function revealed<T>(ladder: HintLadder<T>): readonly T[] {
  return ladder.hints.slice(0, ladder.shown);
}

/** How many hints are still closed. */
export function remaining<T>(ladder: HintLadder<T>): number {
  return ladder.hints.length - ladder.shown;
}
