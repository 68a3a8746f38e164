/**
 * How code is highlighted, in one place: Markdown's fenced blocks (astro.config.mjs, `markdown.shikiConfig`)
 * and the blocks a page includes from a file (src/components/SqlBlock.astro) render the same way.
 * Both themes are emitted as CSS variables (`defaultColor: false`); src/styles/global.css picks one per theme.
 */
export const shikiConfig = {
  themes: { light: 'github-light-default', dark: 'github-dark-default' },
  defaultColor: false,
  wrap: false,
} as const;
