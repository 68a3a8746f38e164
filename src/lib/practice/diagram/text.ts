// PLACEHOLDER (replaced by the whiteboard branch): the signatures the practice island codes against.
import type { Diagram } from './model.ts';

/** One problem found while reading the text form, naming its 1-based line. */
export interface TextProblem {
  line: number;
  message: string;
}

/** The outcome of reading the text form: the diagram, or every problem with its line. */
export type ParseResult = { ok: true; diagram: Diagram } | { ok: false; problems: TextProblem[] };

/** Prints a diagram in the text form: one line per part, then one line per connection. */
export function printDiagram(diagram: Diagram): string {
  return JSON.stringify(diagram);
}

/** Reads the text form; `previous` keeps ids and positions of parts whose labels are unchanged. */
export function parseDiagram(text: string, previous?: Diagram): ParseResult {
  void text;
  return { ok: true, diagram: previous ?? { nodes: [], edges: [] } };
}
