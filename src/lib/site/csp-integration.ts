import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersFile, securePage } from './csp.ts';

/** Every `.html` file under `dir`, as paths relative to it. */
function htmlFiles(dir: string, from = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'pagefind' ? [] : htmlFiles(path, from);
    return entry.name.endsWith('.html') ? [relative(from, path)] : [];
  });
}

/** The URL path a built file is served at under `base` (`lessons/x/index.html` → `/eda-course/lessons/x/`). */
export function servedPath(file: string, base: string): string {
  const path = file.split(sep).join('/').replace(/(^|\/)index\.html$/, '$1');
  return `${base}${path}`;
}

/**
 * The Astro integration that gives every built page its Content-Security-Policy meta tag and the
 * output fixes that go with it (src/lib/site/csp.ts), then writes `_headers` with each page's policy
 * and `frame-ancestors 'none'`. It runs when Astro has written the pages, before the search index and
 * the service worker are built from them.
 */
export function cspIntegration(base: string) {
  return {
    name: 'eda-course-csp',
    hooks: {
      'astro:build:done': ({ dir, logger }: { dir: URL; logger: { info(message: string): void } }) => {
        const out = fileURLToPath(dir);
        const pages: { path: string; policy: string }[] = [];
        let styles = 0;
        for (const file of htmlFiles(out)) {
          const secured = securePage(readFileSync(join(out, file), 'utf8'));
          writeFileSync(join(out, file), secured.html);
          pages.push({ path: servedPath(file, base), policy: secured.policy });
          styles += secured.movedStyles;
        }
        const template = join(out, '_headers');
        if (existsSync(template)) writeFileSync(template, headersFile(readFileSync(template, 'utf8'), pages.sort((a, b) => a.path.localeCompare(b.path))));
        logger.info(`Content-Security-Policy on ${pages.length} pages; ${styles} style attributes moved to classes.`);
      },
    },
  };
}
