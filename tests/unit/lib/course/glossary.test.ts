import { describe, expect, it } from 'vitest';
import { alphabetical, byInitial, surfaceForms, validateGlossary } from '../../../../src/lib/course/glossary.ts';

const entry = (id: string, term: string, aliases?: string[]) => ({
  id,
  term,
  ...(aliases ? { aliases } : {}),
  definition: `What ${term} means, in a sentence long enough.`,
  taughtIn: { lesson: 'a-lesson' },
});

describe('glossary helpers', () => {
  it('orders terms alphabetically, ignoring case', () => {
    expect(alphabetical([{ term: 'saga' }, { term: 'AppView' }, { term: 'at-least-once' }, { term: 'CQRS' }]).map((t) => t.term)).toEqual([
      'AppView',
      'at-least-once',
      'CQRS',
      'saga',
    ]);
  });

  it('groups terms by initial for the A–Z list, with digits and symbols under #', () => {
    const groups = byInitial([{ term: 'offset' }, { term: '2PC' }, { term: 'outbox' }, { term: 'event' }]);
    expect(groups.map((g) => [g.letter, g.terms.map((t) => t.term)])).toEqual([
      ['#', ['2PC']],
      ['E', ['event']],
      ['O', ['offset', 'outbox']],
    ]);
  });

  it('lists a term and then its aliases as its surface forms', () => {
    expect(surfaceForms({ term: 'dead-letter queue', aliases: ['DLQ'] })).toEqual(['dead-letter queue', 'DLQ']);
  });

  it('accepts a valid list, and checks lessons only when they are given', () => {
    const raw = [entry('event', 'event', ['events']), entry('dlq', 'dead-letter queue', ['DLQ'])];
    expect(validateGlossary('g.yaml', raw)).toEqual({ entries: raw, problems: [] });
    expect(validateGlossary('g.yaml', raw, [{ id: 'other', sections: new Set() }]).problems).toHaveLength(2);
  });

  it('rejects two terms sharing a form in any case, even when one is all capitals', () => {
    const problems = validateGlossary('g.yaml', [entry('cqrs', 'CQRS'), entry('other', 'other', ['cqrs'])]).problems;
    expect(problems).toEqual(['g.yaml: term "other": field "aliases[0]" repeats "cqrs", already a form of "cqrs"']);
  });
});
