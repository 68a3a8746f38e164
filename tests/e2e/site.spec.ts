import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { THEME_KEY, builtUrls, isRedirect } from './helpers.ts';

/** How many lessons the course has. */
const TOTAL = readdirSync(join(import.meta.dirname, '..', '..', 'lessons')).filter((f) => f.endsWith('.mdx')).length;

test('a learner goes from the home page to the first lesson and moves through the course', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Event-driven architecture');
  await expect(page.getByRole('heading', { name: 'Who it is for' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'How to use it' })).toBeVisible();
  const map = page.getByRole('region', { name: 'Course map' });
  await expect(map.getByRole('listitem')).toHaveCount(TOTAL);
  await expect(map.getByRole('link').first()).toHaveText('Event-driven architecture in one page');
  // A first visit offers one primary action, not "Continue" beside "Start".
  await expect(page.getByRole('link', { name: /Continue where you left off/ })).toBeHidden();
  await page.getByRole('link', { name: 'Start the course' }).click();
  await expect(page).toHaveURL(/\/lessons\/eda-in-one-page\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Event-driven architecture in one page');
  const outline = page.getByRole('navigation', { name: 'Course' });
  await expect(outline.getByRole('link', { name: 'Event-driven architecture in one page' })).toHaveAttribute('aria-current', 'page');
  const toc = page.getByRole('navigation', { name: 'On this page' });
  const firstSection = toc.getByRole('link').first();
  const target = (await firstSection.getAttribute('href')) ?? '';
  expect(target).toMatch(/^#.+/);
  await expect(page.locator(target)).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Previous and next lesson' })).toBeVisible();
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/lessons/eda-in-one-page/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('the theme follows the system until the learner chooses, and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const theme = page.getByRole('group', { name: 'Theme' });
  await expect(theme.getByRole('radio', { name: 'Auto' })).toBeChecked();
  await theme.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate((key) => localStorage.getItem(key), THEME_KEY)).toBe('dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark' })).toBeChecked();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 20, 25)');
});

test('a system dark preference is followed without a saved choice', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Auto' })).toBeChecked();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 20, 25)');
});

test('a saved theme is applied before the body is parsed, so there is no flash', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.addInitScript((key) => {
    localStorage.setItem(key, 'dark');
    const seen = new MutationObserver(() => {
      if (document.body) {
        (window as unknown as { themeAtBody: string }).themeAtBody = document.documentElement.dataset['theme'] ?? 'none';
        seen.disconnect();
      }
    });
    seen.observe(document, { childList: true, subtree: true });
  }, THEME_KEY);
  await page.goto('/lessons/eda-in-one-page/');
  expect(await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody)).toBe('dark');
});

test('the site keeps working when storage throws (locked-down browser)', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('link', { name: 'Start the course' })).toBeVisible();
  expect(errors).toEqual([]);
});

test.describe('at 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  // A page that moved (an old practice URL) only redirects; the page it leads to is checked itself.
  for (const url of builtUrls().filter((u) => !isRedirect(u))) {
    test(`${url} has no horizontal scrolling`, async ({ page }) => {
      await page.goto(url);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(320);
    });
  }
});
