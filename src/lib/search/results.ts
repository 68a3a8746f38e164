import { withoutBase } from '../site/base.ts';
/** One result as Pagefind's `data()` returns it (the fields this module reads). */
export interface RawHit {
  url: string;
  /** Pagefind's excerpt: page text it escaped itself, with `<mark>` around the matches. */
  excerpt: string;
  meta: { title?: string; kind?: string; question?: string };
}

/** What a search result shows. */
export interface SearchHit {
  url: string;
  title: string;
  /** HTML: Pagefind's escaped excerpt with `<mark>`s. */
  excerpt: string;
  /** `page` for lessons and the other pages, `quiz` for a quiz question. */
  kind: 'page' | 'quiz';
}

/** How many results to keep. */
export interface ShapeOptions {
  /** Results in all. */
  limit: number;
  /** Of those, quiz questions at most: lessons must not be crowded out by one bank's questions. */
  maxQuiz: number;
}

/** Whether a hit is a quiz question: marked so by the index, or linking into a quiz page. */
function isQuiz(hit: RawHit): boolean {
  return hit.meta.kind === 'quiz' || withoutBase(hit.url).startsWith('/quizzes/');
}

/**
 * Search results as the learner sees them: pages (lessons, glossary, practice…) first in Pagefind's
 * order, then quiz questions, at most `maxQuiz` of them, `limit` in all. A quiz hit shows its
 * question (Pagefind's excerpt of the question, or the question itself when the excerpt is empty);
 * the index holds no explanation or feedback (scripts/build-search.ts), so nothing here can spoil an answer.
 */
export function shapeResults(hits: readonly RawHit[], options: ShapeOptions): SearchHit[] {
  const shaped = hits.map((hit): SearchHit => {
    const kind = isQuiz(hit) ? 'quiz' : 'page';
    const excerpt = hit.excerpt.trim() === '' && kind === 'quiz' ? escapeHtml(hit.meta.question ?? '') : hit.excerpt;
    return { url: hit.url, title: hit.meta.title?.trim() || hit.url, excerpt, kind };
  });
  const pages = shaped.filter((hit) => hit.kind === 'page');
  const quiz = shaped.filter((hit) => hit.kind === 'quiz').slice(0, Math.max(0, options.maxQuiz));
  return [...pages, ...quiz].slice(0, Math.max(0, options.limit));
}

/** Text made safe to put into HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The live region's words for a result count: "No results", "1 result", "7 results". */
export function resultCount(count: number): string {
  return count === 0 ? 'No results' : `${count} result${count === 1 ? '' : 's'}`;
}
