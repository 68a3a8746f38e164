import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DIAGRAM_LIMITS, diagramProblems, diagramSchema } from '../../../../../src/lib/practice/diagram/model.ts';
import { parseDiagram, printDiagram, type ParseResult } from '../../../../../src/lib/practice/diagram/text.ts';
import { overlaps } from '../../../../../src/lib/practice/diagram/layout.ts';
import { diagram, shape } from './arbitraries.ts';

const EXAMPLE = `# comments and blank lines are ignored
service Orders
database Orders DB
outbox Orders outbox
relay Outbox relay
topic order-events partitions=12 key=orderId
consumer-group Payments
provider Stripe

Orders => Orders DB: INSERT order + outbox row in one transaction
Orders DB ~> Outbox relay: outbox rows
Outbox relay -> order-events: OrderPlaced key=orderId
order-events -> Payments: OrderPlaced
Payments => Stripe: create PaymentIntent (Idempotency-Key)`;

function problemsOf(result: ParseResult) {
  if (result.ok) throw new Error('expected the text to be refused');
  return result.problems;
}

function parsed(text: string) {
  const result = parseDiagram(text);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.diagram;
}

describe('text form: the documented example', () => {
  it('reads every part and connection with its kind, attributes and label', () => {
    const d = parsed(EXAMPLE);
    expect(d.nodes.map((n) => `${n.kind}:${n.label}`)).toEqual([
      'service:Orders', 'database:Orders DB', 'outbox:Orders outbox', 'relay:Outbox relay',
      'topic:order-events', 'consumer-group:Payments', 'provider:Stripe',
    ]);
    expect(d.nodes[4]).toMatchObject({ partitions: 12, key: 'orderId' });
    expect(d.edges.map((e) => e.kind)).toEqual(['sync', 'cdc', 'event', 'event', 'sync']);
    expect(d.edges[2]).toMatchObject({ from: d.nodes[3]?.id, to: d.nodes[4]?.id, label: 'OrderPlaced key=orderId' });
    expect(diagramProblems(d)).toEqual([]);
    expect(diagramSchema.safeParse(d).success).toBe(true);
  });

  it('prints canonically: parts, one blank line, connections, comments dropped', () => {
    const printed = printDiagram(parsed(EXAMPLE));
    expect(printed).toBe(EXAMPLE.replace(/^#.*\n/, ''));
  });

  it('matches part names case-insensitively in connections, and accepts a connection without a label', () => {
    const d = parsed('service Orders\ntopic Events\norders -> EVENTS');
    expect(d.edges).toEqual([{ id: 'e1', from: 'n1', to: 'n2', kind: 'event', label: '' }]);
    expect(printDiagram(d)).toBe('service Orders\ntopic Events\n\nOrders -> Events');
  });

  it('places every new part without overlaps', () => {
    const d = parsed(EXAMPLE);
    d.nodes.forEach((a, i) => d.nodes.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
  });
});

describe('text form: properties', () => {
  it('print then parse gives the same diagram (ids and positions aside), and is valid', () => {
    fc.assert(
      fc.property(diagram(), (d) => {
        const result = parseDiagram(printDiagram(d));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(shape(result.diagram)).toEqual(shape(d));
        expect(diagramProblems(result.diagram)).toEqual([]);
        expect(diagramSchema.safeParse(result.diagram).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('with the previous diagram, parse of print keeps every id and position: exactly the diagram', () => {
    fc.assert(
      fc.property(diagram(), (d) => {
        expect(parseDiagram(printDiagram(d), d)).toEqual({ ok: true, diagram: d });
      }),
      { numRuns: 200 },
    );
  });

  it('canonical texts are fixed points: print(parse(text)) = text', () => {
    fc.assert(
      fc.property(diagram(), (d) => {
        const text = printDiagram(d);
        const result = parseDiagram(text);
        expect(result.ok && printDiagram(result.diagram)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('a renamed part gets a fresh id while the others keep theirs', () => {
    const before = parsed(EXAMPLE);
    const result = parseDiagram(printDiagram(before).replaceAll('Payments', 'Billing'), before);
    if (!result.ok) throw new Error('refused');
    const billing = result.diagram.nodes.find((n) => n.label === 'Billing');
    expect(billing?.id).toBe('n8');
    expect(result.diagram.nodes.filter((n) => n.label !== 'Billing')).toEqual(before.nodes.filter((n) => n.label !== 'Payments'));
    result.diagram.nodes.forEach((a, i) => result.diagram.nodes.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
  });
});

describe('text form: bad lines are refused with a message naming the line', () => {
  it.each<[string, string, number, RegExp]>([
    ['unknown kind', 'service Orders\nservise Billing', 2, /line 2: "servise" is not a kind of part — start the line with one of client, service/],
    ['undeclared part', 'service Orders\n\nOrders -> Billing', 3, /line 3: no part is named "Billing" — declare it first, e\.g\. "service Billing"/],
    ['duplicate label', 'service Orders\ntopic orders', 2, /line 2: "orders" is already declared on line 1/],
    ['attribute on a non-topic', 'service Orders partitions=3', 1, /line 1: only a topic or retry topic takes "partitions="/],
    ['unknown attribute', 'topic Events replicas=3', 1, /line 1: "replicas=3" is not an attribute/],
    ['bad partition count', 'topic Events partitions=0', 1, /line 1: partitions must be a whole number from 1 to 100000/],
    ['non-numeric partitions', 'topic Events partitions=many', 1, /line 1: partitions must be a whole number/],
    ['empty key', 'topic Events key=', 1, /line 1: write the key field after "key="/],
    ['attribute twice', 'topic Events key=a key=b', 1, /line 1: "key=" is given twice/],
    ['name after attributes', 'topic Events key=a more', 1, /line 1: "more" comes after the attributes/],
    ['missing name', 'topic partitions=3', 1, /line 1: the topic needs a name after "topic"/],
    ['bad arrow', 'service A\nservice B\nA --> B', 3, /line 3: that arrow is not one the whiteboard knows — write "->"/],
    ['reversed arrow', 'service A\nservice B\nA <- B', 3, /line 3: that arrow is not one/],
    ['arrow without head', 'service A\nservice B\nA - B', 3, /line 3: that arrow is not one/],
    ['two arrows', 'service A\nservice B\nservice C\nA -> B -> C', 4, /line 4: a connection has exactly one arrow/],
    ['missing end', 'service A\nA ->', 2, /line 2: write a part name on both sides of "->"/],
    ['part name too long', `service ${'x'.repeat(41)}`, 1, /line 1: the name "x{41}" is 41 characters long; keep it to 40/],
    ['connection label too long', `service A\nservice B\nA -> B: ${'y'.repeat(81)}`, 3, /line 3: the connection label is 81 characters long; keep it to 80/],
    ['key too long', `topic T key=${'k'.repeat(41)}`, 1, /line 1: the key "k{41}" is longer than 40/],
    ['forbidden colon', 'service Orders: API', 1, /line 1: a part name cannot contain ":"/],
    ['forbidden hash', 'service C# worker', 1, /line 1: a part name cannot contain "#"/],
  ])('%s', (_name, text, line, message) => {
    const problems = problemsOf(parseDiagram(text));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(line);
    expect(problems[0]?.message).toMatch(message);
  });

  it('lists every bad line, in line order', () => {
    const problems = problemsOf(parseDiagram('servise A\nservice B\nB -> C\nqueue\ntopic B'));
    expect(problems.map((p) => p.line)).toEqual([1, 3, 4, 5]);
  });

  it('enforces the part and connection limits', () => {
    const many = Array.from({ length: DIAGRAM_LIMITS.nodes + 1 }, (_, i) => `service S${i}`).join('\n');
    expect(problemsOf(parseDiagram(many))).toEqual([{ line: DIAGRAM_LIMITS.nodes + 1, message: expect.stringMatching(/at most 80 parts/) }]);
    const edges = Array.from({ length: DIAGRAM_LIMITS.edges + 1 }, () => 'A -> B').join('\n');
    expect(problemsOf(parseDiagram(`service A\nservice B\n${edges}`))).toEqual([{ line: DIAGRAM_LIMITS.edges + 3, message: expect.stringMatching(/at most 200 connections/) }]);
  });

  it('accepts exactly the limits', () => {
    const many = Array.from({ length: DIAGRAM_LIMITS.nodes }, (_, i) => `service S${i}`).join('\n');
    expect(parsed(many).nodes).toHaveLength(DIAGRAM_LIMITS.nodes);
    expect(parsed(`service ${'x'.repeat(40)}`).nodes[0]?.label).toHaveLength(40);
  });
});
