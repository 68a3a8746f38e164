// Automatic arrangement of a whiteboard: a deterministic layered layout. Parts are ranked by their
// connections (clients first, providers last, cycles tolerated), ranks run left to right (or top to
// bottom on narrow screens) and the parts of one rank are spread across the other axis.
import type { Diagram, DiagramNode } from './model.ts';

/** Width every part is drawn with on the canvas and in the exported image, in pixels. */
export const NODE_WIDTH = 184;
/** Height every part is drawn with, in pixels. */
export const NODE_HEIGHT = 64;

/** Ranks run left to right (`horizontal`) or top to bottom (`vertical`, the compact form for phones). */
export type LayoutDirection = 'horizontal' | 'vertical';

const GAP = { horizontal: { rank: 96, within: 40 }, vertical: { rank: 64, within: 24 } } as const;

/**
 * Each part's rank: the longest chain of connections leading to it, ignoring the connections that
 * close a cycle (found by a depth-first walk that starts from clients, then parts nothing points at,
 * then the rest in diagram order). Clients are pinned to the first rank and providers to the last
 * (which they may share with the parts furthest downstream, so a call to a provider does not have to
 * cross a dead-letter queue drawn beside it).
 */
export function rankParts(diagram: Diagram): Map<string, number> {
  const index = new Map(diagram.nodes.map((n, i) => [n.id, i]));
  const out = new Map<string, string[]>(diagram.nodes.map((n) => [n.id, []]));
  const pointedAt = new Set<string>();
  for (const e of diagram.edges) {
    if (!index.has(e.from) || !index.has(e.to) || e.from === e.to) continue;
    out.get(e.from)?.push(e.to);
    pointedAt.add(e.to);
  }
  const priority = (n: DiagramNode) => (n.kind === 'client' ? 0 : pointedAt.has(n.id) ? 2 : 1);
  const starts = [...diagram.nodes].sort((a, b) => priority(a) - priority(b) || (index.get(a.id) ?? 0) - (index.get(b.id) ?? 0));

  const state = new Map<string, 'open' | 'done'>();
  const order: string[] = [];
  const forward = new Map<string, string[]>(diagram.nodes.map((n) => [n.id, []]));
  for (const start of starts) {
    if (state.has(start.id)) continue;
    const stack: { id: string; next: number }[] = [{ id: start.id, next: 0 }];
    state.set(start.id, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (!top) break;
      const targets = out.get(top.id) ?? [];
      const target = targets[top.next++];
      if (target === undefined) {
        state.set(top.id, 'done');
        order.push(top.id);
        stack.pop();
      } else if (state.get(target) !== 'open') {
        forward.get(top.id)?.push(target);
        if (!state.has(target)) {
          state.set(target, 'open');
          stack.push({ id: target, next: 0 });
        }
      }
    }
  }
  const rank = new Map<string, number>(diagram.nodes.map((n) => [n.id, 0]));
  for (const id of order.reverse()) {
    for (const target of forward.get(id) ?? []) rank.set(target, Math.max(rank.get(target) ?? 0, (rank.get(id) ?? 0) + 1));
  }
  const last = Math.max(0, ...diagram.nodes.filter((n) => n.kind !== 'provider').map((n) => rank.get(n.id) ?? 0));
  for (const n of diagram.nodes) {
    if (n.kind === 'client') rank.set(n.id, 0);
    if (n.kind === 'provider') rank.set(n.id, Math.max(last, rank.get(n.id) ?? 0));
  }
  return rank;
}

/** Every part's position after automatic arrangement, keyed by part id. */
export function layoutPositions(diagram: Diagram, direction: LayoutDirection = 'horizontal'): Map<string, { x: number; y: number }> {
  const rank = rankParts(diagram);
  const columns: DiagramNode[][] = [];
  for (const n of diagram.nodes) {
    const r = rank.get(n.id) ?? 0;
    (columns[r] ??= []).push(n);
  }
  const slot = new Map<string, number>();
  const preds = new Map<string, string[]>();
  for (const e of diagram.edges) preds.set(e.to, [...(preds.get(e.to) ?? []), e.from]);
  const gap = GAP[direction];
  const positions = new Map<string, { x: number; y: number }>();
  columns.forEach((column, r) => {
    // Order a rank by where its predecessors sit (barycentre), so connections cross less.
    const centre = (n: DiagramNode) => {
      const placed = (preds.get(n.id) ?? []).map((p) => slot.get(p)).filter((s) => s !== undefined);
      return placed.length === 0 ? Infinity : placed.reduce((a, b) => a + b, 0) / placed.length;
    };
    const ordered = column
      .map((n, i) => ({ n, i, c: centre(n) }))
      .sort((a, b) => (a.c === b.c ? a.i - b.i : a.c - b.c))
      .map((entry) => entry.n);
    ordered.forEach((n, i) => {
      slot.set(n.id, i);
      positions.set(
        n.id,
        direction === 'horizontal'
          ? { x: r * (NODE_WIDTH + gap.rank), y: i * (NODE_HEIGHT + gap.within) }
          : { x: i * (NODE_WIDTH + gap.within), y: r * (NODE_HEIGHT + gap.rank) },
      );
    });
  });
  return positions;
}

/** The diagram with every part moved to its automatic position. */
export function layoutDiagram(diagram: Diagram, direction: LayoutDirection = 'horizontal'): Diagram {
  const positions = layoutPositions(diagram, direction);
  return { ...diagram, nodes: diagram.nodes.map((n) => ({ ...n, ...positions.get(n.id) })) };
}

/**
 * Places the parts that are not in `kept` (new parts read from the text form): all of them by the
 * automatic layout when nothing is kept, otherwise in layered order below the parts already drawn,
 * which keep their positions.
 */
export function placeNewParts(diagram: Diagram, kept: ReadonlySet<string>): Diagram {
  if (diagram.nodes.every((n) => kept.has(n.id))) return diagram;
  const positions = layoutPositions(diagram);
  const old = diagram.nodes.filter((n) => kept.has(n.id));
  if (old.length === 0) return layoutDiagram(diagram);
  const fresh = diagram.nodes.filter((n) => !kept.has(n.id));
  const top = Math.min(...fresh.map((n) => positions.get(n.id)?.y ?? 0));
  const below = Math.max(...old.map((n) => n.y)) + NODE_HEIGHT + GAP.horizontal.within;
  const left = Math.min(...old.map((n) => n.x));
  return {
    ...diagram,
    nodes: diagram.nodes.map((n) => {
      const p = positions.get(n.id);
      return kept.has(n.id) || !p ? n : { ...n, x: left + p.x, y: below + p.y - top };
    }),
  };
}

/** Whether two parts' boxes overlap (touching edges do not count). */
export function overlaps(a: { x: number; y: number }, b: { x: number; y: number }): boolean {
  return Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT;
}

/** The extent of a diagram's parts: their bounding box's width and height. */
export function diagramSize(diagram: Diagram): { width: number; height: number } {
  if (diagram.nodes.length === 0) return { width: 0, height: 0 };
  const xs = diagram.nodes.map((n) => n.x);
  const ys = diagram.nodes.map((n) => n.y);
  return { width: Math.max(...xs) - Math.min(...xs) + NODE_WIDTH, height: Math.max(...ys) - Math.min(...ys) + NODE_HEIGHT };
}

/**
 * The direction whose arrangement shows the parts largest in a viewport of this size: a long chain
 * reads better top to bottom in a narrow column, a wide fan-out left to right.
 */
export function bestDirection(diagram: Diagram, viewport: { width: number; height: number }): LayoutDirection {
  const scale = (direction: LayoutDirection) => {
    const size = diagramSize(layoutDiagram(diagram, direction));
    return Math.min(viewport.width / Math.max(1, size.width), viewport.height / Math.max(1, size.height));
  };
  return scale('vertical') > scale('horizontal') ? 'vertical' : 'horizontal';
}

/**
 * How far each connection is shifted sideways so that connections between the same two parts (either
 * way) do not draw over each other: 0 for a lone one, then 8, 16… pixels to the right of its direction.
 */
export function connectionOffsets(diagram: Diagram): Map<string, number> {
  const seen = new Map<string, number>();
  const offsets = new Map<string, number>();
  for (const e of diagram.edges) {
    const pair = [e.from, e.to].sort().join(' ');
    const count = seen.get(pair) ?? 0;
    seen.set(pair, count + 1);
    const reverse = diagram.edges.some((x) => x.from === e.to && x.to === e.from && x.from !== x.to);
    offsets.set(e.id, (count + (reverse ? 1 : 0)) * 8);
  }
  return offsets;
}

/**
 * Where a straight connection between two parts (given by their top-left corners) leaves the first
 * box and enters the second: the line between their centres, shifted `offset` pixels to the right of
 * its direction, clipped to both borders.
 */
export function connectionEnds(from: { x: number; y: number }, to: { x: number; y: number }, offset = 0): [number, number, number, number] {
  const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  const shift = { x: (-(to.y - from.y) / length) * offset, y: ((to.x - from.x) / length) * offset };
  const a = { x: from.x + NODE_WIDTH / 2 + shift.x, y: from.y + NODE_HEIGHT / 2 + shift.y };
  const b = { x: to.x + NODE_WIDTH / 2 + shift.x, y: to.y + NODE_HEIGHT / 2 + shift.y };
  const clip = (c: { x: number; y: number }, dx: number, dy: number): [number, number] => {
    if (dx === 0 && dy === 0) return [c.x, c.y];
    const k = Math.min(dx === 0 ? Infinity : NODE_WIDTH / 2 / Math.abs(dx), dy === 0 ? Infinity : NODE_HEIGHT / 2 / Math.abs(dy));
    return [c.x + dx * k, c.y + dy * k];
  };
  return [...clip(a, b.x - a.x, b.y - a.y), ...clip(b, a.x - b.x, a.y - b.y)];
}
