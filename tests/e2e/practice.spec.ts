import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const PROMPT = '/practice/order-pipeline/';

test('a practice attempt: clock, scratchpad, hints, reload, submit, rubric, score, model answer, history', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-28T09:00:00Z') });
  await page.goto(PROMPT);
  await expect(page.getByRole('heading', { name: 'Model answer' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Start an attempt' }).click();
  const pad = page.getByRole('textbox', { name: /scratchpad/ });
  await expect(pad).toBeFocused();
  await pad.fill('Outbox for OrderPlaced; orchestrated saga; idempotency keys.');
  await page.getByRole('button', { name: 'Reveal hint 1 of 7' }).click();
  await page.getByRole('button', { name: 'Reveal hint 2 of 7' }).click();
  await expect(page.getByRole('button', { name: 'Reveal hint 3 of 7' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Hint 2 of 7 opened.' })).toBeAttached();

  // Five and a bit minutes in, the clock has moved to the second phase.
  await page.clock.runFor(5 * 60_000 + 5_000);
  await expect(page.getByText('Phase 2 of 4: High-level design')).toBeVisible();
  await expect(page.locator('[data-elapsed]')).toHaveText(/^Elapsed 5:0\d of 45:00$/);

  // A reload mid-attempt keeps the clock, the notes and the hints.
  await page.reload();
  await expect(pad).toHaveValue('Outbox for OrderPlaced; orchestrated saga; idempotency keys.');
  await expect(page.locator('[data-elapsed]')).toHaveText(/^Elapsed 5:\d\d of 45:00$/);
  await expect(page.getByRole('button', { name: 'Reveal hint 3 of 7' })).toBeVisible();

  // Pausing stops the clock.
  await page.getByRole('button', { name: 'Pause' }).click();
  const paused = await page.locator('[data-elapsed]').innerText();
  await page.clock.runFor(60_000);
  await expect(page.locator('[data-elapsed]')).toHaveText(paused);
  await page.getByRole('button', { name: 'Resume' }).click();

  await page.getByRole('button', { name: 'Submit my answer' }).click();
  await expect(page.getByRole('heading', { name: 'Model answer' })).toBeVisible();
  const rubric = page.getByRole('group', { name: 'Which of these did your answer cover?' });
  await rubric.getByRole('checkbox').nth(0).check();
  await rubric.getByRole('checkbox').nth(1).check();
  await expect(rubric.getByText(/− 10 for hints =/)).toBeVisible();
  await page.getByRole('button', { name: 'Score my answer' }).click();
  await expect(page.getByText(/Last attempt scored \d+ out of 100\./)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Model answer' })).toBeVisible();
  const history = page.getByRole('region', { name: 'Your attempts' });
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history.getByRole('row').nth(1)).toContainText('2');

  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await page.goto('/practice/');
  await expect(page.locator('[data-practice-best="order-pipeline"]')).toHaveText(/^1 attempt · best score \d+$/);
  await page.goto('/progress/');
  await expect(page.getByText(/^Design the order pipeline.* — .*2 hints, score \d+$/)).toBeVisible();
});

test('giving up opens the model answer and records the attempt without a score', async ({ page }) => {
  await page.goto('/practice/notification-system/');
  await page.getByRole('button', { name: 'Start an attempt' }).click();
  await page.getByRole('button', { name: 'Give up and show the model answer' }).click();
  await expect(page.getByRole('region', { name: 'Model answer' })).toBeFocused();
  await expect(page.getByRole('region', { name: 'Your attempts' }).getByRole('row').nth(1)).toContainText('not scored');
});

test('a practice attempt can be run from the keyboard alone', async ({ page }) => {
  await page.goto('/practice/firehose-consumer/');
  const start = page.getByRole('button', { name: 'Start an attempt' });
  for (let i = 0; i < 40 && !(await start.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: /scratchpad/ })).toBeFocused();
  await page.keyboard.type('cursor after processing');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Reveal hint 2 of 7' })).toBeVisible();
});
