import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { phrasesWorthSaying } from '../../src/lib/course/cheat-sheet.ts';
import { validateGlossary } from '../../src/lib/course/glossary.ts';
import { validateLessons } from '../../src/lib/course/validate.ts';
import { readMdxDir, root } from '../helpers/content-files.ts';

const dist = join(root, 'dist');
if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ has no build: run `npm run build` before the budget tests.');

const terms = validateGlossary('src/data/glossary.yaml', parse(readFileSync(join(root, 'src/data/glossary.yaml'), 'utf8'))).entries;
/** Each built lesson page (by lesson id) and the glossary ids it links to, one per link. */
const lessonLinks = new Map(
  readdirSync(join(dist, 'lessons'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dist, 'lessons', entry.name, 'index.html')))
    .map((entry) => {
      const html = readFileSync(join(dist, 'lessons', entry.name, 'index.html'), 'utf8');
      return [entry.name, [...html.matchAll(/href="\/glossary\/#([^"]+)"/g)].map((m) => m[1] ?? '')] as const;
    }),
);
const read = (page: string) => readFileSync(join(dist, page), 'utf8');

describe('glossary links in the built lessons', () => {
  it('links every glossary term from at least one lesson', () => {
    const linked = new Set([...lessonLinks.values()].flat());
    expect(terms.filter((t) => !linked.has(t.id)).map((t) => t.id)).toEqual([]);
  });

  it('links a term at most once per lesson: its first use', () => {
    const repeated = [...lessonLinks].flatMap(([lesson, ids]) => ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `${lesson}: ${id}`));
    expect(repeated).toEqual([]);
  });

  it('never links a term from the lesson that teaches it', () => {
    const selfLinks = terms.filter((t) => lessonLinks.get(t.taughtIn.lesson)?.includes(t.id)).map((t) => `${t.taughtIn.lesson}: ${t.id}`);
    expect(selfLinks).toEqual([]);
  });

  it('marks every glossary link with the glossary-term class, and links only to terms that exist', () => {
    const ids = new Set(terms.map((t) => t.id));
    for (const [lesson] of lessonLinks) {
      const tags = [...read(`lessons/${lesson}/index.html`).matchAll(/<a\b[^>]*href="\/glossary\/#([^"]+)"[^>]*>/g)];
      for (const tag of tags) {
        expect(tag[0], lesson).toContain('class="glossary-term"');
        expect(ids.has(tag[1] ?? ''), `${lesson}: ${tag[1]}`).toBe(true);
      }
    }
  });

  it('gives every term an entry with its id on the glossary page', () => {
    const html = read('glossary/index.html');
    expect(terms.filter((t) => !html.includes(` id="${t.id}"`)).map((t) => t.id)).toEqual([]);
    expect(html).toContain('data-pagefind-body');
  });
});

describe('the built cheat sheet', () => {
  it("has every lesson's phrases, linked back to the lesson's heading", () => {
    const html = read('cheat-sheet/index.html');
    const missing = validateLessons(readMdxDir('lessons')).entries.flatMap((lesson) => {
      const found = phrasesWorthSaying(readFileSync(join(root, lesson.file), 'utf8').replace(/^---[\s\S]*?\n---\n/, ''));
      const href = `href="/lessons/${lesson.data.id}/#${found?.anchor ?? ''}"`;
      return found && found.phrases.length > 0 && !html.includes(href) ? [lesson.data.id] : [];
    });
    expect(missing).toEqual([]);
  });
});
