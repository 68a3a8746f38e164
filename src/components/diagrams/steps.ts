/**
 * Layout for diagrams drawn as a column of steps joined by arrows (IdempotentConsumerDiagram,
 * OutboxDiagram): each step is a box whose height depends on whether it has a second line, placed
 * below the one before it. StepColumn.astro draws the result.
 */

/** One step as written in a diagram's data: its label, an optional second line, and how it is drawn. */
export interface StepInput {
  label: string;
  note?: string;
  /** How the box is drawn: a plain step, one that worked, one that failed, or one not yet done. */
  kind: 'step' | 'ok' | 'bad' | 'pending';
  /** Set the label in the monospace font, for SQL and code. */
  mono: boolean;
  /** Extra space above this step, e.g. to leave room for the edge of a frame around earlier steps. */
  gapBefore?: number;
}

/** A step placed on the panel: its top edge, its height, and where the arrow into it starts (null for the first). */
export type Step<S extends StepInput = StepInput> = S & { y: number; height: number; arrowFrom: number | null };

/** Lays steps out top to bottom from `top`, `gap` apart, each with an arrow from the one before. */
export function layoutSteps<S extends StepInput>(steps: readonly S[], top: number, gap: number): Step<S>[] {
  let y = top;
  let previousBottom: number | null = null;
  return steps.map((s) => {
    y += s.gapBefore ?? 0;
    const height = s.note ? 52 : 36;
    const placed: Step<S> = { ...s, y, height, arrowFrom: previousBottom };
    previousBottom = y + height;
    y += height + gap;
    return placed;
  });
}
