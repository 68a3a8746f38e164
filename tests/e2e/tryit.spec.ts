import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { THEME_KEY } from './helpers.ts';
import { DELIVERY, FIREHOSE, FOUR, MESSAGES, SAGA, SCHEMA, WHEN_NOT, openTryIt, verdict } from './tryit-helpers.ts';

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

test('delivery guarantees: commit first loses a charge, charge first doubles one', async ({ page }) => {
  const region = await openTryIt(page, DELIVERY.url, DELIVERY.title);
  const run = region.getByRole('button', { name: 'Run the consumer' });
  await expect(run).toBeDisabled();
  await region.getByRole('radio', { name: 'Commit the offset, then charge the card' }).check();
  await region.getByLabel('Crash').selectOption({ label: 'Between the two steps of order 2' });
  await region.getByRole('radio', { name: 'A card is charged twice' }).check();
  await run.click();
  await expect(verdict(region)).toHaveAttribute('data-right', 'false');
  await expect(verdict(region)).toContainText('the result is “A charge is lost”');
  await expect(verdict(region)).toContainText('At-most-once');
  const orders = region.getByRole('list', { name: 'Charges per order' });
  await expect(orders.getByRole('listitem').nth(1)).toHaveText(/Order 2\s*not charged/);
  await expect(region.getByRole('paragraph').filter({ hasText: 'Guarantee:' })).toHaveText(/Guarantee: at-most-once\. Lost: 1\.\s+Duplicate charges: 0\./);

  await DELIVERY.run(region);
  await expect(verdict(region)).toHaveAttribute('data-right', 'true');
  await expect(orders.getByRole('listitem').nth(1)).toHaveText(/charged 2×/);
  await expect(region.getByRole('status')).toContainText('Duplicate charges: 1.');
});

test('sagas: step through by keyboard; a failed capture voids the authorisation, then releases the stock', async ({ page }) => {
  const region = await openTryIt(page, SAGA.url, SAGA.title);
  const compensate = region.getByRole('radio', { name: 'Earlier steps are compensated, in reverse order' });
  await compensate.focus();
  await page.keyboard.press('Space');
  await expect(compensate).toBeChecked();
  const next = region.getByRole('button', { name: 'Next message' });
  await next.focus();
  const messages = region.getByRole('list', { name: 'Saga messages' }).getByRole('listitem');
  await page.keyboard.press('Enter');
  await expect(messages).toHaveCount(1);
  await expect(verdict(region)).toHaveCount(0);
  while (await next.isEnabled()) await page.keyboard.press('Enter');
  await expect(verdict(region)).toHaveAttribute('data-right', 'true');
  await expect(verdict(region)).toContainText('VoidAuthorization, then ReleaseStock');
  const texts = await messages.allTextContents();
  const voidAt = texts.findIndex((t) => t.includes('VoidAuthorization'));
  const releaseAt = texts.findIndex((t) => t.includes('ReleaseStock'));
  expect(voidAt).toBeGreaterThan(-1);
  expect(releaseAt).toBeGreaterThan(voidAt);
  const steps = region.getByRole('list', { name: 'Saga steps' }).getByRole('listitem');
  await expect(steps.nth(0)).toHaveAttribute('data-state', 'compensated');
  await expect(steps.nth(2)).toHaveAttribute('data-state', 'failed');
});

test('sagas: after the pivot, choreography retries forward and undoes nothing', async ({ page }) => {
  const region = await openTryIt(page, SAGA.url, SAGA.title);
  await region.getByRole('radio', { name: /Choreography/ }).check();
  await region.getByLabel('Step that fails').selectOption({ label: 'Create shipment (retriable)' });
  await region.getByRole('radio', { name: 'Earlier steps are compensated, in reverse order' }).check();
  await region.getByRole('button', { name: 'Run to the end' }).click();
  await expect(verdict(region)).toHaveAttribute('data-right', 'false');
  await expect(verdict(region)).toContainText('after the pivot');
  await expect(region.getByRole('list', { name: 'Saga messages' })).not.toContainText('ReleaseStock');
});

test('events, commands, requests: a command disguised as an event is caught', async ({ page }) => {
  const region = await openTryIt(page, MESSAGES.url, MESSAGES.title);
  await MESSAGES.run(region);
  await expect(verdict(region)).toHaveAttribute('data-right', 'true');
  for (let i = 0; i < 3; i += 1) await region.getByRole('button', { name: 'Next message' }).click();
  await expect(region.getByText('WelcomeEmailRequested', { exact: true })).toBeVisible();
  await expect(verdict(region)).toHaveCount(0);
  await region.getByRole('radio', { name: 'Event: a fact for whoever cares' }).check();
  await region.getByRole('radio', { name: 'Each receiver: the sender does not care who reacts' }).check();
  await region.getByRole('button', { name: 'Check' }).click();
  await expect(verdict(region)).toHaveAttribute('data-right', 'false');
  await expect(verdict(region)).toContainText('Not an event: it is a command');
  await expect(verdict(region)).toContainText('A command disguised as an event');
  await expect(region.getByText(/1 of 2 checked right/)).toBeVisible();
});

test('four kinds: thin notifications leave the consumer stuck; event sourcing rebuilds by replay', async ({ page }) => {
  const region = await openTryIt(page, FOUR.url, FOUR.title);
  await FOUR.run(region);
  await expect(verdict(region)).toHaveAttribute('data-right', 'true');
  await expect(region.getByRole('list', { name: 'What Shipping did' })).toContainText('Orders is down');

  await region.getByRole('radio', { name: /Event sourcing/ }).check();
  await region.getByRole('radio', { name: /database is wiped/ }).check();
  await expect(verdict(region)).toHaveCount(0);
  await region.getByRole('button', { name: 'Run it' }).click();
  await expect(verdict(region)).toHaveAttribute('data-right', 'false');
  await expect(region.getByRole('list', { name: 'What Shipping did' })).toContainText('Rebuilt: ord_48213 ships to 9 Dock Rd, Galway.');
});

test('firehose: the saved cursor replays some events; rewind and de-duplicate applies each once', async ({ page }) => {
  const region = await openTryIt(page, FIREHOSE.url, FIREHOSE.title);
  await FIREHOSE.run(region);
  await expect(verdict(region)).toHaveAttribute('data-right', 'true');
  const strip = region.getByRole('list', { name: 'Each event by sequence number' });
  await expect(strip.locator('[data-fate="twice"]')).toHaveCount(3);

  await region.getByRole('radio', { name: /Rewind a little/ }).check();
  await region.getByRole('radio', { name: 'Every event is applied exactly once' }).check();
  await region.getByRole('button', { name: 'Reconnect' }).click();
  await expect(verdict(region)).toHaveAttribute('data-right', 'true');
  await expect(strip.locator('[data-fate="twice"], [data-fate="missed"]')).toHaveCount(0);
  await expect(region).toContainText('sequence numbers local to each instance');
});

test('when not to use EDA: a caller that needs the answer gets a request, then an event', async ({ page }) => {
  const region = await openTryIt(page, WHEN_NOT.url, WHEN_NOT.title);
  await WHEN_NOT.run(region);
  await expect(verdict(region)).toHaveAttribute('data-right', 'false');
  await expect(verdict(region)).toContainText('the result is “Decide with a request or transaction, then publish an event”');
  await expect(region.getByRole('list', { name: /Recommendation:/ })).toContainText('an event cannot return one');

  await region.getByRole('checkbox', { name: 'The caller needs the result before it can continue' }).uncheck();
  await expect(verdict(region)).toHaveCount(0);
  await region.getByRole('radio', { name: 'Publish an event and let consumers react' }).check();
  await region.getByRole('button', { name: 'Recommend' }).click();
  await expect(verdict(region)).toHaveAttribute('data-right', 'true');
});


for (const t of [SCHEMA, DELIVERY, SAGA, MESSAGES, FOUR, FIREHOSE, WHEN_NOT]) {
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
