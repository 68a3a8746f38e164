// fast-check generators of valid diagrams, shared by the diagram tests.
import fc from 'fast-check';
import { EDGE_KINDS, NODE_KINDS, type Diagram, type DiagramEdge, type DiagramNode } from '../../../../../src/lib/practice/diagram/model.ts';

const labelChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_./()&'.split(''));

/** A part name the text form accepts: 1–40 characters, trimmed, none of the reserved characters. */
export const label = fc
  .array(labelChar, { minLength: 1, maxLength: 40 })
  .map((cs) => cs.join('').trim())
  .filter((s) => s.length > 0);

/** A connection label: any single line of at most 80 characters, trimmed. */
export const edgeLabel = fc
  .string({ maxLength: 80, unit: 'grapheme-ascii' })
  .map((s) => s.replace(/[\r\n]/g, ' ').trim());

/** A valid diagram with up to `maxNodes` parts and connections between them. */
export function diagram(maxNodes = 12): fc.Arbitrary<Diagram> {
  const node = fc.record({
    kind: fc.constantFrom(...NODE_KINDS),
    label,
    partitions: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }),
    key: fc.option(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,39}$/), { nil: undefined }),
    x: fc.integer({ min: -5000, max: 5000 }),
    y: fc.integer({ min: -5000, max: 5000 }),
  });
  return fc
    .uniqueArray(node, { maxLength: maxNodes, selector: (n) => n.label.toLowerCase() })
    .chain((raw) => {
      const nodes: DiagramNode[] = raw.map((n, i) => {
        const part: DiagramNode = { id: `n${i + 1}`, kind: n.kind, label: n.label, x: n.x, y: n.y };
        if (n.kind === 'topic' || n.kind === 'retry-topic') {
          if (n.partitions !== undefined) part.partitions = n.partitions;
          if (n.key !== undefined) part.key = n.key;
        }
        return part;
      });
      const edge = fc.record({
        from: fc.integer({ min: 0, max: Math.max(0, nodes.length - 1) }),
        to: fc.integer({ min: 0, max: Math.max(0, nodes.length - 1) }),
        kind: fc.constantFrom(...EDGE_KINDS),
        label: edgeLabel,
      });
      return fc.array(edge, { maxLength: nodes.length === 0 ? 0 : nodes.length * 2 }).map((raws) => ({
        nodes,
        edges: raws.map((e, i): DiagramEdge => ({ id: `e${i + 1}`, from: `n${e.from + 1}`, to: `n${e.to + 1}`, kind: e.kind, label: e.label })),
      }));
    });
}

/** A diagram without ids and positions, with connections named by their ends' labels. */
export function shape(d: Diagram): unknown {
  const name = new Map(d.nodes.map((n) => [n.id, n.label]));
  return {
    nodes: d.nodes.map((n) => ({ kind: n.kind, label: n.label, partitions: n.partitions, key: n.key })),
    edges: d.edges.map((e) => ({ from: name.get(e.from), to: name.get(e.to), kind: e.kind, label: e.label })),
  };
}
