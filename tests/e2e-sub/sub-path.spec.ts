import { expect, test, type Page } from '@playwright/test';
import { cspViolations, recordCspViolations } from '../e2e/helpers.ts';

/**
 * Smoke test of the course deployed under a sub-path (/eda-course/, `npm run build:sub`): a learner's
 * round — home, a lesson, a quiz answer, a search, a lab run, the progress page — follows the site's
 * own links, and nothing on the way is missing (no 4xx response), fails (no console error) or is
 * blocked by the Content-Security-Policy.
 */
const BASE = '/eda-course/';

interface Trouble {
  problems: string[];
}

/** Watches every response and console message of the page for the whole test. */
function watch(page: Page): Trouble {
  const trouble: Trouble = { problems: [] };
  page.on('response', (response) => {
    if (response.status() >= 400) trouble.problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') trouble.problems.push(`console error on ${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => trouble.problems.push(`page error on ${page.url()}: ${error.message}`));
  page.on('crash', () => {
    trouble.problems.push(`the page crashed on ${page.url()}`);
    console.log(`the page crashed on ${page.url()}`);
  });
  return trouble;
}

/**
 * Marks where the round has got to, on the test's output with the seconds since it began: if the
 * test ever runs out of time, the last line printed says which part it was in.
 */
function stages(): (name: string) => void {
  const began = Date.now();
  return (name) => console.log(`[sub-path +${((Date.now() - began) / 1000).toFixed(1)} s] ${name}`);
}

/** Nothing went wrong on the current page, and every request stayed under the base path. */
async function expectClean(page: Page, trouble: Trouble): Promise<void> {
  expect(new URL(page.url()).pathname.startsWith(BASE), `${page.url()} is outside ${BASE}`).toBe(true);
  expect(await cspViolations(page)).toEqual([]);
  expect(trouble.problems).toEqual([]);
}

test('a learner’s round through the course served under /eda-course/', async ({ page }) => {
  // PostgreSQL's 16.5 MB start within it; each step has its own, shorter, limit (playwright.sub.config.ts).
  test.setTimeout(150_000);
  const stage = stages();
  const trouble = watch(page);
  const requests: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.host === new URL(page.url() === 'about:blank' ? 'http://x' : page.url()).host && !url.pathname.startsWith(BASE)) requests.push(url.pathname);
  });
  await recordCspViolations(page);

  stage('home, then a lesson');
  await page.goto(BASE);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectClean(page, trouble);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lessons', exact: true }).click();
  await expect(page).toHaveURL(`${BASE}lessons/`);
  await page.locator('main').getByRole('link', { name: /Events, commands and requests/ }).first().click();
  await expect(page).toHaveURL(`${BASE}lessons/events-commands-requests/`);
  await expectClean(page, trouble);

  stage('the lesson’s quiz');
  // The lesson's "Check yourself" link (written /quizzes/…/ in the MDX) leads to its quiz; answer a question.
  await page.locator('main').getByRole('link', { name: /^Quiz: Events, commands and requests$/ }).first().click();
  await expect(page).toHaveURL(`${BASE}quizzes/events-commands-requests/`);
  await page.locator('form.question .option input').first().check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByRole('button', { name: /Next question|See your score/ })).toBeVisible();
  await expectClean(page, trouble);

  stage('search');
  // Search from the header box: live results link under the base path.
  await page.getByLabel('Search the course').focus();
  await page.keyboard.type('outbox');
  const first = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first();
  await expect(first).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`^http://[^/]+${BASE}search/\\?q=outbox`));
  await expect(page.getByRole('main').getByRole('link').filter({ hasText: /outbox/i }).first()).toHaveAttribute('href', new RegExp(`^${BASE}`));
  await expectClean(page, trouble);

  stage('a simulator lab run');
  await page.goto(`${BASE}lessons/idempotent-consumers/`);
  const lab = page.locator('section.lab').first();
  await lab.scrollIntoViewIfNeeded();
  await expect(lab.getByRole('button', { name: 'Run to the end' })).toBeEnabled();
  await lab.getByRole('button', { name: 'Run to the end' }).click();
  await expect(lab.getByRole('list', { name: 'Narrated trace' }).getByRole('listitem').first()).toBeVisible();

  stage('a SQL lab: start PostgreSQL');
  // A SQL lab: its worker, PostgreSQL's files and the workbench's styles all load from under the base path.
  const sqlLab = page.locator('[data-sql-lab="idempotency"]');
  await sqlLab.scrollIntoViewIfNeeded();
  await sqlLab.getByRole('button', { name: 'Start the SQL lab' }).click();
  await expect(sqlLab.getByText('PostgreSQL is running in this tab.')).toBeVisible({ timeout: 60_000 });
  stage('a SQL lab: run');
  await sqlLab.getByRole('button', { name: 'Run these deliveries' }).click();
  await expect(sqlLab.locator('[data-verdict]').first()).toBeVisible();
  await expectClean(page, trouble);

  stage('the progress page');
  // The progress page, through the header, shows the quiz answer.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Progress/ }).click();
  await expect(page).toHaveURL(`${BASE}progress/`);
  await expect(page.getByRole('button', { name: 'Export progress' })).toBeVisible();
  await expectClean(page, trouble);

  expect(requests, 'requests outside the base path').toEqual([]);
  stage('done');
});
