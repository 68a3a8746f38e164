// Hints per topic (requirements, API and events, delivery and idempotency, failure handling, scale),
// each a ladder from a nudge to a near-answer, so asking about one topic reveals nothing of another.

/** A hint as the ladder needs it: its id and what it costs. */
export interface LadderHint {
  readonly id: string;
  readonly cost: number;
}

/** One topic's hints, gentlest first. */
export interface Ladder<T extends LadderHint> {
  readonly topic: string;
  readonly hints: readonly T[];
}

/** The hints of a ladder already taken, in ladder order (rungs open strictly in order). */
export function takenRungs<T extends LadderHint>(ladder: Ladder<T>, taken: readonly string[]): T[] {
  const ids = new Set(taken);
  const out: T[] = [];
  for (const hint of ladder.hints) {
    if (!ids.has(hint.id)) break;
    out.push(hint);
  }
  return out;
}

/** The ladder's next rung (its cost is shown before it is taken), or `undefined` at the top. */
export function nextRung<T extends LadderHint>(ladder: Ladder<T>, taken: readonly string[]): T | undefined {
  return ladder.hints[takenRungs(ladder, taken).length];
}

/** The costs of every hint taken, across all ladders (an id no ladder has costs nothing). */
export function hintCosts(ladders: readonly Ladder<LadderHint>[], taken: readonly string[]): number[] {
  const ids = new Set(taken);
  return ladders.flatMap((ladder) => ladder.hints.filter((h) => ids.has(h.id)).map((h) => h.cost));
}

/** How each topic is named on screen. */
export const TOPIC_NAMES: Readonly<Record<string, string>> = {
  requirements: 'Requirements',
  'api-and-events': 'API and events',
  'delivery-and-idempotency': 'Delivery and idempotency',
  'failure-handling': 'Failure handling',
  scale: 'Scale',
};
