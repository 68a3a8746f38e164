import type { PracticePrompt } from '../../schemas/practice.ts';
import { HINT_COST_POINTS, hintPenalty } from './hint-ladder.ts';

/** One rubric item as scoring needs it: its id and weight (1–5). */
export type RubricItem = Pick<PracticePrompt['rubric'][number], 'id' | 'weight'>;

/** The most a score can be. */
export const MAX_SCORE = 100;

/** The scoring rule as the learner reads it, next to the rubric. */
export const SCORING_RULE =
  `Your score is the share of the rubric's weight you ticked, out of ${MAX_SCORE} and rounded to a whole number, ` +
  `minus ${HINT_COST_POINTS} points for each hint you opened; it never goes below 0.`;

/** The rule for giving up, as the learner reads it next to the give-up button. */
export const GIVE_UP_RULE =
  'Giving up ends the attempt and opens the model answer. The attempt is kept with its time and hints but gets no score, so it never counts as your best.';

/** How a self-assessed attempt scores, and why. */
export interface ScoreBreakdown {
  /** Weight of the rubric items ticked. */
  readonly tickedWeight: number;
  /** Weight of the whole rubric. */
  readonly totalWeight: number;
  /** The ticked share of the rubric's weight, 0–100, rounded to a whole number. */
  readonly raw: number;
  /** Points taken off for hints (see `HINT_COST_RULE`). */
  readonly hintPenalty: number;
  /** The score: `raw − hintPenalty`, never below 0. */
  readonly final: number;
  /** The best score these hints still allowed: a full rubric minus the penalty, never below 0. */
  readonly maxPossible: number;
}

/**
 * Scores an attempt from the rubric items the learner ticked and the hints they opened. A ticked id
 * that is not in the rubric, or ticked twice, counts nothing extra (a rubric item counts once, by the
 * first item with its id); an empty rubric scores 0. Weights that are not positive count as 0.
 */
export function scoreAttempt(rubric: readonly RubricItem[], tickedIds: readonly string[], hintsUsed: number): ScoreBreakdown {
  const ticked = new Set(tickedIds);
  const seen = new Set<string>();
  let totalWeight = 0;
  let tickedWeight = 0;
  for (const item of rubric) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const weight = Number.isFinite(item.weight) && item.weight > 0 ? item.weight : 0;
    totalWeight += weight;
    if (ticked.has(item.id)) tickedWeight += weight;
  }
  const raw = totalWeight === 0 ? 0 : Math.round((tickedWeight / totalWeight) * MAX_SCORE);
  const penalty = hintPenalty(hintsUsed);
  return {
    tickedWeight,
    totalWeight,
    raw,
    hintPenalty: penalty,
    final: Math.max(0, raw - penalty),
    maxPossible: Math.max(0, MAX_SCORE - penalty),
  };
}
