import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { THEME_KEY } from './helpers.ts';

/**
 * Opens a practice attempt's whiteboard and returns its region. The only place that knows how the
 * practice page gets there (the page's flow changes with the practice island).
 */
async function openWhiteboard(page: Page): Promise<Locator> {
  await page.goto('/practice/notification-system/');
  await page.getByRole('button', { name: /^Start (an|a new) attempt$/ }).click();
  // The whiteboard appears with the design phases, after the clarify phase.
  await page.getByRole('button', { name: 'Next phase: High-level design' }).click();
  const board = page.getByRole('region', { name: 'Whiteboard', exact: true });
  await expect(board.getByRole('textbox', { name: 'Diagram as text' })).toBeVisible();
  // Mouse steps use viewport coordinates: bring the canvas to the middle of the window, clear of the
  // sticky header and clock.
  await board.locator('.canvas').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  return board;
}

const DESIGN = `client Shop
service Orders
database Orders DB
relay Outbox relay
topic order-events partitions=12 key=orderId
consumer-group Payments
provider Stripe

Shop => Orders: POST /orders
Orders => Orders DB: INSERT order + outbox row
Orders DB ~> Outbox relay: outbox rows
Outbox relay -> order-events: OrderPlaced key=orderId
order-events -> Payments: OrderPlaced
Payments => Stripe: create PaymentIntent`;

const text = (board: Locator) => board.getByRole('textbox', { name: 'Diagram as text' });
const part = (board: Locator, name: string) => board.getByRole('group', { name: new RegExp(`^${name}, `) });
const status = (board: Locator) => board.locator('[aria-live="polite"]');

async function applyText(board: Locator, value: string): Promise<void> {
  await text(board).fill(value);
  await board.getByRole('button', { name: 'Apply text' }).click();
}

/** Moves a closed <select>'s choice with the arrow keys until the wanted option is chosen. */
async function choose(select: Locator, option: string): Promise<void> {
  await select.focus();
  await select.press('Home');
  for (let i = 0; i < 30; i++) {
    const chosen = await select.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent?.trim());
    if (chosen === option) return;
    await select.press('ArrowDown');
  }
  throw new Error(`no option "${option}"`);
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('draw by mouse: add parts from the palette, drag a handle to connect, drag a part to move it', async ({ page }) => {
  const board = await openWhiteboard(page);
  await board.getByRole('button', { name: 'Service / API' }).click();
  await board.getByRole('button', { name: 'Topic', exact: true }).click();
  await expect(part(board, 'Topic 1')).toBeVisible();
  await expect(status(board)).toHaveText("Added topic 'Topic 1'.");

  await board.locator('.canvas').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const from = await centre(part(board, 'Service 1').getByRole('button', { name: /Connection handle/ }).last());
  const to = await centre(part(board, 'Topic 1').getByRole('button', { name: /Connection handle/ }).first());
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, from.y + 20, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  await expect(status(board)).toHaveText('Connected Service 1 to Topic 1 (event / message).');
  await expect(text(board)).toHaveValue('service Service 1\ntopic Topic 1\n\nService 1 -> Topic 1');
  await expect(board.getByRole('group', { name: 'Service 1 to Topic 1, event / message' })).toHaveCount(1);

  const before = await centre(part(board, 'Topic 1'));
  await page.mouse.move(before.x, before.y);
  await page.mouse.down();
  await page.mouse.move(before.x + 10, before.y + 60, { steps: 4 });
  await page.mouse.move(before.x + 20, before.y + 120, { steps: 4 });
  await page.mouse.up();
  await expect(status(board)).toHaveText("Moved 'Topic 1'.");
  const after = await centre(part(board, 'Topic 1'));
  expect(after.y).toBeGreaterThan(before.y + 50);
  // Positions are measured against the canvas: clicking Undo may scroll the page.
  const canvasTop = async () => (await board.locator('.canvas').boundingBox())?.y ?? 0;
  const beforeInCanvas = before.y - (await canvasTop());
  await board.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => Math.round((await centre(part(board, 'Topic 1'))).y - (await canvasTop()))).toBe(Math.round(beforeInCanvas));

  await part(board, 'Topic 1').dblclick();
  const name = board.getByRole('textbox', { name: 'Name' });
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('Topic 1');
  await name.fill('order-events');
  await name.press('Enter');
  await expect(part(board, 'order-events')).toBeVisible();
  await expect(text(board)).toHaveValue('service Service 1\ntopic order-events\n\nService 1 -> order-events');
});

test('draw by keyboard alone: add, rename, connect, delete, undo/redo, arrange', async ({ page }) => {
  const board = await openWhiteboard(page);
  for (const kind of ['Service / API', 'Topic', 'Dead-letter queue']) {
    await board.getByRole('button', { name: kind, exact: true }).focus();
    await page.keyboard.press('Enter');
  }
  await expect(status(board)).toHaveText("Added dead-letter queue 'DLQ 1'.");

  await choose(board.getByRole('combobox', { name: 'Part' }), 'Topic 1 (Topic)');
  const name = board.getByRole('textbox', { name: 'Name' });
  await name.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('order-events');
  await page.keyboard.press('Enter');
  await expect(status(board)).toHaveText("Renamed 'Topic 1' to 'order-events'.");

  await choose(board.getByRole('combobox', { name: 'From' }), 'Service 1');
  await choose(board.getByRole('combobox', { name: 'Kind' }).first(), 'event / message');
  await choose(board.getByRole('combobox', { name: 'To' }), 'order-events');
  await board.getByRole('textbox', { name: /^Label/ }).first().focus();
  await page.keyboard.type('OrderPlaced');
  await page.keyboard.press('Enter');
  await expect(status(board)).toHaveText('Connected Service 1 to order-events (event / message).');

  await choose(board.getByRole('combobox', { name: 'Part' }), 'DLQ 1 (Dead-letter queue)');
  await board.getByRole('button', { name: 'Delete part' }).focus();
  await page.keyboard.press('Enter');
  await expect(status(board)).toHaveText("Deleted dead-letter queue 'DLQ 1'.");
  const drawn = 'service Service 1\ntopic order-events\n\nService 1 -> order-events: OrderPlaced';
  await expect(text(board)).toHaveValue(drawn);

  await board.getByRole('button', { name: 'Zoom to fit' }).focus();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(part(board, 'DLQ 1')).toBeVisible();
  await expect(text(board)).toHaveValue(/^dlq DLQ 1$/m);
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect(part(board, 'DLQ 1')).toHaveCount(0);
  await expect(text(board)).toHaveValue(drawn);

  await board.getByRole('button', { name: 'Arrange automatically' }).focus();
  await page.keyboard.press('Enter');
  await expect(status(board)).toHaveText('Arranged 2 parts automatically.');
  const service = await centre(part(board, 'Service 1'));
  const topic = await centre(part(board, 'order-events'));
  expect(service.x < topic.x || service.y < topic.y).toBe(true);

  await part(board, 'order-events').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Delete');
  await expect(part(board, 'order-events')).toHaveCount(0);
  await expect(text(board)).toHaveValue('service Service 1');
});

test('the text form gives the same diagram, and applying edited text redraws the canvas', async ({ page }) => {
  const board = await openWhiteboard(page);
  await applyText(board, `# the order flow\n${DESIGN}`);
  await expect(status(board)).toHaveText('Applied the text: 7 parts, 6 connections.');
  await expect(text(board)).toHaveValue(DESIGN);
  for (const name of ['Shop', 'Orders', 'Orders DB', 'Outbox relay', 'order-events', 'Payments', 'Stripe']) await expect(part(board, name)).toBeVisible();
  await expect(part(board, 'order-events')).toHaveAccessibleName('order-events, Topic, 12 partitions, key orderId');
  await expect(board.getByRole('group', { name: 'Orders DB to Outbox relay, change data capture: outbox rows' })).toHaveCount(1);

  const orders = await part(board, 'Orders').boundingBox();
  await applyText(board, DESIGN.replaceAll('Payments', 'Billing'));
  await expect(part(board, 'Billing')).toBeVisible();
  await expect(part(board, 'Payments')).toHaveCount(0);
  expect(await part(board, 'Orders').boundingBox()).toEqual(orders);
  await expect(text(board)).toHaveValue(DESIGN.replaceAll('Payments', 'Billing'));

  await board.getByRole('button', { name: 'Undo' }).click();
  await expect(text(board)).toHaveValue(DESIGN);
});

test('a bad line is listed with its line number and nothing changes', async ({ page }) => {
  const board = await openWhiteboard(page);
  await applyText(board, 'service Orders\nservise Billing\nOrders -> Email');
  const problems = board.getByRole('heading', { name: 'Problems in the text (2)' });
  await expect(problems).toBeFocused();
  await expect(board.getByRole('list', { name: /^Problems in the text/ }).getByRole('listitem')).toHaveText([
    /^line 2: "servise" is not a kind of part — start the line with one of client, service/,
    'line 3: no part is named "Email" — declare it first, e.g. "service Email"',
  ]);
  await expect(text(board)).toHaveAttribute('aria-invalid', 'true');
  await expect(board.getByRole('group', { name: /^Orders, / })).toHaveCount(0);

  await board.getByRole('button', { name: /^line 3:/ }).click();
  await expect(text(board)).toBeFocused();
  expect(await text(board).evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe('Orders -> Email');
});

test('export SVG and PNG download files drawn from the diagram', async ({ page }) => {
  const board = await openWhiteboard(page);
  await applyText(board, DESIGN);
  const [svg] = await Promise.all([page.waitForEvent('download'), board.getByRole('button', { name: 'Export SVG' }).click()]);
  expect(svg.suggestedFilename()).toBe('whiteboard.svg');
  const drawing = await readFile(await svg.path(), 'utf8');
  expect(drawing).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  for (const name of ['Shop', 'Orders DB', 'order-events', 'Stripe', 'create PaymentIntent']) expect(drawing).toContain(`>${name}</text>`);

  const [png] = await Promise.all([page.waitForEvent('download'), board.getByRole('button', { name: 'Export PNG' }).click()]);
  expect(png.suggestedFilename()).toBe('whiteboard.png');
  const bytes = await readFile(await png.path());
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.length).toBeGreaterThan(2000);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violations with the whiteboard open in the ${theme} theme`, async ({ page }) => {
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [THEME_KEY, theme] as const);
    const board = await openWhiteboard(page);
    await applyText(board, DESIGN);
    await choose(board.getByRole('combobox', { name: 'Part' }), 'order-events (Topic)');
    await choose(board.getByRole('combobox', { name: 'Connection' }), 'Orders → Orders DB (synchronous call): INSERT order + outbox row');
    await expect(board.getByRole('spinbutton', { name: 'Partitions' })).toHaveValue('12');
    await expect(page.locator('.svelte-flow')).toHaveClass(new RegExp(`\\b${theme}\\b`));
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

for (const width of [320, 1280]) {
  test(`no horizontal page overflow at ${width} px with a drawn whiteboard`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const board = await openWhiteboard(page);
    await applyText(board, DESIGN);
    await board.getByRole('button', { name: 'Arrange automatically' }).click();
    await applyText(board, `${DESIGN}\nservise X`);
    await expect(board.getByRole('heading', { name: /Problems in the text/ })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
}
