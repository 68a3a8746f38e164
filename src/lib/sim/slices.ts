/**
 * Running a simulation a slice at a time, so a page stays responsive: a slice runs actions until
 * its time budget is spent, and the caller gives the browser its turn before the next one. Slicing
 * never changes the outcome: the run ends in exactly the state `runUntil` / `runToEnd` reach.
 */
import { runSteps, runUntil, type Sim } from './engine.ts';

/** Actions run between two looks at the clock. */
const STEPS_PER_CHECK = 200;

/** A real-time budget: the clock to read (ms) and how long one slice may run. */
export interface SliceBudget {
  readonly now: () => number;
  readonly sliceMs: number;
}

/**
 * Runs what is due by virtual time `until` within one slice. True when it caught up (the virtual
 * clock then stands at `until`); false when the slice's time ran out first, leaving the clock behind
 * for the next call to catch up.
 */
export function runUntilInSlice(sim: Sim, until: number, budget: SliceBudget): boolean {
  const end = budget.now() + budget.sliceMs;
  let caughtUp: boolean;
  do caughtUp = runSteps(sim, STEPS_PER_CHECK, until);
  while (!caughtUp && budget.now() < end);
  if (caughtUp) runUntil(sim, until);
  return caughtUp;
}

/**
 * Runs the simulation to its end (or its horizon) slice by slice, awaiting `pause()` between slices.
 * Resolves true when the run is over, false when `cancelled()` said to stop at a pause.
 */
export async function runToEndInSlices(sim: Sim, budget: SliceBudget, pause: () => Promise<void>, cancelled: () => boolean): Promise<boolean> {
  for (;;) {
    const end = budget.now() + budget.sliceMs;
    let over: boolean;
    do over = runSteps(sim, STEPS_PER_CHECK);
    while (!over && budget.now() < end);
    if (over) return true;
    await pause();
    if (cancelled()) return false;
  }
}
