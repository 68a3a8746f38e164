import { fencedLines, markdownHeadings } from './markdown.ts';

/** The heading every lesson puts its interview phrases under (in "The interview angle"). */
export const PHRASES_HEADING = 'Phrases worth saying';

/** A lesson's interview phrases and the anchor of the heading they sit under. */
export interface LessonPhrases {
  /** Id of the `Phrases worth saying` heading on the lesson page (`phrases-worth-saying`). */
  anchor: string;
  /** Each list item as written, inline Markdown kept, its wrapped lines joined with one space. */
  phrases: string[];
}

const ITEM = /^\s{0,3}(?:[-*+]|\d+[.)])\s+(.*)$/;

/**
 * The `Phrases worth saying` list of a lesson body (Markdown/MDX without frontmatter): the items of
 * the lists between that heading and the next heading, `undefined` when the lesson has no such
 * heading. Fenced code is skipped, so neither a fenced `#` line nor a fenced `-` line counts.
 */
export function phrasesWorthSaying(body: string): LessonPhrases | undefined {
  const headings = markdownHeadings(body);
  const at = headings.findIndex((h) => h.text.trim().toLowerCase() === PHRASES_HEADING.toLowerCase());
  const heading = headings[at];
  if (!heading) return undefined;
  const end = headings[at + 1]?.line ?? Number.POSITIVE_INFINITY;
  const lines = body.split('\n');
  const fenced = fencedLines(body);
  const phrases: string[] = [];
  // Whether an item is open: an indented line continues it, and so does any text line straight
  // after it (Markdown's lazy continuation); a blank line ends lazy continuation.
  let open = false;
  let blank = false;
  for (let index = heading.line + 1; index < Math.min(end, lines.length); index++) {
    const line = lines[index] ?? '';
    if (fenced[index]) {
      open = false;
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      phrases.push((item[1] ?? '').trim());
      open = true;
    } else if (line.trim() === '') {
      blank = true;
      continue;
    } else if (open && (/^\s+\S/.test(line) || !blank)) {
      phrases[phrases.length - 1] += ` ${line.trim()}`;
    } else {
      open = false;
    }
    blank = false;
  }
  return { anchor: heading.id, phrases: phrases.filter((p) => p !== '') };
}
