import { expect, test, type Locator, type Page } from '@playwright/test';
import { cspPolicy, cspViolations, hydrateIslands, recordCspViolations } from './helpers.ts';
import { ALL_TRY_ITS, openTryIt, verdict } from './tryit-helpers.ts';

/**
 * The strict Content-Security-Policy (src/lib/site/csp.ts) blocks nothing the course needs: every
 * interactive flow runs to its result with zero `securitypolicyviolation` events. (The a11y sweep
 * checks the same on every page as loaded; these drive what the pages do afterwards.)
 */

test.beforeEach(async ({ page }) => {
  await recordCspViolations(page);
});

/** The page carries the strict policy, and nothing was blocked since it loaded. */
async function expectNothingBlocked(page: Page): Promise<void> {
  const policy = await cspPolicy(page);
  expect(policy).toMatch(/script-src 'self'/);
  expect(policy).not.toMatch(/'unsafe-inline'/);
  expect(policy).toMatch(/object-src 'none'/);
  expect(policy).toMatch(/base-uri 'none'/);
  expect(await cspViolations(page)).toEqual([]);
}


for (const tryIt of ALL_TRY_ITS) {
  test(`${tryIt.title} runs to a verdict under the policy`, async ({ page }) => {
    const region = await openTryIt(page, tryIt.url, tryIt.title);
    await tryIt.run(region);
    await expect(verdict(region)).toBeVisible();
    await expectNothingBlocked(page);
  });
}

test('the schema Try-it is the one page that allows eval, for avsc', async ({ page }) => {
  await page.goto('/lessons/schema-evolution/');
  expect(await cspPolicy(page)).toMatch(/script-src [^;]*'unsafe-eval'/);
  await page.goto('/lessons/delivery-guarantees/');
  expect(await cspPolicy(page)).not.toMatch(/'unsafe-eval'/);
});

test('a lab runs to the end', async ({ page }) => {
  await page.goto('/lessons/idempotent-consumers/');
  const lab = page.locator('section.lab').first();
  await lab.scrollIntoViewIfNeeded();
  const run = lab.getByRole('button', { name: 'Run to the end' });
  await expect(run).toBeEnabled();
  await run.click();
  await expect(lab.getByRole('list', { name: 'Narrated trace' }).getByRole('listitem').first()).toBeVisible();
  await expectNothingBlocked(page);
});

test('a quiz question is answered and checked', async ({ page }) => {
  await page.goto('/quizzes/idempotency/');
  await hydrateIslands(page);
  const first = page.locator('form.question .option input').first();
  await first.check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByRole('button', { name: /Next question|See your score/ })).toBeVisible();
  await expectNothingBlocked(page);
});

test('the emitter demo places an order and its subscribers react', async ({ page }) => {
  await page.goto('/lessons/eda-in-one-page/');
  const demo = page.getByRole('region', { name: 'Try it: one event, many subscribers' });
  await demo.scrollIntoViewIfNeeded();
  const place = demo.getByRole('button', { name: 'Place order' });
  await expect(place).toBeEnabled();
  await place.click();
  await expect(demo.locator('[data-outcome]')).toContainText('Order confirmed');
  await expect(demo.locator('[data-status="done"]').first()).toBeVisible();
  await expectNothingBlocked(page);
});

test('search: live results in the header box, then the search page', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Search the course').focus();
  await page.keyboard.type('idempotent');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible();
  await expectNothingBlocked(page);
  await page.goto('/search/?q=outbox');
  await expect(page.getByText(/\d+ results? for “outbox”/).first()).toBeVisible();
  await expectNothingBlocked(page);
});

test('the practice whiteboard: add parts and connect them', async ({ page }) => {
  await page.goto('/practice/notification-system/');
  await page.getByRole('button', { name: /^Start (an|a new) attempt$/ }).click();
  await page.getByRole('button', { name: 'Next phase: High-level design' }).click();
  const board = page.getByRole('region', { name: 'Whiteboard', exact: true });
  await board.locator('.canvas').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await board.getByRole('button', { name: 'Service / API' }).click();
  await board.getByRole('button', { name: 'Topic', exact: true }).click();
  const part = (name: string) => board.getByRole('group', { name: new RegExp(`^${name}, `) });
  await expect(part('Topic 1')).toBeVisible();
  await board.locator('.canvas').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const centre = async (locator: Locator) => {
    const box = await locator.boundingBox();
    if (!box) throw new Error('not visible');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  const from = await centre(part('Service 1').getByRole('button', { name: /Connection handle/ }).last());
  const to = await centre(part('Topic 1').getByRole('button', { name: /Connection handle/ }).first());
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, from.y + 20, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  await expect(board.getByRole('group', { name: 'Service 1 to Topic 1, event / message' })).toHaveCount(1);
  await expectNothingBlocked(page);
});

test('progress export, then import of the exported file', async ({ page }) => {
  await page.goto('/lessons/eda-in-one-page/');
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.getByRole('button', { name: 'Completed — undo' })).toBeVisible();
  await expectNothingBlocked(page);
  await page.goto('/progress/');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const exported = await (await download).path();
  await page.getByLabel('Import a progress file').setInputFiles(exported);
  await expect(page.getByText(/holds 1 completed lessons/)).toBeVisible();
  await page.getByRole('radio', { name: /Replace my progress/ }).check();
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.getByRole('button', { name: 'Apply import' })).toBeHidden();
  await expectNothingBlocked(page);
});
