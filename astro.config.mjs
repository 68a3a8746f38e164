// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';

/** The course is a fully static site: every page is rendered at build time. */
export default defineConfig({
  output: 'static',
  site: 'http://localhost:4321',
  trailingSlash: 'always',
  integrations: [mdx(), svelte()],
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
