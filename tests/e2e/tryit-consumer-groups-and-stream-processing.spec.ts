import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { THEME_KEY } from './helpers.ts';
import { expectFitsAt320, openTryIt, verdict } from './tryit-helpers.ts';

const URL = '/lessons/consumer-groups-and-stream-processing/';
const TITLE = 'Try it: windows, late orders and grace';

test('predict, run, and see late orders dropped or kept by the grace period', async ({ page }) => {
  const region = await openTryIt(page, URL, TITLE);
  const run = region.getByRole('button', { name: 'Run the windows' });
  await expect(run).toBeDisabled();
  await region.getByRole('radio', { name: '5 orders' }).check();
  await run.click();
  await expect(verdict(region)).toHaveAttribute('data-right', 'false');
  await expect(verdict(region)).toContainText('Not this time: you predicted “5 orders”; the result is “3 orders”.');
  const orders = region.getByRole('list', { name: 'What happened to each order' });
  await expect(orders.getByRole('listitem')).toHaveCount(7);
  await expect(orders.getByRole('listitem').filter({ hasText: /^Dropped ord_5 happened at 12:03:40/ })).toBeVisible();
  await expect(region.getByRole('status')).toContainText('12:00–12:05 counted 3 orders; 2 dropped as late.');

  await region.getByLabel('Grace period').selectOption({ label: '3 minutes' });
  await expect(verdict(region)).toHaveCount(0);
  await run.click();
  await expect(verdict(region)).toHaveAttribute('data-right', 'true');
  await expect(region.getByText('Dropped as late: 0')).toBeVisible();

  await region.getByRole('radio', { name: /^Processing time/ }).check();
  await expect(region.getByLabel('Grace period')).toBeDisabled();
  await region.getByRole('radio', { name: '2 orders' }).check();
  await run.click();
  await expect(verdict(region)).toHaveAttribute('data-right', 'true');
  await expect(orders.getByRole('listitem').filter({ hasText: /^Counted ord_5 arrived at 12:05:50: counted in 12:05–12:10/ })).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violations in the windows Try-it after a run, ${theme} theme`, async ({ page }) => {
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [THEME_KEY, theme] as const);
    const region = await openTryIt(page, URL, TITLE);
    await region.getByRole('radio', { name: '4 orders' }).check();
    await region.getByRole('button', { name: 'Run the windows' }).click();
    await expect(verdict(region)).toBeVisible();
    const results = await new AxeBuilder({ page }).include('section.tryit').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('the windows Try-it fits a 320 px wide screen after a run', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  const region = await openTryIt(page, URL, TITLE);
  await region.getByRole('radio', { name: '3 orders' }).check();
  await region.getByRole('button', { name: 'Run the windows' }).click();
  await expect(verdict(region)).toBeVisible();
  await expectFitsAt320(page, region);
});
