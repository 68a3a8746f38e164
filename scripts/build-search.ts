/**
 * Builds the Pagefind search index over the built site (`dist/`), run by `npm run build` after
 * `astro build`. Pages are indexed from their HTML (lessons, glossary, practice prompts — the parts
 * marked `data-pagefind-body`). Each quiz question is added as a record of its own that links to
 * the question on its bank's page (`#<question-id>`, which the quiz opens). A record holds only what
 * the learner sees before answering — the scenario and the prompt — never the options' feedback or
 * the explanation, so a search snippet cannot give an answer away. Records carry `kind: quiz` so the
 * search UI can rank lessons above them (src/lib/search/results.ts). Last, it writes
 * `dist/search-live.js`, the stable URL the header's search box loads its live results from.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createIndex, close } from 'pagefind';
import { parse } from 'yaml';
import { quizBankSchema } from '../src/schemas/quiz.ts';
import { plainText } from '../src/lib/course/markdown.ts';

const root = join(import.meta.dirname, '..');
/** The build to index: `dist/`, or `OUT_DIR` when astro.config.mjs was told to build elsewhere. */
const site = join(root, process.env['OUT_DIR'] ?? 'dist');


const { index, errors } = await createIndex({});
if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
const pages = await index.addDirectory({ path: site });
if (pages.errors.length > 0) throw new Error(`Pagefind failed to index dist/: ${pages.errors.join('; ')}`);

let records = 0;
for (const name of readdirSync(join(root, 'quizzes')).filter((f) => f.endsWith('.yaml'))) {
  const bank = quizBankSchema.parse(parse(readFileSync(join(root, 'quizzes', name), 'utf8')));
  for (const [position, question] of bank.questions.entries()) {
    const number = position + 1;
    const content = [question.scenario, question.prompt].filter(Boolean).map((t) => plainText(t ?? '')).join(' ');
    const added = await index.addCustomRecord({
      // One record per question; Pagefind keeps one record per URL, so each gets its own fragment.
      url: `/quizzes/${bank.id}/#${question.id}`,
      content,
      language: 'en',
      meta: { title: `${bank.title} quiz, question ${number}`, kind: 'quiz', question: plainText(question.prompt) },
    });
    if (added.errors.length > 0) throw new Error(`Pagefind rejected question ${question.id}: ${added.errors.join('; ')}`);
    records += 1;
  }
}

const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
await close();

// The header's search box loads its live results from a fixed URL (see src/client/search.ts).
const live = readdirSync(join(site, '_astro')).filter((f) => /^search-live\.[\w-]+\.js$/.test(f));
if (live.length !== 1) throw new Error(`Expected one search-live chunk in dist/_astro, found ${live.length}: ${live.join(', ')}`);
writeFileSync(join(site, 'search-live.js'), `export * from './_astro/${live[0]}';\n`);
console.log(`Search index: ${pages.page_count} pages and ${records} quiz questions.`);
