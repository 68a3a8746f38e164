import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { QuizBank } from '../../src/schemas/quiz.ts';

const bank = parse(readFileSync(join(import.meta.dirname, '..', '..', 'quizzes', 'idempotency.yaml'), 'utf8')) as QuizBank;
const followUps = bank.followups ?? [];
const START = new Date('2026-12-01T09:00:00Z');
const plain = (markdown: string) => markdown.replace(/`([^`]*)`/g, '$1').replace(/\*\*?([^*]+)\*\*?/g, '$1').replace(/\s+/g, ' ').trim();

/** Opens a mock round on the idempotency lesson's follow-ups and waits for the island. */
async function openDrills(page: Page) {
  await page.goto('/drills/?lesson=idempotent-consumers');
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
}

/** The follow-up on screen, from the bank, matched by its question. */
async function shownFollowUp(page: Page) {
  const text = (await page.locator('.followup h3').innerText()).replace(/\s+/g, ' ');
  const found = followUps.find((f) => text.startsWith(plain(f.question).slice(0, 40)));
  if (!found) throw new Error(`no follow-up matches "${text.slice(0, 60)}"`);
  return found;
}

test('a lesson ends with its follow-ups as questions only, and leads to answering them', async ({ page }) => {
  await page.goto('/lessons/idempotent-consumers/');
  const section = page.getByRole('region', { name: 'Interviewer follow-ups' });
  await expect(section.getByRole('listitem')).toHaveCount(followUps.length);
  // The key points and model answers are what the learner checks against later: never shown here.
  await expect(section).not.toContainText(plain(followUps[0]!.keyPoints[0]!.text).slice(0, 30));
  await section.getByRole('link', { name: 'Answer these follow-ups' }).click();
  await expect(page).toHaveURL(/\/drills\/\?lesson=idempotent-consumers$/);
});

test('answer a follow-up by keyboard alone, reveal, tick, and find it due in review', async ({ page }) => {
  await page.clock.install({ time: START });
  await openDrills(page);
  await expect(page.getByRole('checkbox', { name: 'Idempotent consumers and idempotency keys' })).toBeChecked();
  await page.getByRole('button', { name: 'Start the round' }).focus();
  await page.keyboard.press('Enter');
  const answer = page.getByLabel('Your answer, in your own words');
  await expect(answer).toBeVisible();
  const first = await shownFollowUp(page);
  await answer.focus();
  await page.keyboard.type('It is delivered again, so I de-duplicate on the event id.');
  await page.getByRole('button', { name: 'Reveal the key points' }).focus();
  await page.keyboard.press('Enter');
  const keyPoints = page.getByRole('group', { name: /Key points a strong answer makes/ });
  await expect(keyPoints.getByRole('checkbox')).toHaveCount(first.keyPoints.length);
  await keyPoints.getByRole('checkbox').first().focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Grade my answer' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.verdict')).toHaveText(`Not yet — review it soon. You made 1 of ${first.keyPoints.length} key points, with no red flags.`);
  await expect(page.getByRole('status').filter({ hasText: 'It comes back for review in 10 minutes' })).toBeAttached();

  // Fewer than half the points: it is due again in ten minutes, on the review page, told apart from quiz questions.
  await page.clock.fastForward('11:00');
  await page.goto('/review/');
  const due = page.getByRole('region', { name: 'Interviewer follow-ups due' });
  // The section loads when it scrolls into view (its placeholder is then replaced, so scroll the page).
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(due).toContainText('1 follow-up due.');
  await expect(due.locator('.followup h3')).toContainText(plain(first.question).slice(0, 40));
  await expect(due.getByRole('button', { name: /Your earlier answers \(1\)/ })).toHaveCount(0);
  await expect(due.getByText('Your earlier answers (1)')).toBeVisible();
});

test('a mock round runs to its summary, and a reload mid-round restores the answer being written', async ({ page }) => {
  await openDrills(page);
  await page.getByRole('button', { name: 'Start the round' }).click();
  const total = Math.min(8, followUps.length);
  await expect(page.getByRole('heading', { name: `Mock round: follow-up 1 of ${total}` })).toBeVisible();

  // First one typed, left half-written, then the page reloads.
  await page.getByLabel('Your answer, in your own words').fill('Half an answer about the processed table');
  await page.getByLabel('Your answer, in your own words').blur();
  await page.reload();
  await expect(page.getByLabel('Your answer, in your own words')).toHaveValue('Half an answer about the processed table');
  await expect(page.getByRole('heading', { name: `Mock round: follow-up 1 of ${total}` })).toBeVisible();

  for (let i = 1; i <= total; i += 1) {
    await expect(page.getByRole('heading', { name: `Mock round: follow-up ${i} of ${total}` })).toBeVisible();
    if (i > 1) await page.getByRole('checkbox', { name: 'I answered aloud instead' }).check();
    await page.getByRole('button', { name: 'Reveal the key points' }).click();
    const points = page.getByRole('group', { name: /Key points a strong answer makes/ }).getByRole('checkbox');
    if (i % 2 === 0) for (const box of await points.all()) await box.check();
    await page.getByRole('button', { name: 'Grade my answer' }).click();
    await page.getByRole('button', { name: i < total ? 'Next follow-up' : 'See the summary' }).click();
  }
  await expect(page.getByRole('heading', { name: 'Round summary' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Key points made per topic' });
  await expect(table).toContainText('Idempotent consumers and idempotency keys');
  await expect(table).toContainText(`${total} of ${total}`);
  await expect(page.getByRole('list').filter({ hasText: 'Half an answer about the processed table' })).toBeVisible();
  await expect(page.getByText('Answered aloud.').first()).toBeVisible();

  // The round is kept: after a reload it is listed, and its summary opens again.
  await page.reload();
  await page.getByRole('button', { name: 'Show the summary' }).click();
  await expect(page.getByRole('heading', { name: 'Round summary' })).toBeVisible();
});

test('saved rounds show from the light glance, and the full store loads only when the learner acts, losing nothing', async ({ page }) => {
  const first = followUps[0];
  if (!first) throw new Error('the idempotency bank has no follow-ups');
  const at = '2026-12-01T09:00:00.000Z';
  const saved = {
    version: 1,
    data: {
      generation: 0,
      lessons: {},
      notes: {},
      quiz: {},
      practice: {},
      review: {},
      challenges: {},
      followups: { [first.id]: { attempts: [{ at, answer: 'A saved answer about the processed table', aloud: false, made: ['k1'], flags: [], grade: 'good', round: 'round-saved' }], updatedAt: at } },
      drills: { 'round-saved': { startedAt: at, topics: ['idempotent-consumers'], items: [first.id], itemStartedAt: at, finishedAt: at, updatedAt: at } },
    },
  };
  // Seeded once: a reload must show what the page saved, not the seed again.
  await page.addInitScript((text) => {
    if (localStorage.getItem('eda-course:progress') === null) localStorage.setItem('eda-course:progress', text);
  }, JSON.stringify(saved));
  // The full store's chunk (src/client/progress.ts, with the validator); the glance's are named apart.
  const storeChunks: string[] = [];
  page.on('request', (request) => {
    if (/\/_astro\/progress\.[\w-]+\.js$/.test(new URL(request.url()).pathname)) storeChunks.push(request.url());
  });

  await openDrills(page);
  await expect(page.getByRole('heading', { name: 'Past rounds' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: '1 follow-ups' })).toContainText(`1 of ${first.keyPoints.length} key points`);
  expect(storeChunks, 'the first view loaded the full store').toEqual([]);

  await page.getByRole('button', { name: 'Show the summary' }).click();
  await expect(page.getByRole('heading', { name: 'Round summary' })).toBeVisible();
  await expect(page.getByText('A saved answer about the processed table')).toBeVisible();

  // Starting a round is a write: it waits for the store, and the round survives a reload.
  await page.getByRole('button', { name: 'Start the round' }).click();
  await expect(page.getByRole('heading', { name: /Mock round: follow-up 1 of/ })).toBeVisible();
  expect(storeChunks.length, 'acting did not load the full store').toBeGreaterThan(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: /Mock round: follow-up 1 of/ })).toBeVisible();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('eda-course:progress') ?? '{}') as { data: { drills: Record<string, unknown>; followups: Record<string, { attempts: unknown[] }> } });
  expect(Object.keys(stored.data.drills)).toHaveLength(2);
  expect(stored.data.followups[first.id]?.attempts).toHaveLength(1);
});

test('starting with no topic says what to do; "lessons I have completed" with none says so too', async ({ page }) => {
  await page.goto('/drills/');
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
  await page.getByRole('button', { name: 'Start the round' }).click();
  await expect(page.getByRole('alert')).toHaveText('Pick at least one topic.');
  await page.getByRole('button', { name: 'Lessons I have completed' }).click();
  await expect(page.getByRole('alert')).toContainText('You have not marked any lesson complete yet');
});

for (const theme of ['light', 'dark'] as const) {
  test(`the drills page has no axe violations mid-round and after grading (${theme})`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('eda-course:theme', t), theme);
    await openDrills(page);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.getByRole('button', { name: 'Start the round' }).click();
    await page.getByLabel('Your answer, in your own words').fill('An answer.');
    await page.getByRole('button', { name: 'Reveal the key points' }).click();
    await page.getByRole('button', { name: 'Grade my answer' }).click();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
}
