import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { THEME_KEY } from './helpers.ts';

/** The lesson that embeds `<EmitterDemo client:visible />` under its "Try it" heading. */
const PAGE = '/lessons/eda-in-one-page/';

const EVENT_DRIVEN_PRODUCER = 'Publishes OrderPlaced to the broker. Knows of 0 subscribers.';

/** Opens the lesson, scrolls the demo into view and waits until it has hydrated. */
async function openDemo(page: Page): Promise<Locator> {
  await page.goto(PAGE);
  const demo = page.getByRole('region', { name: 'Try it: one event, many subscribers' });
  await demo.scrollIntoViewIfNeeded();
  // Controls are disabled until the island hydrates, so "enabled" means "ready for input".
  await expect(demo.getByRole('button', { name: 'Place order' })).toBeEnabled();
  return demo;
}

/** The card of one subscriber, found by the name that labels its list item. */
function card(demo: Locator, name: string): Locator {
  return demo.getByRole('listitem', { name, exact: true });
}

/** The status line of one subscriber's card. */
function status(demo: Locator, name: string): Locator {
  return card(demo, name).locator('[data-status]');
}

/** Presses Tab (or Shift+Tab) until `target` has focus; fails if it never gets there. */
async function tabTo(page: Page, target: Locator, backwards = false): Promise<void> {
  for (let presses = 0; presses < 200; presses += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error('Could not reach the element with the keyboard');
}

test('one published event: Email, Inventory and Analytics each react in their own time', async ({ page }) => {
  const demo = await openDemo(page);
  const subscribers = demo.getByRole('list', { name: 'Subscribers' });
  await expect(subscribers.getByRole('listitem')).toHaveCount(3);
  for (const name of ['Email', 'Inventory', 'Analytics']) await expect(status(demo, name)).toHaveText('Idle');

  await demo.getByRole('button', { name: 'Place order' }).click();

  await expect(demo.locator('[data-outcome]')).toContainText('Order confirmed in 40 ms');
  await expect(status(demo, 'Email')).toHaveText('Done: sent order confirmation');
  // Email (600 ms) finishes long before Analytics (1700 ms).
  await expect(status(demo, 'Analytics')).not.toHaveAttribute('data-status', 'done');
  await expect(status(demo, 'Inventory')).toHaveText('Done: reserved stock');
  await expect(status(demo, 'Analytics')).toHaveText('Done: recorded the sale');

  const log = demo.getByRole('list', { name: 'Event log' });
  await expect(log.getByRole('listitem').first()).toContainText('published OrderPlaced evt-0001');
  await expect(log).toContainText('Broker delivered a copy of evt-0001 to Analytics.');
  await expect(demo.getByRole('status')).toHaveText(
    'Order ord-0001 confirmed in 40 ms. Email sent order confirmation; Inventory reserved stock; Analytics recorded the sale.',
  );
  await expect(log).not.toContainText('clock');
  await expect(demo.locator('[data-outcome]')).toHaveText(
    'Order confirmed in 40 ms. All 3 subscribers handled evt-0001, each in its own time.',
  );
});

test('adding a subscriber leaves the Order service unchanged, and four subscribers react', async ({ page }) => {
  const demo = await openDemo(page);
  const producer = demo.getByRole('group', { name: 'Order service' });
  const description = producer.locator('[data-producer-description]');
  await expect(description).toHaveText(EVENT_DRIVEN_PRODUCER);

  await demo.getByLabel('Subscriber to add').selectOption({ label: 'Loyalty points' });
  await demo.getByRole('button', { name: 'Add subscriber' }).click();

  await expect(demo.getByRole('list', { name: 'Subscribers' }).getByRole('listitem')).toHaveCount(4);
  await expect(description).toHaveText(EVENT_DRIVEN_PRODUCER);
  await expect(demo.getByRole('status')).toHaveText('Loyalty points subscribed to OrderPlaced. The Order service is unchanged.');

  await demo.getByRole('button', { name: 'Place order' }).click();
  await expect(status(demo, 'Email')).toHaveText('Done: sent order confirmation');
  await expect(status(demo, 'Inventory')).toHaveText('Done: reserved stock');
  await expect(status(demo, 'Loyalty points')).toHaveText('Done: awarded 42 loyalty points');
  await expect(status(demo, 'Analytics')).toHaveText('Done: recorded the sale');
  await expect(demo.locator('[data-outcome]')).toContainText('All 4 subscribers handled evt-0001');
  await expect(description).toHaveText(EVENT_DRIVEN_PRODUCER);
});

test('once every extra subscriber is added, the add button is disabled', async ({ page }) => {
  const demo = await openDemo(page);
  const add = demo.getByRole('button', { name: 'Add subscriber' });
  for (let i = 0; i < 3; i += 1) await add.click();
  await expect(demo.getByRole('list', { name: 'Subscribers' }).getByRole('listitem')).toHaveCount(6);
  await expect(add).toBeDisabled();
  await expect(demo.getByLabel('Subscriber to add')).toBeDisabled();
});

test('event-driven: a failing subscriber fails alone, its copies wait at the broker and arrive when it recovers', async ({ page }) => {
  const demo = await openDemo(page);
  const down = demo.getByRole('switch', { name: 'Inventory is down' });
  await down.check();
  await expect(down).toBeChecked();

  const place = demo.getByRole('button', { name: 'Place order' });
  await place.click();
  await expect(status(demo, 'Inventory')).toHaveText('Failed: its copy waits in its backlog at the broker');
  await expect(status(demo, 'Email')).toHaveText('Done: sent order confirmation');
  await expect(status(demo, 'Analytics')).toHaveText('Done: recorded the sale');
  await expect(demo.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'confirmed');
  await expect(demo.locator('[data-outcome]')).toContainText('Inventory failed and its copy waits in its backlog until recovery');
  await expect(demo.getByRole('status')).toHaveText(
    'Order ord-0001 confirmed in 40 ms. Email sent order confirmation; ' +
      'Inventory failed, its copy waits in its backlog at the broker; Analytics recorded the sale.',
  );

  await place.click();
  await expect(demo.getByRole('status')).toContainText('Order ord-0002 confirmed');
  const backlog = card(demo, 'Inventory').locator('[data-backlog]');
  await expect(backlog).toHaveText('Waiting at the broker: evt-0001, evt-0002. Its cursor is 2 behind the log end.');
  await expect(demo.getByRole('img', { name: /Red chips by the broker/ }).locator('.chip[data-tone="waiting"]')).toHaveCount(2);

  await down.uncheck();
  await expect(status(demo, 'Inventory')).toHaveText('Back: handling evt-0001 from its backlog');
  await expect(status(demo, 'Inventory')).toHaveText('Caught up: reserved stock for evt-0001, evt-0002');
  await expect(backlog).toHaveCount(0);
  await expect(demo.getByRole('status')).toHaveText(
    'Inventory recovered. The broker delivered its 2 waiting events, evt-0001 and evt-0002, and Inventory reserved stock for each: nothing was lost.',
  );
  await expect(demo.getByRole('list', { name: 'Event log' })).toContainText('Inventory reserved stock for evt-0002.');
});

test('request-driven: one failing service fails the order and later services are never called', async ({ page }) => {
  const demo = await openDemo(page);
  await demo.getByRole('radio', { name: 'Request-driven' }).check();
  const calls = demo.getByRole('group', { name: 'Order service' }).getByRole('list', { name: 'Services the Order service calls' });
  await expect(calls.getByRole('listitem')).toHaveText(['Email', 'Inventory', 'Analytics']);

  await demo.getByRole('switch', { name: 'Inventory is down' }).check();
  await demo.getByRole('button', { name: 'Place order' }).click();

  const outcome = demo.locator('[data-outcome]');
  await expect(outcome).toHaveAttribute('data-outcome', 'failed');
  await expect(outcome).toHaveText(
    'Order failed after 1750 ms because Inventory failed. Analytics was never called. ' +
      'Email had already sent order confirmation, for an order that then failed.',
  );
  await expect(status(demo, 'Email')).toHaveText('Done: sent order confirmation');
  await expect(status(demo, 'Inventory')).toHaveText('Failed: returned an error to the Order service');
  await expect(status(demo, 'Analytics')).toHaveText('Never called: the order had already failed');
  const log = demo.getByRole('list', { name: 'Event log' });
  await expect(log).toContainText('Order service called Inventory');
  await expect(log).not.toContainText('called Analytics');
  await expect(demo.getByRole('status')).toHaveText(
    'Order ord-0001 failed after 1750 ms. Email sent order confirmation; Inventory returned an error; Analytics was never called.',
  );
});

test('request-driven: adding a service grows the Order service call list', async ({ page }) => {
  const demo = await openDemo(page);
  await demo.getByRole('radio', { name: 'Request-driven' }).check();
  await demo.getByRole('button', { name: 'Add subscriber' }).click();
  const calls = demo.getByRole('list', { name: 'Services the Order service calls' });
  await expect(calls.getByRole('listitem')).toHaveText(['Email', 'Inventory', 'Analytics', 'Fraud check']);
});

test('the whole demo works from the keyboard alone', async ({ page }) => {
  // Many single key presses on a shared machine: give it more than the default 30 s.
  test.setTimeout(60_000);
  const demo = await openDemo(page);
  const eventDriven = demo.getByRole('radio', { name: 'Event-driven' });
  const description = demo.getByRole('group', { name: 'Order service' }).locator('[data-producer-description]');

  await tabTo(page, eventDriven);
  await page.keyboard.press('ArrowDown');
  await expect(demo.getByRole('radio', { name: 'Request-driven' })).toBeChecked();
  await expect(demo.getByRole('list', { name: 'Services the Order service calls' }).getByRole('listitem')).toHaveCount(3);
  await page.keyboard.press('ArrowUp');
  await expect(eventDriven).toBeChecked();
  await expect(description).toHaveText(EVENT_DRIVEN_PRODUCER);

  const select = demo.getByLabel('Subscriber to add');
  await tabTo(page, select);
  await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue('loyalty');
  await tabTo(page, demo.getByRole('button', { name: 'Add subscriber' }));
  await page.keyboard.press('Enter');
  await expect(card(demo, 'Loyalty points')).toBeVisible();
  await expect(description).toHaveText(EVENT_DRIVEN_PRODUCER);

  const failLoyalty = demo.getByRole('switch', { name: 'Loyalty points is down' });
  await tabTo(page, failLoyalty);
  await page.keyboard.press('Space');
  await expect(failLoyalty).toBeChecked();

  await tabTo(page, demo.getByRole('button', { name: 'Place order' }), true);
  await page.keyboard.press('Enter');

  await expect(status(demo, 'Loyalty points')).toHaveText('Failed: its copy waits in its backlog at the broker');
  for (const name of ['Email', 'Inventory', 'Analytics']) await expect(status(demo, name)).toHaveAttribute('data-status', 'done');
  await expect(demo.locator('[data-outcome]')).toContainText('3 of 4 subscribers handled evt-0001');

  await tabTo(page, failLoyalty);
  await page.keyboard.press('Space');
  await expect(failLoyalty).not.toBeChecked();
  await expect(status(demo, 'Loyalty points')).toHaveText('Caught up: awarded 42 loyalty points for evt-0001');
});

test('event chips travel along the lanes, and step without moving under reduced motion', async ({ page }) => {
  const picture = (demo: Locator) => demo.getByRole('img', { name: /publishes each event once to the broker/ });
  let demo = await openDemo(page);
  await demo.getByRole('button', { name: 'Place order' }).click();
  const copy = picture(demo).locator('.chip[data-tone="event"]').first();
  await expect(copy).toBeVisible();
  expect(await copy.evaluate((el) => getComputedStyle(el).animationName)).not.toBe('none');

  await page.emulateMedia({ reducedMotion: 'reduce' });
  demo = await openDemo(page);
  await demo.getByRole('button', { name: 'Place order' }).click();
  const analytics = status(demo, 'Analytics');
  await expect(analytics).toHaveAttribute('data-status', 'received');
  const chips = picture(demo).locator('.chip');
  await expect(chips).toHaveCount(3);
  const motion = await chips.first().evaluate((el) => ({
    chip: getComputedStyle(el).animationName,
    card: getComputedStyle(el.closest('section')?.querySelector('li') ?? el).transitionDuration,
  }));
  expect(motion).toEqual({ chip: 'none', card: '0s' });
  await expect(analytics).toHaveText('Done: recorded the sale');
  await expect(chips).toHaveCount(0);
});

test('fits a 320 px wide screen', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  const demo = await openDemo(page);
  await demo.getByRole('button', { name: 'Place order' }).click();
  await expect(status(demo, 'Analytics')).toHaveText('Done: recorded the sale');
  const fits = await demo.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= 320);
  expect(fits).toBe(true);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violations with a subscriber down and its backlog shown, ${theme} theme`, async ({ page }) => {
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [THEME_KEY, theme] as const);
    const demo = await openDemo(page);
    await demo.getByRole('switch', { name: 'Analytics is down' }).check();
    await demo.getByRole('button', { name: 'Place order' }).click();
    await expect(card(demo, 'Analytics').locator('[data-backlog]')).toBeVisible();
    await expect(demo.getByRole('status')).toContainText('Analytics failed');
    const results = await new AxeBuilder({ page }).include('.emitter').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
