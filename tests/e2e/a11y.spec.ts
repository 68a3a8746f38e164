import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { THEME_KEY, builtUrls, cspPolicy, cspViolations, hydrateIslands, isRedirect, recordCspViolations } from './helpers.ts';

const urls = builtUrls();

test('the sweep covers every built page', () => {
  expect(urls).toContain('/');
  expect(urls).toContain('/lessons/eda-in-one-page/');
});

for (const theme of ['light', 'dark'] as const) {
  for (const url of urls) {
    test(`axe finds no violations on ${url} in the ${theme} theme, nor does the Content-Security-Policy`, async ({ page }) => {
      await recordCspViolations(page);
      await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [THEME_KEY, theme] as const);
      await page.goto(url);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await hydrateIslands(page);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(summary).toEqual([]);
      // The strict policy every page carries (src/lib/site/csp.ts) blocks nothing the page needs.
      if (!isRedirect(url)) expect(await cspPolicy(page)).toMatch(/script-src 'self'/);
      expect(await cspViolations(page)).toEqual([]);
    });
  }
}
