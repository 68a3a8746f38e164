import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { THEME_KEY } from './helpers.ts';

const LESSON = '/lessons/idempotent-consumers/';
const PROGRESS_KEY = 'eda-course:progress';

/** Saved progress with ten lessons done and twelve reviews due: the widest the header gets. */
function busyProgress(): string {
  const at = '2020-01-01T10:00:00.000Z';
  const lessons = ['eda-in-one-page', 'events-commands-requests', 'brokers-topics-queues', 'four-kinds-of-event-driven', 'delivery-guarantees', 'idempotent-consumers', 'ordering-and-partitions', 'dual-writes-and-outbox', 'retries-and-dead-letters', 'eventual-consistency'];
  const card = { due: at, stability: 1, difficulty: 5, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 1, lapses: 1, state: 1, last_review: at };
  return JSON.stringify({
    version: 1,
    data: {
      generation: 0,
      lessons: Object.fromEntries(lessons.map((id) => [id, { completed: true, updatedAt: at, completedAt: at }])),
      notes: {},
      quiz: {},
      practice: {},
      review: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`question-${i}`, { card, updatedAt: at }])),
      challenges: {},
    },
  });
}

/** Saves `value` as the learner's progress before the first page of the test loads (only then). */
const seed = (page: Page, value: string) =>
  page.addInitScript(([key, raw]) => {
    if (sessionStorage.getItem('seeded')) return;
    localStorage.setItem(key, raw);
    sessionStorage.setItem('seeded', '1');
  }, [PROGRESS_KEY, value] as const);
const header = (page: Page) => page.getByRole('banner');

test.describe('the header', () => {
  for (const width of [360, 768, 1024, 1280]) {
    test(`is one bar at most 64 px tall at ${width} px, even with the review and progress counts`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await seed(page, busyProgress());
      await page.goto('/');
      await expect(header(page).getByText('12', { exact: true })).toBeAttached();
      const box = await header(page).boundingBox();
      expect(box?.height).toBeLessThanOrEqual(64);
    });
  }

  for (const width of [1024, 1280]) {
    test(`puts brand, every section, search and theme on one row at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await seed(page, busyProgress());
      await page.goto('/');
      await expect(page.getByRole('link', { name: /Review 12/ })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
      const bar = await header(page).boundingBox();
      const items = [
        header(page).getByRole('link', { name: /EDA/ }),
        ...['Lessons', 'Labs', 'Quizzes', 'Review', 'Practice', 'Notes', 'Progress'].map((name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: new RegExp(`^${name}`) })),
        page.getByRole('search', { name: 'Site' }),
        page.getByRole('group', { name: 'Theme' }),
      ];
      const boxes = await Promise.all(items.map((item) => item.boundingBox()));
      for (const itemBox of boxes) {
        expect(itemBox).not.toBeNull();
        if (!itemBox || !bar) continue;
        // Inside the bar, left to right, and not past the window's edge.
        expect(itemBox.y).toBeGreaterThanOrEqual(bar.y);
        expect(itemBox.y + itemBox.height).toBeLessThanOrEqual(bar.y + bar.height);
        expect(itemBox.x + itemBox.width).toBeLessThanOrEqual(width);
      }
      const lefts = boxes.map((b) => b?.x ?? 0);
      expect(lefts).toEqual([...lefts].sort((a, b) => a - b));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  }

  test('stays in view while reading, and an anchor lands below it', async ({ page }) => {
    await page.goto(LESSON);
    await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Gotchas' }).click();
    await expect(page).toHaveURL(/#gotchas$/);
    const bar = await header(page).boundingBox();
    expect(bar?.y).toBe(0);
    const heading = await page.locator('#gotchas').boundingBox();
    expect(heading?.y ?? 0).toBeGreaterThanOrEqual(bar?.height ?? 64);
  });
});

test.describe('the menu on a small screen', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('opens from the keyboard without moving the page, and Escape closes it and returns focus', async ({ page }) => {
    await page.goto('/');
    const button = page.getByRole('button', { name: 'Menu' });
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav).toBeHidden();
    const before = await page.getByRole('heading', { level: 1 }).boundingBox();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(nav.getByRole('link', { name: 'Lessons', exact: true })).toBeVisible();
    expect(await page.getByRole('heading', { level: 1 }).boundingBox()).toEqual(before);
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('link', { name: 'Lessons', exact: true })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(nav).toBeHidden();
    await expect(button).toBeFocused();
  });

  test('the menu button says when reviews are due, and only then', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Menu', exact: true })).toBeVisible();
    await page.evaluate(([key, raw]) => localStorage.setItem(key, raw), [PROGRESS_KEY, busyProgress()] as const);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Menu (reviews due)' })).toBeVisible();
  });

  test('has a theme picker and search inside, and no horizontal scrolling at 320 px', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(LESSON);
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(page.getByRole('searchbox', { name: 'Search the course' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Theme' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    // A click on the page below the menu, outside the header, closes it.
    await page.mouse.click(10, 630);
    await expect(page.getByRole('button', { name: 'Menu' })).toHaveAttribute('aria-expanded', 'false');
  });
});

test.describe('the theme picker', () => {
  test('is driven from the keyboard: Light, Dark and Auto, which follows the system live', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    const theme = page.getByRole('group', { name: 'Theme' });
    await page.getByRole('searchbox', { name: 'Search the course' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(theme.getByRole('radio', { name: 'Auto' })).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(theme.getByRole('radio', { name: 'Dark' })).toBeChecked();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.keyboard.press('ArrowLeft');
    await expect(theme.getByRole('radio', { name: 'Light' })).toBeChecked();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await page.evaluate((key) => localStorage.getItem(key), THEME_KEY)).toBe('light');

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await expect(page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Light' })).toBeChecked();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');

    await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Light' }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Auto' })).toBeChecked();
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
    expect(await page.evaluate((key) => localStorage.getItem(key), THEME_KEY)).toBeNull();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 20, 25)');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  });
});

test.describe('lesson navigation', () => {
  test('the "On this page" rail marks the section being read', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(LESSON);
    const rail = page.getByRole('navigation', { name: 'On this page' });
    await expect(rail.locator('[aria-current]')).toHaveCount(0);
    await page.locator('#what-it-costs').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.getElementById('what-it-costs')?.scrollIntoView({ block: 'start' }));
    await expect(rail.getByRole('link', { name: 'What it costs' })).toHaveAttribute('aria-current', 'location');
    await expect(rail.locator('[aria-current]')).toHaveCount(1);
    await page.evaluate(() => document.getElementById('gotchas')?.scrollIntoView({ block: 'start' }));
    await expect(rail.getByRole('link', { name: 'Gotchas' })).toHaveAttribute('aria-current', 'location');
    await expect(rail.getByRole('link', { name: 'What it costs' })).not.toHaveAttribute('aria-current', /./);
  });

  test('the course outline scrolls on its own when taller than the window', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 600 });
    await page.goto(LESSON);
    const outline = page.getByRole('navigation', { name: 'Course' });
    const sizes = await outline.evaluate((el) => ({ client: el.clientHeight, scroll: el.scrollHeight, overflow: getComputedStyle(el).overflowY }));
    expect(sizes.client).toBeLessThan(600);
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    expect(sizes.overflow).toBe('auto');
  });

  test('on a phone the outline and the contents open from under the title', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(LESSON);
    const outline = page.getByRole('navigation', { name: 'Course' });
    await expect(outline).toHaveCount(1);
    const summary = outline.getByText('Course outline');
    const box = await summary.boundingBox();
    expect(box?.y ?? Infinity).toBeLessThan(740);
    await expect(outline.getByRole('link', { name: 'Idempotent consumers and idempotency keys' })).toBeHidden();
    await summary.click();
    await expect(outline.getByRole('link', { name: 'Idempotent consumers and idempotency keys' })).toHaveAttribute('aria-current', 'page');
    await outline.getByRole('link', { name: 'Ordering, partitions and keys' }).click();
    await expect(page).toHaveURL(/\/lessons\/ordering-and-partitions\/$/);

    const contents = page.getByRole('navigation', { name: 'On this page' });
    await contents.getByText('On this page').click();
    await contents.getByRole('link').first().click();
    await expect(page).toHaveURL(/#.+$/);
  });
});

test.describe('the end of a lesson', () => {
  test('offers the quiz first, then the next lesson, and "Mark as complete" shows its state', async ({ page }) => {
    await page.goto(LESSON);
    const finish = page.getByRole('region', { name: 'Done with this lesson?' });
    const links = finish.getByRole('link');
    await expect(links.nth(0)).toHaveText(/^Check yourself: /);
    await expect(links.nth(0)).toHaveAttribute('href', /^\/quizzes\/.+\/$/);
    await expect(links.nth(0)).toHaveClass('button');
    await expect(links.nth(1)).toHaveText('Next lesson: Ordering, partitions and keys');
    await expect(finish.getByText(/\d+ questions · about \d+ min/)).toBeVisible();

    const complete = finish.getByRole('button', { name: 'Mark as complete' });
    await expect(complete).toBeEnabled();
    await complete.click();
    const undo = finish.getByRole('button', { name: 'Completed — undo' });
    await expect(undo).toBeVisible();
    await expect(finish.getByText('Marked as complete.')).toBeVisible();
    await expect(page.getByRole('link', { name: /Progress 1 \/ \d+ lessons complete/ })).toBeAttached();
    await page.reload();
    await expect(undo).toBeEnabled();
    await undo.click();
    await expect(finish.getByRole('button', { name: 'Mark as complete' })).toBeVisible();
  });
});

test.describe('light pages', () => {
  test('show progress without loading the full store, and load it to recover unreadable progress', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await seed(page, busyProgress());
    await page.goto('/lessons/');
    await expect(page.getByRole('link', { name: /Progress 10 \/ \d+ lessons complete/ })).toBeAttached();
    await expect(page.locator('[data-lesson-mark="eda-in-one-page"]')).toBeVisible();
    await expect(page.locator('[data-lesson-mark="when-not-to-use-eda"]')).toBeHidden();
    expect(scripts.some((path) => /\/progress\.[\w-]+\.js$/.test(path))).toBe(false);

    await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"data":{"lessons":'), PROGRESS_KEY);
    await page.goto('/glossary/');
    await expect(page.locator('[data-notice="recovered"]')).toBeVisible();
    await expect(page.getByRole('link', { name: /Progress 0 \/ \d+ lessons complete/ })).toBeAttached();
  });

  test('the home page offers "Continue" instead of "Start" once the learner has begun', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await seed(page, busyProgress());
    await page.goto('/');
    const cont = page.getByRole('link', { name: /Continue where you left off: / });
    await expect(cont).toBeVisible();
    await expect(page.getByRole('link', { name: 'Start the course' })).toBeHidden();
    // One button, its label wrapping as text rather than splitting into columns.
    const box = await cont.boundingBox();
    expect(box?.width ?? 0).toBeLessThanOrEqual(340);
    const spans = await cont.evaluate((el) => [...el.children].length);
    expect(spans).toBe(1);
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing with the menu open and the lesson disclosures open, ${theme} theme`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [THEME_KEY, theme] as const);
    await page.goto(LESSON);
    await page.getByRole('navigation', { name: 'Course' }).getByText('Course outline').click();
    await page.getByRole('navigation', { name: 'On this page' }).getByText('On this page').click();
    await page.getByRole('button', { name: 'Menu' }).click();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
