import { expect, type Locator, type Page } from '@playwright/test';

/** Opens a lesson, scrolls its Try-it (the region named `title`) into view and waits until it has hydrated. */
export async function openTryIt(page: Page, url: string, title: string): Promise<Locator> {
  await page.goto(url);
  const region = page.getByRole('region', { name: title });
  await region.scrollIntoViewIfNeeded();
  // Controls are disabled until the island hydrates, so "enabled" means "ready for input".
  await expect(region.getByRole('radio').first()).toBeEnabled();
  return region;
}

/** The verdict under a Try-it's prediction. */
export const verdict = (region: Locator) => region.locator('[data-right]');

/** Fails unless neither the page nor the Try-it is wider than a 320 px screen. */
export async function expectFitsAt320(page: Page, region: Locator): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= 320)).toBe(true);
  expect(await region.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= 320)).toBe(true);
}
