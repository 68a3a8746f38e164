// @ts-check
import { defineConfig } from 'astro/config';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import svelte from '@astrojs/svelte';
import { parse } from 'yaml';
import { validateGlossary } from './src/lib/course/glossary.ts';
import { glossaryLinksPlugin } from './src/lib/course/glossary-plugin.ts';

const glossaryFile = new URL('./src/data/glossary.yaml', import.meta.url);
/**
 * The glossary's valid entries, for linking terms in lessons. An invalid file fails the build in
 * the content collection (src/content.config.ts), with every problem listed, not here.
 */
const glossary = validateGlossary('src/data/glossary.yaml', parse(readFileSync(glossaryFile, 'utf8'))).entries;

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
  site: 'http://localhost:4321',
  trailingSlash: 'always',
  integrations: [
    // Lessons link the first use of each glossary term to /glossary/ (src/lib/course/glossary-links.ts).
    mdx({ processor: satteri({ hastPlugins: [glossaryLinksPlugin(glossary, new URL('./lessons/', import.meta.url))] }) }),
    svelte(),
  ],
  server: { port: 4321, host: 'localhost' },
  devToolbar: { enabled: false },
  vite: { plugins: [avscBrowserShims] },
  build: { inlineStylesheets: 'never' },
  markdown: {
    shikiConfig: {
      // Both themes are emitted as CSS variables; src/styles/global.css picks one per theme.
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: false,
      wrap: false,
    },
  },
});
