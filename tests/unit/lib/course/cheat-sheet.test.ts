import { describe, expect, it } from 'vitest';
import { phrasesWorthSaying } from '../../../../src/lib/course/cheat-sheet.ts';

describe('the phrases worth saying of a lesson', () => {
  it('lists the items under the heading, joining wrapped lines and keeping inline Markdown', () => {
    const body = [
      '## The interview angle',
      '',
      '### Phrases worth saying',
      '',
      '- "Delivery is **at-least-once**, so I de-duplicate on the event id."',
      '- "I commit `offsets` after the effect, so a crash means a',
      '  redelivery, never a loss."',
      '',
      '### Follow-up questions',
      '',
      '- Not a phrase.',
    ].join('\n');
    expect(phrasesWorthSaying(body)).toEqual({
      anchor: 'phrases-worth-saying',
      phrases: [
        '"Delivery is **at-least-once**, so I de-duplicate on the event id."',
        '"I commit `offsets` after the effect, so a crash means a redelivery, never a loss."',
      ],
    });
  });

  it('stops at the next heading of any level, and reads to the end when there is none', () => {
    expect(phrasesWorthSaying('### Phrases worth saying\n- one\n#### Aside\n- two')?.phrases).toEqual(['one']);
    expect(phrasesWorthSaying('### Phrases worth saying\n\n- one\n\n- two\n')?.phrases).toEqual(['one', 'two']);
  });

  it('skips fenced code: neither a fenced heading nor a fenced list item counts', () => {
    const body = ['```md', '### Phrases worth saying', '- fake', '```', '', '### Phrases worth saying', '', '```', '- inside a fence', '```', '- real'].join('\n');
    expect(phrasesWorthSaying(body)).toEqual({ anchor: 'phrases-worth-saying', phrases: ['real'] });
  });

  it('continues an item lazily until a blank line, and ignores a paragraph after the list', () => {
    const body = '### Phrases worth saying\n- one\nstill one\n\nA closing paragraph.\n- two';
    expect(phrasesWorthSaying(body)?.phrases).toEqual(['one still one', 'two']);
  });

  it('gives the anchor Astro gives the heading, de-duplicated like every heading id', () => {
    expect(phrasesWorthSaying('## Intro\n### Phrases worth saying\n- one')?.anchor).toBe('phrases-worth-saying');
    const body = '## Phrases worth saying!\n\nIntro.\n\n### Phrases worth saying\n- one';
    expect(phrasesWorthSaying(body)).toEqual({ anchor: 'phrases-worth-saying-1', phrases: ['one'] });
  });

  it('is undefined for a lesson without the heading', () => {
    expect(phrasesWorthSaying('## What it is\n- a list, but not phrases')).toBeUndefined();
  });
});
