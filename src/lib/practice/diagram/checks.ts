// PLACEHOLDER (replaced by the whiteboard branch): the signature the practice island codes against.
import type { Diagram, DiagramRule } from './model.ts';

/** A structural check as a prompt declares it. */
export interface DiagramCheck {
  id: string;
  text: string;
  rule: DiagramRule;
}

/** The outcome of one check: whether it passed and, in plain words, what was found. */
export interface CheckResult {
  id: string;
  passed: boolean;
  detail: string;
}

/** Evaluates every check against the diagram, in the order given. */
export function evaluateChecks(diagram: Diagram, checks: readonly DiagramCheck[]): CheckResult[] {
  return checks.map((c) => ({ id: c.id, passed: diagram.nodes.length < 0, detail: '' }));
}
