import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/content-files.ts';
import { builtPages } from '../helpers/site-weight.ts';

const dist = join(root, 'dist');
const pages = builtPages(dist);
const html = new Map(pages.map((page) => [page, readFileSync(join(dist, page), 'utf8')]));

/** The built file a site-internal URL path is served from, if any. */
function fileFor(path: string): string | undefined {
  const clean = decodeURIComponent(path.replace(/^\//, ''));
  for (const candidate of [clean, `${clean}index.html`, `${clean}/index.html`]) {
    if (candidate !== '' && existsSync(join(dist, candidate)) && !candidate.endsWith('/')) return candidate;
  }
  return clean === '' ? 'index.html' : undefined;
}

const ids = (source: string) => new Set([...source.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));

describe('links in the built site (no dead links)', () => {
  it('every internal link and in-page anchor resolves', () => {
    const broken: string[] = [];
    for (const [page, source] of html) {
      for (const match of source.matchAll(/<a\b[^>]*\shref="([^"]*)"/g)) {
        const href = (match[1] ?? '').replace(/&amp;/g, '&');
        if (/^(?:[a-z]+:|\/\/)/i.test(href)) continue;
        const [withQuery = '', hash] = href.split('#');
        // A query string selects something on the page (e.g. /drills/?lesson=…); the page is the path.
        const path = withQuery.split('?')[0] ?? '';
        const target = path === '' ? page : path.startsWith('/') ? fileFor(path) : undefined;
        if (!target) {
          broken.push(`${page}: link to ${href} has no page${path.startsWith('/') ? '' : ' (use a root-relative URL)'}`);
          continue;
        }
        if (hash && !ids(html.get(target) ?? '').has(decodeURIComponent(hash))) broken.push(`${page}: link to ${href} has no #${hash} on ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('internal links end with a slash, the form of every stable URL', () => {
    const unstable = [...html].flatMap(([page, source]) =>
      [...source.matchAll(/<a\b[^>]*\shref="(\/[^"#?]*)"/g)].map((m) => m[1] ?? '').filter((href) => !href.endsWith('/') && !/\.\w+$/.test(href)).map((href) => `${page}: ${href}`),
    );
    expect(unstable).toEqual([]);
  });
});
