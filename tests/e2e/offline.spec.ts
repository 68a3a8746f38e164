import { expect, test } from '@playwright/test';
import { visitOnce } from './helpers.ts';

// The service worker is blocked everywhere else (playwright.config.ts); these tests are about it.
test.use({ serviceWorkers: 'allow' });


test('after one visit, the course works offline: a lab run, a quiz answer, a search, the glossary and a progress export', async ({ page, context }) => {
  await visitOnce(page);
  await context.setOffline(true);

  await page.goto('/lessons/idempotent-consumers/');
  const lab = page.locator('section.lab');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab.getByRole('button', { name: 'Run to the end' })).toBeEnabled();
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  // The simulator engine is loaded on first use: a finished run proves its script came from the cache.
  await expect(lab.getByText(/run finished/i).first()).toBeVisible();

  await page.goto('/quizzes/idempotency/');
  const question = page.locator('form.question');
  await question.locator('input').first().check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByText(/^(Correct|Not quite)\.$/)).toBeVisible();

  await page.goto('/search/?q=outbox');
  await expect(page.locator('[data-search-results] a[href^="/lessons/dual-writes-and-outbox/"]').first()).toBeVisible();

  await page.goto('/glossary/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.goto('/progress/');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const file = await (await download).path();
  expect(file).toBeTruthy();
});

test('a page never visited still opens offline, because the whole site is precached', async ({ page, context }) => {
  await visitOnce(page);
  await context.setOffline(true);
  const response = await page.goto('/lessons/when-not-to-use-eda/');
  expect(response?.ok()).toBe(true);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('when a new version is published, the page offers "Reload to update" and reloads into it', async ({ page }) => {
  await visitOnce(page);
  // A worker script at a new URL in the same scope is installed as an update, as a new build's is.
  await page.evaluate(() => navigator.serviceWorker.register('/sw.js?build=next'));
  const notice = page.getByRole('status').filter({ hasText: 'A new version of the course is ready' });
  await expect(notice).toBeVisible();
  const reloaded = page.waitForEvent('load');
  await notice.getByRole('button', { name: 'Reload to update' }).click();
  await reloaded;
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/sw\.js\?build=next$/);
  await expect(page.getByRole('status').filter({ hasText: 'A new version of the course is ready' })).toHaveCount(0);
});
