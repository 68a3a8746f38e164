/**
 * The path the course is served under (`BASE_PATH` at build time, read by astro.config.mjs into
 * Astro's `base`): `/` locally, e.g. `/eda-course/` for a GitHub Pages project site. Every link,
 * asset and fetch the course writes from the site root goes through `withBase`, so the same source
 * works at any depth. Markdown and MDX content keeps writing `/quizzes/x/`: the `basePathPlugin`
 * (src/lib/site/base-plugin.ts) prefixes those links at build time.
 */

/** A base path in one form: leading and trailing slash (`/`, `/eda-course/`). */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * The build's base path: `import.meta.env.BASE_URL` under Vite (pages, islands, client scripts,
 * Vitest), which Astro sets from astro.config.mjs's `base`, already in `normaliseBase`'s form.
 */
export const BASE: string = (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/';

/** Whether `url` is a path from the site root (`/lessons/`), not a full URL, `//host/…`, a relative path or a `#fragment`. */
export function isRootRelative(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//');
}

/**
 * A root-relative path (`/quizzes/x/#q1`) under the base (`/eda-course/quizzes/x/#q1`). Anything else
 * (full URLs, `#fragments`, relative paths, `mailto:`) is returned unchanged, and so is a path that
 * already starts with the base, so applying it twice is harmless.
 */
export function withBase(path: string, base: string = BASE): string {
  return base === '/' || !isRootRelative(path) || path.startsWith(base) ? path : `${base}${path.slice(1)}`;
}

/** The site-root path of a URL under the base (`/eda-course/lessons/` → `/lessons/`); other URLs unchanged. `base` as for `withBase`. */
export function withoutBase(path: string, base: string = BASE): string {
  return base !== '/' && path.startsWith(base) ? path.slice(base.length - 1) : path;
}
