import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { THEME_KEY } from './helpers.ts';

/** Opens a lesson, scrolls its Try-it into view and waits until the island has hydrated. */
async function openTryIt(page: Page, url: string, title: string): Promise<Locator> {
  await page.goto(url);
  const region = page.getByRole('region', { name: title });
  await region.scrollIntoViewIfNeeded();
  // Predictions are disabled until the island hydrates, so "enabled" means "ready for input".
  await expect(region.getByRole('radio').first()).toBeEnabled();
  return region;
}

/** The verdict under the prediction. */
const verdict = (region: Locator) => region.locator('[data-right]');

/** One Try-it: where it lives, and how to take it to a result (with a prediction made). */
interface TryIt {
  url: string;
  title: string;
  run: (region: Locator) => Promise<void>;
}

const SCHEMA: TryIt = {
  url: '/lessons/schema-evolution/',
  title: 'Try it: is v2 compatible?',
  run: async (region) => {
    await region.getByRole('button', { name: 'Remove a field (customerId)' }).click();
    await region.getByRole('radio', { name: 'BACKWARD only' }).check();
    await region.getByRole('button', { name: 'Check compatibility' }).click();
    await expect(verdict(region)).toBeVisible();
  },
};

test.describe('schema evolution', () => {
  test('predict, check with avsc, see each mode explained beside the prediction', async ({ page }) => {
    const region = await openTryIt(page, SCHEMA.url, SCHEMA.title);
    const check = region.getByRole('button', { name: 'Check compatibility' });
    await region.getByRole('button', { name: 'Change totalCents from int to long' }).click();
    await expect(region.getByLabel('v2 (edit freely)')).toHaveValue(/"type": "long"/);
    await expect(check).toBeDisabled();
    await region.getByRole('radio', { name: 'Passes all three (FULL)' }).check();
    await check.click();
    await expect(verdict(region)).toHaveAttribute('data-right', 'false');
    await expect(verdict(region)).toContainText('Not this time: you predicted “Passes all three (FULL)”; the result is “BACKWARD only”.');
    const verdicts = region.getByRole('list', { name: 'Verdicts' });
    await expect(verdicts.getByRole('listitem', { name: 'BACKWARD: passes' })).toContainText('promotes');
    await expect(verdicts.getByRole('listitem', { name: 'FORWARD: fails' })).toContainText('avsc says: cannot read "long" as "int"');
    await expect(verdicts.getByRole('listitem', { name: 'FULL: fails' })).toBeVisible();
    await expect(region.getByRole('status')).toContainText('BACKWARD passes, FORWARD fails, FULL fails');

    await region.getByRole('button', { name: 'Add a required field (channel)' }).click();
    await region.getByRole('radio', { name: 'FORWARD only' }).check();
    await check.click();
    await expect(verdict(region)).toHaveAttribute('data-right', 'true');
    await expect(verdict(region)).toContainText('“channel” without a default');
  });

  test('loads avsc only on the first check', async ({ page }) => {
    const loaded: string[] = [];
    page.on('request', (r) => {
      if (/avsc/.test(r.url())) loaded.push(r.url());
    });
    const region = await openTryIt(page, SCHEMA.url, SCHEMA.title);
    expect(loaded).toEqual([]);
    await SCHEMA.run(region);
    expect(loaded.length).toBeGreaterThan(0);
  });

  test('bad JSON and invalid Avro get a clear message', async ({ page }) => {
    const region = await openTryIt(page, SCHEMA.url, SCHEMA.title);
    const v2 = region.getByLabel('v2 (edit freely)');
    await v2.fill('{"type": "record", "name": "OrderPlaced", "fields": [');
    await region.getByRole('radio', { name: 'Fails all three' }).check();
    await region.getByRole('button', { name: 'Check compatibility' }).click();
    await expect(region.getByRole('alert')).toContainText('v2 is not valid JSON');
    await v2.fill('{"type": "record", "name": "OrderPlaced", "fields": [{"name": "orderId", "type": "strng"}]}');
    await region.getByRole('button', { name: 'Check compatibility' }).click();
    await expect(region.getByRole('alert')).toHaveText('v2 is not a valid Avro schema: undefined type name: strng');
  });
});

const ALL: TryIt[] = [SCHEMA];

for (const t of ALL) {
  for (const theme of ['light', 'dark'] as const) {
    test(`axe finds no violations in ${t.title} after a run, ${theme} theme`, async ({ page }) => {
      await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [THEME_KEY, theme] as const);
      const region = await openTryIt(page, t.url, t.title);
      await t.run(region);
      const results = await new AxeBuilder({ page }).include('.tryit').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  test(`${t.title} fits a 320 px wide screen after a run`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    const region = await openTryIt(page, t.url, t.title);
    await t.run(region);
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= 320);
    expect(fits).toBe(true);
    const inside = await region.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= 320);
    expect(inside).toBe(true);
  });
}
