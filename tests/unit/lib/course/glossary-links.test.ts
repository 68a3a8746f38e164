import { describe, expect, it } from 'vitest';
import { glossaryHref, linkGlossaryTerms, planGlossaryLinks, type HastLike, type LinkableTerm } from '../../../../src/lib/course/glossary-links.ts';

const text = (value: string): HastLike => ({ type: 'text', value });
const el = (tagName: string, ...children: HastLike[]): HastLike => ({ type: 'element', tagName, properties: {}, children });
const root = (...children: HastLike[]): HastLike => ({ type: 'root', children });
const jsx = (name: string, ...children: HastLike[]): HastLike => ({ type: 'mdxJsxFlowElement', name, children });

const terms: LinkableTerm[] = [
  { id: 'event', term: 'event', aliases: ['events'], taughtIn: { lesson: 'events' } },
  { id: 'consumer', term: 'consumer', aliases: ['consumers'], taughtIn: { lesson: 'basics' } },
  { id: 'consumer-group', term: 'consumer group', aliases: ['consumer groups'], taughtIn: { lesson: 'brokers' } },
  { id: 'dead-letter-queue', term: 'dead-letter queue', aliases: ['DLQ'], taughtIn: { lesson: 'retries' } },
  { id: 'outbox', term: 'transactional outbox', aliases: ['outbox'], taughtIn: { lesson: 'outbox' } },
];

/** The tree as HTML-ish text, links shown as [text](href), so expectations read at a glance. */
function show(node: HastLike): string {
  if (node.type === 'text') return node.value ?? '';
  const inner = (node.children ?? []).map(show).join('');
  if (node.tagName === 'a') {
    const { href, className } = node.properties ?? {};
    return `[${inner}](${String(href)}${Array.isArray(className) ? ` .${className.join('.')}` : ''})`;
  }
  return node.type === 'element' ? `<${node.tagName}>${inner}</${node.tagName}>` : inner;
}
const link = (tree: HastLike, lesson = 'some-lesson') => show(linkGlossaryTerms(tree, terms, lesson));

describe('linking the first use of glossary terms', () => {
  it('links only the first occurrence of each term, with the glossary-term class', () => {
    const tree = root(el('p', text('An event is a fact. Another event follows.')), el('p', text('Every event counts.')));
    expect(link(tree)).toBe(
      '<p>An [event](/glossary/#event .glossary-term) is a fact. Another event follows.</p><p>Every event counts.</p>',
    );
  });

  it('matches whole words only: not inside longer words or hyphenated compounds', () => {
    const tree = root(el('p', text('Eventually, event-driven prevention; then the event.')));
    expect(link(tree)).toBe('<p>Eventually, event-driven prevention; then the [event](/glossary/#event .glossary-term).</p>');
  });

  it('ignores case, and keeps the text as written', () => {
    expect(link(root(el('p', text('Events arrive.'))))).toBe('<p>[Events](/glossary/#event .glossary-term) arrive.</p>');
  });

  it('matches an all-capitals alias exactly, so an ordinary word is not taken for an acronym', () => {
    expect(link(root(el('p', text('Dlq is not it; the DLQ is.'))))).toBe('<p>Dlq is not it; the [DLQ](/glossary/#dead-letter-queue .glossary-term) is.</p>');
  });

  it('finds a term by its aliases, and a later form of a linked term stays plain', () => {
    const tree = root(el('p', text('Write to the outbox; the transactional outbox is the fix.')));
    expect(link(tree)).toBe('<p>Write to the [outbox](/glossary/#outbox .glossary-term); the transactional outbox is the fix.</p>');
  });

  it('prefers the longest form, and never links a shorter term inside a longer one', () => {
    const tree = root(el('p', text('Each consumer group is made of consumers.')));
    expect(link(tree)).toBe(
      '<p>Each [consumer group](/glossary/#consumer-group .glossary-term) is made of [consumers](/glossary/#consumer .glossary-term).</p>',
    );
    const again = root(el('p', text('A consumer group, then another consumer group.')));
    expect(link(again)).toBe('<p>A [consumer group](/glossary/#consumer-group .glossary-term), then another consumer group.</p>');
  });

  it('matches a multi-word form across a line break', () => {
    expect(link(root(el('p', text('each consumer\ngroup'))))).toBe('<p>each [consumer\ngroup](/glossary/#consumer-group .glossary-term)</p>');
  });

  it('skips headings, code, pre and existing links, and links the next use in prose', () => {
    const tree = root(
      el('h2', text('What an event is')),
      el('p', el('code', text('event')), text(' and '), { type: 'element', tagName: 'a', properties: { href: 'https://example.com/' }, children: [text('an event link')] }),
      el('pre', el('code', text('event'))),
      el('p', text('The event, at last.')),
    );
    expect(link(tree)).toBe(
      '<h2>What an event is</h2><p><code>event</code> and [an event link](https://example.com/)</p><pre><code>event</code></pre><p>The [event](/glossary/#event .glossary-term), at last.</p>',
    );
  });

  it('skips svg, figure and details, and MDX components', () => {
    const tree = root(
      el('figure', el('figcaption', text('An event'))),
      el('details', el('summary', text('event')), el('p', text('event'))),
      el('svg', el('text', text('event'))),
      jsx('EventFlowDiagram', el('p', text('event'))),
      el('p', text('One event.')),
    );
    expect(link(tree)).toContain('<p>One [event](/glossary/#event .glossary-term).</p>');
    expect(link(tree).match(/glossary-term/g)).toHaveLength(1);
  });

  it('links inside emphasis and tables, which are prose', () => {
    const tree = root(el('p', el('strong', text('event'))), el('table', el('tr', el('td', text('consumers')))));
    expect(link(tree)).toBe(
      '<p><strong>[event](/glossary/#event .glossary-term)</strong></p><table><tr><td>[consumers](/glossary/#consumer .glossary-term)</td></tr></table>',
    );
  });

  it('skips the References section, up to the next h2', () => {
    const tree = root(el('h2', text('References')), el('ul', el('li', text('Kafka, the event log'))), el('h2', text('After')), el('p', text('event')));
    expect(link(tree)).toBe('<h2>References</h2><ul><li>Kafka, the event log</li></ul><h2>After</h2><p>[event](/glossary/#event .glossary-term)</p>');
  });

  it('keeps a section under References skipped, and an h3 does not end it', () => {
    const tree = root(el('h2', text('References')), el('h3', text('More')), el('p', text('event')));
    expect(link(tree)).not.toContain('glossary-term');
  });

  it('does not link a term in the lesson that teaches it', () => {
    const tree = root(el('p', text('The outbox and the event.')));
    expect(link(tree, 'outbox')).toBe('<p>The outbox and the [event](/glossary/#event .glossary-term).</p>');
    expect(link(tree, 'events')).toBe('<p>The [outbox](/glossary/#outbox .glossary-term) and the event.</p>');
  });

  it('leaves the input tree untouched and plans edits against its own text nodes', () => {
    const paragraph = text('An event.');
    const tree = root(el('p', paragraph));
    const before = JSON.stringify(tree);
    const edits = planGlossaryLinks(tree, terms, 'x');
    expect(edits).toHaveLength(1);
    expect(edits[0]?.node).toBe(paragraph);
    linkGlossaryTerms(tree, terms, 'x');
    expect(JSON.stringify(tree)).toBe(before);
  });

  it('links to the entry on the glossary page', () => {
    expect(glossaryHref('consumer-group')).toBe('/glossary/#consumer-group');
  });
});
