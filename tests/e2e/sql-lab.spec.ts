import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { THEME_KEY, cspViolations, recordCspViolations, visitOnce } from './helpers.ts';
import { idempotencyLab, outboxLab, relayLab } from '../../src/lib/sql/labs.ts';

/**
 * The SQL labs (issue #17): real PostgreSQL (PGlite) in a worker, loaded when the learner starts the
 * lab. Each test starts its own PostgreSQL; the files come from the preview server once per browser.
 */
test.describe.configure({ timeout: 120_000 });

const IDEMPOTENCY = '/lessons/idempotent-consumers/';
const OUTBOX = '/lessons/dual-writes-and-outbox/';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

test.beforeEach(async ({ page }) => {
  await recordCspViolations(page);
});

/** Opens a lesson's SQL lab, starts it, and waits until PostgreSQL runs. */
async function startLab(page: Page, url: string, lab: string): Promise<Locator> {
  await page.goto(url);
  const region = page.locator(`[data-sql-lab="${lab}"]`);
  await region.scrollIntoViewIfNeeded();
  const start = region.getByRole('button', { name: 'Start the SQL lab' });
  await expect(start).toBeEnabled();
  await start.click();
  await expect(region.getByText('PostgreSQL is running in this tab.')).toBeVisible({ timeout: 90_000 });
  return region;
}

const editor = (region: Locator) => region.getByRole('textbox', { name: "Your handler's SQL" });

/** Replaces the editor's text, as typing would (the lab saves after a pause, and on blur). */
async function writeSql(region: Locator, sql: string): Promise<void> {
  await editor(region).fill(sql);
  await editor(region).blur();
}

async function runSchedule(region: Locator, schedule: string): Promise<void> {
  await region.getByLabel(/^(Deliveries|Requests|Polls)$/).selectOption({ label: schedule });
  await region.getByRole('button', { name: /^Run these (deliveries|requests|polls)$/ }).click();
  await expect(region.locator('.result h4').first()).toHaveText(`Run: ${schedule}`);
}

test('the broken handler awards a duplicate twice, the trace shows where, and the fixed handler passes the challenge', async ({ page }) => {
  // Hold PostgreSQL's data file back until the download's progress has been seen on screen.
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/_astro/pglite-*.data', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(IDEMPOTENCY);
  const region = page.locator('[data-sql-lab="idempotency"]');
  await region.scrollIntoViewIfNeeded();
  // Nothing of PostgreSQL is loaded before the learner starts.
  expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => /pglite|sql-worker/.test(e.name)))).toBe(false);
  await region.getByRole('button', { name: 'Start the SQL lab' }).click();
  await expect(region.getByRole('progressbar')).toBeVisible();
  await expect(region.getByText(/^Downloading PostgreSQL: [\d.]+ of 16\.1 MB$/)).toBeVisible();
  release();
  await expect(region.getByText('PostgreSQL is running in this tab.')).toBeVisible({ timeout: 90_000 });
  await expect(editor(region)).toHaveValue(idempotencyLab.brokenHandler);

  await runSchedule(region, 'evt-1 delivered twice');
  const verdict = region.locator('[data-verdict="broken"]');
  await expect(verdict).toContainText('The balances are wrong.');
  await expect(verdict.locator('[data-finding="duplicated"]')).toContainText('awarded 2 times (duplicated effect)');
  // The balances: exactly once gives 100 + 24 + 5; the table holds the 24 twice.
  await expect(verdict.getByRole('row', { name: /cus_9921/ })).toContainText('129');
  await expect(verdict.getByRole('row', { name: /cus_9921/ })).toContainText('153');
  // The interleaving: the duplicate's UPDATE is the step that broke it.
  const trace = region.getByRole('list', { name: 'Trace of the run' });
  await expect(trace.getByText(/Delivery 2: OrderPlaced ord_48213.*the broker’s duplicate/)).toBeVisible();
  const broke = trace.locator('li.first-broke');
  await expect(broke).toContainText('Step 2');
  await expect(broke).toContainText('UPDATE loyalty_accounts');
  await expect(broke).toContainText('The invariant broke here.');
  await verdict.getByRole('link', { name: 'See step 2.' }).click();
  await expect(page).toHaveURL(/#.*step-2$/);

  // The challenge fails as it stands, naming the schedule that broke it.
  const challenge = region.locator('[data-challenge="sql-idempotent-points"]');
  await challenge.getByRole('button', { name: 'Check the challenge' }).click();
  await expect(challenge.locator('[data-verdict="failed"]')).toContainText('breaks it');

  await writeSql(region, idempotencyLab.correctHandler);
  await challenge.getByRole('button', { name: 'Check the challenge' }).click();
  await expect(challenge.locator('[data-verdict="passed"]')).toContainText('schedules ends with the tables right');
  await expect(challenge.getByText('✓ Passed')).toBeVisible();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('eda-course:progress') ?? '')).toContain('"sql-idempotent-points"');

  // A reload keeps the learner's SQL and the pass.
  await page.reload();
  const again = page.locator('[data-sql-lab="idempotency"]');
  await again.scrollIntoViewIfNeeded();
  await expect(again.locator('[data-challenge="sql-idempotent-points"]').getByText('✓ Passed')).toBeVisible();
  await again.getByRole('button', { name: 'Start the SQL lab' }).click();
  await expect(editor(again)).toHaveValue(idempotencyLab.correctHandler);
  expect(await cspViolations(page)).toEqual([]);
});

test('Postgres’s own error is shown next to its line; start over and bring back keep the learner’s SQL', async ({ page }) => {
  const region = await startLab(page, IDEMPOTENCY, 'idempotency');
  const typo = idempotencyLab.brokenHandler.replace('SET points = points + :points', 'SET pointz = points + :points');
  await writeSql(region, typo);
  // Ctrl+Enter in the editor runs the chosen deliveries.
  await region.getByLabel(/^(Deliveries|Requests|Polls)$/).selectOption({ label: 'Every event once' });
  await editor(region).press('Control+Enter');
  await expect(region.locator('.result h4').first()).toHaveText('Run: Every event once');
  const problems = region.getByRole('list', { name: "PostgreSQL's errors, by line" });
  await expect(problems).toContainText(/Line 3, column \d+: ERROR 42703: column "pointz" of relation "loyalty_accounts" does not exist/);
  // The gutter marks line 3, and the message stands at the end of line 3 itself, after its text.
  await expect(region.locator('.gutter li.error-line')).toHaveText(['!3']);
  const lensMessage = region.locator('[data-lens-line]');
  await expect(lensMessage).toHaveCount(1);
  await expect(lensMessage).toHaveAttribute('data-lens-line', '3');
  await expect(lensMessage).toContainText('ERROR 42703: column "pointz" of relation "loyalty_accounts" does not exist');
  const placed = await editor(region).evaluate((textarea, message) => {
    const style = getComputedStyle(textarea);
    const lineHeight = parseFloat(style.lineHeight);
    const top = textarea.getBoundingClientRect().top + parseFloat(style.paddingTop);
    const box = (message as Element).getBoundingClientRect();
    const text = (message as Element).previousElementSibling?.getBoundingClientRect();
    return { line: Math.floor((box.top + box.height / 2 - top) / lineHeight) + 1, after: text !== undefined && box.left >= text.right - 0.5 };
  }, await lensMessage.elementHandle());
  expect(placed).toEqual({ line: 3, after: true });
  // On a phone the lines overflow, and the message scrolls sideways with the text.
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await editor(region).evaluate((textarea) => ((textarea.scrollLeft = 40), textarea.scrollLeft))).toBe(40);
  await expect.poll(() => region.locator('.lens').evaluate((lens) => lens.scrollLeft)).toBe(40);
  await page.setViewportSize({ width: 1280, height: 720 });
  await problems.getByRole('button', { name: /Line 3/ }).click();
  await expect(editor(region)).toBeFocused();

  await region.getByRole('button', { name: 'Start over from the broken handler' }).click();
  await expect(editor(region)).toHaveValue(idempotencyLab.brokenHandler);
  await region.getByRole('button', { name: 'Bring back my SQL' }).click();
  await expect(editor(region)).toHaveValue(typo);
  await page.reload();
  const again = page.locator('[data-sql-lab="idempotency"]');
  await again.scrollIntoViewIfNeeded();
  await again.getByRole('button', { name: 'Start the SQL lab' }).click();
  await expect(editor(again)).toHaveValue(typo);
});

test('SQL that never ends is stopped, and SQL that drops a lab table gets a reset button', async ({ page }) => {
  const region = await startLab(page, IDEMPOTENCY, 'idempotency');
  await writeSql(region, 'SELECT pg_sleep(100);');
  await runSchedule(region, 'Every event once');
  await expect(region.locator('[data-problem="timeout"]')).toContainText('Stopped: statement 1 was still running after 2 s');
  await expect(region.getByText('PostgreSQL is running in this tab.')).toBeVisible({ timeout: 60_000 });

  await writeSql(region, 'DROP TABLE processed_messages;');
  await runSchedule(region, 'Every event once');
  const problem = region.locator('[data-problem="fixture changed"]');
  await expect(problem).toContainText("dropped the lab's table processed_messages");
  await problem.getByRole('button', { name: 'Reset the database' }).click();
  await expect(region.locator('.run').getByText("The lab's tables are back as they started")).toBeVisible();

  // The database works again: the course's handler passes a run.
  await writeSql(region, idempotencyLab.correctHandler);
  await runSchedule(region, 'evt-1 delivered twice');
  await expect(region.locator('[data-verdict="ok"]')).toContainText('Every balance is right.');
});

test('the outbox lab: publishing after the commit loses an event in a crash; the outbox passes', async ({ page }) => {
  const region = await startLab(page, OUTBOX, 'outbox');
  await expect(editor(region)).toHaveValue(outboxLab.brokenHandler);
  await runSchedule(region, 'Crash after statement 3 of ord_48213');
  const verdict = region.locator('[data-verdict="broken"]');
  await expect(verdict.locator('[data-finding="order without event"]')).toContainText('ord_48213 was placed but no OrderPlaced exists for it');
  await expect(region.getByRole('list', { name: 'Trace of the run' })).toContainText('Crash after statement 3');

  await writeSql(region, outboxLab.correctHandler);
  const challenge = region.locator('[data-challenge="sql-outbox-together"]');
  await challenge.getByRole('button', { name: 'Check the challenge' }).click();
  await expect(challenge.locator('[data-verdict="passed"]')).toBeVisible();
  expect(await cspViolations(page)).toEqual([]);
});

test('the relay lab: a high-water mark loses the late commit; the lesson’s relay passes; both labs share one PostgreSQL', async ({ page }) => {
  const outbox = await startLab(page, OUTBOX, 'outbox');
  const region = page.locator('[data-sql-lab="relay"]');
  await region.scrollIntoViewIfNeeded();
  await region.getByRole('button', { name: 'Start the SQL lab' }).click();
  // The second lab joins the PostgreSQL the first one started.
  await expect(region.getByText('PostgreSQL is running in this tab.')).toBeVisible();
  expect(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /sql-worker/.test(e.name)).length)).toBe(1);
  await expect(editor(region)).toHaveValue(relayLab.brokenHandler);
  await runSchedule(region, 'The late commit');
  const verdict = region.locator('[data-verdict="broken"]');
  await expect(verdict.locator('[data-finding="missing"]')).toContainText('seq 3');
  const trace = region.getByRole('list', { name: 'Trace of the run' });
  await expect(trace).toContainText('has not committed yet');
  await expect(trace).toContainText('commits at last');
  await expect(trace.locator('li.first-broke')).toBeVisible();

  await writeSql(region, relayLab.correctHandler);
  const challenge = region.locator('[data-challenge="sql-relay-every-event"]');
  await challenge.getByRole('button', { name: 'Check the challenge' }).click();
  await expect(challenge.locator('[data-verdict="passed"]')).toBeVisible();
  // The outbox lab on the same page still runs on the shared database.
  await runSchedule(outbox, 'Every request once');
  await expect(outbox.locator('[data-verdict="broken"], [data-verdict="ok"]')).toBeVisible();
  expect(await cspViolations(page)).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing in the SQL lab after a run, ${theme} theme, and nothing overflows at 320 px`, async ({ page }) => {
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [THEME_KEY, theme] as const);
    await page.setViewportSize({ width: 320, height: 800 });
    const region = await startLab(page, IDEMPOTENCY, 'idempotency');
    const expectClean = async (state: string) => {
      const results = await new AxeBuilder({ page }).include('[data-sql-lab]').withTags(AXE_TAGS).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), state).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, state).toBeLessThanOrEqual(0);
    };
    // With Postgres's error marked on its line.
    await writeSql(region, idempotencyLab.brokenHandler.replace('points + :points', 'points + :pointz'));
    await runSchedule(region, 'evt-1 delivered twice');
    await expect(region.locator('[data-lens-line]')).toHaveCount(1);
    await expectClean('with an error on a line');
    // With a broken verdict and its trace, the tables shown.
    await writeSql(region, idempotencyLab.brokenHandler);
    await runSchedule(region, 'evt-1 delivered twice');
    await region.locator('details').filter({ hasText: "The lab's tables" }).locator('summary').click();
    await expectClean('after a broken run');
  });
}

test.describe('offline', () => {
  // The service worker is blocked everywhere else (playwright.config.ts).
  test.use({ serviceWorkers: 'allow' });
  test('a SQL lab started once online starts again offline: PostgreSQL is kept once fetched', async ({ page, context }) => {
    test.setTimeout(120_000);
    await visitOnce(page);
    await page.goto('/lessons/idempotent-consumers/');
    const start = async () => {
      const region = page.locator('[data-sql-lab="idempotency"]');
      await region.scrollIntoViewIfNeeded();
      await region.getByRole('button', { name: 'Start the SQL lab' }).click();
      await expect(region.getByText('PostgreSQL is running in this tab.')).toBeVisible({ timeout: 90_000 });
      return region;
    };
    await start();
    // The service worker kept the worker script and PGlite's three files in the SQL lab's cache.
    const kept = await page.evaluate(async () => (await (await caches.open('eda-course-sql-lab')).keys()).map((r) => new URL(r.url).pathname.replace(/^\/_astro\/(sql-worker|pglite|initdb)-.*\.(\w+)$/, '/_astro/$1.$2')).sort());
    expect(kept).toEqual(['/_astro/initdb.wasm', '/_astro/pglite.data', '/_astro/pglite.wasm', '/_astro/sql-worker.js']);
    await context.setOffline(true);
    await page.reload();
    const region = await start();
    await region.getByRole('button', { name: /^Run these (deliveries|requests|polls)$/ }).click();
    await expect(region.locator('[data-verdict]').first()).toBeVisible();
  });

  test('offline before PostgreSQL was ever fetched, the SQL lab says so instead of hanging', async ({ page, context }) => {
    await visitOnce(page);
    await page.goto('/lessons/idempotent-consumers/');
    await context.setOffline(true);
    const region = page.locator('[data-sql-lab="idempotency"]');
    await region.scrollIntoViewIfNeeded();
    await region.getByRole('button', { name: 'Start the SQL lab' }).click();
    await expect(region.getByRole('alert')).toContainText(/offline|could not/);
    // Back online, "Try again" starts it.
    await context.setOffline(false);
    await region.getByRole('button', { name: 'Try again' }).click();
    await expect(region.getByText('PostgreSQL is running in this tab.')).toBeVisible({ timeout: 60_000 });
  });
});
