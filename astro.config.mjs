// @ts-check
import { defineConfig } from 'astro/config';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import svelte from '@astrojs/svelte';
import { parse } from 'yaml';
import { validateGlossary } from './src/lib/course/glossary.ts';
import { yamlProblems } from './src/lib/course/yaml-problems.ts';
import { robotsTxt, sitemapXml } from './src/lib/site/sitemap.ts';
import { glossaryLinksPlugin } from './src/lib/course/glossary-plugin.ts';
import { basePathPlugin } from './src/lib/site/base-plugin.ts';
import { normaliseBase } from './src/lib/site/base.ts';
import { cspIntegration } from './src/lib/site/csp-integration.ts';
import { shikiConfig } from './src/lib/site/code-highlighting.ts';

const glossaryFile = new URL('./src/data/glossary.yaml', import.meta.url);
/**
 * The glossary's valid entries, for linking terms in lessons. An invalid file fails the build in
 * the content collection (src/content.config.ts), with every problem listed, not here.
 */
const glossaryText = readFileSync(glossaryFile, 'utf8');
const glossaryYaml = yamlProblems('src/data/glossary.yaml', glossaryText);
if (glossaryYaml.length > 0) throw new Error(`The glossary cannot be read:\n  - ${glossaryYaml.join('\n  - ')}`);
const glossary = validateGlossary('src/data/glossary.yaml', parse(glossaryText)).entries;

/**
 * Where the course is deployed: `SITE_URL` (the origin, e.g. `https://you.github.io`) and
 * `BASE_PATH` (the path it lives under, e.g. `/eda-course/` for a GitHub Pages project site).
 * The defaults serve it at the root of the local preview server.
 */
const site = process.env.SITE_URL || 'http://localhost:4321';
const base = normaliseBase(process.env.BASE_PATH);
/**
 * Where the build goes: `dist/` unless `OUT_DIR` says otherwise (`npm test` builds the site a second
 * time under BASE_PATH=/eda-course/ into `dist-sub/`, keeping `dist/` for the main e2e suite).
 */
const outDir = process.env.OUT_DIR || './dist';

/** Writes sitemap.xml and robots.txt for the built pages, absolute under the site and base path. */
const sitemap = {
  name: 'eda-course-sitemap',
  hooks: {
    /** @param {{ dir: URL, pages: { pathname: string }[] }} build */
    'astro:build:done': ({ dir, pages }) => {
      writeFileSync(new URL('sitemap.xml', dir), sitemapXml(site, base, pages.map((p) => p.pathname)));
      writeFileSync(new URL('robots.txt', dir), robotsTxt(site, base));
    },
  },
};

/**
 * avsc (the schema-evolution Try-it, loaded on first use) requires Node's `buffer` and `util`; in
 * browser bundles those resolve to the small shims in src/lib/tryit/node-shims/.
 */
const avscBrowserShims = {
  name: 'avsc-browser-shims',
  enforce: /** @type {const} */ ('pre'),
  /** @param {string} id @param {string | undefined} importer @param {{ ssr?: boolean } | undefined} options */
  resolveId(id, importer, options) {
    if (options?.ssr || (id !== 'buffer' && id !== 'util') || !importer?.includes('/node_modules/avsc/')) return null;
    return fileURLToPath(new URL(`./src/lib/tryit/node-shims/${id}.ts`, import.meta.url));
  },
};

/** The course is a fully static site: every page is rendered at build time. */
export default defineConfig({
  output: 'static',
  site,
  base,
  outDir,
  trailingSlash: 'always',
  integrations: [
    // Lessons link the first use of each glossary term to /glossary/ (src/lib/course/glossary-links.ts).
    // Last, root-relative links and images in content go under the base path (src/lib/site/base-plugin.ts).
    mdx({ processor: satteri({ hastPlugins: [glossaryLinksPlugin(glossary, new URL('./lessons/', import.meta.url)), basePathPlugin(base)] }) }),
    svelte(),
    sitemap,
    // Last: every built page gets its Content-Security-Policy meta tag (src/lib/site/csp.ts).
    cspIntegration(base),
  ],
  server: { port: 4321, host: 'localhost' },
  devToolbar: { enabled: false },
  vite: {
    plugins: [avscBrowserShims],
    // PGlite (the SQL labs' PostgreSQL) finds its WebAssembly next to its own module: the dev server must
    // serve it unbundled, and its worker (src/client/sql-worker.ts) is a module worker that splits chunks.
    optimizeDeps: { exclude: ['@electric-sql/pglite'] },
    worker: { format: 'es' },
  },
  build: { inlineStylesheets: 'never' },
  // Both themes are emitted as CSS variables; src/styles/global.css picks one per theme. The same options
  // render the SQL snippets pages include from files (src/components/SqlBlock.astro).
  markdown: { shikiConfig },
});
