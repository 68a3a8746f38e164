// The whiteboard's text form: one line per part, then one line per connection. A screen-reader user
// can write the whole diagram here, and it round-trips with the canvas (print, then parse, gives the
// same diagram; parsing keeps the ids and positions of parts whose names did not change).
import { DIAGRAM_LIMITS, EDGE_ARROWS, EDGE_KINDS, NODE_KINDS, type EdgeKind, type NodeKind } from './kinds.ts';
import type { Diagram, DiagramEdge, DiagramNode } from './model.ts';
import { placeNewParts } from './layout.ts';

/** One problem found while reading the text form, naming its 1-based line. */
export interface TextProblem {
  line: number;
  message: string;
}

/** The outcome of reading the text form: the diagram, or every problem with its line. */
export type ParseResult = { ok: true; diagram: Diagram } | { ok: false; problems: TextProblem[] };

/** Kinds whose parts may carry `partitions=` and `key=`. */
export const LOG_KINDS: readonly NodeKind[] = ['topic', 'retry-topic'];

// Arrows (`->`, `=>`, `~>`) are covered by `>` and `=`; `<` is kept out so a wrong arrow is never a name.
const FORBIDDEN_IN_LABEL = ['>', '<', ':', '#', '='] as const;

/**
 * Why a part name cannot be used, in words, or undefined when it can: 1–40 characters once trimmed,
 * none of `->`, `=>`, `~>` (nor `<` or `>`), `:`, `#`, `=` or a line break (they structure the text form).
 */
export function labelProblem(label: string): string | undefined {
  const name = label.trim();
  if (name.length === 0) return 'a part needs a name';
  if (/[\r\n]/.test(name)) return 'a part name must fit on one line';
  if (name.length > DIAGRAM_LIMITS.labelLength) {
    return `the name "${name}" is ${name.length} characters long; keep it to ${DIAGRAM_LIMITS.labelLength}`;
  }
  const bad = FORBIDDEN_IN_LABEL.find((token) => name.includes(token));
  return bad ? `a part name cannot contain "${bad}" — write it without, e.g. "${name.split(bad).join(' ').replace(/\s+/g, ' ').trim() || 'Orders'}"` : undefined;
}

/** Why a connection label cannot be used, or undefined: at most 80 characters on one line. */
export function edgeLabelProblem(label: string): string | undefined {
  if (/[\r\n]/.test(label)) return 'a connection label must fit on one line';
  const text = label.trim();
  return text.length > DIAGRAM_LIMITS.edgeLabelLength
    ? `the connection label is ${text.length} characters long; keep it to ${DIAGRAM_LIMITS.edgeLabelLength}`
    : undefined;
}

/** Why a partition-key field cannot be used, or undefined: 1–40 characters, no spaces, no `=`, `:`, `#`. */
export function keyProblem(key: string): string | undefined {
  if (key.length === 0) return 'write the key field after "key=", e.g. "key=orderId"';
  if (key.length > DIAGRAM_LIMITS.keyLength) return `the key "${key}" is longer than ${DIAGRAM_LIMITS.keyLength} characters`;
  if (/[\s=:#]/.test(key)) return `a key is one field name without spaces, "=", ":" or "#", e.g. "key=orderId"`;
  return undefined;
}

/** Why a partition count cannot be used, or undefined: a whole number from 1 to 100,000. */
export function partitionsProblem(partitions: number): string | undefined {
  return Number.isInteger(partitions) && partitions >= 1 && partitions <= DIAGRAM_LIMITS.partitions
    ? undefined
    : `partitions must be a whole number from 1 to ${DIAGRAM_LIMITS.partitions}, e.g. "partitions=12"`;
}

/** One part as a line of the text form. */
export function printPart(node: DiagramNode): string {
  const attributes = [
    node.partitions === undefined ? '' : ` partitions=${node.partitions}`,
    node.key === undefined ? '' : ` key=${node.key}`,
  ];
  return `${node.kind} ${node.label}${attributes.join('')}`;
}

/** Prints a diagram in the text form: one line per part, a blank line, then one line per connection. */
export function printDiagram(diagram: Diagram): string {
  const labels = new Map(diagram.nodes.map((n) => [n.id, n.label]));
  const parts = diagram.nodes.map(printPart);
  const connections = diagram.edges.map((e) => {
    const head = `${labels.get(e.from) ?? e.from} ${EDGE_ARROWS[e.kind]} ${labels.get(e.to) ?? e.to}`;
    return e.label === '' ? head : `${head}: ${e.label}`;
  });
  return connections.length === 0 ? parts.join('\n') : [...parts, '', ...connections].join('\n');
}

type PartLine = { line: number; kind: NodeKind; label: string; partitions?: number; key?: string };
type ConnectionLine = { line: number; from: string; to: string; kind: EdgeKind; label: string };

const ARROW_KIND = new Map<string, EdgeKind>(EDGE_KINDS.map((k) => [EDGE_ARROWS[k], k]));
const ARROW_PATTERN = /->|=>|~>/g;
const BAD_ARROW = (line: number): TextProblem => ({
  line,
  message: `line ${line}: that arrow is not one the whiteboard knows — write "->" (event), "=>" (synchronous call) or "~>" (change data capture)`,
});
const KIND_LIST = NODE_KINDS.join(', ');

function readPart(line: number, kind: NodeKind, rest: string): PartLine | TextProblem {
  const tokens = [...rest.matchAll(/\S+/g)];
  const firstAttribute = tokens.findIndex((t) => t[0].includes('='));
  const labelEnd = firstAttribute === -1 ? rest.length : (tokens[firstAttribute]?.index ?? rest.length);
  const label = rest.slice(0, labelEnd).trim();
  if (label === '') return { line, message: `line ${line}: the ${kind} needs a name after "${kind}", e.g. "${kind} ${example(kind)}"` };
  const bad = labelProblem(label);
  if (bad) return { line, message: `line ${line}: ${bad}` };
  const part: PartLine = { line, kind, label };
  for (const token of firstAttribute === -1 ? [] : tokens.slice(firstAttribute).map((t) => t[0])) {
    const [name = '', ...values] = token.split('=');
    const value = values.join('=');
    if (!token.includes('=')) {
      return { line, message: `line ${line}: "${token}" comes after the attributes — put the whole name first, then "partitions=…" and "key=…"` };
    }
    if (name !== 'partitions' && name !== 'key') {
      return { line, message: `line ${line}: "${token}" is not an attribute — a topic takes "partitions=<number>" and "key=<field>"` };
    }
    if (!LOG_KINDS.includes(kind)) {
      return { line, message: `line ${line}: only a topic or retry topic takes "${name}=" — remove it, or write "topic ${label} ${token}"` };
    }
    if (part[name] !== undefined) return { line, message: `line ${line}: "${name}=" is given twice — keep one` };
    if (name === 'partitions') {
      const count = /^\d+$/.test(value) ? Number(value) : NaN;
      const problem = partitionsProblem(count);
      if (problem) return { line, message: `line ${line}: ${problem}` };
      part.partitions = count;
    } else {
      const problem = keyProblem(value);
      if (problem) return { line, message: `line ${line}: ${problem}` };
      part.key = value;
    }
  }
  return part;
}

function example(kind: NodeKind): string {
  return kind === 'topic' ? 'order-events' : kind === 'database' ? 'Orders DB' : 'Orders';
}

function readConnection(line: number, text: string): ConnectionLine | TextProblem {
  const colon = text.indexOf(':');
  const head = colon === -1 ? text : text.slice(0, colon);
  const label = colon === -1 ? '' : text.slice(colon + 1).trim();
  const arrows = [...head.matchAll(ARROW_PATTERN)];
  if (arrows.length !== 1) {
    return { line, message: `line ${line}: a connection has exactly one arrow between two part names, e.g. "Orders -> order-events"` };
  }
  const arrow = arrows[0];
  if (!arrow || arrow.index === undefined) return { line, message: `line ${line}: missing arrow` };
  const from = head.slice(0, arrow.index).trim();
  const to = head.slice(arrow.index + 2).trim();
  if (from === '' || to === '') {
    return { line, message: `line ${line}: write a part name on both sides of "${arrow[0]}", e.g. "Orders ${arrow[0]} order-events"` };
  }
  const problem = edgeLabelProblem(label);
  if (problem) return { line, message: `line ${line}: ${problem}` };
  return { line, from, to, kind: ARROW_KIND.get(arrow[0]) ?? 'event', label };
}

function readLine(line: number, text: string): PartLine | ConnectionLine | TextProblem {
  const head = text.split(':')[0] ?? '';
  if (/[<>→⇒]/.test(head)) {
    const arrows = head.match(ARROW_PATTERN) ?? [];
    const malformed = arrows.length === 0 || /[-=~<][-=~]>|[-=~]>>/.test(head) || /[<>→⇒]/.test(head.replace(ARROW_PATTERN, ''));
    return malformed ? BAD_ARROW(line) : readConnection(line, text);
  }
  const [word = ''] = text.split(/\s/, 1);
  const kind = NODE_KINDS.find((k) => k === word.toLowerCase());
  if (kind) return readPart(line, kind, text.slice(word.length));
  if (/(^|\s)[-=~](\s|$)/.test(head)) return BAD_ARROW(line);
  return {
    line,
    message: `line ${line}: "${word}" is not a kind of part — start the line with one of ${KIND_LIST} (e.g. "service ${word}"), or connect two parts with "->", "=>" or "~>"`,
  };
}

const isProblem = (x: PartLine | ConnectionLine | TextProblem): x is TextProblem => 'message' in x;

/** The next free `<prefix><n>` id after those already used. */
function freshIds(prefix: string, used: Iterable<string>): () => string {
  let next = 1;
  for (const id of used) {
    const n = id.startsWith(prefix) ? Number(id.slice(prefix.length)) : NaN;
    if (Number.isInteger(n) && n >= next) next = n + 1;
  }
  return () => `${prefix}${next++}`;
}

/**
 * Reads the text form. Every bad line gets a message naming its line and what to write instead.
 * `previous` keeps the ids and positions of parts whose names are unchanged (case aside) and the ids of
 * connections between the same parts; layout places new parts.
 */
export function parseDiagram(text: string, previous?: Diagram): ParseResult {
  const problems: TextProblem[] = [];
  const parts: PartLine[] = [];
  const connections: ConnectionLine[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim();
    if (content === '' || content.startsWith('#')) return;
    const read = readLine(line, content);
    if (isProblem(read)) problems.push(read);
    else if ('from' in read) connections.push(read);
    else parts.push(read);
  });

  const byName = new Map<string, PartLine>();
  for (const part of parts) {
    const name = part.label.toLowerCase();
    const first = byName.get(name);
    if (first) problems.push({ line: part.line, message: `line ${part.line}: "${part.label}" is already declared on line ${first.line} — give this part another name, e.g. "${part.label} 2"` });
    else byName.set(name, part);
    if (byName.size === DIAGRAM_LIMITS.nodes + 1 && !first) {
      problems.push({ line: part.line, message: `line ${part.line}: a whiteboard holds at most ${DIAGRAM_LIMITS.nodes} parts — merge or remove some` });
    }
  }
  connections.forEach((c, index) => {
    for (const end of [c.from, c.to]) {
      if (!byName.has(end.toLowerCase())) {
        problems.push({ line: c.line, message: `line ${c.line}: no part is named "${end}" — declare it first, e.g. "service ${end}"` });
      }
    }
    if (index === DIAGRAM_LIMITS.edges) {
      problems.push({ line: c.line, message: `line ${c.line}: a whiteboard holds at most ${DIAGRAM_LIMITS.edges} connections — remove some` });
    }
  });
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };

  const kept = new Map((previous?.nodes ?? []).map((n) => [n.label.toLowerCase(), n]));
  const nodeId = freshIds('n', previous?.nodes.map((n) => n.id) ?? []);
  const keptIds = new Set<string>();
  const nodes: DiagramNode[] = parts.map((p) => {
    const old = kept.get(p.label.toLowerCase());
    if (old) keptIds.add(old.id);
    const node: DiagramNode = { id: old?.id ?? nodeId(), kind: p.kind, label: p.label, x: old?.x ?? 0, y: old?.y ?? 0 };
    if (p.partitions !== undefined) node.partitions = p.partitions;
    if (p.key !== undefined) node.key = p.key;
    return node;
  });
  const idOf = new Map(nodes.map((n) => [n.label.toLowerCase(), n.id]));
  const oldEdges = [...(previous?.edges ?? [])];
  const edgeId = freshIds('e', oldEdges.map((e) => e.id));
  const edges: DiagramEdge[] = connections.map((c) => {
    const from = idOf.get(c.from.toLowerCase()) ?? '';
    const to = idOf.get(c.to.toLowerCase()) ?? '';
    const match = oldEdges.findIndex((e) => e.from === from && e.to === to && e.kind === c.kind);
    const [old] = match === -1 ? [] : oldEdges.splice(match, 1);
    return { id: old?.id ?? edgeId(), from, to, kind: c.kind, label: c.label };
  });
  return { ok: true, diagram: placeNewParts({ nodes, edges }, keptIds) };
}
