import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { THEME_KEY } from './helpers.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { QuizBank } from '../../src/schemas/quiz.ts';

const quizzes = join(import.meta.dirname, '..', '..', 'quizzes');
const banks = readdirSync(quizzes).map((f) => parse(readFileSync(join(quizzes, f), 'utf8')) as QuizBank);
const questions = new Map(banks.flatMap((bank) => bank.questions.map((q) => [q.id, { bank, question: q }] as const)));
/** Words of a bit of Markdown as a reader sees them. */
const words = (text: string) => text.replace(/[`*]/g, '').replace(/\s+/g, ' ').trim();

/** The header's search box, as a combobox. */
const headerBox = (page: Page) => page.getByRole('combobox', { name: 'Search the course' });

test('results appear as you type in the header box, and the keyboard opens one', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Search the course').focus();
  const box = headerBox(page);
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.type('idempotent');
  const list = page.getByRole('listbox', { name: 'Search results' });
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await expect(list.getByRole('option').first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /\d+ results?\. Use the down arrow/ })).toBeAttached();
  await page.keyboard.press('ArrowDown');
  const first = list.getByRole('option').first();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id')) ?? '');
  await expect(first).toContainText('Lesson');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  // ↓ then ↑ comes back to the first result; Escape closes the list.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowDown');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/lessons\/idempotent-consumers\/$/);
});

for (const [query, lesson] of [
  ['outbox', '/lessons/dual-writes-and-outbox/'],
  ['saga', '/lessons/choreography-orchestration-sagas/'],
] as const) {
  test(`the lesson is the first result for "${query}", and quiz snippets never quote an explanation`, async ({ page }) => {
    await page.goto(`/search/?q=${query}`);
    const links = page.locator('[data-search-results] h2 a');
    await expect(links.first()).toBeVisible();
    await expect(links.first()).toHaveAttribute('href', lesson);
    const hits = await page.locator('[data-search-results] li').evaluateAll((items) =>
      items.map((li) => ({ href: li.querySelector('h2 a')?.getAttribute('href') ?? '', text: li.querySelector('p')?.textContent ?? '' })),
    );
    const quizHits = hits.filter((h) => h.href.startsWith('/quizzes/'));
    expect(quizHits.length).toBeGreaterThan(0);
    for (const hit of quizHits) {
      const found = questions.get(hit.href.split('#')[1] ?? '');
      expect(found, hit.href).toBeDefined();
      const explanation = words(found?.question.explanation ?? '');
      // No run of eight words from the explanation shows up in the snippet.
      const snippet = words(hit.text);
      const runs = explanation.split(' ').map((_, i, all) => all.slice(i, i + 8).join(' ')).filter((run) => run.split(' ').length === 8);
      expect(runs.filter((run) => snippet.includes(run)), hit.href).toEqual([]);
    }
    // Lessons and pages come before quiz questions.
    const firstQuiz = hits.findIndex((h) => h.href.startsWith('/quizzes/'));
    expect(hits.slice(firstQuiz).every((h) => h.href.startsWith('/quizzes/'))).toBe(true);
  });
}

test('a quiz result opens that very question', async ({ page }) => {
  await page.goto('/search/?q=visibility%20timeout');
  const quizLink = page.locator('[data-search-results] h2 a[href^="/quizzes/"]').first();
  await expect(quizLink).toBeVisible();
  const href = (await quizLink.getAttribute('href')) ?? '';
  const found = questions.get(href.split('#')[1] ?? '');
  expect(found).toBeDefined();
  const position = (found?.bank.questions.findIndex((q) => q.id === found.question.id) ?? -1) + 1;
  expect(position).toBeGreaterThan(1);
  await quizLink.click();
  await expect(page.getByText(`Question ${position} of ${found?.bank.questions.length}`)).toBeVisible();
  await expect(page.locator('form.question .prompt')).toContainText(words(found?.question.prompt ?? '').slice(0, 40));
});

test('the results page keeps the query in its box and the header box, and searches again in place', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Search the course').fill('consumer lag');
  await page.getByLabel('Search the course').press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=consumer\+lag$/);
  await expect(page.getByRole('searchbox', { name: /Search lessons/ })).toHaveValue('consumer lag');
  await expect(page.getByLabel('Search the course')).toHaveValue('consumer lag');
  await expect(page.locator('[data-search-results] mark').first()).toBeVisible();
  const pageBox = page.getByRole('searchbox', { name: /Search lessons/ });
  await pageBox.fill('dead letter');
  await pageBox.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=dead%20letter$/);
  await expect(page.getByRole('status').filter({ hasText: /results? for “dead letter”/ })).toBeVisible();
  await expect(page.getByLabel('Search the course')).toHaveValue('dead letter');
});

test('a search with no match says so', async ({ page }) => {
  await page.goto('/search/?q=zzyzxq');
  await expect(page.getByRole('status').filter({ hasText: 'No results for “zzyzxq”.' })).toBeVisible();
});

test('the open list of live results has no axe violations in the dark theme', async ({ page }) => {
  await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [THEME_KEY, 'dark'] as const);
  await page.goto('/quizzes/');
  await page.getByLabel('Search the course').focus();
  await page.keyboard.type('retry');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
