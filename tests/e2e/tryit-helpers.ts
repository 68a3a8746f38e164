import { expect, type Locator, type Page } from '@playwright/test';

/** Opens a lesson, scrolls its Try-it (the region named `title`) into view and waits until it has hydrated. */
export async function openTryIt(page: Page, url: string, title: string): Promise<Locator> {
  await page.goto(url);
  const region = page.getByRole('region', { name: title });
  await region.scrollIntoViewIfNeeded();
  // Controls are disabled until the island hydrates, so "enabled" means "ready for input".
  await expect(region.getByRole('radio').first()).toBeEnabled();
  return region;
}

/** The verdict under a Try-it's prediction. */
export const verdict = (region: Locator) => region.locator('[data-right]');

/** Fails unless neither the page nor the Try-it is wider than a 320 px screen. */
export async function expectFitsAt320(page: Page, region: Locator): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= 320)).toBe(true);
  expect(await region.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= 320)).toBe(true);
}

/** One Try-it: where it lives, and how to take it to a verdict (with a prediction made). */
export interface TryIt {
  url: string;
  title: string;
  run: (region: Locator) => Promise<void>;
}

export const SCHEMA: TryIt = {
  url: '/lessons/schema-evolution/',
  title: 'Try it: is v2 compatible?',
  run: async (region) => {
    await region.getByRole('button', { name: 'Remove a field (customerId)' }).click();
    await region.getByRole('radio', { name: 'BACKWARD only' }).check();
    await region.getByRole('button', { name: 'Check compatibility' }).click();
    await expect(verdict(region)).toBeVisible();
  },
};

export const DELIVERY: TryIt = {
  url: '/lessons/delivery-guarantees/',
  title: 'Try it: where to commit the offset',
  run: async (region) => {
    await region.getByRole('radio', { name: 'Charge the card, then commit the offset' }).check();
    await region.getByRole('radio', { name: 'A card is charged twice' }).check();
    await region.getByRole('button', { name: 'Run the consumer' }).click();
    await expect(verdict(region)).toBeVisible();
  },
};

export const SAGA: TryIt = {
  url: '/lessons/choreography-orchestration-sagas/',
  title: 'Try it: a saga that fails',
  run: async (region) => {
    await region.getByRole('radio', { name: 'Earlier steps are compensated, in reverse order' }).check();
    await region.getByRole('button', { name: 'Run to the end' }).click();
    await expect(verdict(region)).toBeVisible();
  },
};

export const MESSAGES: TryIt = {
  url: '/lessons/events-commands-requests/',
  title: 'Try it: event, command or request?',
  run: async (region) => {
    await region.getByRole('radio', { name: 'Event: a fact for whoever cares' }).check();
    await region.getByRole('radio', { name: 'Each receiver: the sender does not care who reacts' }).check();
    await region.getByRole('button', { name: 'Check' }).click();
    await expect(verdict(region)).toBeVisible();
  },
};

export const FOUR: TryIt = {
  url: '/lessons/four-kinds-of-event-driven/',
  title: 'Try it: what can the consumer do?',
  run: async (region) => {
    await region.getByRole('radio', { name: 'Shipping is stuck' }).check();
    await region.getByRole('button', { name: 'Run it' }).click();
    await expect(verdict(region)).toBeVisible();
  },
};

export const FIREHOSE: TryIt = {
  url: '/lessons/case-studies/',
  title: 'Try it: reconnecting to the firehose',
  run: async (region) => {
    await region.getByRole('radio', { name: 'Some events are applied twice' }).check();
    await region.getByRole('button', { name: 'Reconnect' }).click();
    await expect(verdict(region)).toBeVisible();
  },
};

export const WHEN_NOT: TryIt = {
  url: '/lessons/when-not-to-use-eda/',
  title: 'Try it: events or not?',
  run: async (region) => {
    await region.getByRole('radio', { name: /Checkout authorises the card/ }).check();
    await region.getByRole('radio', { name: 'Publish an event and let consumers react' }).check();
    await region.getByRole('button', { name: 'Recommend' }).click();
    await expect(verdict(region)).toBeVisible();
  },
};

export const WINDOWS: TryIt = {
  url: '/lessons/consumer-groups-and-stream-processing/',
  title: 'Try it: windows, late orders and grace',
  run: async (region) => {
    await region.getByRole('radio', { name: '4 orders' }).check();
    await region.getByRole('button', { name: 'Run the windows' }).click();
    await expect(verdict(region)).toBeVisible();
  },
};

export const BACK_PRESSURE: TryIt = {
  url: '/lessons/back-pressure-and-fan-out/',
  title: 'Try it: a flash sale against a rate limit',
  run: async (region) => {
    await region.getByRole('radio', { name: /a shared token bucket at 80 calls\/s/ }).check();
    await region.getByRole('radio', { name: 'Orders wait in the topic; every one is charged and none rejected' }).check();
    await region.getByRole('button', { name: 'Run the sale' }).click();
    await expect(verdict(region)).toBeVisible();
  },
};

export const WEBHOOK: TryIt = {
  url: '/lessons/security-and-data-governance/',
  title: 'Try it: verify this webhook',
  run: async (region) => {
    // The verifier signs and checks with Web Crypto (HMAC-SHA256) under the policy.
    await region.getByLabel('Delivery', { exact: true }).selectOption({ label: 'A copy replayed 10 minutes later' });
    await expect(region.getByText(/^v1,/).first()).toBeVisible();
    await region.getByRole('radio', { name: 'Reject it: the signature does not match' }).check();
    await region.getByRole('button', { name: 'Verify the delivery' }).click();
    await expect(verdict(region)).toBeVisible();
  },
};

export const WHICH_TEST: TryIt = {
  url: '/lessons/testing-event-driven-systems/',
  title: 'Try it: which test catches it?',
  run: async (region) => {
    await region.getByRole('radio', { name: /De-duplicates in memory/ }).check();
    await region.getByRole('radio', { name: 'Only the duplicate test' }).check();
    await region.getByRole('button', { name: 'Run the five tests' }).click();
    await expect(verdict(region)).toBeVisible();
  },
};

export const FAILOVER: TryIt = {
  url: '/lessons/multi-region-and-disaster-recovery/',
  title: 'Try it: fail over a region',
  run: async (region) => {
    await region.getByRole('radio', { name: 'Some orders never reach B and some are charged twice' }).check();
    await region.getByRole('button', { name: 'Fail region A' }).click();
    await expect(verdict(region)).toBeVisible();
  },
};

export const BROKER: TryIt = {
  url: '/lessons/choosing-a-broker/',
  title: 'Try it: pick the broker',
  run: async (region) => {
    await region.getByRole('radio', { name: /Payments ledger/ }).check();
    await region.getByRole('radio', { name: 'SQS standard (with SNS)' }).check();
    await region.getByRole('button', { name: 'Rank the brokers' }).click();
    await expect(verdict(region)).toBeVisible();
  },
};

/** Every Try-it of the course: the seven of the first lessons and the six staff-level ones. */
export const ALL_TRY_ITS: TryIt[] = [SCHEMA, DELIVERY, SAGA, MESSAGES, FOUR, FIREHOSE, WHEN_NOT, WINDOWS, BACK_PRESSURE, WEBHOOK, WHICH_TEST, FAILOVER, BROKER];
