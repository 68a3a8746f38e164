import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { encode } from '../../src/lib/progress/codec.ts';
import { emptyProgress } from '../../src/lib/progress/model.ts';
import { reduceProgress } from '../../src/lib/progress/reducer.ts';

/**
 * Recovery without dead ends (issue #15 item 5; the reliability probe's rows #22–#30, #66, #69 and the
 * far-future two-tab rows): progress a newer version saved is left alone, kept copies can be restored,
 * "Reset everything" removes every key the course owns and frees a full storage, and an import cannot
 * bring in times from the future or scores out of range.
 */
const KEY = 'eda-course:progress';
const BACKUP = 'eda-course:progress-backup';
const LESSON = '/lessons/eda-in-one-page/';
const at = '2026-11-01T10:00:00.000Z';

/** Puts items in localStorage once, before the first page of the test loads (not again on reloads). */
async function seed(page: Page, items: Record<string, string>): Promise<void> {
  await page.addInitScript((entries) => {
    if (sessionStorage.getItem('seeded')) return;
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
    sessionStorage.setItem('seeded', '1');
  }, items);
}
const storedKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).sort());
const withNote = (lessonId: string, text: string) => reduceProgress(emptyProgress(), { type: 'note/set', lessonId, text }, new Date(at));

test('progress saved by a newer version is never overwritten: the page says so and offers a reload', async ({ page }) => {
  const newer = JSON.stringify({ version: 2, data: { shape: 'of the future' } });
  await seed(page, { [KEY]: newer });
  await page.goto(LESSON);
  // A page may read progress lightly and load the full store only when the learner writes: the notice
  // is there by the time the first change is made.
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.getByRole('button', { name: 'Completed — undo' })).toBeVisible();
  const notice = page.locator('[data-notice="newer"]');
  await expect(notice).toContainText('saved by a newer version of the course');
  await expect(notice.getByRole('button', { name: 'Reload to get the newer version' })).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(newer);
  expect(await storedKeys(page)).toEqual([KEY]);
});

test('a kept copy is listed on the Progress page, restored into progress, and removed once restored', async ({ page }) => {
  const copy = `${BACKUP}:2026-11-02T09:30:00.000Z`;
  await seed(page, { [copy]: encode(withNote('eda-in-one-page', 'note from the kept copy')), [BACKUP]: '{{{ this is not json' });
  await page.goto('/progress/');
  const copies = page.locator('[data-copies]');
  await expect(copies).toBeVisible();
  await expect(copies.getByRole('listitem')).toHaveCount(2);
  await expect(copies.getByRole('listitem').first()).toContainText('isn’t readable data');
  await expect(copies.getByRole('listitem').first().getByRole('button', { name: 'Restore into my progress' })).toHaveCount(0);
  const results = await new AxeBuilder({ page }).include('[data-copies]').analyze();
  expect(results.violations).toEqual([]);
  await copies.getByRole('button', { name: 'Restore into my progress' }).click();
  await expect(page.locator('[data-import-message]').filter({ hasText: 'merged into your progress' })).toBeVisible();
  await expect(copies.getByRole('listitem')).toHaveCount(1);
  await page.goto('/notes/');
  await expect(page.getByText('note from the kept copy')).toBeVisible();
  expect(await storedKeys(page)).toEqual([KEY, BACKUP]);
});

test('a downloaded copy of saved progress can be imported; a file with a time in the future or a score of 1e308 cannot', async ({ page }) => {
  await page.goto('/progress/');
  const picker = page.getByLabel('Import a progress file');
  await expect(picker).toBeEnabled();
  await picker.setInputFiles({ name: 'kept.json', mimeType: 'application/json', buffer: Buffer.from(encode(withNote('eda-in-one-page', 'restored by import'))) });
  await expect(page.getByText(/holds 0 completed lessons, 1 notes/)).toBeVisible();

  const future = { ...withNote('eda-in-one-page', 'stamped far ahead') };
  const futureText = JSON.stringify({ format: 'eda-course-progress', formatVersion: 1, exportedAt: at, data: future }).replace(/"updatedAt":"[^"]+"/, '"updatedAt":"9999-12-31T23:59:59.999Z"');
  await picker.setInputFiles({ name: 'future.json', mimeType: 'application/json', buffer: Buffer.from(futureText) });
  await expect(page.locator('[data-import-message]')).toContainText('9999-12-31T23:59:59.999Z is in the future');

  const attempts = [{ id: 'a1', startedAt: at, submittedAt: at, elapsedMs: 1000, hintsUsed: 0, score: 1e308 }];
  const huge = { ...emptyProgress(), practice: { 'order-pipeline': { attempts, updatedAt: at } } };
  await picker.setInputFiles({ name: 'score.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'eda-course-progress', formatVersion: 1, exportedAt: at, data: huge })) });
  const message = page.locator('[data-import-message]');
  await expect(message).toContainText('score');
  await expect(message).toContainText('Nothing was changed');
});

test('"Reset everything" removes every key the course owns, frees a full storage, and says what it did', async ({ page }) => {
  // An unreadable blob too big to copy: storage has no room for a backup, so nothing new is saved.
  const blob = `{"version":1,"data":${'x'.repeat(4_500_000)}`;
  await seed(page, { [KEY]: blob, 'eda-course:practice:order-pipeline': '{"version":2,"scratchpad":"old"}', 'eda-course:theme': 'dark' });
  await page.goto('/progress/');
  await expect(page.locator('[data-notice="recovered"]')).toBeVisible();
  await page.getByRole('button', { name: 'Reset all progress…' }).click();
  await page.getByRole('dialog', { name: 'Reset all progress?' }).getByRole('button', { name: 'Reset everything' }).click();
  const status = page.locator('[data-import-message]');
  await expect(status).toContainText('Removed your progress and 1 other saved item');
  await expect(status).toContainText('theme choice was kept');
  await expect(page.locator('[data-notice]')).toHaveCount(0);
  expect(await storedKeys(page)).toEqual([KEY, 'eda-course:theme']);
  await page.goto(LESSON);
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  // Saved once it says so (the full store loads on the first press).
  await expect(page.getByText('Marked as complete.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Completed — undo' })).toBeVisible();
  await expect(page.locator('[data-notice]')).toHaveCount(0);
});

test('thousands of notes: the Notes page draws a page at a time, and the filter finds any of them', async ({ page }) => {
  let state = emptyProgress();
  const notes: Record<string, { text: string; updatedAt: string }> = {};
  for (let i = 0; i < 9000; i += 1) notes[`retired-lesson-${i}`] = { text: `Note number ${i}: ${'words '.repeat(60)}`, updatedAt: at };
  state = { ...state, notes };
  await seed(page, { [KEY]: encode(state) });
  await page.goto('/notes/');
  await expect(page.locator('[data-notes-count]')).toHaveText('9,000 notes');
  const list = page.locator('[data-notes-list] > li');
  await expect(list).toHaveCount(100);
  const more = page.getByRole('button', { name: 'Show 100 more (8,900 not shown)' });
  await more.click();
  await expect(list).toHaveCount(200);
  await page.locator('[data-notes-filter]').fill('number 8765:');
  await expect(list).toHaveCount(1);
  await expect(list.first()).toContainText('Note number 8765');
});

test.describe('the Notes page reads progress in a worker and writes nothing', () => {
  const notesCount = (page: Page) => page.locator('[data-notes-count]');

  test('readable progress is listed as stored, and left exactly as it was', async ({ page }) => {
    // Valid progress, not in canonical form (keys out of order): a store would re-encode it, the page must not write.
    const text = JSON.stringify({ data: { ...withNote('eda-in-one-page', 'read in the worker') }, version: 1 });
    await seed(page, { [KEY]: text });
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto('/notes/');
    await expect(page.getByText('read in the worker')).toBeVisible();
    await expect(notesCount(page)).toHaveText('1 note');
    expect(workers.some((url) => url.includes('decode-worker'))).toBe(true);
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(text);
    expect(await storedKeys(page)).toEqual([KEY]);
  });

  test('unreadable progress goes through the full store: a copy is kept and a notice explains', async ({ page }) => {
    const corrupt = '{"version":1,"data":{"notes":{"eda-in-one-page":{"text":"cut';
    await seed(page, { [KEY]: corrupt });
    await page.goto('/notes/');
    await expect(page.locator('[data-notice="recovered"]')).toBeVisible();
    await expect(page.locator('[data-notes-empty]')).toBeVisible();
    expect(await page.evaluate((key) => localStorage.getItem(key), BACKUP)).toBe(corrupt);
  });

  test('progress from a newer version is left alone and the page says so', async ({ page }) => {
    const newer = JSON.stringify({ version: 2, data: { shape: 'of the future' } });
    await seed(page, { [KEY]: newer });
    await page.goto('/notes/');
    await expect(page.locator('[data-notice="newer"]')).toContainText('saved by a newer version of the course');
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(newer);
    expect(await storedKeys(page)).toEqual([KEY]);
  });

  test('without Web Workers the notes are still listed (read on the page)', async ({ page }) => {
    await page.addInitScript(() => {
      Reflect.deleteProperty(window, 'Worker');
    });
    await seed(page, { [KEY]: encode(withNote('eda-in-one-page', 'read without a worker')) });
    await page.goto('/notes/');
    await expect(page.getByText('read without a worker')).toBeVisible();
    await expect(notesCount(page)).toHaveText('1 note');
  });

  test('a worker script that fails to load falls back to reading on the page', async ({ page }) => {
    await page.route('**/decode-worker*', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await seed(page, { [KEY]: encode(withNote('eda-in-one-page', 'read after the worker failed')) });
    await page.goto('/notes/');
    await expect(page.getByText('read after the worker failed')).toBeVisible();
    await expect(notesCount(page)).toHaveText('1 note');
  });

  test('a note saved in another tab appears on the open Notes page', async ({ context }) => {
    const notes = await context.newPage();
    await notes.goto('/notes/');
    await expect(notes.locator('[data-notes-empty]')).toBeVisible();
    const lesson = await context.newPage();
    await lesson.goto(LESSON);
    await lesson.getByRole('textbox', { name: 'Notes on this lesson' }).fill('written in the other tab');
    await expect(notes.getByText('written in the other tab')).toBeVisible();
    await expect(notesCount(notes)).toHaveText('1 note');
  });
});
