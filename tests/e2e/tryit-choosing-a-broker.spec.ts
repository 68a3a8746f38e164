import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator } from '@playwright/test';
import { THEME_KEY } from './helpers.ts';
import { expectFitsAt320, openTryIt, verdict } from './tryit-helpers.ts';

const URL = '/lessons/choosing-a-broker/';
const TITLE = 'Try it: pick the broker';

/** The ranked list of brokers. */
const ranking = (region: Locator) => region.getByRole('list', { name: 'Ranking, best first' });

/** Takes the payments-ledger workload to a result, with a (wrong) prediction of SQS standard. */
async function runLedger(region: Locator): Promise<void> {
  await region.getByRole('radio', { name: /Payments ledger/ }).check();
  await region.getByRole('radio', { name: 'SQS standard (with SNS)' }).check();
  await region.getByRole('button', { name: 'Rank the brokers' }).click();
  await expect(verdict(region)).toBeVisible();
}

test('the ledger ranks Kafka first and rules SQS standard out by ordering; the order work queue goes to SQS FIFO', async ({ page }) => {
  const region = await openTryIt(page, URL, TITLE);
  const rankButton = region.getByRole('button', { name: 'Rank the brokers' });
  await expect(rankButton).toBeDisabled();

  await runLedger(region);
  await expect(verdict(region)).toHaveAttribute('data-right', 'false');
  await expect(verdict(region)).toContainText('you predicted “SQS standard (with SNS)”; the result is “Kafka”');
  const list = ranking(region);
  await expect(list.getByRole('listitem').first()).toHaveAccessibleName('Kafka: Fits');
  await expect(list.getByRole('listitem', { name: 'Pulsar: Fits' })).toContainText('with more to run than Kafka');
  const sqs = list.getByRole('listitem', { name: 'SQS standard (with SNS): Ruled out' });
  await expect(sqs).toContainText('only tries to keep order');
  await expect(sqs).toContainText('kept at most 14 days');
  await expect(region.getByRole('status')).toContainText('Best fit: Kafka.');

  // Changing a requirement clears the old result until the learner ranks again.
  await region.getByRole('checkbox', { name: 'Each message is a job with its own retries and dead letter' }).check();
  await expect(verdict(region)).toHaveCount(0);
  await expect(ranking(region)).toHaveCount(0);

  await region.getByRole('radio', { name: /Order work queue/ }).check();
  await region.getByRole('radio', { name: 'SQS FIFO (with SNS FIFO)' }).check();
  await rankButton.click();
  await expect(verdict(region)).toHaveAttribute('data-right', 'true');
  await expect(list.getByRole('listitem').first()).toHaveAccessibleName('SQS FIFO (with SNS FIFO): Fits');
  await expect(list.getByRole('listitem', { name: 'Kinesis Data Streams: Ruled out' })).toContainText('one checkpoint per shard');
});

test('a hot key rules Kinesis out, and impossible requirements say nothing fits', async ({ page }) => {
  const region = await openTryIt(page, URL, TITLE);
  await region.getByRole('radio', { name: /Payments ledger/ }).check();
  await region.getByRole('checkbox', { name: 'One key can peak above 1,000 events/s' }).check();
  await region.getByLabel('Independent readers').selectOption('3');
  await region.getByRole('radio', { name: 'Kinesis Data Streams' }).check();
  await region.getByRole('button', { name: 'Rank the brokers' }).click();
  await expect(verdict(region)).toHaveAttribute('data-right', 'false');
  await expect(ranking(region).getByRole('listitem', { name: 'Kinesis Data Streams: Ruled out' })).toContainText('1,000 records');

  await region.getByRole('radio', { name: /Notification sends/ }).check();
  await region.getByLabel('Replay history').selectOption({ label: '30 days' });
  await region.getByRole('radio', { name: 'Nothing fits as asked' }).check();
  await region.getByRole('button', { name: 'Rank the brokers' }).click();
  await expect(verdict(region)).toHaveAttribute('data-right', 'true');
  await expect(verdict(region)).toContainText('split the flow over two brokers');
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violations in the Try-it after a run, ${theme} theme`, async ({ page }) => {
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [THEME_KEY, theme] as const);
    const region = await openTryIt(page, URL, TITLE);
    await runLedger(region);
    // The region is taller than the window: bring its top below the sticky header, or axe measures
    // whichever checkbox the header happens to cover as a target crowded by the header's links.
    await region.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const results = await new AxeBuilder({ page }).include('.tryit').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('the Try-it fits a 320 px wide screen after a run', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  const region = await openTryIt(page, URL, TITLE);
  await runLedger(region);
  await expectFitsAt320(page, region);
});
