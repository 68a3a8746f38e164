import { expect, test, type Locator, type Page } from '@playwright/test';

const LESSON = '/lessons/idempotent-consumers/';

/** Stops the page's installed clock: from now on frames and timers run only when the test calls `runFor`. */
async function freezeClock(page: Page) {
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
}

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
  await freezeClock(page);
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
  // The Labs page shows it too; the challenges not taken say so.
  await page.goto('/labs/');
  await expect(page.locator('[data-challenge-status="balance-survives-duplicates"]')).toHaveText('✓ Passed');
  await expect(page.locator('[data-challenge-status="order-per-key"]')).toHaveText('Not passed yet');
});

/** Every other challenge, with the fix a learner would make, passed through the page. */
const fixes: [url: string, id: string, fix: (lab: Locator) => Promise<void>][] = [
  ['/lessons/ordering-and-partitions/', 'order-per-key', async (lab) => {
    await lab.getByRole('radio', { name: 'By order id' }).check();
    await lab.getByRole('checkbox', { name: /Idempotent producer/ }).check();
  }],
  ['/lessons/retries-and-dead-letters/', 'drain-dlq-safely', async (lab) => {
    await lab.getByRole('checkbox', { name: /Redrive the DLQ/ }).check();
    await lab.getByRole('checkbox', { name: /Idempotent consumer/ }).check();
  }],
  ['/lessons/retries-and-dead-letters/', 'unblock-the-partition', (lab) => lab.getByRole('radio', { name: 'Through a retry topic' }).check()],
  ['/lessons/dual-writes-and-outbox/', 'no-lost-orders', async (lab) => {
    await lab.getByRole('radio', { name: 'Transactional outbox + relay' }).check();
    await lab.getByRole('checkbox', { name: /Idempotent shipping/ }).check();
  }],
  ['/lessons/eventual-consistency/', 'read-your-own-write', (lab) => lab.getByRole('radio', { name: 'Own writes from the write model' }).check()],
];
for (const [url, id, fix] of fixes) {
  test(`the ${id} challenge fails as it starts and passes once fixed`, async ({ page }) => {
    const lab = await openLab(page, url);
    const card = lab.locator(`[data-challenge="${id}"]`);
    await card.getByRole('button', { name: 'Start this challenge' }).click();
    const check = card.getByRole('button', { name: 'Check the challenge' });
    await check.click();
    await expect(card.getByText(/^Not yet:/)).toBeVisible();
    await fix(lab);
    await check.click();
    await expect(card.getByText(/^Passed:/)).toBeVisible();
    await expect(card.getByText('✓ Passed')).toBeVisible();
  });
}

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

/** The number after `label: ` in a metrics card (e.g. "peak lag: 319"). */
async function metric(card: Locator, label: string): Promise<number> {
  const line = await card.locator('li').filter({ hasText: new RegExp(`^${label}: `) }).innerText();
  return Number(line.slice(label.length + 2));
}

/** The slowest end-to-end wait in a metrics card, in ms. */
async function slowest(card: Locator): Promise<number> {
  const line = await card.locator('li').filter({ hasText: /^end to end: / }).innerText();
  return Number(/slowest (\d+) ms/.exec(line)?.[1]);
}

test('the retries lab shows a poison message blocking its partition, and a retry topic keeping it flowing', async ({ page }) => {
  const lab = await openLab(page, '/lessons/retries-and-dead-letters/');
  const billing = lab.locator('[data-group="billing"]');
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  await expect(lab.getByText(/run finished/)).toBeVisible();
  // Retrying in place: everything behind the poison message waits through its backoffs.
  expect(await metric(billing, 'dead letters')).toBe(1);
  const blocked = await slowest(billing);
  const blockedLag = await metric(billing, 'peak lag');
  expect(blocked).toBeGreaterThan(1000);
  await lab.getByRole('radio', { name: 'Through a retry topic' }).check();
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  await expect(lab.getByText(/run finished/)).toBeVisible();
  // Same poison message, same dead letter; healthy payments no longer queue behind it.
  expect(await metric(billing, 'dead letters')).toBe(1);
  expect(await slowest(billing)).toBeLessThan(blocked / 10);
  expect(await metric(billing, 'peak lag')).toBeLessThan(blockedLag);
});

test('the outbox lab shows the dual write losing orders, the outbox losing none, and idempotent shipping absorbing its duplicates', async ({ page }) => {
  const lab = await openLab(page, '/lessons/dual-writes-and-outbox/');
  const producer = lab.locator('[data-producer="orders"]');
  const shipping = lab.locator('[data-group="shipping"]');
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  await expect(lab.getByText(/run finished/)).toBeVisible();
  // Save, then publish: each crash between the two loses an order for good.
  await expect(producer).toContainText('lost before publishing: 2');
  await expect(shipping).toContainText('8 handled');
  await lab.getByRole('radio', { name: 'Transactional outbox + relay' }).check();
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  await expect(lab.getByText(/run finished/)).toBeVisible();
  // The outbox loses nothing, but the relay's crash publishes a batch twice.
  await expect(producer).toContainText('lost before publishing: 0');
  await expect(producer).toContainText(/duplicates published: [1-9]/);
  await expect(shipping).toContainText('10 handled');
  await expect(shipping).toContainText(/duplicate effects: [1-9]/);
  await lab.getByRole('checkbox', { name: /Idempotent shipping/ }).check();
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  await expect(lab.getByText(/run finished/)).toBeVisible();
  await expect(shipping).toContainText('10 handled');
  await expect(shipping).toContainText('duplicate effects: 0');
});

test('the consumer-groups lab plays with hundreds of events in flight and finishes', async ({ page }) => {
  // Frames only advance when the test lets time pass, so the run is the same on any machine.
  await page.clock.install();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const lab = await openLab(page, '/lessons/brokers-topics-queues/');
  await freezeClock(page);
  const clicks = lab.getByRole('slider', { name: /Clicks/ });
  await clicks.focus();
  await page.keyboard.press('End');
  await expect(lab.getByText(/Clicks: 600/)).toBeVisible();
  await lab.getByRole('checkbox', { name: /Slow consumer/ }).check();
  await lab.getByRole('checkbox', { name: /Second group/ }).check();
  await lab.getByRole('combobox', { name: 'Speed' }).selectOption('64');
  await lab.getByRole('button', { name: 'Play' }).click();
  const analytics = lab.locator('[data-group="analytics"]');
  await page.clock.runFor(200);
  await expect(analytics).toBeVisible();
  // Let the run go until it ends (30 s of virtual time at 64× is under half a second of frames).
  for (let i = 0; i < 30 && !(await lab.getByText(/run finished/).isVisible()); i++) await page.clock.runFor(100);
  await expect(lab.getByText(/run finished/)).toBeVisible();
  expect(await metric(analytics, 'peak lag')).toBeGreaterThanOrEqual(200);
  expect(await metric(analytics, 'lag')).toBe(0);
  await expect(analytics).toContainText('600 handled');
  await expect(lab.locator('[data-group="search"]')).toContainText('600 handled');
  expect(errors).toEqual([]);
});

test('with reduced motion, playing steps one narrated event at a time', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.clock.install();
  const lab = await openLab(page, LESSON);
  await freezeClock(page);
  await lab.getByRole('button', { name: 'Play' }).click();
  // Playing starts once the engine has loaded; only then does the step timer exist.
  await expect(lab.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
  // The run opens with its partition assignments narrated; each step then adds what happened next.
  const items = lab.getByRole('list', { name: 'Narrated trace' }).getByRole('listitem');
  const opening = await items.count();
  await page.clock.runFor(700);
  // One step: the first payment is created, at 0 ms.
  await expect(items).toHaveCount(opening + 1);
  await expect(lab.locator('.clock')).toHaveText('Virtual time: 0 ms');
  await page.clock.runFor(700);
  // The next step, 700 ms later: the clock moves on and the narration grows.
  await expect(lab.locator('.clock')).not.toHaveText('Virtual time: 0 ms');
  expect(await items.count()).toBeGreaterThan(opening + 1);
  await lab.getByRole('button', { name: 'Pause' }).click();
});

test('the Labs page lists every lab with a link to its lesson', async ({ page }) => {
  await page.goto('/labs/');
  const links = page.locator('main .labs a');
  await expect(links).toHaveCount(7);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(href).toMatch(/^\/lessons\/[a-z-]+\/#try-it-in-the-simulator$/);
});
