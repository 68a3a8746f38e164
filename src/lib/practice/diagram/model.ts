// The whiteboard's diagram model: what a candidate draws in a practice attempt. Pure data, stored in
// progress and printed to / parsed from the text form (text.ts); zod/mini keeps it light in the browser.
import * as z from 'zod/mini';
import { DIAGRAM_LIMITS, EDGE_KINDS, NODE_KINDS } from './kinds.ts';

export {
  DIAGRAM_LIMITS,
  EDGE_ARROWS,
  EDGE_KINDS,
  EDGE_KIND_NAMES,
  NODE_KINDS,
  NODE_KIND_NAMES,
  type EdgeKind,
  type NodeKind,
} from './kinds.ts';

const nodeId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/));

/** One part on the whiteboard. Its label names it in the text form (unique, case-insensitive). */
export const diagramNodeSchema = z.strictObject({
  /** Stable id within the diagram (`n1`, `n2`…); edges refer to it. */
  id: nodeId,
  /** What the part is. */
  kind: z.enum(NODE_KINDS),
  /** Its name as the candidate wrote it ("Orders", "order-events"). */
  label: z.string().check(z.trim(), z.minLength(1), z.maxLength(DIAGRAM_LIMITS.labelLength)),
  /** Position on the canvas (layout.ts arranges parts that have none yet). */
  x: z.number().check(z.minimum(-1e6), z.maximum(1e6)),
  /** Position on the canvas. */
  y: z.number().check(z.minimum(-1e6), z.maximum(1e6)),
  /** Topics and retry topics: the partition count, when the candidate gave one. */
  partitions: z.optional(z.int().check(z.minimum(1), z.maximum(DIAGRAM_LIMITS.partitions))),
  /** Topics and retry topics: the field events are keyed by ("orderId"), when given. */
  key: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(DIAGRAM_LIMITS.keyLength))),
});
/** One part on the whiteboard. */
export type DiagramNode = z.infer<typeof diagramNodeSchema>;

/** One labelled connection between two parts. */
export const diagramEdgeSchema = z.strictObject({
  /** Stable id within the diagram (`e1`, `e2`…). */
  id: nodeId,
  /** Id of the part the connection starts at. */
  from: nodeId,
  /** Id of the part it ends at. */
  to: nodeId,
  /** Synchronous call, event/message or change data capture. */
  kind: z.enum(EDGE_KINDS),
  /** What travels along it ("OrderPlaced key=orderId", "POST /charges"); may be empty. */
  label: z.string().check(z.maxLength(DIAGRAM_LIMITS.edgeLabelLength)),
});
/** One connection. */
export type DiagramEdge = z.infer<typeof diagramEdgeSchema>;

/** A whole whiteboard. Every edge's ends must be parts of the same diagram (see `diagramProblems`). */
export const diagramSchema = z.strictObject({
  nodes: z.array(diagramNodeSchema).check(z.maxLength(DIAGRAM_LIMITS.nodes)),
  edges: z.array(diagramEdgeSchema).check(z.maxLength(DIAGRAM_LIMITS.edges)),
});
/** A whole whiteboard. */
export type Diagram = z.infer<typeof diagramSchema>;

/** An empty whiteboard. */
export const EMPTY_DIAGRAM: Diagram = { nodes: [], edges: [] };

/**
 * What is wrong with a diagram beyond its shape: duplicate ids, labels used twice (labels name parts
 * in the text form), edges whose ends are not in the diagram. Empty when the diagram is sound.
 */
export function diagramProblems(diagram: Diagram): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const labels = new Set<string>();
  for (const node of diagram.nodes) {
    if (ids.has(node.id)) problems.push(`part id "${node.id}" is used twice`);
    ids.add(node.id);
    const name = node.label.toLowerCase();
    if (labels.has(name)) problems.push(`two parts are named "${node.label}"`);
    labels.add(name);
  }
  const edgeIds = new Set<string>();
  for (const edge of diagram.edges) {
    if (edgeIds.has(edge.id)) problems.push(`connection id "${edge.id}" is used twice`);
    edgeIds.add(edge.id);
    if (!ids.has(edge.from)) problems.push(`connection "${edge.id}" starts at a missing part "${edge.from}"`);
    if (!ids.has(edge.to)) problems.push(`connection "${edge.id}" ends at a missing part "${edge.to}"`);
  }
  return problems;
}

/**
 * Which parts a structural check matches: every given condition must hold (an absent one matches
 * anything). Label and key conditions are lists of alternatives matched case-insensitively as
 * substrings, because candidates name parts freely ("Email worker", "email-sender").
 */
export const nodeMatchSchema = z.strictObject({
  /** The part is one of these kinds. */
  kind: z.optional(z.array(z.enum(NODE_KINDS)).check(z.minLength(1))),
  /** Its label contains one of these. */
  label: z.optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1))),
  /** Its partition key contains one of these (topics). */
  key: z.optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1))),
});
/** Which parts a check matches. */
export type NodeMatch = z.infer<typeof nodeMatchSchema>;

const edgeKinds = z.optional(z.array(z.enum(EDGE_KINDS)).check(z.minLength(1)));

/**
 * One structural rule a prompt's rubric declares about the candidate's diagram:
 * - `has`: at least `min` (default 1) parts match `node`;
 * - `path` / `no-path`: a directed path (of at least one connection) from a part matching `from` to a
 *   part matching `to` exists / does not exist, optionally only over connections of the `edges`
 *   kinds, and (for `path`) passing through a part matching `via`;
 * - `edge` / `no-edge`: a direct connection (of one of the `edges` kinds, if given) exists / does not.
 */
export const diagramRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('has'), node: nodeMatchSchema, min: z.optional(z.int().check(z.minimum(1))) }),
  z.strictObject({ kind: z.literal('path'), from: nodeMatchSchema, to: nodeMatchSchema, via: z.optional(nodeMatchSchema), edges: edgeKinds }),
  z.strictObject({ kind: z.literal('no-path'), from: nodeMatchSchema, to: nodeMatchSchema, edges: edgeKinds }),
  z.strictObject({ kind: z.literal('edge'), from: nodeMatchSchema, to: nodeMatchSchema, edges: edgeKinds }),
  z.strictObject({ kind: z.literal('no-edge'), from: nodeMatchSchema, to: nodeMatchSchema, edges: edgeKinds }),
]);
/** One structural rule about a diagram. */
export type DiagramRule = z.infer<typeof diagramRuleSchema>;
