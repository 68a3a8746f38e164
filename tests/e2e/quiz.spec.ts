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

/** Markdown or HTML reduced to the words a reader sees, for comparing question text. */
function words(text: string): string {
  return text
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[`*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

test('the quiz page carries every question of its bank in its HTML, without running scripts', async ({ request }) => {
  const response = await request.get(`/quizzes/${BANK}/`);
  expect(response.ok()).toBe(true);
  const html = words(await response.text());
  expect(html).not.toContain('Loading the questions');
  for (const question of bank.questions) expect(html, question.id).toContain(words(question.prompt).slice(0, 60));
  // The first question is rendered by the island itself, ready to answer when it hydrates.
  expect(html).toContain(`Question 1 of ${bank.questions.length}`);
});

test('take a quiz: short feedback, a score page that leads on, results kept, misses due in Review, rescheduled when answered', async ({ page }) => {
  await page.clock.setFixedTime(START);
  await page.goto(`/quizzes/${BANK}/`);
  await expect(page.getByText(`Question 1 of ${bank.questions.length}`)).toBeVisible();

  const first = await answerShown(page, true);
  await expect(page.getByText('Correct.', { exact: true })).toBeFocused();
  if (first.kind !== 'order') {
    // The chosen (and correct) options show their feedback; the rest wait behind "Why not the others".
    const feedback = (text: string) => page.locator('form.question').getByText(words(text).slice(0, 25));
    const others = first.options.filter((o) => !o.correct);
    for (const option of first.options.filter((o) => o.correct)) await expect(feedback(option.feedback)).toBeVisible();
    for (const option of others) await expect(feedback(option.feedback)).toBeHidden();
    await expect(page.getByText('rightly left out')).toHaveCount(0);
    await page.getByText('Why not the others').click();
    for (const option of others) await expect(feedback(option.feedback)).toBeVisible();
    // The chosen option stays marked as the learner's answer.
    await expect(page.getByText('Your answer: correct').first()).toBeVisible();
  }
  // The verdict comes before the options' feedback.
  const verdictTop = await page.getByText('Correct.', { exact: true }).evaluate((el) => el.getBoundingClientRect().top);
  const firstOptionTop = await page.locator('form.question .options, form.question .order').first().evaluate((el) => el.getBoundingClientRect().top);
  expect(verdictTop).toBeLessThan(firstOptionTop);
  // The explanation links to the lesson section that teaches the point.
  const learnMore = first.learnMore.section ? `/lessons/${first.learnMore.lesson}/#${first.learnMore.section}` : `/lessons/${first.learnMore.lesson}/`;
  await expect(page.locator('form.question .outcome a')).toHaveAttribute('href', learnMore);
  await expect(page.getByRole('status').filter({ hasText: 'Correct' })).toBeAttached();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);

  const missed: QuizBank['questions'] = [];
  for (let i = 2; i <= bank.questions.length; i += 1) {
    await page.getByRole('button', { name: /Next question|See your score/ }).click();
    await expect(page.getByText(`Question ${i} of ${bank.questions.length}`)).toBeFocused();
    missed.push(await answerShown(page, false));
    await expect(page.getByText('Not quite.', { exact: true })).toBeVisible();
    await expect(page.locator('form.question .verdict').first()).toBeVisible();
  }
  await page.getByRole('button', { name: 'See your score' }).click();
  await expect(page.getByRole('heading', { name: `Your score: 1 of ${bank.questions.length} (${Math.round(100 / bank.questions.length)}%)` })).toBeVisible();
  // One topic: no table repeating the score.
  await expect(page.getByRole('table', { name: 'Score by topic' })).toHaveCount(0);
  // The missed questions are listed; each opens its question.
  const missedList = page.getByRole('list', { name: `The ${missed.length} questions you missed` });
  await expect(missedList.getByRole('link')).toHaveCount(missed.length);
  await expect(page.getByRole('link', { name: /^Review them \(due in 10 minutes\)$/ })).toHaveAttribute('href', '/review/');
  const onward = page.getByRole('navigation', { name: 'Where next' });
  await expect(onward.getByRole('link', { name: 'Back to the lesson: Event contracts and schema evolution' })).toHaveAttribute('href', '/lessons/schema-evolution/');
  await expect(onward.getByRole('link', { name: /^Next lesson: Security and data governance of events/ })).toHaveAttribute('href', '/lessons/security-and-data-governance/');
  await expect(onward.getByRole('link', { name: /^Next quiz: Security and data governance of events/ })).toHaveAttribute('href', '/quizzes/security-and-data-governance/');
  const third = missed[1]!;
  await missedList.getByRole('link').nth(1).click();
  const position = bank.questions.findIndex((q) => q.id === third.id) + 1;
  await expect(page.getByText(`Question ${position} of ${bank.questions.length}`)).toBeFocused();
  expect(await shownQuestion(page)).toHaveProperty('id', third.id);
  await page.getByRole('button', { name: 'See your score' }).click();

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

  // Nothing is due straight away, and Review says when, in words; ten minutes later the misses are due.
  await page.goto('/review/');
  await expect(page.getByText('Nothing is due for review right now.')).toBeVisible();
  await expect(page.getByText('The next question comes back in 10 minutes.')).toBeVisible();
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

test('a link to #<question-id> opens that very question', async ({ page }) => {
  const target = bank.questions[4]!;
  await page.goto(`/quizzes/${BANK}/#${target.id}`);
  await expect(page.getByText(`Question 5 of ${bank.questions.length}`)).toBeVisible();
  expect(await shownQuestion(page)).toHaveProperty('id', target.id);
  // After it, the quiz goes on to the next question.
  await answerShown(page, false);
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(page.getByText(`Question 6 of ${bank.questions.length}`)).toBeFocused();
});

test('the quizzes index follows the course order', async ({ page }) => {
  await page.goto('/quizzes/');
  const banks = await page.locator('.banks h2 a').allInnerTexts();
  expect(banks[0]).toBe('Event-driven architecture in one page');
  expect(banks[1]).toBe('Events, commands and requests');
  expect(banks.at(-1)).toBe('When not to use event-driven architecture');
  expect(banks.indexOf('Idempotency and duplicate delivery')).toBeLessThan(banks.indexOf('Ordering, partitions and consumer groups'));
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
