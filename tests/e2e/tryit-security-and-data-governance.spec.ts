import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator } from '@playwright/test';
import { THEME_KEY } from './helpers.ts';
import { expectFitsAt320, openTryIt, verdict } from './tryit-helpers.ts';

const URL = '/lessons/security-and-data-governance/';
const TITLE = 'Try it: verify this webhook';

/** The list of checks the verifier made. */
const checks = (region: Locator) => region.getByRole('list', { name: 'What the verifier checked' });

/** Picks a delivery and waits until its headers are signed. */
async function pick(region: Locator, label: string): Promise<void> {
  await region.getByLabel('Delivery', { exact: true }).selectOption({ label });
  await expect(region.getByText(/^v1,/).first()).toBeVisible();
}

test('predict, verify for real, and see why: a replay has a genuine signature but a stale timestamp', async ({ page }) => {
  const region = await openTryIt(page, URL, TITLE);
  const run = region.getByRole('button', { name: 'Verify the delivery' });
  await pick(region, 'A copy replayed 10 minutes later');
  await expect(region.getByText('(signed 10 minutes ago)')).toBeVisible();
  await expect(run).toBeDisabled();
  await region.getByRole('radio', { name: 'Reject it: the signature does not match' }).check();
  await run.click();
  await expect(verdict(region)).toHaveAttribute('data-right', 'false');
  await expect(verdict(region)).toContainText('the result is “Reject it: the timestamp is outside the window”');
  await expect(verdict(region)).toContainText('proves who sent it, not when');
  await expect(checks(region).getByRole('listitem')).toHaveText([/Signature: passed/, /Timestamp: failed/, /Delivery id: passed/]);
  await expect(region.getByRole('status')).toContainText('Timestamp: failed.');
});

test('one edited character of a genuine body fails the signature; the retry is acknowledged, not processed', async ({ page }) => {
  const region = await openTryIt(page, URL, TITLE);
  const run = region.getByRole('button', { name: 'Verify the delivery' });
  const body = region.getByLabel('Body as received (you can edit it)');
  await body.fill((await body.inputValue()).replace('ord_48213', 'ord_48214'));
  await region.getByRole('radio', { name: 'Accept it and process the event' }).check();
  await run.click();
  await expect(verdict(region)).toHaveAttribute('data-right', 'false');
  await expect(checks(region).getByRole('listitem').first()).toContainText('Signature: failed');

  await pick(region, 'The same delivery, retried');
  await expect(verdict(region)).toHaveCount(0);
  await expect(body).toHaveValue(/ord_48213/);
  await region.getByRole('radio', { name: 'Acknowledge it (2xx) but do not process it again' }).check();
  await run.click();
  await expect(verdict(region)).toHaveAttribute('data-right', 'true');
  await expect(verdict(region)).toContainText('Your prediction was right');
  await expect(checks(region).getByRole('listitem').last()).toContainText('Delivery id: failed');
});

test('is usable from the keyboard', async ({ page }) => {
  const region = await openTryIt(page, URL, TITLE);
  await region.getByLabel('Delivery', { exact: true }).focus();
  await page.keyboard.press('ArrowDown'); // One character of the body changed
  await expect(region.getByText(/changed the amount from 4999 to 9999/)).toBeVisible();
  await region.getByRole('radio', { name: 'Reject it: the signature does not match' }).focus();
  await page.keyboard.press('Space');
  await region.getByRole('button', { name: 'Verify the delivery' }).focus();
  await page.keyboard.press('Enter');
  await expect(verdict(region)).toHaveAttribute('data-right', 'true');
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violations in the Try-it after a run, ${theme} theme`, async ({ page }) => {
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [THEME_KEY, theme] as const);
    const region = await openTryIt(page, URL, TITLE);
    await pick(region, 'During a rotation: two signatures');
    await region.getByRole('radio', { name: 'Accept it and process the event' }).check();
    await region.getByRole('button', { name: 'Verify the delivery' }).click();
    await expect(verdict(region)).toHaveAttribute('data-right', 'true');
    // Bring the Try-it's top to the top of the window, so no control sits half under the sticky header.
    await region.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const results = await new AxeBuilder({ page }).include('.tryit').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('fits a 320 px wide screen after a run', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  const region = await openTryIt(page, URL, TITLE);
  await pick(region, 'During a rotation: two signatures');
  await region.getByRole('radio', { name: 'Accept it and process the event' }).check();
  await region.getByRole('button', { name: 'Verify the delivery' }).click();
  await expect(verdict(region)).toBeVisible();
  await expectFitsAt320(page, region);
});
