import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { QuizBank } from '../../src/schemas/quiz.ts';

const BANK = 'event-design';
const bank = parse(readFileSync(join(import.meta.dirname, '..', '..', 'quizzes', `${BANK}.yaml`), 'utf8')) as QuizBank;
const byPrompt = (text: string) => bank.questions.find((q) => text.includes(q.prompt.replace(/`/g, '').replace(/\*/g, '').split('\n')[0]!.slice(0, 40)));
const START = new Date('2026-11-28T09:00:00Z');

/** The question on screen, from the bank file, matched by the start of its prompt. */
async function shownQuestion(page: Page) {
  const text = (await page.locator('form.question .prompt').innerText()).replace(/\s+/g, ' ');
  const question = byPrompt(text);
  if (!question) throw new Error(`no question matches "${text.slice(0, 60)}"`);
  return question;
}

/** Answers the question on screen: right when `right`, otherwise with a wrong option (order: as shown). */
async function answerShown(page: Page, right: boolean) {
  const question = await shownQuestion(page);
  if (question.kind !== 'order') {
    const picks = right ? question.options.filter((o) => o.correct) : [question.options.find((o) => !o.correct)!];
    for (const option of picks) {
      const text = option.text.replace(/`/g, '').replace(/\*\*?/g, '');
      await page.locator('form.question .option label').filter({ hasText: text.slice(0, 30) }).first().locator('input').check();
    }
  }
  await page.getByRole('button', { name: 'Check answer' }).click();
  return question;
}

test('take a quiz: feedback on every option, a score, results kept, misses due in Review, rescheduled when answered', async ({ page }) => {
  await page.clock.setFixedTime(START);
  await page.goto(`/quizzes/${BANK}/`);
  await expect(page.getByText(`Question 1 of ${bank.questions.length}`)).toBeVisible();

  const first = await answerShown(page, true);
  await expect(page.getByText('Correct.', { exact: true })).toBeVisible();
  if (first.kind !== 'order') {
    // Every option shows its feedback, chosen or not.
    for (const option of first.options) {
      await expect(page.locator('form.question .feedback').filter({ hasText: option.feedback.replace(/`/g, '').slice(0, 25) })).toBeVisible();
    }
  }
  // The explanation links to the lesson section that teaches the point.
  const learnMore = first.learnMore.section ? `/lessons/${first.learnMore.lesson}/#${first.learnMore.section}` : `/lessons/${first.learnMore.lesson}/`;
  await expect(page.locator('form.question .outcome a')).toHaveAttribute('href', learnMore);
  await expect(page.getByRole('status').filter({ hasText: 'Correct' })).toBeAttached();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);

  const missed: string[] = [];
  for (let i = 2; i <= bank.questions.length; i += 1) {
    await page.getByRole('button', { name: /Next question|See your score/ }).click();
    await expect(page.getByText(`Question ${i} of ${bank.questions.length}`)).toBeFocused();
    const question = await answerShown(page, false);
    missed.push(question.id);
    await expect(page.getByText('Not quite.', { exact: true })).toBeVisible();
    await expect(page.locator('form.question .verdict').first()).toBeVisible();
  }
  await page.getByRole('button', { name: 'See your score' }).click();
  await expect(page.getByRole('heading', { name: `Your score: 1 of ${bank.questions.length} (${Math.round(100 / bank.questions.length)}%)` })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Score by topic' })).toContainText(bank.title);

  // "Retry only the ones I missed" asks exactly the missed questions again.
  await page.getByRole('button', { name: 'Retry only the ones I missed' }).click();
  await expect(page.getByText(`Question 1 of ${missed.length}`)).toBeVisible();

  // Results are kept: the quizzes page shows them after a reload.
  await page.goto('/quizzes/');
  await page.reload();
  await expect(page.locator(`[data-best-score="${BANK}"]`)).toHaveText(`Latest answers: 1 of ${bank.questions.length} right`);
  await page.goto('/progress/');
  await expect(page.getByText(`${bank.title}: 1 of ${bank.questions.length} questions right`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'No questions due for review' })).toBeVisible();

  // Nothing is due straight away; ten minutes later the misses are.
  await page.goto('/review/');
  await expect(page.getByText('Nothing is due for review right now.')).toBeVisible();
  await page.clock.setFixedTime(new Date(START.getTime() + 11 * 60_000));
  await page.goto('/review/');
  await expect(page.getByRole('link', { name: new RegExp(`Review ${missed.length} questions due`) })).toBeVisible();
  await expect(page.getByText(`Question 1 of ${missed.length}`)).toBeVisible();
  const reviewed = await answerShown(page, true);
  await expect(page.getByText('Correct.', { exact: true })).toBeVisible();
  // Answering it right pushes it out of today's reviews.
  await expect(page.getByRole('link', { name: new RegExp(`Review ${missed.length - 1} questions due`) })).toBeVisible();
  const card = await page.evaluate((id) => JSON.parse(localStorage.getItem('eda-course:progress') ?? '{}').data.review[id].card.due as string, reviewed.id);
  expect(new Date(card).getTime()).toBeGreaterThan(START.getTime() + 12 * 60 * 60_000);
});

test('a quiz can be answered with the keyboard alone', async ({ page }) => {
  await page.goto(`/quizzes/${BANK}/`);
  await expect(page.getByText('Question 1 of')).toBeVisible();
  const question = await shownQuestion(page);
  if (question.kind === 'order') {
    await page.locator('form.question .mini').first().focus();
  } else {
    await page.locator('form.question input').first().focus();
  }
  await page.keyboard.press('Space');
  // Tab to the check button and submit.
  const check = page.getByRole('button', { name: 'Check answer' });
  for (let i = 0; i < 12 && !(await check.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  await expect(check).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^(Correct|Not quite)\.$/)).toBeVisible();
  const next = page.getByRole('button', { name: 'Next question' });
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Question 2 of')).toBeFocused();
});

test('an order question is arranged with the Move buttons and graded by position', async ({ page }) => {
  const index = bank.questions.findIndex((q) => q.kind === 'order');
  const question = bank.questions[index];
  expect(question?.kind, 'the bank has an order question').toBe('order');
  if (question?.kind !== 'order') return;
  await page.goto(`/quizzes/${BANK}/`);
  for (let i = 0; i < index; i += 1) {
    await answerShown(page, false);
    await page.getByRole('button', { name: 'Next question' }).click();
  }
  // Sort the items into the right order with the buttons: move each to its place from the top.
  for (const [target, item] of question.items.entries()) {
    const label = item.text.replace(/`/g, '').replace(/\*\*?/g, '').slice(0, 20);
    for (;;) {
      const texts = await page.locator('form.question .order li .text').allInnerTexts();
      const at = texts.findIndex((t) => t.replace(/\s+/g, ' ').includes(label));
      if (at <= target) break;
      await page.locator('form.question .order li').nth(at).getByRole('button', { name: /up$/ }).click();
    }
  }
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByText('Correct.', { exact: true })).toBeVisible();
  await expect(page.getByText('In the right place')).toHaveCount(question.items.length);
});
