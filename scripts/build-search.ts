/**
 * Builds the Pagefind search index over the built site (`dist/`), run by `npm run build` after
 * `astro build`. Pages are indexed from their HTML (lessons, glossary, practice prompts — the parts
 * marked `data-pagefind-body`); quiz explanations, which the quiz only shows after an answer, are
 * added as records that point to their bank's page, so searching a concept finds the question too.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createIndex, close } from 'pagefind';
import { parse } from 'yaml';
import { quizBankSchema } from '../src/schemas/quiz.ts';

const root = join(import.meta.dirname, '..');
const site = join(root, 'dist');

const plain = (markdown: string) => markdown.replace(/`([^`]*)`/g, '$1').replace(/\*\*?([^*]+)\*\*?/g, '$1').replace(/\s+/g, ' ').trim();

const { index, errors } = await createIndex({});
if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
const pages = await index.addDirectory({ path: site });
if (pages.errors.length > 0) throw new Error(`Pagefind failed to index dist/: ${pages.errors.join('; ')}`);

let records = 0;
for (const name of readdirSync(join(root, 'quizzes')).filter((f) => f.endsWith('.yaml'))) {
  const bank = quizBankSchema.parse(parse(readFileSync(join(root, 'quizzes', name), 'utf8')));
  for (const question of bank.questions) {
    const content = [question.scenario, question.prompt, question.explanation].filter(Boolean).map((t) => plain(t ?? '')).join(' ');
    const added = await index.addCustomRecord({
      // One record per question; Pagefind keeps one record per URL, so each gets its own fragment.
      url: `/quizzes/${bank.id}/#${question.id}`,
      content,
      language: 'en',
      meta: { title: `${bank.title} (quiz)`, excerpt: plain(question.explanation) },
    });
    if (added.errors.length > 0) throw new Error(`Pagefind rejected question ${question.id}: ${added.errors.join('; ')}`);
    records += 1;
  }
}

const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
await close();
console.log(`Search index: ${pages.page_count} pages and ${records} quiz questions.`);
