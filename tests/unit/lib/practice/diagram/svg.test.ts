import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diagramSvg, escapeXml, partDetails } from '../../../../../src/lib/practice/diagram/svg.ts';
import { parseDiagram } from '../../../../../src/lib/practice/diagram/text.ts';
import { EMPTY_DIAGRAM } from '../../../../../src/lib/practice/diagram/model.ts';
import { diagram } from './arbitraries.ts';

const result = parseDiagram('service Orders & Co\ntopic order-events partitions=12 key=orderId\nprovider Stripe\n\nOrders & Co -> order-events: OrderPlaced <v2>\norder-events => Stripe\nOrders & Co ~> Stripe');
if (!result.ok) throw new Error('example refused');
const d = result.diagram;

describe('SVG export', () => {
  it('draws every part with its name and caption, escaped', () => {
    const svg = diagramSvg(d);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('>Orders &#38; Co</text>');
    expect(svg).toContain('>order-events</text>');
    expect(svg).toContain('>Topic</text>');
    expect(svg).toContain('>12 partitions · key orderId</text>');
    expect(svg).toContain('>OrderPlaced &#60;v2&#62;</text>');
    expect(svg).not.toContain('<v2>');
  });

  it('draws the three connection kinds differently (line style and arrow head) and a legend', () => {
    const svg = diagramSvg(d);
    const lines = [...svg.matchAll(/<line [^>]*marker-end="url\(#arrow-(\w+)\)"[^>]*\/>/g)];
    const styleOf = (kind: string) => lines.find((m) => m[1] === kind)?.[0].match(/stroke-dasharray="([^"]+)"/)?.[1];
    expect(lines.filter((m) => m[0].includes('marker'))).toHaveLength(6);
    expect(styleOf('sync')).toBeUndefined();
    expect(styleOf('event')).toBe('8 5');
    expect(styleOf('cdc')).toBe('2 4');
    expect(svg).toContain('>change data capture</text>');
  });

  it('follows the theme', () => {
    expect(diagramSvg(d, 'dark')).toContain('fill="#0f172a"');
    expect(diagramSvg(d, 'light')).not.toEqual(diagramSvg(d, 'dark'));
  });

  it('is well-formed for any diagram, including an empty one', () => {
    expect(diagramSvg(EMPTY_DIAGRAM)).toMatch(/<svg[^>]+width="480"[\s\S]*<\/svg>$/);
    fc.assert(
      fc.property(diagram(), (x) => {
        const svg = diagramSvg(x);
        for (const n of x.nodes) expect(svg).toContain(`>${escapeXml(n.label)}</text>`);
        expect(svg).not.toMatch(/NaN|undefined/);
      }),
      { numRuns: 60 },
    );
  });

  it('details a topic’s partitions and key, and nothing for other parts', () => {
    expect(partDetails({ id: 'n1', kind: 'consumer-group', label: 'Payments', x: 0, y: 0 })).toBe('');
    expect(partDetails({ id: 'n1', kind: 'topic', label: 'T', x: 0, y: 0, key: 'userId' })).toBe('key userId');
  });
});
