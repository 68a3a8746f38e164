import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { builtPages } from '../helpers/site-weight.ts';

/** Key under which the theme choice is saved (see src/components/ThemeScript.astro). */
export const THEME_KEY = 'eda-course:theme';

/** The URL path of every page in the build, e.g. `/lessons/eda-in-one-page/` and `/404.html`. */
export function builtUrls(): string[] {
  return builtPages(join(import.meta.dirname, '..', '..', 'dist')).map((page) =>
    page === 'index.html' ? '/' : page.endsWith('/index.html') ? `/${page.slice(0, -'index.html'.length)}` : `/${page}`,
  );
}

/** Brings every island into view and waits until all have hydrated (Astro drops `ssr` then). */
export async function hydrateIslands(page: Page): Promise<void> {
  const islands = page.locator('astro-island');
  // <astro-island> is display: contents, so scroll its first rendered child into view instead. Each stays
  // in view until it has hydrated: a client:visible island scrolled past before its IntersectionObserver
  // fired (a busy machine) would never hydrate.
  for (const island of await islands.all()) {
    await island.evaluate((el) => el.firstElementChild?.scrollIntoView());
    await expect(island).not.toHaveAttribute('ssr', { timeout: 20_000 });
  }
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
}

/** Whether the built page at a URL path only redirects elsewhere (a moved page's old address). */
export function isRedirect(url: string): boolean {
  const file = url.endsWith('/') ? `${url}index.html` : url;
  return /<meta http-equiv="refresh"/i.test(readFileSync(join(import.meta.dirname, '..', '..', 'dist', file), 'utf8'));
}

/**
 * Records every Content-Security-Policy violation the page reports (`securitypolicyviolation`
 * events), from before the page's own scripts run. Read them with `cspViolations` before leaving the
 * page: a navigation starts a new list.
 */
export async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      const where = e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}` : '';
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'an inline script or style'}${where}${e.sample ? ` (“${e.sample}”)` : ''}`);
    });
  });
}

/** The violations recorded on the current page since it loaded (see `recordCspViolations`). */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? ['the violation recorder is not installed']);
}

/** The page's Content-Security-Policy meta tag, or null: a test of "no violations" must know a policy was there. */
export async function cspPolicy(page: Page): Promise<string | null> {
  return page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content', { timeout: 1000 }).catch(() => null);
}

/** Visits the home page once and waits until the service worker is active, i.e. has precached the site. */
export async function visitOnce(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/**
 * A simulator lab's challenge, taken as a learner would: start it, check it as it starts (it must
 * fail), apply `fix`, check again (it must pass and show as passed). Returns the challenge's card.
 */
export async function failThenPassChallenge(lab: Locator, id: string, fix: (lab: Locator) => Promise<unknown>): Promise<Locator> {
  const card = lab.locator(`[data-challenge="${id}"]`);
  await card.getByRole('button', { name: 'Start this challenge' }).click();
  const check = card.getByRole('button', { name: 'Check the challenge' });
  await check.click();
  await expect(card.getByText(/^Not yet:/)).toBeVisible();
  await fix(lab);
  await check.click();
  await expect(card.getByText(/^Passed:/)).toBeVisible();
  await expect(card.getByText('✓ Passed')).toBeVisible();
  return card;
}
