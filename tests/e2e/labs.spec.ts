import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { THEME_KEY, failThenPassChallenge } from './helpers.ts';

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
  // The faults are locked, and say so; the fix is to make the consumers idempotent.
  const crash = lab.getByRole('checkbox', { name: /Crash a ledger consumer/ });
  await expect(crash).toBeDisabled();
  await expect(crash).toHaveAccessibleDescription(/^Locked by the challenge\./);
  await expect(lab.getByRole('checkbox', { name: /Idempotent consumers/ })).not.toHaveAccessibleDescription(/Locked/);
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
  // The lab's only challenge is passed: the next step is the rest of the lesson.
  await expect(card.getByRole('link', { name: /^Continue with the lesson: / })).toBeVisible();
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
    const card = await failThenPassChallenge(await openLab(page, url), id, fix);
    // A pass offers what comes next: another challenge of this lab, or the rest of the lesson.
    await expect(card.getByRole('button', { name: /^Next challenge: / }).or(card.getByRole('link', { name: /^Continue with the lesson: / })).first()).toBeVisible();
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
  expect(counts.every((t) => t.endsWith(': 0 — right'))).toBe(true);
});

test('the consistency lab shows a stale read at 300 ms, and reading your own writes fixes it', async ({ page }) => {
  const lab = await openLab(page, '/lessons/eventual-consistency/');
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  await expect(lab.locator('[data-read="0"]')).toContainText(/Stale: saw version \d+ of \d+/);
  await lab.getByRole('radio', { name: 'Own writes from the write model' }).check();
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  await expect(lab.locator('[data-read="0"]')).toContainText('Saw the latest write');
});

/** The number after `label: ` in a metrics card (e.g. "peak lag: 319", "lost: 0 — right"). */
async function metric(card: Locator, label: string): Promise<number> {
  const line = await card.locator('li').filter({ hasText: new RegExp(`^${label}: `) }).innerText();
  return Number(/^\d+/.exec(line.slice(label.length + 2))?.[0]);
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
  // The SQL labs follow, each linked to its lesson's PostgreSQL section, with its challenge's status.
  const sql = page.locator('main .sql-labs a');
  await expect(sql).toHaveCount(3);
  expect(await sql.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
    '/lessons/idempotent-consumers/#try-it-in-postgresql',
    '/lessons/dual-writes-and-outbox/#try-it-in-postgresql',
    '/lessons/dual-writes-and-outbox/#try-it-in-postgresql',
  ]);
  await expect(page.locator('[data-challenge-status="sql-relay-every-event"]')).toHaveText('Not passed yet');
});

/** The stage's image of a group's row (applied, retry topic, dead-letter queue), by its name. */
const row = (lab: Locator, name: RegExp) => lab.getByRole('img', { name });

test('on stage, without idempotent consumers one payment reaches the ledger twice and a balance overshoots; with them, neither', async ({ page }) => {
  const lab = await openLab(page, LESSON);
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  await expect(lab.getByText(/run finished/)).toBeVisible();
  const applied = row(lab, /^ledger applied: /);
  await expect(applied).toHaveAccessibleName(/evt-\d+ \(2×\)/);
  await expect(applied.locator('[data-copy="2"]:not([data-skipped])').first()).toBeVisible();
  const balances = lab.getByRole('region', { name: 'Balances (ledger)' });
  await expect(balances.getByRole('listitem').filter({ hasText: /too much — wrong$/ }).first()).toBeVisible();
  await lab.getByRole('checkbox', { name: /Idempotent consumers/ }).check();
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  await expect(lab.getByText(/run finished/)).toBeVisible();
  await expect(applied).not.toHaveAccessibleName(/\(2×\)/);
  await expect(applied).toHaveAccessibleName(/\(skipped\)/);
  await expect(applied.locator('[data-copy="2"]:not([data-skipped])')).toHaveCount(0);
  const bars = balances.getByRole('listitem');
  await expect(bars).toHaveCount(4);
  for (const bar of await bars.all()) await expect(bar).toContainText(/: right$/);
});

test('on stage, a poison message sits in the dead-letter queue', async ({ page }) => {
  const lab = await openLab(page, '/lessons/retries-and-dead-letters/');
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  await expect(lab.getByText(/run finished/)).toBeVisible();
  const dlq = row(lab, /^billing dead-letter queue: /);
  await expect(dlq).toHaveAccessibleName(/^billing dead-letter queue: evt-\d+ \(4 tries\)$/);
  await expect(dlq.locator('[data-poison]')).toHaveCount(1);
});

test('a stage names its hatch patterns and headings after itself, so no id on the page is shared', async ({ page }) => {
  const lab = await openLab(page, '/lessons/retries-and-dead-letters/');
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  await expect(lab.getByText(/run finished/)).toBeVisible();
  const stage = lab.getByTestId('stage');
  await expect(stage.locator('[data-poison]')).not.toHaveCount(0);
  const ids = await stage.evaluate((el) => {
    const style = getComputedStyle(el);
    const hatch = el.querySelector('[data-poison] .hatch');
    return {
      patterns: [...el.querySelectorAll('pattern')].map((p) => p.id),
      poison: style.getPropertyValue('--stage-poison-hatch'),
      lag: style.getPropertyValue('--stage-lag-hatch'),
      hatchFill: hatch ? getComputedStyle(hatch).fill : '',
      all: [...document.querySelectorAll('[id]')].map((e) => e.id),
    };
  });
  expect(ids.patterns).toHaveLength(2);
  // Each pattern is this stage's own: its id is not the fixed one a second stage would repeat.
  for (const id of ids.patterns) expect(id).not.toMatch(/^stage-/);
  const [poison, lag] = ids.patterns;
  expect(ids.poison).toContain(`#${poison}`);
  expect(ids.lag).toContain(`#${lag}`);
  expect(ids.hatchFill).toContain(`#${poison}`);
  expect(ids.all.filter((id, i) => ids.all.indexOf(id) !== i)).toEqual([]);
});

test('on stage, keyed events stay in one lane and round-robin spreads them', async ({ page }) => {
  const lab = await openLab(page, '/lessons/ordering-and-partitions/');
  /** How many lanes each key's visible chips sit in. */
  const lanesPerKey = () =>
    lab.locator('[data-testid="lane"]').evaluateAll((lanes) => {
      const seen = new Map<string, Set<string>>();
      for (const lane of lanes) for (const chip of lane.querySelectorAll('[data-key]')) seen.set(chip.getAttribute('data-key') ?? '', (seen.get(chip.getAttribute('data-key') ?? '') ?? new Set()).add(lane.getAttribute('data-lane') ?? ''));
      return [...seen.values()].map((s) => s.size);
    });
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  await expect(lab.getByText(/run finished/)).toBeVisible();
  expect(Math.max(...(await lanesPerKey()))).toBeGreaterThan(1);
  await lab.getByRole('radio', { name: 'By order id' }).check();
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  await expect(lab.getByText(/run finished/)).toBeVisible();
  const counts = await lanesPerKey();
  expect(counts.length).toBeGreaterThan(3);
  expect(Math.max(...counts)).toBe(1);
});

test('on stage, the dual write leaves gaps in the saved orders and the outbox none', async ({ page }) => {
  const lab = await openLab(page, '/lessons/dual-writes-and-outbox/');
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  await expect(lab.getByText(/run finished/)).toBeVisible();
  const saved = lab.getByRole('list', { name: 'Saved orders' }).getByRole('listitem');
  await expect(saved).toHaveCount(10);
  await expect(saved.filter({ hasText: 'lost: never published' })).toHaveCount(2);
  await lab.getByRole('radio', { name: 'Transactional outbox + relay' }).check();
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  await expect(lab.getByText(/run finished/)).toBeVisible();
  const rows = lab.getByRole('list', { name: 'Outbox rows' }).getByRole('listitem');
  await expect(rows).toHaveCount(10);
  await expect(rows.filter({ hasText: 'sent by the relay' })).toHaveCount(10);
  await expect(rows.filter({ hasText: /lost/ })).toHaveCount(0);
  // The relay's crash published a batch again: the table says which rows went out twice.
  await expect(rows.filter({ hasText: '2× in the topic' }).first()).toBeVisible();
});

test('the timeline scrubs by keyboard to a moment and back, replaying the same state and narration', async ({ page }) => {
  const lab = await openLab(page, LESSON);
  const time = lab.getByRole('slider', { name: 'Time' });
  await expect(time).toBeDisabled();
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  await expect(lab.getByText(/run finished/)).toBeVisible();
  const summary = lab.getByTestId('stage-summary');
  const status = lab.getByRole('status');
  const lastStep = lab.getByRole('list', { name: 'Narrated trace' }).getByRole('listitem').last();
  const end = await summary.textContent();
  await time.focus();
  await page.keyboard.press('Home');
  await expect(lab.locator('.clock')).toHaveText('Virtual time: 0 ms');
  await expect(row(lab, /^ledger applied: /)).toHaveCount(0);
  await expect(lab.getByText('ledger applied: nothing yet')).toBeVisible();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await expect(lab.locator('.clock')).not.toHaveText('Virtual time: 0 ms');
  const clock = await lab.locator('.clock').innerText();
  const moment = await summary.textContent();
  const said = await lastStep.innerText();
  // The announcement names the moment and what happened last by then.
  await expect(status).toHaveText(new RegExp(`^At ${/(\d+) ms/.exec(clock)?.[1]} ms: `));
  expect(moment).not.toBe(end);
  // To the end and back to the same moment: the same state and narration, replayed from the seed.
  await page.keyboard.press('End');
  await expect(lab.getByText(/run finished/)).toBeVisible();
  expect(await summary.textContent()).toBe(end);
  await page.keyboard.press('Home');
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await expect(lab.locator('.clock')).toHaveText(clock);
  expect(await summary.textContent()).toBe(moment);
  await expect(lastStep).toHaveText(said);
  // One step left is earlier still.
  await page.keyboard.press('ArrowLeft');
  await expect(lab.locator('.clock')).not.toHaveText(clock);
});

test('the lag sparklines summarise each group in words', async ({ page }) => {
  const lab = await openLab(page, '/lessons/brokers-topics-queues/');
  await lab.getByRole('checkbox', { name: /Slow consumer/ }).check();
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  await expect(lab.getByText(/run finished/)).toBeVisible();
  const chart = lab.getByRole('region', { name: 'Lag over time' });
  await expect(chart.getByRole('listitem').filter({ hasText: 'analytics' })).toContainText(/peak lag [1-9]\d* at \d+\.\d+ s, now 0/);
});

for (const width of [320, 1280]) {
  test(`the lab fits ${width} px without sideways scrolling, stage included`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const lab = await openLab(page, '/lessons/observability/');
    await lab.getByRole('button', { name: 'Run to the end' }).click();
    await expect(lab.getByText(/run finished/)).toBeVisible();
    await expect(lab.getByRole('region', { name: /^Trace of corr-/ })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violations in the lab in any state, ${theme} theme`, async ({ page }) => {
    // Five scans of a drawn stage: slower than the default 30 s on a busy two-core machine.
    test.setTimeout(120_000);
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [THEME_KEY, theme] as const);
    const lab = await openLab(page, '/lessons/retries-and-dead-letters/');
    const scan = async (state: string) => {
      const results = await new AxeBuilder({ page }).include('section.lab').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
      expect(results.violations.map((v) => `${state}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    };
    await scan('initial');
    await lab.getByRole('button', { name: 'Run to the end' }).click();
    await expect(lab.getByText(/run finished/)).toBeVisible();
    await scan('after a run');
    await lab.getByRole('slider', { name: 'Time' }).focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
    await scan('scrubbed');
    const card = lab.locator('[data-challenge="unblock-the-partition"]');
    await card.getByRole('button', { name: 'Start this challenge' }).click();
    await card.getByRole('button', { name: 'Check the challenge' }).click();
    await expect(card.getByText(/^Not yet:/)).toBeVisible();
    await scan('challenge active');
    await lab.getByRole('radio', { name: 'Through a retry topic' }).check();
    await card.getByRole('button', { name: 'Check the challenge' }).click();
    await expect(card.getByText(/^Passed:/)).toBeVisible();
    await scan('challenge passed');
  });
}
