// The diagram as Svelte Flow nodes and edges: the canvas draws these, the diagram stays the truth.
import type { Edge, Node } from '@xyflow/svelte';
import { EDGE_KIND_NAMES, NODE_KIND_NAMES, type EdgeKind, type NodeKind } from '../../lib/practice/diagram/kinds.ts';
import type { Diagram } from '../../lib/practice/diagram/model.ts';
import { NODE_HEIGHT, NODE_WIDTH, connectionOffsets } from '../../lib/practice/diagram/layout.ts';
import { PART_SHAPES, partDetails, type PartShape } from '../../lib/practice/diagram/svg.ts';

/** What a part node shows. */
export type PartData = { label: string; kind: NodeKind; caption: string; details: string; shape: PartShape };
/** A part on the canvas. */
export type PartNode = Node<PartData, 'part'>;
/** What a connection edge shows; `marker` is the id of its arrow head's SVG marker. */
export type ConnectionData = { kind: EdgeKind; text: string; marker: string; offset: number };
/** A connection on the canvas. */
export type ConnectionEdge = Edge<ConnectionData, 'connection'>;

/** The canvas nodes for a diagram, with the selected part marked. */
export function toFlowNodes(diagram: Diagram, selected: string | undefined): PartNode[] {
  return diagram.nodes.map((n) => {
    const details = partDetails(n);
    return {
      id: n.id,
      type: 'part',
      position: { x: n.x, y: n.y },
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      selected: n.id === selected,
      ariaLabel: `${n.label}, ${NODE_KIND_NAMES[n.kind]}${details ? `, ${details.replace(' · ', ', ')}` : ''}`,
      data: { label: n.label, kind: n.kind, caption: NODE_KIND_NAMES[n.kind], details, shape: PART_SHAPES[n.kind] },
    };
  });
}

/** The canvas edges for a diagram; `markerPrefix` makes the arrow-head ids unique on the page. */
export function toFlowEdges(diagram: Diagram, markerPrefix: string): ConnectionEdge[] {
  const names = new Map(diagram.nodes.map((n) => [n.id, n.label]));
  const offsets = connectionOffsets(diagram);
  return diagram.edges.map((e) => ({
    id: e.id,
    type: 'connection',
    source: e.from,
    target: e.to,
    ariaLabel: `${names.get(e.from)} to ${names.get(e.to)}, ${EDGE_KIND_NAMES[e.kind]}${e.label ? `: ${e.label}` : ''}`,
    data: { kind: e.kind, text: e.label, marker: `${markerPrefix}-${e.kind}`, offset: offsets.get(e.id) ?? 0 },
  }));
}
