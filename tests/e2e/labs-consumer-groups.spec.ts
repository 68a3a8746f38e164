import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { THEME_KEY, failThenPassChallenge } from './helpers.ts';

/** The consumer-groups lesson, which embeds the consumer-groups lab with its rebalance and offset-reset knobs. */
const LESSON = '/lessons/consumer-groups-and-stream-processing/';

async function openLab(page: Page): Promise<Locator> {
  await page.goto(LESSON);
  const lab = page.locator('section.lab[data-lab="consumer-groups"]');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab.getByRole('button', { name: 'Run to the end' })).toBeEnabled();
  return lab;
}

async function runToEnd(lab: Locator): Promise<void> {
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  await expect(lab.getByText(/run finished/)).toBeVisible();
}

/** Seeks the finished run to virtual time `ms` through the time slider, as a learner dragging it would. */
async function seek(lab: Locator, ms: number): Promise<void> {
  await lab.getByRole('slider', { name: 'Time' }).evaluate((el, value) => {
    const input = el as HTMLInputElement;
    input.value = String(value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, ms);
  await expect(lab.locator('.clock')).toHaveText(new RegExp(`Virtual time: ${ms} ms`));
}

test('eager rebalancing stops every partition during a rolling restart; static membership causes no rebalance', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const lab = await openLab(page);
  await lab.getByRole('checkbox', { name: /Rolling restart of "analytics"/ }).check();
  await lab.getByRole('radio', { name: 'Eager (stop the world)' }).check();
  await runToEnd(lab);
  const analytics = lab.locator('[data-group="analytics"]');
  await expect(analytics).toContainText('rebalances: 4');
  await expect(analytics).toContainText(/partitions revoked from healthy consumers: [1-9]\d*/);
  await expect(analytics).toContainText('60 handled');
  // At 400 ms the group is inside an eager sync: the stage shows no partition with an owner.
  await seek(lab, 400);
  const stage = lab.locator('.stage-box');
  await expect(stage.locator('text', { hasText: /^analytics · lag \d+ · unassigned: rebalancing$/ })).toHaveCount(3);

  await lab.getByRole('radio', { name: 'Cooperative', exact: true }).check();
  await runToEnd(lab);
  await expect(analytics).toContainText('rebalances: 4');
  await expect(analytics).not.toContainText('revoked from healthy');
  // Cooperative: only the partition of the consumer that is down (analytics#1, since 350 ms) waits.
  await seek(lab, 400);
  await expect(stage.locator('text', { hasText: /^analytics · lag \d+ · unassigned/ })).toHaveCount(1);

  await lab.getByRole('radio', { name: 'Cooperative + static membership' }).check();
  await runToEnd(lab);
  await expect(analytics).toContainText('rebalances: 0');
  await expect(analytics).toContainText('60 handled');
  // Static: the restarting consumer keeps its partition, so nothing is ever unassigned.
  await seek(lab, 400);
  await expect(stage.locator('text', { hasText: /^analytics · lag \d+ · unassigned/ })).toHaveCount(0);
  await expect(stage.locator('text', { hasText: /^analytics · lag \d+ · analytics#1$/ })).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('a late group skips its backlog under latest, replays it under earliest and stops under none', async ({ page }) => {
  const lab = await openLab(page);
  await lab.getByRole('checkbox', { name: /"search" deployed late/ }).check();
  await runToEnd(lab);
  const search = lab.locator('[data-group="search"]');
  await expect(search).toContainText('skipped by offset reset: 30 — wrong');
  await expect(search).toContainText('30 handled');

  await lab.getByRole('radio', { name: 'earliest', exact: true }).check();
  await runToEnd(lab);
  await expect(search).toContainText('60 handled');
  await expect(search).not.toContainText('skipped by offset reset');

  await lab.getByRole('radio', { name: 'none', exact: true }).check();
  await runToEnd(lab);
  await expect(search).toContainText('0 handled');
  await expect(search).toContainText('stopped: no committed offset and auto.offset.reset=none');
  await expect(search).toContainText('lag: 60');
});

const fixes: [id: string, fix: (lab: Locator) => Promise<void>][] = [
  ['rolling-restart-no-rebalance', (lab) => lab.getByRole('radio', { name: 'Cooperative + static membership' }).check()],
  ['backfill-new-group', (lab) => lab.getByRole('radio', { name: 'earliest', exact: true }).check()],
];
for (const [id, fix] of fixes) {
  test(`the ${id} challenge fails as it starts and passes once fixed`, async ({ page }) => {
    await failThenPassChallenge(await openLab(page), id, fix);
  });
}

test('the locked fault of a challenge cannot be switched off', async ({ page }) => {
  const lab = await openLab(page);
  await lab.locator('[data-challenge="backfill-new-group"]').getByRole('button', { name: 'Start this challenge' }).click();
  const late = lab.getByRole('checkbox', { name: /"search" deployed late/ });
  await expect(late).toBeChecked();
  await expect(late).toBeDisabled();
  await expect(late).toHaveAccessibleDescription(/^Locked by the challenge\./);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violations in the lab with the new knobs after a run, ${theme} theme`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [THEME_KEY, theme] as const);
    const lab = await openLab(page);
    await lab.getByRole('checkbox', { name: /Rolling restart of "analytics"/ }).check();
    await lab.getByRole('checkbox', { name: /"search" deployed late/ }).check();
    await lab.getByRole('radio', { name: 'none', exact: true }).check();
    await runToEnd(lab);
    const results = await new AxeBuilder({ page }).include('section.lab').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('the lesson and its lab fit a 320 px wide screen after a run', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  const lab = await openLab(page);
  await lab.getByRole('checkbox', { name: /"search" deployed late/ }).check();
  await runToEnd(lab);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
});
