import { expect, test, type Page } from '@playwright/test';

const LESSON = '/lessons/idempotent-consumers/';

async function openLab(page: Page, url: string) {
  await page.goto(url);
  const lab = page.locator('section.lab');
  await lab.scrollIntoViewIfNeeded();
  // Controls are disabled until the island hydrates.
  await expect(lab.getByRole('button', { name: 'Run to the end' })).toBeEnabled();
  return lab;
}

test('the duplicates lab shows the double charge, then idempotent consumers remove it', async ({ page }) => {
  const lab = await openLab(page, LESSON);
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  const ledger = lab.locator('[data-group="ledger"]');
  await expect(lab.getByText(/run finished/)).toBeVisible();
  await expect(ledger).toContainText(/duplicate effects: [1-9]/);
  await lab.getByRole('checkbox', { name: /Idempotent consumers/ }).check();
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  await expect(ledger).toContainText('duplicate effects: 0');
  await expect(ledger).toContainText(/duplicates caught: [1-9]/);
  await expect(lab.getByRole('list', { name: 'Narrated trace' }).getByRole('listitem').first()).toBeVisible();
});

test('the same seed replays the same run; play, pause and step work', async ({ page }) => {
  // A controlled clock: animation frames only run when the test lets time pass.
  await page.clock.install();
  const lab = await openLab(page, LESSON);
  await lab.getByRole('button', { name: 'Step' }).click();
  await expect(lab.getByRole('list', { name: 'Narrated trace' }).getByRole('listitem').first()).toBeVisible();
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  const first = await lab.locator('.metrics').innerText();
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  expect(await lab.locator('.metrics').innerText()).toBe(first);
  await lab.getByRole('button', { name: 'Reset' }).click();
  await lab.getByRole('combobox', { name: 'Speed' }).selectOption('1');
  const play = lab.getByRole('button', { name: 'Play' });
  await play.click();
  const pause = lab.getByRole('button', { name: 'Pause' });
  await expect(pause).toHaveAttribute('aria-pressed', 'true');
  await page.clock.runFor(100);
  await expect(lab.getByText(/Virtual time: [1-9]\d* ms$/)).toBeVisible();
  await pause.click();
  await expect(lab.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
  const paused = await lab.locator('.clock').innerText();
  await page.clock.runFor(500);
  await expect(lab.locator('.clock')).toHaveText(paused);
});

test('a challenge can be passed with the keyboard alone and stays passed after a reload', async ({ page }) => {
  const lab = await openLab(page, LESSON);
  const card = lab.locator('[data-challenge="balance-survives-duplicates"]');
  const start = card.getByRole('button', { name: 'Start this challenge' });
  await start.focus();
  await page.keyboard.press('Enter');
  await expect(card.getByRole('button', { name: 'Check the challenge' })).toBeVisible();
  // The faults are locked; the fix is to make the consumers idempotent.
  await expect(lab.getByRole('checkbox', { name: /Crash a ledger consumer/ })).toBeDisabled();
  const check = card.getByRole('button', { name: 'Check the challenge' });
  await check.focus();
  await page.keyboard.press('Enter');
  await expect(card.getByText(/^Not yet:/)).toBeVisible();
  await lab.getByRole('checkbox', { name: /Idempotent consumers/ }).focus();
  await page.keyboard.press('Space');
  await check.focus();
  await page.keyboard.press('Enter');
  await expect(card.getByText(/^Passed:/)).toBeVisible();
  await expect(card.getByText('✓ Passed')).toBeVisible();
  await page.reload();
  const again = page.locator('section.lab [data-challenge="balance-survives-duplicates"]');
  await again.scrollIntoViewIfNeeded();
  await expect(again.getByText('✓ Passed')).toBeVisible();
});

const labs = [
  ['/lessons/ordering-and-partitions/', 'ordering-keys'],
  ['/lessons/brokers-topics-queues/', 'consumer-groups'],
  ['/lessons/eventual-consistency/', 'eventual-consistency'],
  ['/lessons/retries-and-dead-letters/', 'retries-dlq'],
  ['/lessons/dual-writes-and-outbox/', 'outbox-dual-write'],
  ['/lessons/observability/', 'trace-correlation'],
] as const;
for (const [url, id] of labs) {
  test(`the ${id} lab runs in its lesson`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const lab = await openLab(page, url);
    await expect(lab).toHaveAttribute('data-lab', id);
    await lab.getByRole('button', { name: 'Run to the end' }).click();
    await expect(lab.getByText(/Virtual time: [1-9]\d* ms/)).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test('the tracing lab follows one order through the choreography by its correlation id', async ({ page }) => {
  const lab = await openLab(page, '/lessons/observability/');
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  const select = lab.getByRole('combobox', { name: 'Follow one flow by its correlation id' });
  const first = await select.locator('option').nth(1).getAttribute('value');
  expect(first).toBeTruthy();
  await select.selectOption(first ?? '');
  const steps = lab.getByRole('list', { name: `Trace of ${first}` }).getByRole('listitem');
  await expect(steps.first()).toBeVisible();
  // The flow crosses several services of the choreography.
  const actors = new Set(await steps.locator('strong').allInnerTexts());
  expect(actors.size).toBeGreaterThanOrEqual(3);
});

test('the ordering lab shows per-key violations with round-robin, and none keyed by order id with an idempotent producer', async ({ page }) => {
  const lab = await openLab(page, '/lessons/ordering-and-partitions/');
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  await expect(lab.locator('.metrics')).toContainText(/ordering violations: [1-9]/);
  await lab.getByRole('radio', { name: 'By order id' }).check();
  await lab.getByRole('checkbox', { name: /Idempotent producer/ }).check();
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  await expect(lab.getByText(/run finished/)).toBeVisible();
  const counts = await lab.locator('.metrics li').filter({ hasText: 'ordering violations' }).allInnerTexts();
  expect(counts.length).toBeGreaterThan(0);
  expect(counts.every((t) => t.endsWith(': 0'))).toBe(true);
});

test('the consistency lab shows a stale read at 300 ms, and reading your own writes fixes it', async ({ page }) => {
  const lab = await openLab(page, '/lessons/eventual-consistency/');
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  await expect(lab.locator('[data-read="0"]')).toContainText(/Stale: saw version \d+ of \d+/);
  await lab.getByRole('radio', { name: 'Own writes from the write model' }).check();
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  await expect(lab.locator('[data-read="0"]')).toContainText('Saw the latest write');
});

test('with reduced motion, playing steps one narrated event at a time', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.clock.install();
  const lab = await openLab(page, LESSON);
  await lab.getByRole('button', { name: 'Play' }).click();
  const items = lab.getByRole('list', { name: 'Narrated trace' }).getByRole('listitem');
  await page.clock.runFor(700);
  await expect(items.first()).toBeVisible();
  const after1 = await lab.locator('.clock').innerText();
  await page.clock.runFor(700);
  await expect(lab.locator('.clock')).not.toHaveText(after1);
  await lab.getByRole('button', { name: 'Pause' }).click();
});

test('the Labs page lists every lab with a link to its lesson', async ({ page }) => {
  await page.goto('/labs/');
  const links = page.locator('main .labs a');
  await expect(links).toHaveCount(7);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(href).toMatch(/^\/lessons\/[a-z-]+\/#try-it-in-the-simulator$/);
});
