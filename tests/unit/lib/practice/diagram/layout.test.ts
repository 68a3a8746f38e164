import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NODE_HEIGHT, NODE_WIDTH, bestDirection, connectionEnds, connectionOffsets, diagramSize, layoutDiagram, overlaps, rankParts } from '../../../../../src/lib/practice/diagram/layout.ts';
import { parseDiagram } from '../../../../../src/lib/practice/diagram/text.ts';
import type { Diagram } from '../../../../../src/lib/practice/diagram/model.ts';
import { diagram } from './arbitraries.ts';

function read(text: string): Diagram {
  const result = parseDiagram(text);
  if (!result.ok) throw new Error(result.problems[0]?.message);
  return result.diagram;
}

const rankOf = (d: Diagram, label: string) => rankParts(d).get(d.nodes.find((n) => n.label === label)?.id ?? '');

describe('layout', () => {
  it('ranks by connections left to right, clients first and providers last', () => {
    const d = read('provider Stripe\nconsumer-group Payments\ntopic events\nservice Orders\nclient Shop\nservice Audit\n\nShop => Orders\nOrders -> events\nevents -> Payments\nPayments => Stripe\nShop => Audit');
    expect(['Shop', 'Orders', 'events', 'Payments', 'Stripe'].map((l) => rankOf(d, l))).toEqual([0, 1, 2, 3, 4]);
    expect(rankOf(d, 'Audit')).toBe(1);
    const placed = layoutDiagram(d);
    const x = (l: string) => placed.nodes.find((n) => n.label === l)?.x ?? NaN;
    expect(x('Shop')).toBeLessThan(x('Orders'));
    expect(x('Payments')).toBeLessThan(x('Stripe'));
    expect(x('Orders')).toBe(x('Audit'));
  });

  it('pins a provider to the last rank even without connections', () => {
    const d = read('provider Twilio\nservice A\nservice B\nA -> B');
    expect(rankOf(d, 'Twilio')).toBe(1);
  });

  it('puts a provider beside the furthest part rather than behind it', () => {
    const d = read('consumer-group Payments\ndlq payments-dlq\nprovider Stripe\nPayments -> payments-dlq\nPayments => Stripe');
    expect([rankOf(d, 'Payments'), rankOf(d, 'payments-dlq'), rankOf(d, 'Stripe')]).toEqual([0, 1, 1]);
  });

  it('tolerates cycles: a retry loop still gets finite, ordered ranks', () => {
    const d = read('topic main\nconsumer-group Worker\nretry-topic retry\n\nmain -> Worker\nWorker -> retry\nretry -> Worker\nWorker -> Worker');
    expect([rankOf(d, 'main'), rankOf(d, 'Worker'), rankOf(d, 'retry')]).toEqual([0, 1, 2]);
  });

  it('places every part, without overlaps, deterministically, in both directions', () => {
    fc.assert(
      fc.property(diagram(20), fc.constantFrom('horizontal' as const, 'vertical' as const), (d, direction) => {
        const placed = layoutDiagram(d, direction);
        expect(placed.nodes.map((n) => n.id)).toEqual(d.nodes.map((n) => n.id));
        expect(placed.edges).toBe(d.edges);
        placed.nodes.forEach((a, i) => placed.nodes.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
        expect(layoutDiagram(d, direction)).toEqual(placed);
      }),
      { numRuns: 150 },
    );
  });

  it('the vertical variant runs ranks top to bottom and is narrower for a chain', () => {
    const d = read('client C\nservice S\ntopic T\nconsumer-group G\nC => S\nS -> T\nT -> G');
    const wide = layoutDiagram(d, 'horizontal');
    const tall = layoutDiagram(d, 'vertical');
    const span = (x: Diagram, axis: 'x' | 'y') => Math.max(...x.nodes.map((n) => n[axis])) - Math.min(...x.nodes.map((n) => n[axis]));
    expect(span(tall, 'x')).toBe(0);
    expect(span(tall, 'y')).toBeGreaterThan(0);
    expect(span(wide, 'y')).toBe(0);
  });
});

describe('layout: fitting and connection ends', () => {
  const chain = read('client C\nservice S\ntopic T\nconsumer-group G\nqueue Q\nprovider P\nC => S\nS -> T\nT -> G\nG -> Q\nQ => P');
  const fan = read('service S\ntopic A\ntopic B\ntopic C\ntopic D\ntopic E\nS -> A\nS -> B\nS -> C\nS -> D\nS -> E');

  it('picks the direction that shows the parts largest', () => {
    expect(bestDirection(chain, { width: 640, height: 480 })).toBe('vertical');
    expect(bestDirection(chain, { width: 1600, height: 300 })).toBe('horizontal');
    expect(bestDirection(fan, { width: 640, height: 480 })).toBe('horizontal');
  });

  it('measures a diagram by its parts', () => {
    expect(diagramSize({ nodes: [], edges: [] })).toEqual({ width: 0, height: 0 });
    expect(diagramSize(layoutDiagram(chain, 'vertical'))).toEqual({ width: NODE_WIDTH, height: 6 * NODE_HEIGHT + 5 * 64 });
  });

  it('clips a connection to both boxes’ borders', () => {
    expect(connectionEnds({ x: 0, y: 0 }, { x: 300, y: 0 })).toEqual([NODE_WIDTH, NODE_HEIGHT / 2, 300, NODE_HEIGHT / 2]);
    expect(connectionEnds({ x: 0, y: 0 }, { x: 0, y: 200 })).toEqual([NODE_WIDTH / 2, NODE_HEIGHT, NODE_WIDTH / 2, 200]);
    const [x1, y1] = connectionEnds({ x: 0, y: 0 }, { x: 0, y: 0 });
    expect([x1, y1]).toEqual([NODE_WIDTH / 2, NODE_HEIGHT / 2]);
  });
});

describe('layout: connections between the same parts', () => {
  it('shifts a connection and its reverse apart, and repeated ones further', () => {
    const d = read('service A\nservice B\nservice C\nA -> B\nB => A\nA ~> B\nA -> C');
    expect([...connectionOffsets(d).values()]).toEqual([8, 16, 24, 0]);
    const [x1, y1, x2, y2] = connectionEnds({ x: 0, y: 0 }, { x: 300, y: 0 }, 8);
    expect([x1, y1, x2, y2]).toEqual([NODE_WIDTH, NODE_HEIGHT / 2 + 8, 300, NODE_HEIGHT / 2 + 8]);
    const [, back] = connectionEnds({ x: 300, y: 0 }, { x: 0, y: 0 }, 8);
    expect(back).toBe(NODE_HEIGHT / 2 - 8);
  });
});
