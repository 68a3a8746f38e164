// @ts-check
import { defineConfig } from 'astro/config';
import { readFileSync } from 'node:fs';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import svelte from '@astrojs/svelte';
import { parse } from 'yaml';
import { validateGlossary } from './src/lib/course/glossary.ts';
import { yamlProblems } from './src/lib/course/yaml-problems.ts';
import { glossaryLinksPlugin } from './src/lib/course/glossary-plugin.ts';

const glossaryFile = new URL('./src/data/glossary.yaml', import.meta.url);
/**
 * The glossary's valid entries, for linking terms in lessons. An invalid file fails the build in
 * the content collection (src/content.config.ts), with every problem listed, not here.
 */
const glossaryText = readFileSync(glossaryFile, 'utf8');
const glossaryYaml = yamlProblems('src/data/glossary.yaml', glossaryText);
if (glossaryYaml.length > 0) throw new Error(`The glossary cannot be read:\n  - ${glossaryYaml.join('\n  - ')}`);
const glossary = validateGlossary('src/data/glossary.yaml', parse(glossaryText)).entries;

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
