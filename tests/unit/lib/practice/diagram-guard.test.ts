import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diagramProblems, diagramSchema, EDGE_KINDS, NODE_KINDS } from '../../../../src/lib/practice/diagram/model.ts';
import { asDiagram, STORED_EDGE_KINDS, STORED_NODE_KINDS, storedDiagramProblem } from '../../../../src/lib/practice/diagram-guard.ts';

const node = fc.record(
  {
    id: fc.constantFrom('n1', 'n2', 'n3', 'n1', 'N4'),
    kind: fc.constantFrom(...NODE_KINDS, 'blob'),
    label: fc.constantFrom('Orders', 'orders', ' padded', 'x'.repeat(41), 'Payments'),
    x: fc.constantFrom(0, 10, 20, 2e6),
    y: fc.constant(0),
    partitions: fc.constantFrom(1, 0, 12, 1.5),
    key: fc.constantFrom('orderId', ''),
  },
  { requiredKeys: ['id', 'kind', 'label', 'x', 'y'] },
);
const edge = fc.record({
  id: fc.constantFrom('e1', 'e2'),
  from: fc.constantFrom('n1', 'n2', 'n9'),
  to: fc.constantFrom('n1', 'n3'),
  kind: fc.constantFrom(...EDGE_KINDS, 'rpc'),
  label: fc.constantFrom('', 'OrderPlaced', 'y'.repeat(81)),
});

describe('stored diagram guard', () => {
  it('uses the diagram model’s kinds', () => {
    expect(STORED_NODE_KINDS).toEqual(NODE_KINDS);
    expect(STORED_EDGE_KINDS).toEqual(EDGE_KINDS);
  });

  it('accepts exactly the diagrams the model’s schema and problem check accept unchanged', () => {
    fc.assert(
      fc.property(fc.array(node, { maxLength: 4 }), fc.array(edge, { maxLength: 3 }), (nodes, edges) => {
        const value = { nodes, edges };
        const parsed = diagramSchema.safeParse(value);
        // The schema trims labels; stored diagrams were parsed already, so the guard wants them trimmed.
        const sound = parsed.success && diagramProblems(parsed.data).length === 0 && JSON.stringify(parsed.data) === JSON.stringify(value);
        expect(storedDiagramProblem(value) === undefined).toBe(sound);
      }),
      { numRuns: 2000 },
    );
  });

  it('says what is wrong', () => {
    expect(storedDiagramProblem('x')).toBe('is not a diagram (a list of parts and a list of connections)');
    expect(storedDiagramProblem({ nodes: [{ id: 'n1', kind: 'service', label: 'A', x: 0, y: 0 }], edges: [{ id: 'e1', from: 'n1', to: 'n2', kind: 'event', label: '' }] })).toBe(
      'connection "e1" ends at a missing part "n2"',
    );
    expect(asDiagram({ nodes: [], edges: [] })).toEqual({ nodes: [], edges: [] });
  });
});
