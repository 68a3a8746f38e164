import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { encode } from '../../src/lib/progress/codec.ts';
import { emptyProgress } from '../../src/lib/progress/model.ts';
import { reduceProgress, type ProgressAction } from '../../src/lib/progress/reducer.ts';
import { review } from '../../src/lib/review/schedule.ts';
import { THEME_KEY } from './helpers.ts';

const LESSON = '/lessons/eda-in-one-page/';
const SECOND = '/lessons/events-commands-requests/';
/** How many lessons the course has. */
const TOTAL = readdirSync(join(import.meta.dirname, '..', '..', 'lessons')).filter((f) => f.endsWith('.mdx')).length;
const percent = (done: number) => Math.round((done / TOTAL) * 100);
const KEY = 'eda-course:progress';
const BACKUP = 'eda-course:progress-backup';

const completeButton = (page: Page) => page.getByRole('button', { name: /^(Mark as complete|Completed — undo)$/ });
const notesBox = (page: Page) => page.getByRole('textbox', { name: 'Notes on this lesson' });
/** Waits until the notes panel says the note was saved (not merely "Saving…"). */
const expectSaved = (page: Page) => expect(page.locator('#notes-status')).toHaveText(/^Saved (just now|at |on )/);
const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), KEY);

test('completing a lesson survives a reload and shows in the header, sidebar and lesson list', async ({ page }) => {
  await page.goto(LESSON);
  await expect(completeButton(page)).toBeEnabled();
  await expect(completeButton(page)).toHaveText('Mark as complete');
  await completeButton(page).click();
  await expect(completeButton(page)).toHaveText('Completed — undo');
  await page.reload();
  await expect(completeButton(page)).toHaveText('Completed — undo');
  await expect(page.getByRole('link', { name: new RegExp(`Progress 1 / ${TOTAL} lessons complete`) })).toBeVisible();
  const outline = page.getByRole('navigation', { name: 'Course' });
  await expect(outline.locator('[data-lesson-mark="eda-in-one-page"]')).toBeVisible();
  await expect(outline.locator('[data-lesson-mark="events-commands-requests"]')).toBeHidden();
  await page.goto('/lessons/');
  await expect(page.locator('[data-lesson-mark="eda-in-one-page"]')).toBeVisible();
  // Completion is a toggle.
  await page.goto(LESSON);
  await completeButton(page).click();
  await expect(completeButton(page)).toHaveText('Mark as complete');
  await page.reload();
  await expect(completeButton(page)).toHaveText('Mark as complete');
});

test('the home page offers to continue where the learner left off', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: /Continue where you left off/ })).toBeHidden();
  await page.goto(LESSON);
  await notesBox(page).fill('started reading');
  await expectSaved(page);
  await page.goto('/');
  const cont = page.getByRole('link', { name: /Continue where you left off: Event-driven architecture in one page/ });
  await expect(cont).toBeVisible();
  await cont.click();
  await expect(page).toHaveURL(new RegExp(`${LESSON}$`));
});

test('a note autosaves, survives a reload, and is listed on the Notes page', async ({ page }) => {
  await page.goto(LESSON);
  await notesBox(page).fill('Outbox: write the event in the same transaction.');
  await expectSaved(page);
  await page.reload();
  await expect(notesBox(page)).toHaveValue('Outbox: write the event in the same transaction.');
  await page.goto('/notes/');
  await expect(page.getByRole('link', { name: 'Event-driven architecture in one page' })).toBeVisible();
  await expect(page.getByText('Outbox: write the event in the same transaction.')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Filter notes' }).fill('saga');
  await expect(page.getByText('Outbox: write the event')).toBeHidden();
  await expect(page.getByText('0 of 1 notes match')).toBeVisible();
});

test('a note is saved when the page is hidden, even before the typing pause ends', async ({ page }) => {
  await page.goto(LESSON);
  await notesBox(page).pressSequentially('quick');
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  expect(await stored(page)).toContain('quick');
});

test('HTML typed into a note is shown as literal text, never run', async ({ page }) => {
  const hostile = '<img src=x onerror=alert(1)>';
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await page.goto(LESSON);
  await notesBox(page).fill(hostile);
  await expectSaved(page);
  await page.reload();
  await expect(notesBox(page)).toHaveValue(hostile);
  await page.goto('/notes/');
  await expect(page.getByText(hostile, { exact: true })).toBeVisible();
  await expect(page.locator('main img')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('two tabs editing different notes at once keep both, and the completion made in one', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto(LESSON);
  await second.goto(SECOND);
  await expect(completeButton(second)).toBeEnabled();
  await notesBox(first).fill('note on lesson one');
  await notesBox(second).fill('note on lesson two');
  await expectSaved(first);
  await expectSaved(second);
  await completeButton(second).click();
  await first.reload();
  await second.reload();
  await expect(notesBox(first)).toHaveValue('note on lesson one');
  await expect(notesBox(second)).toHaveValue('note on lesson two');
  await expect(completeButton(second)).toHaveText('Completed — undo');
  await first.goto('/notes/');
  await expect(first.getByText('note on lesson one')).toBeVisible();
  await expect(first.getByText('note on lesson two')).toBeVisible();
});

test('a tab hears another tab edit the same lesson and the newest note wins', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto(LESSON);
  await second.goto(LESSON);
  await notesBox(first).fill('older text');
  await expectSaved(first);
  await expect(notesBox(second)).toHaveValue('older text');
  await notesBox(second).fill('newer text');
  await expectSaved(second);
  await expect(notesBox(first)).toHaveValue('newer text');
  await first.reload();
  await expect(notesBox(first)).toHaveValue('newer text');
});

test('corrupted progress: the page works, a notice explains, and the unreadable copy downloads', async ({ page }) => {
  const corrupt = '{"version":1,"data":{"lessons":{"eda-in-one-page":{"completed":tru';
  await page.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, value);
      sessionStorage.setItem('seeded', '1');
    }
  }, [KEY, corrupt] as const);
  await page.goto(LESSON);
  const notice = page.locator('[data-notice="recovered"]');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('copy');
  expect(await page.evaluate((key) => localStorage.getItem(key), BACKUP)).toBe(corrupt);
  const download = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Download the unreadable copy' }).click();
  const file = await (await download).path();
  expect(readFileSync(file, 'utf8')).toBe(corrupt);
  // The course still works from a clean start.
  await completeButton(page).click();
  await expect(page.getByText('Marked as complete.')).toBeVisible();
  await page.reload();
  await expect(completeButton(page)).toHaveText('Completed — undo');
  expect(await page.evaluate((key) => localStorage.getItem(key), BACKUP)).toBe(corrupt);
});

test('when the browser refuses storage, the course works in memory and says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await page.goto(LESSON);
  await expect(page.locator('[data-notice="unavailable"]')).toBeVisible();
  await completeButton(page).click();
  await expect(completeButton(page)).toHaveText('Completed — undo');
  await notesBox(page).fill('kept on the page');
  await expect(page.getByText('Kept on this page only')).toBeVisible();
  await expect(notesBox(page)).toHaveValue('kept on the page');
});

test('export, reset, then import brings back the identical state', async ({ page }) => {
  await page.goto(LESSON);
  await completeButton(page).click();
  await notesBox(page).fill('line one\nline two <b>bold?</b>');
  await expectSaved(page);
  const before = JSON.parse((await stored(page)) ?? 'null');

  await page.goto('/progress/');
  await expect(page.getByText(`1 of ${TOTAL} lessons complete (${percent(1)}%).`)).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const exported = await (await download).path();

  await page.getByRole('button', { name: 'Reset all progress…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset all progress?' });
  await expect(dialog.getByRole('button', { name: 'Export first' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Reset everything' }).click();
  await expect(page.getByText(`0 of ${TOTAL} lessons complete (0%).`)).toBeVisible();

  await page.getByLabel('Import a progress file').setInputFiles(exported);
  await expect(page.getByText(/holds 1 completed lessons, 1 notes/)).toBeVisible();
  await page.getByRole('radio', { name: /Replace my progress/ }).check();
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.getByText(`1 of ${TOTAL} lessons complete (${percent(1)}%).`)).toBeVisible();
  const after = JSON.parse((await stored(page)) ?? 'null');
  expect(after.data.lessons).toEqual(before.data.lessons);
  expect(after.data.notes).toEqual(before.data.notes);
  await page.goto(LESSON);
  await expect(notesBox(page)).toHaveValue('line one\nline two <b>bold?</b>');
});

test('a bad import file is refused with a message and changes nothing', async ({ page }) => {
  await page.goto(LESSON);
  await completeButton(page).click();
  await page.goto('/progress/');
  const before = await stored(page);
  await page.getByLabel('Import a progress file').setInputFiles({
    name: 'evil.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"eda-course-progress","formatVersion":1,"exportedAt":"2026-11-28T10:00:00.000Z","data":{"__proto__":{"polluted":true}}}'),
  });
  await expect(page.getByRole('status').filter({ hasText: 'Nothing was changed' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply import' })).toBeHidden();
  expect(await stored(page)).toBe(before);
  expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');

  await page.getByLabel('Import a progress file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not json at all') });
  await expect(page.getByRole('status').filter({ hasText: 'isn’t valid JSON' })).toBeVisible();
  expect(await stored(page)).toBe(before);
});

test('a page restored from the back/forward cache re-reads progress saved meanwhile', async ({ page, context }) => {
  // Playwright turns Chromium's back/forward cache off, so the restore is simulated: this page stops
  // hearing storage events (as a page frozen in the cache does), another tab saves, then the page
  // gets the pageshow event a cache restore fires.
  await page.addInitScript(() => window.addEventListener('storage', (e) => e.stopImmediatePropagation(), { capture: true }));
  await page.goto(LESSON);
  await expect(completeButton(page)).toHaveText('Mark as complete');
  const other = await context.newPage();
  await other.goto(LESSON);
  await completeButton(other).click();
  await expect(completeButton(other)).toHaveText('Completed — undo');
  await other.close();
  await expect(completeButton(page)).toHaveText('Mark as complete');
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
  await expect(completeButton(page)).toHaveText('Completed — undo');
});

test('the progress pages have no axe violations with a notice and an import under review', async ({ page }) => {
  await page.addInitScript((key) => localStorage.setItem(key, 'not json'), KEY);
  await page.goto('/progress/');
  await expect(page.locator('[data-notice="recovered"]')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export progress' })).toBeEnabled();
  const exported = JSON.stringify({ format: 'eda-course-progress', formatVersion: 1, exportedAt: '2026-11-28T10:00:00.000Z', data: { generation: 0, lessons: {}, notes: {}, quiz: {}, practice: {}, review: {}, challenges: {} } });
  await page.getByLabel('Import a progress file').setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(page.getByRole('button', { name: 'Apply import' })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

/** Progress with a lesson read, quiz answers, a missed question scheduled for review and two scored practice attempts. */
function seededProgress(now: Date): string {
  const at = (days: number) => new Date(now.getTime() + days * 86_400_000);
  const attempt = (id: string, days: number, score: number, hintsUsed: number) => ({ id, startedAt: at(days).toISOString(), submittedAt: at(days).toISOString(), elapsedMs: 60_000, hintsUsed, score });
  const actions: ProgressAction[] = [
    { type: 'lesson/complete', lessonId: 'idempotent-consumers' },
    { type: 'quiz/record', questionId: 'idem-01', bankId: 'idempotency', chosen: ['a'], correct: true },
    { type: 'quiz/record', questionId: 'idem-02', bankId: 'idempotency', chosen: ['a'], correct: false },
    { type: 'review/set', questionId: 'idem-02', card: review(undefined, false, at(-1))! },
    { type: 'practice/record', promptId: 'order-pipeline', attempt: attempt('p1', -3, 45, 2) },
    { type: 'practice/record', promptId: 'order-pipeline', attempt: attempt('p2', -1, 70, 0) },
  ];
  return encode(actions.reduce((state, action) => reduceProgress(state, action, at(-5)), emptyProgress()));
}

for (const theme of ['light', 'dark'] as const) {
  test(`the dashboard draws its charts in theme colours with words beside them (${theme})`, async ({ page }) => {
    const now = new Date();
    await page.addInitScript(
      ([key, value, themeKey, themeValue]) => {
        localStorage.setItem(key, value);
        localStorage.setItem(themeKey, themeValue);
      },
      [KEY, seededProgress(now), THEME_KEY, theme] as const,
    );
    await page.goto('/progress/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

    // Every chart is an image named by its caption.
    const map = page.getByRole('img', { name: /Each lesson with its quiz and lab challenges/ });
    await expect(map).toBeVisible();
    const forecast = page.getByRole('img', { name: /1 question due for review in the next 14 days, 1 of them within 24 hours/ });
    await expect(forecast).toBeVisible();
    const scores = page.getByRole('img', { name: /Scores of your 2 scored attempts, oldest first .*: 45 \(.*2 hints\); 70/ });
    await expect(scores).toBeVisible();

    // And says the same in words.
    await page.getByText('The course map as a table').click();
    await expect(page.getByRole('row', { name: /Idempotent consumers.*Completed.*1 of 12 right.*0 of \d+ challenges passed/ })).toBeVisible();
    await page.getByText('The forecast as a table').click();
    await expect(page.getByRole('row', { name: 'Within 24 hours (and overdue) 1' })).toBeVisible();
    await expect(page.getByText(/Idempotency and duplicate delivery: 1 of 2 questions right \(50%\)/)).toBeVisible();
    await expect(page.getByText('· 1 due for review')).toBeVisible();
    await expect(page.getByText(/Events, commands and requests: not taken yet/)).toBeVisible();

    // Shapes are filled with the theme's colours, not the default black (D2).
    const fills = await page.locator('.dashboard svg .chart-fill, .dashboard svg .map-done, .dashboard svg .chart-point').evaluateAll((els) => els.map((el) => getComputedStyle(el).fill));
    expect(fills.length).toBeGreaterThan(3);
    expect(fills.filter((fill) => fill === 'rgb(0, 0, 0)' || fill === 'none')).toEqual([]);
    const track = await page.locator('[data-quiz-chart] .chart-track').first().evaluate((el) => getComputedStyle(el).fill);
    expect(track).not.toBe(fills[0]);

    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('no page of the quiz, review, search or progress kind scrolls sideways at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [KEY, seededProgress(new Date())] as const);
  for (const url of ['/progress/', '/quizzes/', '/quizzes/idempotency/', '/review/', '/search/?q=outbox']) {
    await page.goto(url);
    await expect(page.locator('main h1')).toBeVisible();
    if (url === '/search/?q=outbox') await expect(page.locator('[data-search-results] li').first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, url).toBeLessThanOrEqual(0);
  }
});
