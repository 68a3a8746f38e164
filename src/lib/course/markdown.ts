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

/** Renders Markdown paragraphs (separated by blank lines) with inline formatting. */
export function renderBlocks(markdown: string): string {
  return markdown
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${renderInline(paragraph.replace(/\s*\n\s*/g, ' ').trim())}</p>`)
    .join('');
}

/**
 * The ids Astro gives the headings (`##` to `######`) of a Markdown/MDX body, in order — the
 * anchors a link into a lesson may use. Fenced code is skipped.
 */
export function headingIds(body: string): string[] {
  const slugger = new GithubSlugger();
  const ids: string[] = [];
  let fence: string | undefined;
  for (const line of body.split('\n')) {
    const marker = /^\s*(```+|~~~+)/.exec(line)?.[1];
    if (marker) {
      if (fence === undefined) fence = marker[0];
      else if (marker[0] === fence) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const heading = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading?.[2]) ids.push(slugger.slug(heading[2].replace(/`([^`]*)`/g, '$1').replace(/\*\*?([^*]+)\*\*?/g, '$1')));
  }
  return ids;
}
