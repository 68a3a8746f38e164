import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { THEME_KEY } from './helpers.ts';

const PROMPT = '/practice/notification-system/';
const PROGRESS_KEY = 'eda-course:progress';

/** Collects uncaught page errors, so a test can assert there were none. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function start(page: Page): Promise<void> {
  await page.goto(PROMPT);
  await page.getByRole('button', { name: 'Start an attempt' }).click();
  await expect(page.getByRole('group', { name: 'Interview clock' })).toBeVisible();
}

/** Grades every rubric item at `level` and submits the grading form. */
async function gradeAll(page: Page, level: 'Missed' | 'Mentioned' | 'Explained with its trade-off', button: RegExp): Promise<void> {
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: button }) });
  // The form is loaded on demand: wait for it before listing its items.
  await expect(form.getByRole('button', { name: button })).toBeVisible();
  for (const group of await form.getByRole('group').all()) {
    const radio = group.getByRole('radio', { name: level, exact: true });
    if ((await radio.count()) > 0) await radio.check();
  }
  await form.getByRole('button', { name: button }).click();
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, 'the page scrolls sideways').toBeLessThanOrEqual(widths.client);
}

async function axeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('an attempt: ask, estimate, hint, write, reload, submit, self-grade before the model answer, feedback, re-grade, history', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(PROMPT);
  // Before Start: only the neutral scenario; no questions' answers, no rubric, no model answer.
  await expect(page.getByRole('heading', { name: 'The prompt' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Model answer', exact: true })).toHaveCount(0);
  await expect(page.getByText('200 million relevant events a day')).toHaveCount(0);
  await page.getByRole('button', { name: 'Start an attempt' }).click();

  // Clarify: asking reveals the answer and announces it politely.
  await expect(page.getByText('200 million relevant events a day')).toHaveCount(0);
  await page.getByRole('button', { name: 'Ask: Which events should produce notifications, and who publishes them?' }).click();
  const interviewer = page.getByRole('region', { name: 'Ask the interviewer' });
  await expect(interviewer.getByText(/About 200 million relevant events a day/)).toBeVisible();
  await expect(page.locator('[role="status"][aria-live="polite"]').filter({ hasText: 'The interviewer answers: Orders, Payments' })).toBeAttached();
  await page.getByRole('button', { name: 'Ask: Which front-end framework does the settings screen use?' }).click();

  // Next phase: the whiteboard and the worksheet appear.
  await page.getByRole('button', { name: 'Next phase: High-level design' }).click();
  await expect(page.getByText('Phase 2 of 4: High-level design')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Whiteboard' })).toBeVisible();

  // Estimates: a bad value says what to write instead.
  const peak = page.getByRole('textbox', { name: /Peak events per second/ });
  await peak.fill('lots');
  await expect(page.getByText('“lots” is not a number: write digits with an optional unit, e.g. “7k” or “7,000”.')).toBeVisible();
  await expect(peak).toHaveAttribute('aria-invalid', 'true');
  await peak.fill('7k');
  await expect(peak).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('textbox', { name: /Partitions/ }).fill('12');

  // A hint's cost is on its button before it is taken.
  const hint = page.getByRole('button', { name: 'Take hint 1 of 3 on Scale (costs 2 points)' });
  await expect(hint).toBeVisible();
  await hint.click();
  await expect(page.getByText('Turn the daily volumes into per-second rates')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Take hint 2 of 3 on Scale (costs 4 points)' })).toBeVisible();

  const pad = page.getByRole('textbox', { name: /Scratchpad/ });
  await pad.fill('Router consumes domain topics in its own group; per-channel queues keyed by userId.');
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key) ?? '', PROGRESS_KEY)).toContain('per-channel queues keyed by userId');

  // Reload mid-attempt restores everything.
  await page.reload();
  await expect(page.getByText('Phase 2 of 4: High-level design')).toBeVisible();
  await expect(pad).toHaveValue('Router consumes domain topics in its own group; per-channel queues keyed by userId.');
  await expect(peak).toHaveValue('7k');
  await expect(page.getByRole('textbox', { name: /Partitions/ })).toHaveValue('12');
  await expect(page.getByRole('button', { name: 'Take hint 2 of 3 on Scale (costs 4 points)' })).toBeVisible();
  await page.getByText(/Ask the interviewer \(2 asked\)/).click();
  await expect(interviewer.getByText(/About 200 million relevant events a day/)).toBeVisible();

  // Submit: self-grading first; the model answer stays closed until it is done.
  await page.getByRole('button', { name: 'Submit my answer' }).click();
  await expect(page.getByRole('heading', { name: 'Grade your answer before the model answer opens' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Model answer', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Grade my answer and open the model answer' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Choose a level for every item first: 15 still have none\./);
  await expect(page.getByRole('heading', { name: 'Model answer', exact: true })).toHaveCount(0);
  await page.getByRole('checkbox', { name: /exactly-once delivery/i }).check();
  await gradeAll(page, 'Mentioned', /Grade my answer and open the model answer/);

  // Feedback: the score, a missed key question, a failed structural check, the estimates with their arithmetic.
  await expect(page.getByRole('heading', { name: /^Your score: \d+ out of 100$/ })).toBeVisible();
  const first = Number((await page.getByRole('heading', { name: /^Your score/ }).innerText()).match(/\d+/)?.[0]);
  await expect(page.getByText(/Key question not asked: “How many notifications go out a day/)).toBeVisible();
  await expect(page.getByText(/^Red flag:/)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: /^Failed:/ }).first()).toBeVisible();
  const figures = page.getByRole('region', { name: 'Your estimates against the model answer' });
  await expect(figures.getByText(/Peak events per second: you said 7k events\/s, the model answer has 7k events\/s: close/)).toBeVisible();
  await expect(figures.getByText(/Partitions: you said 12 partitions, the model answer has 96 partitions: off by 8× \(too low\)/)).toBeVisible();
  await expect(figures.getByText(/^Model working:/).first()).toBeVisible();
  await expect(page.getByRole('link', { name: /Idempotent consumers|Retries/i }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Model answer', exact: true })).toBeVisible();

  // Re-grade: both gradings are kept; the latest is the score.
  await page.getByRole('button', { name: 'Re-grade my answer' }).click();
  await gradeAll(page, 'Explained with its trade-off', /Save my re-grade/);
  await expect(page.getByRole('heading', { name: /^Your score: \d+ out of 100$/ })).not.toHaveText(`Your score: ${first} out of 100`);
  const history = page.getByRole('region', { name: 'Your attempts' });
  await expect(history.getByRole('cell', { name: new RegExp(`\\(first grading ${first}\\)`) })).toBeVisible();

  // History opens the attempt read-only.
  await history.getByRole('button', { name: /^Open/ }).click();
  const past = page.getByRole('article', { name: /\(read-only\)$/ });
  await expect(past.getByText('Router consumes domain topics in its own group')).toBeVisible();
  await expect(past.getByRole('textbox', { name: /Peak events per second/ })).toHaveAttribute('readonly', '');
  expect(errors).toEqual([]);
});

test('the clock is sticky, fills its bar and says plainly when a phase runs over', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-07T09:00:00Z') });
  await page.clock.pauseAt(new Date('2026-12-07T09:00:01Z'));
  await start(page);
  const clock = page.getByRole('group', { name: 'Interview clock' });
  await expect(clock).toHaveCSS('position', 'sticky');
  await expect(clock.getByText(/5:00 left in this phase/)).toBeVisible();
  await page.clock.runFor(2 * 60_000 + 30_000);
  await expect(clock.getByText(/2:30 left in this phase/)).toBeVisible();
  await expect(clock.getByRole('progressbar', { name: 'Time used in this phase' })).toHaveAttribute('value', '0.5');
  await page.clock.runFor(4 * 60_000);
  await expect(clock.getByText('Overtime: 1:30 over this phase’s 5 min')).toBeVisible();
  // Time per phase is recorded when moving on, and survives a reload.
  await page.getByRole('button', { name: 'Next phase: High-level design' }).click();
  await page.reload();
  await expect(clock.getByText(/12:00 left in this phase/)).toBeVisible();
  await expect(clock.getByText(/6:30 of 45:00 in all/)).toBeVisible();
});

test('copy a grading prompt holds the question, the answer, the diagram and the rubric', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await start(page);
  // Seed a diagram the way the whiteboard saves one.
  await page.evaluate((key) => {
    const envelope = JSON.parse(localStorage.getItem(key) ?? '{}');
    const attempt = Object.values(envelope.data.practice as Record<string, { attempts: { diagram?: unknown }[] }>)[0]?.attempts[0];
    if (attempt) {
      attempt.diagram = {
        at: new Date().toISOString(),
        value: { nodes: [{ id: 'n1', kind: 'consumer-group', label: 'Notification router', x: 0, y: 0 }, { id: 'n2', kind: 'topic', label: 'domain-events', x: 0, y: 100 }], edges: [{ id: 'e1', from: 'n2', to: 'n1', kind: 'event', label: 'OrderShipped' }] },
      };
    }
    localStorage.setItem(key, JSON.stringify(envelope));
  }, PROGRESS_KEY);
  await page.reload();
  await page.getByRole('textbox', { name: /Scratchpad/ }).fill('My answer: a router per domain topic.');
  await page.getByRole('button', { name: 'Submit my answer' }).click();
  await gradeAll(page, 'Missed', /Grade my answer and open the model answer/);
  await expect(page.getByText(/You missed 3 must-have items, so the score is capped at 60/)).toBeVisible();
  await page.getByRole('button', { name: 'Copy a grading prompt' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Grading prompt copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('Design a notification system fed by domain events');
  expect(copied).toContain('My answer: a router per domain topic.');
  expect(copied).toContain('Notification router');
  expect(copied).toContain('domain-events');
  expect(copied).toMatch(/- \[r2\] .+\(weight \d, must-have\)/);
  expect(copied).toContain('0 = missed, 1 = mentioned, 2 = explained with its trade-off');
});

test('copy a grading prompt falls back to a selected text box when the clipboard is refused', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  await start(page);
  await page.getByRole('button', { name: 'Submit my answer' }).click();
  await gradeAll(page, 'Mentioned', /Grade my answer and open the model answer/);
  await page.getByRole('button', { name: 'Copy a grading prompt' }).click();
  const box = page.getByRole('textbox', { name: 'Grading prompt' });
  await expect(box).toBeFocused();
  await expect(box).toHaveValue(/## Rubric/);
});

test('two tabs on one prompt: typing at the same time loses nothing', async ({ context }) => {
  const a = await context.newPage();
  await start(a);
  await a.getByRole('textbox', { name: /Scratchpad/ }).fill('shared start');
  const b = await context.newPage();
  // Tab B's timers are held (Playwright's clock would hold both tabs: it is per context), so B's typing
  // stays unsaved while tab A saves: the two edits are written at the same time, every run.
  await b.addInitScript(() => {
    const held: (() => void)[] = [];
    const realSetTimeout = window.setTimeout.bind(window);
    const w = window as unknown as { holdTimers: boolean; releaseTimers: () => void };
    w.holdTimers = false;
    w.releaseTimers = () => {
      w.holdTimers = false;
      for (const run of held.splice(0)) run();
    };
    window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
      if (w.holdTimers && typeof handler === 'function') {
        held.push(() => handler(...args));
        return 0;
      }
      return realSetTimeout(handler, ms, ...args);
    }) as typeof window.setTimeout;
  });
  await b.goto(PROMPT);
  await expect(b.getByRole('textbox', { name: /Scratchpad/ })).toHaveValue('shared start');
  await b.evaluate(() => {
    (window as unknown as { holdTimers: boolean }).holdTimers = true;
  });
  await b.getByRole('textbox', { name: /Scratchpad/ }).fill('shared start + typed in B');
  await a.getByRole('textbox', { name: /Scratchpad/ }).fill('shared start + typed in A');
  // A's save reaches B while B's typing is unsaved: B saves its text on the copy it was typed on, and
  // each tab keeps its own text and shows the other's beside it.
  for (const [page, own, other] of [[a, 'A', 'B'], [b, 'B', 'A']] as const) {
    const conflict = page.getByRole('alert').filter({ hasText: 'edited in another tab at the same time' });
    await expect(conflict).toContainText(`typed in ${other}`);
    await expect(page.getByRole('textbox', { name: /Scratchpad/ })).toHaveValue(`shared start + typed in ${own}`);
  }
  // Keep the other tab's text: both end up in one answer, in both tabs and after a reload.
  await a.getByRole('button', { name: 'Add it to the end of my answer' }).click();
  const merged = /typed in A[\s\S]*typed in B/;
  await expect(a.getByRole('textbox', { name: /Scratchpad/ })).toHaveValue(merged);
  await expect(a.getByRole('alert').filter({ hasText: 'edited in another tab at the same time' })).toHaveCount(0);
  await b.evaluate(() => (window as unknown as { releaseTimers: () => void }).releaseTimers());
  await b.reload();
  await expect(b.getByRole('textbox', { name: /Scratchpad/ })).toHaveValue(merged);
});

test('an old prompt URL redirects, and attempts saved under the old id stay attached', async ({ page }) => {
  const dir = join(import.meta.dirname, '..', '..', 'practice');
  const moved = readdirSync(dir)
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => parse(readFileSync(join(dir, file), 'utf8').split(/^---$/m)[1] ?? '') as { id: string; formerIds?: string[] })
    .find((p) => (p.formerIds ?? []).length > 0);
  // The checkout prompt was renamed (formerIds: [checkout-keep-it-sync]); its old URL must keep working.
  if (!moved) throw new Error('no practice prompt has a former id to redirect from');
  const old = moved.formerIds?.[0] ?? '';
  await page.goto('/');
  await page.evaluate(
    ([key, id]) => {
      const at = '2026-11-01T10:00:00.000Z';
      const data = { generation: 0, lessons: {}, notes: {}, quiz: {}, review: {}, challenges: {}, practice: { [id]: { attempts: [{ id: 'a-old', startedAt: at, submittedAt: at, elapsedMs: 60_000, hintsUsed: 0, score: 42 }], updatedAt: at } } };
      localStorage.setItem(key, JSON.stringify({ version: 1, data }));
    },
    [PROGRESS_KEY, old] as const,
  );
  await page.goto(`/practice/${old}/`);
  await expect(page).toHaveURL(new RegExp(`/practice/${moved.id}/$`));
  await expect(page.getByRole('region', { name: 'Your attempts' }).getByRole('cell', { name: '42' })).toBeVisible();
  await page.goto('/practice/');
  await expect(page.locator(`[data-practice-best="${moved.id}"]`)).toHaveText('1 attempt · best score 42');
});

test('a scratchpad the first version kept outside the progress store moves into it', async ({ page }) => {
  await page.goto('/');
  await page.evaluate((key) => {
    const at = '2026-11-01T10:00:00.000Z';
    const attempt = { id: 'a-legacy1', startedAt: at, elapsedMs: 60_000, hintsUsed: 0 };
    const data = { generation: 0, lessons: {}, notes: {}, quiz: {}, review: {}, challenges: {}, practice: { 'notification-system': { attempts: [attempt], updatedAt: at } } };
    localStorage.setItem(key, JSON.stringify({ version: 1, data }));
    localStorage.setItem('eda-course:practice:notification-system', JSON.stringify({ version: 1, attempt: { id: 'a-legacy1', scratchpad: 'my old answer' } }));
  }, PROGRESS_KEY);
  await page.goto(PROMPT);
  await page.getByRole('region', { name: 'Your attempts' }).getByRole('button', { name: /^Open/ }).click();
  await expect(page.getByRole('article', { name: /\(read-only\)$/ }).getByText('my old answer')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('eda-course:practice:notification-system'))).toBeNull();
  expect(await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY)).toContain('my old answer');
});

for (const theme of ['light', 'dark'] as const) {
  test(`no sideways scrolling at 320 and 1280 px and no axe violations in every state (${theme})`, async ({ page }) => {
    test.slow();
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [THEME_KEY, theme] as const);
    const check = async (state: string) => {
      for (const width of [320, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await test.step(`${state} at ${width}px`, async () => {
          await noHorizontalOverflow(page);
        });
      }
      await axeClean(page);
    };
    await page.goto(PROMPT);
    await expect(page.getByRole('button', { name: 'Start an attempt' })).toBeVisible();
    await check('before start');
    await page.getByRole('button', { name: 'Start an attempt' }).click();
    await page.getByRole('button', { name: /^Ask: Which events/ }).click();
    await check('clarify');
    await page.getByRole('button', { name: 'Next phase: High-level design' }).click();
    await page.getByRole('textbox', { name: /Partitions/ }).fill('many');
    await page.getByRole('button', { name: /Take hint 1 of 3 on Scale/ }).click();
    await expect(page.getByRole('region', { name: 'Whiteboard' })).toBeVisible();
    await check('design');
    await page.getByRole('button', { name: 'Submit my answer' }).click();
    await check('self-grading');
    await gradeAll(page, 'Mentioned', /Grade my answer and open the model answer/);
    await expect(page.getByRole('heading', { name: 'Model answer', exact: true })).toBeVisible();
    await check('graded with the model answer');
    await page.getByRole('region', { name: 'Your attempts' }).getByRole('button', { name: /^Open/ }).click();
    await check('history open');
  });
}
