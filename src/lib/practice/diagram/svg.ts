// The whiteboard as a standalone SVG document, drawn from the diagram itself (no screenshot of the
// page): the "Export SVG" download, and the source the browser rasterises for "Export PNG". The
// visual grammar (shapes per kind, line style per connection kind) is shared with the canvas.
import { EDGE_KINDS, EDGE_KIND_NAMES, NODE_KIND_NAMES, type EdgeKind, type NodeKind } from './kinds.ts';
import type { Diagram, DiagramNode } from './model.ts';
import { NODE_HEIGHT, NODE_WIDTH, connectionEnds, connectionOffsets } from './layout.ts';

/** How a kind of part is outlined: a pill (clients), a log (topics, queues), a store, external, or a box. */
export type PartShape = 'pill' | 'log' | 'store' | 'external' | 'box';

/** Each kind's outline, so kinds differ by shape as well as by their caption. */
export const PART_SHAPES: Readonly<Record<NodeKind, PartShape>> = {
  client: 'pill',
  service: 'box',
  database: 'store',
  cache: 'store',
  topic: 'log',
  queue: 'log',
  'consumer-group': 'box',
  outbox: 'store',
  relay: 'box',
  'retry-topic': 'log',
  dlq: 'log',
  scheduler: 'box',
  provider: 'external',
};

/**
 * Each connection kind's line: solid for a synchronous call, dashed for an event, dotted for change
 * data capture (`dash` is an SVG stroke-dasharray), so kinds differ without relying on colour.
 */
export const EDGE_LINES: Readonly<Record<EdgeKind, { dash: string; width: number }>> = {
  sync: { dash: '', width: 2 },
  event: { dash: '8 5', width: 2 },
  cdc: { dash: '2 4', width: 2.5 },
};

/** A topic's partitions and key as a part shows them under its kind ("12 partitions · key orderId"), or ''. */
export function partDetails(node: DiagramNode): string {
  return [node.partitions === undefined ? '' : `${node.partitions} partitions`, node.key === undefined ? '' : `key ${node.key}`].filter(Boolean).join(' · ');
}

type Palette = { bg: string; fill: string; stroke: string; text: string; muted: string };

/** Colours of the exported image in each theme. */
const PALETTE: Readonly<Record<'light' | 'dark', Palette>> = {
  light: { bg: '#ffffff', fill: '#f4f6fb', stroke: '#334155', text: '#0f172a', muted: '#475569' },
  dark: { bg: '#0f172a', fill: '#1e293b', stroke: '#cbd5e1', text: '#f8fafc', muted: '#cbd5e1' },
};

const PAD = 32;
const LEGEND = 40;

/** Escapes text for SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function outline(shape: PartShape, x: number, y: number, c: Palette): string {
  const base = `x="${x}" y="${y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" fill="${c.fill}" stroke="${c.stroke}" stroke-width="1.5"`;
  if (shape === 'pill') return `<rect ${base} rx="${NODE_HEIGHT / 2}"/>`;
  if (shape === 'external') return `<rect ${base} rx="6" stroke-dasharray="6 3"/>`;
  if (shape === 'store') return `<rect ${base} rx="6"/><path d="M${x} ${y + 10} Q${x + NODE_WIDTH / 2} ${y + 22} ${x + NODE_WIDTH} ${y + 10}" fill="none" stroke="${c.stroke}"/>`;
  if (shape === 'log') {
    const bars = [12, 20].map((dx) => `<line x1="${x + NODE_WIDTH - dx}" y1="${y + 4}" x2="${x + NODE_WIDTH - dx}" y2="${y + NODE_HEIGHT - 4}" stroke="${c.stroke}"/>`);
    return `<rect ${base} rx="2"/>${bars.join('')}`;
  }
  return `<rect ${base} rx="6"/>`;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Draws the diagram as a standalone SVG document with a legend of the connection kinds. */
export function diagramSvg(diagram: Diagram, theme: 'light' | 'dark' = 'light', title = 'Whiteboard'): string {
  const c = PALETTE[theme];
  const xs = diagram.nodes.map((n) => n.x);
  const ys = diagram.nodes.map((n) => n.y);
  const left = xs.length ? Math.min(...xs) - PAD : 0;
  const top = ys.length ? Math.min(...ys) - PAD : 0;
  const width = Math.max(480, (xs.length ? Math.max(...xs) + NODE_WIDTH + PAD : 0) - left);
  const height = (ys.length ? Math.max(...ys) + NODE_HEIGHT + PAD : 2 * PAD) - top + LEGEND;
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  const markers = EDGE_KINDS.map(
    (k) => `<marker id="arrow-${k}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">${
      k === 'sync' ? `<path d="M0 0L10 5L0 10z" fill="${c.stroke}"/>` : k === 'event' ? `<path d="M0 0L10 5L0 10" fill="none" stroke="${c.stroke}" stroke-width="1.5"/>` : `<circle cx="6" cy="5" r="3.5" fill="${c.stroke}"/>`
    }</marker>`,
  );
  const line = (k: EdgeKind, x1: number, y1: number, x2: number, y2: number) =>
    `<line x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}" stroke="${c.stroke}" stroke-width="${EDGE_LINES[k].width}"${EDGE_LINES[k].dash ? ` stroke-dasharray="${EDGE_LINES[k].dash}"` : ''} marker-end="url(#arrow-${k})"/>`;
  const offsets = connectionOffsets(diagram);
  const lines: string[] = [];
  // Labels are drawn after the parts so a long label stays readable where it meets a box.
  const labels: string[] = [];
  for (const e of diagram.edges) {
    const a = byId.get(e.from);
    const b = byId.get(e.to);
    if (!a || !b) continue;
    const [x1, y1, x2, y2] = connectionEnds(a, b, offsets.get(e.id));
    lines.push(line(e.kind, x1, y1, x2, y2));
    if (!e.label) continue;
    const mx = (x1 + x2) / 2;
    const my = (y1 + y2) / 2;
    const w = e.label.length * 6.2 + 8;
    labels.push(`<rect x="${round(mx - w / 2)}" y="${round(my - 9)}" width="${round(w)}" height="18" rx="3" fill="${c.bg}" opacity="0.9"/>`);
    labels.push(`<text x="${round(mx)}" y="${round(my + 4)}" text-anchor="middle" font-size="11" fill="${c.muted}">${escapeXml(e.label)}</text>`);
  }
  const nodes = diagram.nodes.map((n) => {
    const cx = n.x + NODE_WIDTH / 2;
    const details = partDetails(n);
    const top = n.y + (details ? 24 : 30);
    return [
      outline(PART_SHAPES[n.kind], n.x, n.y, c),
      `<text x="${cx}" y="${top}" text-anchor="middle" font-size="14" font-weight="600" fill="${c.text}">${escapeXml(n.label)}</text>`,
      `<text x="${cx}" y="${top + 16}" text-anchor="middle" font-size="10.5" fill="${c.muted}">${escapeXml(NODE_KIND_NAMES[n.kind])}</text>`,
      details ? `<text x="${cx}" y="${top + 30}" text-anchor="middle" font-size="10.5" fill="${c.muted}">${escapeXml(details)}</text>` : '',
    ].join('');
  });
  const legendY = top + height - LEGEND / 2;
  const legend = EDGE_KINDS.map((k, i) => {
    const x = left + PAD + i * 150;
    return `${line(k, x, legendY, x + 36, legendY)}<text x="${x + 44}" y="${legendY + 4}" font-size="11" fill="${c.muted}">${escapeXml(EDGE_KIND_NAMES[k])}</text>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${left} ${top} ${width} ${height}" font-family="system-ui, sans-serif" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<defs>${markers.join('')}</defs>`,
    `<rect x="${left}" y="${top}" width="${width}" height="${height}" fill="${c.bg}"/>`,
    ...lines,
    ...nodes,
    ...labels,
    ...legend,
    '</svg>',
  ].join('\n');
}
