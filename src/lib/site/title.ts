/**
 * The `<title>` of a page: the page's title and the course's name, in at most 70 characters (what
 * search results show, and html-validate's `long-title` limit). A long page title keeps a shorter
 * form of the course's name, then loses it; a title still too long keeps its part before the colon
 * ("Case studies: a Kafka backbone, …" → "Case studies"), or is cut at a word with an ellipsis.
 * The page's `<h1>` keeps the whole title.
 */
/** 70 less a margin: html-validate counts a character the page writes as an entity (&#39;) as written. */
export const TITLE_LIMIT = 65;
const SUFFIXES = [' · EDA interview course', ' · EDA course', ''];
export const HOME_TITLE = 'Event-Driven Architecture: an interview course';

export function pageTitle(title: string): string {
  if (title === 'Home') return HOME_TITLE;
  for (const suffix of SUFFIXES) if (title.length + suffix.length <= TITLE_LIMIT) return `${title}${suffix}`;
  const beforeColon = title.split(':')[0]?.trim() ?? '';
  if (beforeColon !== title && beforeColon.length > 0) return pageTitle(beforeColon);
  const cut = title.slice(0, TITLE_LIMIT - 1).replace(/\s+\S*$/, '');
  return `${cut}…`;
}
