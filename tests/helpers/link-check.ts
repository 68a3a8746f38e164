import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages } from './site-weight.ts';

/**
 * Dead-link check of one build: every internal link, asset and in-page anchor of every page resolves
 * to a file of the build, and every root-relative URL lives under the build's base path (`/` or e.g.
 * `/eda-course/`), so a link written from `/` without `withBase` (src/lib/site/base.ts) is caught.
 */
export interface LinkCheck {
  /** Problems, one a line: `<page>: <what> <url> …`. */
  broken: string[];
  /** Links ending neither in a slash nor a file extension. */
  unstable: string[];
  /** How many URLs were checked, so a check that found nothing to check cannot pass silently. */
  checked: number;
}

/** Attributes holding a URL the browser follows or loads. */
const URL_ATTRIBUTES = /<(a|link|script|img|source|form)\b[^>]*?\s(href|src|action)="([^"]*)"/g;
const ids = (source: string) => new Set([...source.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));

export function checkLinks(dist: string, base: string): LinkCheck {
  const pages = builtPages(dist);
  const html = new Map(pages.map((page) => [page, readFileSync(join(dist, page), 'utf8')]));

  /** The built file a site-internal URL path (already without the base) is served from, if any. */
  const fileFor = (path: string): string | undefined => {
    const clean = decodeURIComponent(path.replace(/^\//, ''));
    for (const candidate of [clean, `${clean}index.html`, `${clean}/index.html`]) {
      if (candidate !== '' && existsSync(join(dist, candidate)) && !candidate.endsWith('/')) return candidate;
    }
    return clean === '' ? 'index.html' : undefined;
  };

  const broken: string[] = [];
  const unstable: string[] = [];
  let checked = 0;
  for (const [page, source] of html) {
    for (const match of source.matchAll(URL_ATTRIBUTES)) {
      const [, tag = '', attribute = '', raw = ''] = match;
      const url = raw.replace(/&amp;/g, '&');
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) continue;
      checked += 1;
      const [withQuery = '', hash] = url.split('#');
      // A query string selects something on the page (e.g. /drills/?lesson=…); the page is the path.
      const path = withQuery.split('?')[0] ?? '';
      const where = `${page}: <${tag} ${attribute}="${url}">`;
      if (path !== '' && !path.startsWith('/')) {
        broken.push(`${where} is relative; use a root-relative URL under the base path ${base}`);
        continue;
      }
      if (path !== '' && !path.startsWith(base) && `${path}/` !== base) {
        broken.push(`${where} is outside the base path ${base}: write it with withBase() (src/lib/site/base.ts), or in content as /…/ (the base-path plugin prefixes it)`);
        continue;
      }
      const target = path === '' ? page : fileFor(path.slice(base.length - 1));
      if (!target) {
        broken.push(`${where} has no file in the build`);
        continue;
      }
      if (tag === 'a' && hash && !ids(html.get(target) ?? '').has(decodeURIComponent(hash))) broken.push(`${where}: no id="${hash}" on ${target}`);
      if (tag === 'a' && path !== '' && !path.endsWith('/') && !/\.\w+$/.test(path)) unstable.push(`${where} does not end with a slash, the form of every stable URL`);
    }
  }
  return { broken, unstable, checked };
}
