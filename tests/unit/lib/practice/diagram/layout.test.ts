import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { layoutDiagram, overlaps, rankParts } from '../../../../../src/lib/practice/diagram/layout.ts';
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
    expect(rankOf(d, 'Twilio')).toBe(2);
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
