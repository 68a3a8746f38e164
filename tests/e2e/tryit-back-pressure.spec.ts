import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator } from '@playwright/test';
import { THEME_KEY } from './helpers.ts';
import { expectFitsAt320, openTryIt, verdict } from './tryit-helpers.ts';

const URL = '/lessons/back-pressure-and-fan-out/';
const TITLE = 'Try it: a flash sale against a rate limit';

/** Picks the shaped strategy, predicts the right outcome and runs the sale. */
async function runShaped(region: Locator): Promise<void> {
  await region.getByRole('radio', { name: /a shared token bucket at 80 calls\/s/ }).check();
  await region.getByRole('radio', { name: 'Orders wait in the topic; every one is charged and none rejected' }).check();
  await region.getByRole('button', { name: 'Run the sale' }).click();
  await expect(verdict(region)).toBeVisible();
}

test('back-pressure: predict first; an unbounded queue crashes, a shared token bucket delays without a 429', async ({ page }) => {
  const region = await openTryIt(page, URL, TITLE);
  const run = region.getByRole('button', { name: 'Run the sale' });
  await expect(run).toBeDisabled();

  await region.getByRole('radio', { name: /Unbounded in-memory queue/ }).check();
  await region.getByRole('radio', { name: 'The provider rejects calls with 429' }).check();
  await run.click();
  await expect(verdict(region)).toHaveAttribute('data-right', 'false');
  await expect(verdict(region)).toContainText('the result is “Memory runs out and the consumer crashes”');
  const counts = region.getByRole('definition');
  await expect(region.getByRole('term').filter({ hasText: 'Crashes' })).toHaveText('Crashes problem');
  await expect(counts.nth(3)).not.toHaveText('0');
  await expect(region.getByRole('img', { name: /Orders waiting, second by second/ })).toBeVisible();
  await expect(region.getByRole('status')).toContainText('Crashes:');

  // Changing the spike invalidates the result; at 150 a second the same queue never fills memory.
  await region.getByLabel('Spike').selectOption({ label: '150 orders a second' });
  await expect(verdict(region)).toHaveCount(0);
  await run.click();
  await expect(verdict(region)).toHaveAttribute('data-right', 'true');
  await expect(counts.nth(3)).toHaveText('0');
  await expect(region.getByRole('term').filter({ hasText: 'Crashes' })).toHaveText('Crashes fine');

  await region.getByLabel('Spike').selectOption({ label: '300 orders a second' });
  await runShaped(region);
  await expect(verdict(region)).toHaveAttribute('data-right', 'true');
  await expect(verdict(region)).toContainText('nothing is rejected or lost');
  await expect(counts.nth(0)).toHaveText('13,500 of 13,500');
  await expect(counts.nth(2)).toHaveText('0');
  await expect(region.getByText(/Finished: the last order was charged at 169 s\./)).toBeVisible();
});

test('back-pressure: keyboard only, autoscaling on lag ends in 429s and rebalances', async ({ page }) => {
  const region = await openTryIt(page, URL, TITLE);
  const autoscale = region.getByRole('radio', { name: /autoscale on lag/ });
  await autoscale.focus();
  await page.keyboard.press('Space');
  await expect(autoscale).toBeChecked();
  const predict = region.getByRole('radio', { name: 'Orders wait in the topic; every one is charged and none rejected' });
  await predict.focus();
  await page.keyboard.press('Space');
  await region.getByRole('button', { name: 'Run the sale' }).focus();
  await page.keyboard.press('Enter');
  await expect(verdict(region)).toHaveAttribute('data-right', 'false');
  await expect(verdict(region)).toContainText('Lag is a symptom');
  await expect(region.getByText(/rebalanced the group \d+ times, up to 12 pods/)).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violations in the back-pressure Try-it after a run, ${theme} theme`, async ({ page }) => {
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [THEME_KEY, theme] as const);
    const region = await openTryIt(page, URL, TITLE);
    await runShaped(region);
    const results = await new AxeBuilder({ page }).include('.tryit').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('the back-pressure Try-it fits a 320 px wide screen after a run', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  const region = await openTryIt(page, URL, TITLE);
  await runShaped(region);
  await expectFitsAt320(page, region);
});
