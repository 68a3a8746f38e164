import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headingIds, renderBlocks, renderInline, smartQuotes } from '../../../../src/lib/course/markdown.ts';
import { root } from '../../../helpers/content-files.ts';

describe('inline Markdown for quiz and practice text', () => {
  it('renders code, bold and emphasis', () => {
    expect(renderInline('Use `acks=all` with **idempotence**, *not* retries off')).toBe(
      'Use <code>acks=all</code> with <strong>idempotence</strong>, <em>not</em> retries off',
    );
  });

  it('escapes HTML everywhere, including inside code', () => {
    expect(renderInline('<img src=x onerror=alert(1)> and `<b>`')).toBe('&lt;img src=x onerror=alert(1)&gt; and <code>&lt;b&gt;</code>');
  });

  it('leaves snake_case and arithmetic alone', () => {
    expect(renderInline('max_poll_records and 2 * 3 * 4')).toBe('max_poll_records and 2 * 3 * 4');
  });

  it('splits paragraphs on blank lines', () => {
    expect(renderBlocks('one\nline\n\ntwo')).toBe('<p>one line</p><p>two</p>');
  });
});

describe('heading ids', () => {
  it('slugs headings as Astro does, skipping fenced code and de-duplicating', () => {
    const body = '## What it is\n\n```md\n## Not a heading\n```\n\n### `acks=all` and you\n\n## What it is\n';
    expect(headingIds(body)).toEqual(['what-it-is', 'acksall-and-you', 'what-it-is-1']);
  });

  it('finds the real sections of lesson 1', () => {
    const source = readFileSync(`${root}/lessons/01-eda-in-one-page.mdx`, 'utf8');
    const ids = headingIds(source.replace(/^---[\s\S]*?\n---\n/, ''));
    expect(ids).toContain('notification-or-state-transfer');
    expect(ids).toContain('designing-the-ui-for-lag');
    expect(ids).toContain('when-not-to-use-it');
  });
});

describe('smart quotes for phrases and definitions', () => {
  it('curls opening and closing double quotes and apostrophes', () => {
    expect(smartQuotes(`"It's a fact," she said. 'Quoted' (and "nested")`)).toBe('“It’s a fact,” she said. ‘Quoted’ (and “nested”)');
  });

  it('leaves code spans alone', () => {
    expect(smartQuotes('"`a = "b"` isn\'t changed"')).toBe('“`a = "b"` isn’t changed”');
  });
});
