/**
 * The shared rule of every lesson "Try it": the learner picks what they expect before running, and
 * the result is shown beside that prediction with a one-line reason.
 */

/** One answer a learner can predict. */
export interface Choice<Id extends string = string> {
  /** Stable id, compared with the actual outcome. */
  readonly id: Id;
  /** What the radio button says. */
  readonly label: string;
}

/** The prediction set against what happened. */
export interface Verdict {
  /** Whether the prediction matched. */
  readonly right: boolean;
  /** One line: right or not, naming both the prediction and the result. */
  readonly headline: string;
  /** Why the result is what it is, in one sentence. */
  readonly why: string;
}

/** The label of choice `id`; throws for an id not among `choices`, so a typo cannot pass silently. */
export function labelOf(choices: readonly Choice[], id: string): string {
  const found = choices.find((c) => c.id === id);
  if (!found) throw new Error(`Unknown choice "${id}"`);
  return found.label;
}

/** Compares the learner's `predicted` choice with the `actual` one and words the result. */
export function judge(choices: readonly Choice[], predicted: string, actual: string, why: string): Verdict {
  const right = predicted === actual;
  const headline = right
    ? `Your prediction was right: ${labelOf(choices, actual)}.`
    : `Not this time: you predicted “${labelOf(choices, predicted)}”; the result is “${labelOf(choices, actual)}”.`;
  return { right, headline, why };
}
