// A full check of a stored whiteboard diagram without zod. The diagram model's zod schema
// (diagram/model.ts) would pull zod features into the script every page shares, so data read from
// storage or an import is checked here, by plain code that a test holds to the same rules.
import type { Diagram, DiagramEdge, DiagramNode, EdgeKind, NodeKind } from './diagram/model.ts';

/** The part kinds a stored diagram may use (the same as NODE_KINDS; a test pins them equal). */
export const STORED_NODE_KINDS: readonly NodeKind[] = ['client', 'service', 'database', 'cache', 'topic', 'queue', 'consumer-group', 'outbox', 'relay', 'retry-topic', 'dlq', 'scheduler', 'provider'];
/** The connection kinds a stored diagram may use (the same as EDGE_KINDS). */
export const STORED_EDGE_KINDS: readonly EdgeKind[] = ['sync', 'event', 'cdc'];

const ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const onlyKeys = (v: Record<string, unknown>, keys: readonly string[]) => Object.keys(v).every((k) => keys.includes(k));
const coordinate = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 1e6;
const text = (v: unknown, min: number, max: number) => typeof v === 'string' && v.trim() === v && v.length >= min && v.length <= max;

function isNode(v: unknown): v is DiagramNode {
  if (!isObject(v) || !onlyKeys(v, ['id', 'kind', 'label', 'x', 'y', 'partitions', 'key'])) return false;
  const { id, kind, label, x, y, partitions, key } = v;
  return (
    typeof id === 'string' && ID.test(id) &&
    STORED_NODE_KINDS.includes(kind as NodeKind) &&
    text(label, 1, 40) && coordinate(x) && coordinate(y) &&
    (partitions === undefined || (Number.isInteger(partitions) && (partitions as number) >= 1 && (partitions as number) <= 100_000)) &&
    (key === undefined || text(key, 1, 40))
  );
}

function isEdge(v: unknown): v is DiagramEdge {
  if (!isObject(v) || !onlyKeys(v, ['id', 'from', 'to', 'kind', 'label'])) return false;
  const { id, from, to, kind, label } = v;
  return [id, from, to].every((x) => typeof x === 'string' && ID.test(x)) && STORED_EDGE_KINDS.includes(kind as EdgeKind) && typeof label === 'string' && label.length <= 80;
}

/**
 * What is wrong with a stored diagram, in words, or `undefined` when it is a sound diagram: every
 * part and connection well-formed, ids and labels used once, every connection between two parts.
 */
export function storedDiagramProblem(value: unknown): string | undefined {
  if (!isObject(value) || !onlyKeys(value, ['nodes', 'edges']) || !Array.isArray(value['nodes']) || !Array.isArray(value['edges'])) {
    return 'is not a diagram (a list of parts and a list of connections)';
  }
  const nodes: unknown[] = value['nodes'];
  const edges: unknown[] = value['edges'];
  if (nodes.length > 80 || edges.length > 200) return 'has more than 80 parts or 200 connections';
  const bad = nodes.findIndex((n) => !isNode(n));
  if (bad >= 0) return `part ${bad + 1} is not a valid part`;
  const badEdge = edges.findIndex((e) => !isEdge(e));
  if (badEdge >= 0) return `connection ${badEdge + 1} is not a valid connection`;
  const ids = new Set<string>();
  const labels = new Set<string>();
  for (const node of nodes as DiagramNode[]) {
    if (ids.has(node.id)) return `part id "${node.id}" is used twice`;
    if (labels.has(node.label.toLowerCase())) return `two parts are named "${node.label}"`;
    ids.add(node.id);
    labels.add(node.label.toLowerCase());
  }
  const edgeIds = new Set<string>();
  for (const edge of edges as DiagramEdge[]) {
    if (edgeIds.has(edge.id)) return `connection id "${edge.id}" is used twice`;
    edgeIds.add(edge.id);
    if (!ids.has(edge.from)) return `connection "${edge.id}" starts at a missing part "${edge.from}"`;
    if (!ids.has(edge.to)) return `connection "${edge.id}" ends at a missing part "${edge.to}"`;
  }
  return undefined;
}

/** `value` as a diagram when it is a sound one (see {@link storedDiagramProblem}), else `undefined`. */
export function asDiagram(value: unknown): Diagram | undefined {
  return storedDiagramProblem(value) === undefined ? (value as Diagram) : undefined;
}
