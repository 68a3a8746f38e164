import GithubSlugger from 'github-slugger';

/** Escapes text for safe inclusion in HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/**
 * Renders the small inline Markdown quiz and practice text uses — `code`, **bold**, *emphasis* —
 * to HTML. Everything else is escaped, so content can never inject markup.
 */
export function renderInline(markdown: string): string {
  const parts = markdown.split(/(`[^`]+`)/g);
  return parts
    .map((part) => {
      if (part.startsWith('`') && part.endsWith('`') && part.length > 1) return `<code>${escapeHtml(part.slice(1, -1))}</code>`;
      return escapeHtml(part)
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
        .replace(/(^|[^\w*])\*([^*\s][^*]*?)\*(?!\w)/g, '$1<em>$2</em>')
        .replace(/(^|[^\w])_([^_\s][^_]*?)_(?!\w)/g, '$1<em>$2</em>');
    })
    .join('');
}

/** Inline Markdown as plain text (for labels and announcements): drops the `code`, **bold** and *emphasis* markers. */
export function plainText(markdown: string): string {
  return markdown.replace(/`([^`]*)`/g, '$1').replace(/\*\*?([^*]+)\*\*?/g, '$1').replace(/\s+/g, ' ').trim();
}

/**
 * Curls straight quotes and apostrophes outside `code` spans, as the lesson pages' smart
 * punctuation does: `"` and `'` that open (at the start, or after a space or an opening bracket)
 * become “ and ‘, the rest ” and ’. Apply it before {@link renderInline}.
 */
export function smartQuotes(markdown: string): string {
  return markdown
    .split(/(`[^`]+`)/g)
    .map((part) =>
      part.startsWith('`') && part.endsWith('`') && part.length > 1
        ? part
        : part
            .replace(/(^|[\s([{\u2014\u2013])"/g, '$1\u201c')
            .replace(/"/g, '\u201d')
            .replace(/(^|[\s([{\u2014\u2013])'/g, '$1\u2018')
            .replace(/'/g, '\u2019'),
    )
    .join('');
}

/** Renders Markdown paragraphs (separated by blank lines) with inline formatting. */
export function renderBlocks(markdown: string): string {
  return markdown
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${renderInline(paragraph.replace(/\s*\n\s*/g, ' ').trim())}</p>`)
    .join('');
}

/** A heading of a Markdown/MDX body: its level, text, the id Astro gives it and its line (from 0). */
export interface MarkdownHeading {
  depth: number;
  text: string;
  id: string;
  line: number;
}

/** Whether each line of a Markdown/MDX body is inside fenced code (fence lines included). */
export function fencedLines(body: string): boolean[] {
  let fence: string | undefined;
  return body.split('\n').map((line) => {
    const marker = /^\s*(```+|~~~+)/.exec(line)?.[1];
    if (marker) {
      if (fence === undefined) fence = marker[0];
      else if (marker[0] === fence) fence = undefined;
      return true;
    }
    return fence !== undefined;
  });
}

/**
 * The headings (`#` to `######`) of a Markdown/MDX body, in order, with the ids Astro gives them
 * (GitHub-style slugs, de-duplicated). Fenced code is skipped.
 */
export function markdownHeadings(body: string): MarkdownHeading[] {
  const slugger = new GithubSlugger();
  const fenced = fencedLines(body);
  const headings: MarkdownHeading[] = [];
  body.split('\n').forEach((line, index) => {
    if (fenced[index]) return;
    const heading = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!heading?.[1] || !heading[2]) return;
    const text = heading[2].replace(/`([^`]*)`/g, '$1').replace(/\*\*?([^*]+)\*\*?/g, '$1');
    headings.push({ depth: heading[1].length, text, id: slugger.slug(text), line: index });
  });
  return headings;
}

/**
 * The ids Astro gives the headings (`##` to `######`) of a Markdown/MDX body, in order — the
 * anchors a link into a lesson may use. Fenced code is skipped.
 */
export function headingIds(body: string): string[] {
  return markdownHeadings(body).map((h) => h.id);
}
