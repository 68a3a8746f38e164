import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator } from '@playwright/test';
import { THEME_KEY } from './helpers.ts';
import { expectFitsAt320, openTryIt, verdict } from './tryit-helpers.ts';

const URL = '/lessons/testing-event-driven-systems/';
const TITLE = 'Try it: which test catches it?';

const results = (region: Locator) => region.getByRole('list', { name: 'Test results' }).getByRole('listitem');

/** Picks the in-memory de-duplication handler, predicts "only the duplicate test", and runs. */
async function runMemoryDedupe(region: Locator): Promise<void> {
  await region.getByRole('radio', { name: /De-duplicates in memory/ }).check();
  await region.getByRole('radio', { name: 'Only the duplicate test' }).check();
  await region.getByRole('button', { name: 'Run the five tests' }).click();
  await expect(verdict(region)).toBeVisible();
}

test('predict, run the five tests against a handler, and see which fail and why', async ({ page }) => {
  const region = await openTryIt(page, URL, TITLE);
  const run = region.getByRole('button', { name: 'Run the five tests' });
  await expect(run).toBeDisabled();
  await expect(results(region)).toHaveCount(5);
  await expect(results(region).first()).toContainText('not run');

  await runMemoryDedupe(region);
  await expect(verdict(region)).toHaveAttribute('data-right', 'false');
  await expect(verdict(region)).toContainText('the result is “Only the crash test”');
  await expect(verdict(region)).toContainText('The crash empties it');
  await expect(region.getByText('1 of 5 tests failed.')).toBeVisible();
  await expect(results(region).nth(1)).toHaveAttribute('data-status', 'passed');
  await expect(results(region).nth(3)).toHaveAttribute('data-status', 'failed');
  await expect(results(region).nth(3)).toContainText('✗ failed');
  await expect(results(region).nth(3)).toContainText('Expected one ledger entry for evt-1, found 2');
  await expect(region.getByRole('status')).toContainText('Crash between the two steps: failed');

  // Changing the handler clears the result until the next run.
  await region.getByRole('radio', { name: /No de-duplication/ }).check();
  await expect(verdict(region)).toHaveCount(0);
  await expect(results(region).nth(3)).toContainText('not run');
  await region.getByRole('radio', { name: 'The duplicate and the crash tests' }).check();
  await run.click();
  await expect(verdict(region)).toHaveAttribute('data-right', 'true');
  await expect(region.getByText('2 of 5 tests failed.')).toBeVisible();
});

test('the reference handler passes all five, chosen by keyboard', async ({ page }) => {
  const region = await openTryIt(page, URL, TITLE);
  const reference = region.getByRole('radio', { name: /The reference handler/ });
  await reference.focus();
  await page.keyboard.press('Space');
  await expect(reference).toBeChecked();
  const none = region.getByRole('radio', { name: 'None: every test passes' });
  await none.focus();
  await page.keyboard.press('Space');
  await region.getByRole('button', { name: 'Run the five tests' }).focus();
  await page.keyboard.press('Enter');
  await expect(verdict(region)).toHaveAttribute('data-right', 'true');
  await expect(region.getByText('All five tests passed.')).toBeVisible();
  for (const item of await results(region).all()) await expect(item).toHaveAttribute('data-status', 'passed');
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violations in the Try-it after a run, ${theme} theme`, async ({ page }) => {
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [THEME_KEY, theme] as const);
    const region = await openTryIt(page, URL, TITLE);
    await runMemoryDedupe(region);
    const found = await new AxeBuilder({ page }).include('.tryit').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(found.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('the Try-it fits a 320 px wide screen after a run', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  const region = await openTryIt(page, URL, TITLE);
  await runMemoryDedupe(region);
  await expectFitsAt320(page, region);
});
