import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator } from '@playwright/test';
import { THEME_KEY } from './helpers.ts';
import { expectFitsAt320, openTryIt, verdict } from './tryit-helpers.ts';

const URL = '/lessons/multi-region-and-disaster-recovery/';
const TITLE = 'Try it: fail over a region';

/** Fails region A at second 8 with 1 s of lag, a cluster link and no de-duplication. */
async function runDefault(region: Locator): Promise<void> {
  await region.getByLabel('Region A fails at').selectOption('8');
  await region.getByRole('radio', { name: '1 s behind' }).check();
  await region.getByRole('radio', { name: 'Cluster link: same offsets, synced as they are' }).check();
  await region.getByRole('radio', { name: 'No check: charge every order read' }).check();
  await region.getByRole('radio', { name: 'Some orders never reach B and some are charged twice' }).check();
  await region.getByRole('button', { name: 'Fail region A' }).click();
  await expect(verdict(region)).toBeVisible();
}

test('predict, fail the region, see the lost tail and the repeated charges beside the prediction', async ({ page }) => {
  const region = await openTryIt(page, URL, TITLE);
  const run = region.getByRole('button', { name: 'Fail region A' });
  await expect(run).toBeDisabled();
  await runDefault(region);
  await expect(verdict(region)).toHaveAttribute('data-right', 'true');
  await expect(verdict(region)).toContainText('Your prediction was right');
  await expect(region.getByText('Never reached B: 8. Charged twice: 6, 7.', { exact: true })).toBeVisible();
  const orders = region.getByRole('list', { name: 'What happened to each order' });
  await expect(orders.getByRole('listitem')).toHaveCount(8);
  await expect(orders.getByRole('listitem').nth(7)).toContainText('never reached B');
  await expect(orders.getByRole('listitem').nth(6)).toContainText('charged twice');
  await expect(orders.getByRole('listitem').nth(0)).toContainText('in B, charged once');
  await expect(region.getByRole('status')).toContainText('Charged twice: 6, 7.');

  // A setting change clears the result; the provider's key absorbs the repeats, from the keyboard.
  const globalKey = region.getByRole('radio', { name: 'Send the provider the key charge-<order id>' });
  await globalKey.focus();
  await page.keyboard.press('Space');
  await expect(globalKey).toBeChecked();
  await expect(verdict(region)).toHaveCount(0);
  await run.click();
  await expect(verdict(region)).toHaveAttribute('data-right', 'false');
  await expect(verdict(region)).toContainText('the result is “Some orders never reach B, but nobody is charged twice”');
  await expect(region.getByText('Never reached B: 8. Charged twice: none.', { exact: true })).toBeVisible();
});

test('synchronous replication with exact offsets synced at the failure loses and repeats nothing', async ({ page }) => {
  const region = await openTryIt(page, URL, TITLE);
  await region.getByLabel('Region A fails at').selectOption('10');
  await region.getByRole('radio', { name: '0 s (synchronous, like a stretch cluster)' }).check();
  await region.getByRole('radio', { name: 'Cluster link: same offsets, synced as they are' }).check();
  await region.getByRole('radio', { name: 'Nothing is lost and nobody is charged twice' }).check();
  await region.getByRole('button', { name: 'Fail region A' }).click();
  await expect(verdict(region)).toHaveAttribute('data-right', 'true');
  await expect(verdict(region)).toContainText('RPO of zero');
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violations in the failover Try-it after a run, ${theme} theme`, async ({ page }) => {
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [THEME_KEY, theme] as const);
    const region = await openTryIt(page, URL, TITLE);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await runDefault(region);
    const results = await new AxeBuilder({ page }).include('.tryit').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('the failover Try-it fits a 320 px wide screen after a run', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  const region = await openTryIt(page, URL, TITLE);
  await runDefault(region);
  await expectFitsAt320(page, region);
});
