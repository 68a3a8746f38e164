import { describe, expect, it } from 'vitest';
import { escapeHtml, resultCount, shapeResults, type RawHit } from '../../../../src/lib/search/results.ts';

const quiz = (n: number, excerpt = `question <mark>${n}</mark>`): RawHit => ({
  url: `/quizzes/outbox/#outbox-0${n}`,
  excerpt,
  meta: { title: `Outbox quiz, question ${n}`, kind: 'quiz', question: `Why <b>${n}</b>?` },
});
const page = (id: string): RawHit => ({ url: `/lessons/${id}/`, excerpt: `about <mark>${id}</mark>`, meta: { title: id } });

describe('shaping search results', () => {
  it('puts pages before quiz questions, each in the order Pagefind ranked them', () => {
    const hits = [quiz(1), quiz(2), page('outbox'), quiz(3), page('sagas')];
    expect(shapeResults(hits, { limit: 10, maxQuiz: 10 }).map((h) => h.url)).toEqual([
      '/lessons/outbox/',
      '/lessons/sagas/',
      '/quizzes/outbox/#outbox-01',
      '/quizzes/outbox/#outbox-02',
      '/quizzes/outbox/#outbox-03',
    ]);
  });

  it('keeps at most maxQuiz quiz questions and limit results in all', () => {
    const hits = [quiz(1), quiz(2), quiz(3), page('a'), page('b'), page('c')];
    expect(shapeResults(hits, { limit: 10, maxQuiz: 2 }).filter((h) => h.kind === 'quiz')).toHaveLength(2);
    expect(shapeResults(hits, { limit: 4, maxQuiz: 2 }).map((h) => h.kind)).toEqual(['page', 'page', 'page', 'quiz']);
  });

  it('treats links into a quiz page as quiz questions even without the kind mark', () => {
    const [hit] = shapeResults([{ url: '/quizzes/x/#x-01', excerpt: 'e', meta: {} }], { limit: 5, maxQuiz: 5 });
    expect(hit).toEqual({ url: '/quizzes/x/#x-01', title: '/quizzes/x/#x-01', excerpt: 'e', kind: 'quiz' });
  });

  it("shows a quiz question's own text, escaped, when Pagefind has no excerpt", () => {
    const [hit] = shapeResults([quiz(4, '  ')], { limit: 5, maxQuiz: 5 });
    expect(hit?.excerpt).toBe('Why &lt;b&gt;4&lt;/b&gt;?');
  });
});

describe('search helpers', () => {
  it('escapes the characters HTML gives meaning to', () => {
    expect(escapeHtml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });

  it('words the result count', () => {
    expect([0, 1, 7].map(resultCount)).toEqual(['No results', '1 result', '7 results']);
  });
});
