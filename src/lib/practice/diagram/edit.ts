// Editing a whiteboard: pure operations that return the next diagram and a sentence to announce (or
// why the edit was refused), and a bounded history of diagrams for undo and redo.
import { DIAGRAM_LIMITS, EDGE_KIND_NAMES, NODE_KIND_NAMES, type EdgeKind, type NodeKind } from './kinds.ts';
import type { Diagram, DiagramEdge, DiagramNode } from './model.ts';
import { NODE_HEIGHT, NODE_WIDTH, overlaps } from './layout.ts';
import { LOG_KINDS, edgeLabelProblem, keyProblem, labelProblem, partitionsProblem } from './text.ts';

/** An edit's outcome: the next diagram and what to announce, or why nothing changed. */
export type EditResult = { ok: true; diagram: Diagram; message: string } | { ok: false; message: string };

const refuse = (message: string): EditResult => ({ ok: false, message });
const done = (diagram: Diagram, message: string): EditResult => ({ ok: true, diagram, message });

/** What a new part of each kind is called before the candidate renames it ("Topic 2"). */
export const NEW_PART_NAMES: Readonly<Record<NodeKind, string>> = {
  client: 'Client',
  service: 'Service',
  database: 'Database',
  cache: 'Cache',
  topic: 'Topic',
  queue: 'Queue',
  'consumer-group': 'Consumer group',
  outbox: 'Outbox',
  relay: 'Relay',
  'retry-topic': 'Retry topic',
  dlq: 'DLQ',
  scheduler: 'Scheduler',
  provider: 'Provider',
};

const kindWord = (kind: NodeKind) => NODE_KIND_NAMES[kind].toLowerCase();

function nextId(prefix: string, used: readonly { id: string }[]): string {
  const taken = new Set(used.map((x) => x.id));
  let n = used.length + 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

function labelTaken(diagram: Diagram, label: string, except?: string): boolean {
  const name = label.trim().toLowerCase();
  return diagram.nodes.some((n) => n.id !== except && n.label.toLowerCase() === name);
}

/** A free spot for a new part: the first grid cell, row by row, that overlaps no part. */
function freeSpot(diagram: Diagram): { x: number; y: number } {
  for (let i = 0; ; i++) {
    const spot = { x: (i % 4) * (NODE_WIDTH + 40), y: Math.floor(i / 4) * (NODE_HEIGHT + 40) };
    if (!diagram.nodes.some((n) => overlaps(n, spot))) return spot;
  }
}

/** Adds a part of a kind with a fresh name ("Topic 2") at `at`, or at a free spot. */
export function addPart(diagram: Diagram, kind: NodeKind, at?: { x: number; y: number }): EditResult {
  if (diagram.nodes.length >= DIAGRAM_LIMITS.nodes) return refuse(`A whiteboard holds at most ${DIAGRAM_LIMITS.nodes} parts.`);
  let n = 1;
  while (labelTaken(diagram, `${NEW_PART_NAMES[kind]} ${n}`)) n++;
  const label = `${NEW_PART_NAMES[kind]} ${n}`;
  const node: DiagramNode = { id: nextId('n', diagram.nodes), kind, label, ...(at ?? freeSpot(diagram)) };
  return done({ ...diagram, nodes: [...diagram.nodes, node] }, `Added ${kindWord(kind)} '${label}'.`);
}

function findPart(diagram: Diagram, id: string): DiagramNode | undefined {
  return diagram.nodes.find((n) => n.id === id);
}

const replacePart = (diagram: Diagram, node: DiagramNode): Diagram => ({
  ...diagram,
  nodes: diagram.nodes.map((n) => (n.id === node.id ? node : n)),
});

/** Renames a part; refuses names the text form cannot carry and names another part already has. */
export function renamePart(diagram: Diagram, id: string, label: string): EditResult {
  const node = findPart(diagram, id);
  if (!node) return refuse('That part is no longer on the whiteboard.');
  const name = label.trim();
  const problem = labelProblem(name);
  if (problem) return refuse(`Not renamed: ${problem}.`);
  if (labelTaken(diagram, name, id)) return refuse(`Not renamed: another part is already called "${name}".`);
  if (name === node.label) return refuse(`The part is already called "${name}".`);
  return done(replacePart(diagram, { ...node, label: name }), `Renamed '${node.label}' to '${name}'.`);
}

/** Moves a part to a position on the canvas. */
export function movePart(diagram: Diagram, id: string, x: number, y: number): EditResult {
  const node = findPart(diagram, id);
  if (!node) return refuse('That part is no longer on the whiteboard.');
  const clamp = (v: number) => Math.round(Math.min(1e6, Math.max(-1e6, v)));
  return done(replacePart(diagram, { ...node, x: clamp(x), y: clamp(y) }), `Moved '${node.label}'.`);
}

/** Deletes a part and every connection to or from it. */
export function deletePart(diagram: Diagram, id: string): EditResult {
  const node = findPart(diagram, id);
  if (!node) return refuse('That part is no longer on the whiteboard.');
  const edges = diagram.edges.filter((e) => e.from !== id && e.to !== id);
  const dropped = diagram.edges.length - edges.length;
  const also = dropped === 0 ? '' : ` and its ${dropped} connection${dropped === 1 ? '' : 's'}`;
  return done({ nodes: diagram.nodes.filter((n) => n.id !== id), edges }, `Deleted ${kindWord(node.kind)} '${node.label}'${also}.`);
}

/** Connects two parts with a connection of a kind and an optional label. */
export function connect(diagram: Diagram, from: string, to: string, kind: EdgeKind, label = ''): EditResult {
  const a = findPart(diagram, from);
  const b = findPart(diagram, to);
  if (!a || !b) return refuse('Pick two parts on the whiteboard to connect.');
  if (diagram.edges.length >= DIAGRAM_LIMITS.edges) return refuse(`A whiteboard holds at most ${DIAGRAM_LIMITS.edges} connections.`);
  const problem = edgeLabelProblem(label);
  if (problem) return refuse(`Not connected: ${problem}.`);
  const edge: DiagramEdge = { id: nextId('e', diagram.edges), from, to, kind, label: label.trim() };
  return done({ ...diagram, edges: [...diagram.edges, edge] }, `Connected ${a.label} to ${b.label} (${EDGE_KIND_NAMES[kind]}).`);
}

/** Changes a connection's kind and/or label. */
export function updateConnection(diagram: Diagram, id: string, change: { kind?: EdgeKind; label?: string }): EditResult {
  const edge = diagram.edges.find((e) => e.id === id);
  if (!edge) return refuse('That connection is no longer on the whiteboard.');
  const label = change.label === undefined ? edge.label : change.label.trim();
  const problem = edgeLabelProblem(label);
  if (problem) return refuse(`Not changed: ${problem}.`);
  const next = { ...edge, kind: change.kind ?? edge.kind, label };
  if (next.kind === edge.kind && next.label === edge.label) return refuse('The connection is unchanged.');
  return done(
    { ...diagram, edges: diagram.edges.map((e) => (e.id === id ? next : e)) },
    `Connection ${connectionName(diagram, next)} is now a ${EDGE_KIND_NAMES[next.kind]}${label ? ` labelled '${label}'` : ''}.`,
  );
}

/** A connection in words: "Orders → order-events". */
export function connectionName(diagram: Diagram, edge: DiagramEdge): string {
  return `${findPart(diagram, edge.from)?.label ?? edge.from} → ${findPart(diagram, edge.to)?.label ?? edge.to}`;
}

/** Deletes a connection. */
export function deleteConnection(diagram: Diagram, id: string): EditResult {
  const edge = diagram.edges.find((e) => e.id === id);
  if (!edge) return refuse('That connection is no longer on the whiteboard.');
  return done({ ...diagram, edges: diagram.edges.filter((e) => e.id !== id) }, `Deleted connection ${connectionName(diagram, edge)}.`);
}

/** Sets or clears (undefined) a topic's partition count and key. Only topics and retry topics take them. */
export function setTopicAttributes(diagram: Diagram, id: string, attributes: { partitions: number | undefined; key: string | undefined }): EditResult {
  const node = findPart(diagram, id);
  if (!node) return refuse('That part is no longer on the whiteboard.');
  if (!LOG_KINDS.includes(node.kind)) return refuse('Only a topic or a retry topic has partitions and a key.');
  const key = attributes.key?.trim() || undefined;
  const problem = (attributes.partitions === undefined ? undefined : partitionsProblem(attributes.partitions)) ?? (key === undefined ? undefined : keyProblem(key));
  if (problem) return refuse(`Not changed: ${problem}.`);
  const next: DiagramNode = { id: node.id, kind: node.kind, label: node.label, x: node.x, y: node.y, ...(attributes.partitions === undefined ? {} : { partitions: attributes.partitions }), ...(key === undefined ? {} : { key }) };
  const words = [next.partitions === undefined ? 'no partition count' : `${next.partitions} partitions`, next.key === undefined ? 'no key' : `key ${next.key}`];
  return done(replacePart(diagram, next), `Topic '${node.label}' now has ${words.join(' and ')}.`);
}

/** Past and future diagrams around the present one, for undo and redo. */
export interface History {
  past: readonly Diagram[];
  present: Diagram;
  future: readonly Diagram[];
}

/** How many steps back undo can go. */
export const HISTORY_LIMIT = 100;

/** A history that starts at a diagram. */
export function startHistory(diagram: Diagram): History {
  return { past: [], present: diagram, future: [] };
}

/** Records a new present (dropping the oldest step beyond the limit and anything that could be redone). */
export function record(history: History, diagram: Diagram): History {
  if (diagram === history.present) return history;
  return { past: [...history.past, history.present].slice(-HISTORY_LIMIT), present: diagram, future: [] };
}

/** Steps back one edit (unchanged when there is nothing to undo). */
export function undo(history: History): History {
  const previous = history.past[history.past.length - 1];
  return previous ? { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] } : history;
}

/** Steps forward one undone edit (unchanged when there is nothing to redo). */
export function redo(history: History): History {
  const [next, ...rest] = history.future;
  return next ? { past: [...history.past, history.present], present: next, future: rest } : history;
}
