import { expect, test } from '@playwright/test';

test('searching from the header with the keyboard finds the idempotency lesson on the first page of results', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: 'Search the course' });
  await box.focus();
  await page.keyboard.type('idempotent');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=idempotent$/);
  const results = page.locator('[data-search-results] li');
  await expect(results.first()).toBeVisible();
  const links = await results.locator('h2 a').evaluateAll((as) => as.slice(0, 10).map((a) => a.getAttribute('href')));
  expect(links).toContain('/lessons/idempotent-consumers/');
  await expect(results.locator('mark').first()).toBeVisible();
});

test('quiz explanations are searchable and lead to their bank', async ({ page }) => {
  await page.goto('/search/?q=visibility%20timeout');
  const links = page.locator('[data-search-results] h2 a');
  await expect(links.first()).toBeVisible();
  expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toContainEqual(expect.stringMatching(/^\/quizzes\/failures-retries-dead-letters\/#fail-\d+$/));
});

test('a search with no match says so', async ({ page }) => {
  await page.goto('/search/?q=zzyzxq');
  await expect(page.getByRole('status').filter({ hasText: 'No results for “zzyzxq”.' })).toBeVisible();
});
