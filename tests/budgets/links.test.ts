import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/content-files.ts';
import { checkLinks } from '../helpers/link-check.ts';

/**
 * No dead links, in the main build (`dist/`, served from `/`) and in the sub-path build
 * (`dist-sub/`, built by `npm run build:sub` with BASE_PATH=/eda-course/, as on a GitHub Pages
 * project site). `npm test` makes both and sets REQUIRE_SUB_BUILD=1, so there the sub-path build
 * must exist; a local `vitest run tests/budgets` after only `npm run build` checks `dist/` alone.
 */
const builds = [
  { dist: join(root, 'dist'), base: '/', required: true },
  { dist: join(root, 'dist-sub'), base: '/eda-course/', required: process.env['REQUIRE_SUB_BUILD'] === '1' },
];

for (const { dist, base, required } of builds) {
  const built = existsSync(join(dist, 'index.html'));
  describe.runIf(built || required)(`links in the build served under ${base} (no dead links)`, () => {
    const result = built ? checkLinks(dist, base) : undefined;

    it('the build exists', () => {
      expect(built, `${dist} has no build: run \`npm run ${base === '/' ? 'build' : 'build:sub'}\` first`).toBe(true);
    });

    it('every internal link, asset and in-page anchor resolves, under the base path', () => {
      expect(result?.checked ?? 0).toBeGreaterThan(100);
      expect(result?.broken).toEqual([]);
    });

    it('internal links end with a slash, the form of every stable URL', () => {
      expect(result?.unstable).toEqual([]);
    });
  });
}

describe('the link checker', () => {
  it('flags every root-relative URL of the root build when told the site lives under /eda-course/', () => {
    const result = checkLinks(join(root, 'dist'), '/eda-course/');
    expect(result.broken.length).toBeGreaterThan(100);
    expect(result.broken[0]).toMatch(/is outside the base path \/eda-course\/: write it with withBase\(\)/);
  });
});
