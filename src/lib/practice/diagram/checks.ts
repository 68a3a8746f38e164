// Structural checks on a candidate's diagram: the rule language of model.ts evaluated by plain graph
// walks, each result with a detail in plain words ("found: Email worker → email-dlq").
import type { Diagram, DiagramEdge, DiagramNode, DiagramRule, EdgeKind, NodeKind, NodeMatch } from './model.ts';
import { EDGE_KIND_NAMES } from './kinds.ts';

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

const KIND_WORDS: Readonly<Record<NodeKind, string>> = {
  client: 'client',
  service: 'service',
  database: 'database',
  cache: 'cache',
  topic: 'topic',
  queue: 'queue',
  'consumer-group': 'consumer group',
  outbox: 'outbox table',
  relay: 'relay',
  'retry-topic': 'retry topic',
  dlq: 'dead-letter queue',
  scheduler: 'scheduler',
  provider: 'third-party provider',
};

const quoted = (words: readonly string[]) => words.map((w) => `"${w}"`).join(' or ');

/** A node match in words, with its article: "a consumer group named like "email"". */
export function describeMatch(match: NodeMatch): string {
  const kinds = match.kind ? match.kind.map((k) => KIND_WORDS[k]).join(' or ') : 'part';
  const named = match.label ? ` named like ${quoted(match.label)}` : '';
  const keyed = match.key ? ` keyed by ${quoted(match.key)}` : '';
  return `${/^[aeiou]/.test(kinds) ? 'an' : 'a'} ${kinds}${named}${keyed}`;
}

const contains = (value: string | undefined, alternatives: readonly string[] | undefined) =>
  alternatives === undefined || (value !== undefined && alternatives.some((a) => value.toLowerCase().includes(a.toLowerCase())));

/** Whether a part satisfies every condition of a match (absent conditions match anything). */
export function matches(node: DiagramNode, match: NodeMatch): boolean {
  return (match.kind === undefined || match.kind.includes(node.kind)) && contains(node.label, match.label) && contains(node.key, match.key);
}

type Graph = { nodes: Map<string, DiagramNode>; out: Map<string, DiagramEdge[]> };

function graph(diagram: Diagram, kinds: readonly EdgeKind[] | undefined): Graph {
  const nodes = new Map(diagram.nodes.map((n) => [n.id, n]));
  const out = new Map<string, DiagramEdge[]>();
  for (const e of diagram.edges) {
    if (kinds && !kinds.includes(e.kind)) continue;
    if (nodes.has(e.from) && nodes.has(e.to)) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  }
  return { nodes, out };
}

/**
 * The shortest chain of at least one connection from `start` to a part satisfying `goal`, as the ids
 * of the parts along it, or undefined. Breadth-first, so cycles end the walk rather than loop it.
 */
function walk(g: Graph, start: string, goal: (n: DiagramNode) => boolean): string[] | undefined {
  const parent = new Map<string, string>();
  const queue: string[] = [];
  const visit = (from: string) => {
    for (const e of g.out.get(from) ?? []) {
      if (parent.has(e.to)) continue;
      parent.set(e.to, from);
      queue.push(e.to);
    }
  };
  visit(start);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] ?? '';
    const node = g.nodes.get(id);
    if (node && goal(node)) {
      const chain = [id];
      let at = id;
      do {
        at = parent.get(at) ?? start;
        chain.unshift(at);
      } while (at !== start);
      return chain;
    }
    visit(id);
  }
  return undefined;
}

/** A path from a `from` match to a `to` match (through a `via` match, when given), or undefined. */
function findPath(g: Graph, from: NodeMatch, to: NodeMatch, via?: NodeMatch): string[] | undefined {
  for (const start of g.nodes.values()) {
    if (!matches(start, from)) continue;
    if (!via) {
      const chain = walk(g, start.id, (n) => matches(n, to));
      if (chain) return chain;
      continue;
    }
    for (const middle of g.nodes.values()) {
      if (!matches(middle, via)) continue;
      const first = walk(g, start.id, (n) => n.id === middle.id);
      const second = first && walk(g, middle.id, (n) => matches(n, to));
      if (first && second) return [...first, ...second.slice(1)];
    }
  }
  return undefined;
}

function findEdge(g: Graph, from: NodeMatch, to: NodeMatch): string[] | undefined {
  for (const [id, edges] of g.out) {
    const start = g.nodes.get(id);
    if (!start || !matches(start, from)) continue;
    const hit = edges.find((e) => {
      const end = g.nodes.get(e.to);
      return end !== undefined && matches(end, to);
    });
    if (hit) return [hit.from, hit.to];
  }
  return undefined;
}

const over = (kinds: readonly EdgeKind[] | undefined) =>
  kinds ? ` over ${kinds.map((k) => EDGE_KIND_NAMES[k]).join(' or ')} connections` : '';

function found(g: Graph, chain: readonly string[]): string {
  return `found: ${chain.map((id) => g.nodes.get(id)?.label ?? id).join(' → ')}`;
}

/** What is missing before a path or edge can even be looked for ("no consumer group is drawn"). */
function missingEnd(diagram: Diagram, rule: { from: NodeMatch; to: NodeMatch; via?: NodeMatch | undefined }): string | undefined {
  for (const match of [rule.from, rule.via, rule.to]) {
    if (match && !diagram.nodes.some((n) => matches(n, match))) return `no ${describeMatch(match).replace(/^an? /, '')} is drawn`;
  }
  return undefined;
}

/** Evaluates one rule: whether it holds and what was (or was not) found, in plain words. */
export function evaluateRule(diagram: Diagram, rule: DiagramRule): { passed: boolean; detail: string } {
  if (rule.kind === 'has') {
    const hits = diagram.nodes.filter((n) => matches(n, rule.node));
    const min = rule.min ?? 1;
    const noun = describeMatch(rule.node).replace(/^an? /, '');
    if (hits.length === 0) return { passed: false, detail: `no ${noun} is drawn` };
    const names = hits.map((n) => n.label).join(', ');
    return hits.length >= min
      ? { passed: true, detail: `found: ${names}` }
      : { passed: false, detail: `${min} needed, found ${hits.length}: ${names}` };
  }
  const g = graph(diagram, rule.edges);
  const fromWords = describeMatch(rule.from);
  const toWords = describeMatch(rule.to).replace(/^an? /, '');
  if (rule.kind === 'edge' || rule.kind === 'no-edge') {
    const hit = findEdge(g, rule.from, rule.to);
    const none = `no direct connection from ${fromWords} to ${describeMatch(rule.to)}${over(rule.edges)}`;
    if (rule.kind === 'edge') return hit ? { passed: true, detail: found(g, hit) } : { passed: false, detail: missingEnd(diagram, rule) ?? none };
    return hit ? { passed: false, detail: found(g, hit) } : { passed: true, detail: none };
  }
  const via = rule.kind === 'path' ? rule.via : undefined;
  const chain = findPath(g, rule.from, rule.to, via);
  const none = `no ${toWords} is reachable from ${fromWords}${via ? ` through ${describeMatch(via)}` : ''}${over(rule.edges)}`;
  if (rule.kind === 'path') return chain ? { passed: true, detail: found(g, chain) } : { passed: false, detail: missingEnd(diagram, { ...rule, via }) ?? none };
  return chain ? { passed: false, detail: found(g, chain) } : { passed: true, detail: none };
}

/** Evaluates every check against the diagram, in the order given. */
export function evaluateChecks(diagram: Diagram, checks: readonly DiagramCheck[]): CheckResult[] {
  return checks.map((c) => ({ id: c.id, ...evaluateRule(diagram, c.rule) }));
}
