/**
 * Browser benchmark of a running lab. A script, not a test: it asserts nothing about time and exits 0
 * once it has measured (2 when the site is not built or the browser is missing). It serves the built
 * site (`dist/`, so run `npm run build` first), opens the consumer-groups lab in Chromium, turns it up
 * to 600 clicks with a slow consumer and a second group (hundreds of events in flight at once), and
 * plays it at several speeds. For each run it reports:
 *
 * - the most events in flight (peak lag of each group, as the lab shows it);
 * - long tasks (main-thread tasks over 50 ms, PerformanceObserver "longtask") and their longest;
 * - long animation frames (over 50 ms, "long-animation-frame") and the longest gap between frames.
 *
 * It also times "Run to the end" of the same configuration, the heaviest single task a lab runs.
 *
 * Usage: node scripts/bench-lab.ts [runs per speed]   (default 3; CHROMIUM_PATH overrides /usr/bin/chromium;
 * BENCH_PORT sets the preview server's port, default 4398, so parallel checkouts do not clash)
 */
import { checkReady, runsFromArgs, startServer } from './bench-setup.ts';
import { chromium, type Page } from '@playwright/test';

const runs = runsFromArgs('bench-lab.ts');
const executablePath = checkReady('dist/lessons/brokers-topics-queues/index.html');

const PORT = Number(process.env['BENCH_PORT'] ?? 4398);
const URL = `http://localhost:${PORT}/lessons/brokers-topics-queues/`;

/** What the page records: long tasks, long animation frames and the gaps between frames. */
declare global {
  interface Window {
    __bench: { longTasks: number[]; longFrames: number[]; gaps: number[]; sampling: boolean };
  }
}

function installProbes(): void {
  window.__bench = { longTasks: [], longFrames: [], gaps: [], sampling: false };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (window.__bench.sampling) window.__bench.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: false });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (window.__bench.sampling) window.__bench.longFrames.push(e.duration);
    }).observe({ type: 'long-animation-frame', buffered: false });
  } catch {
    // an older Chromium without long-animation-frame: long tasks still count
  }
  let last = 0;
  const tick = (t: number) => {
    if (window.__bench.sampling && last > 0) window.__bench.gaps.push(t - last);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function setUp(page: Page): Promise<void> {
  await page.goto(URL);
  const lab = page.locator('section.lab');
  await lab.scrollIntoViewIfNeeded();
  await lab.getByRole('button', { name: 'Run to the end' }).waitFor();
  await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('section.lab .controls button')?.disabled);
  const clicks = lab.getByRole('slider', { name: /Clicks/ });
  await clicks.focus();
  await page.keyboard.press('End');
  await lab.getByRole('checkbox', { name: /Slow consumer/ }).check();
  await lab.getByRole('checkbox', { name: /Second group/ }).check();
}

interface Measured {
  readonly wallMs: number;
  readonly inFlight: number;
  readonly longTasks: number[];
  readonly longFrames: number[];
  readonly maxGap: number;
  readonly frames: number;
}

async function measure(page: Page, start: () => Promise<void>): Promise<Measured> {
  const lab = page.locator('section.lab');
  await page.evaluate(() => {
    Object.assign(window.__bench, { longTasks: [], longFrames: [], gaps: [], sampling: true });
  });
  const t0 = Date.now();
  await start();
  await lab.getByText(/run finished/).waitFor({ timeout: 120_000 });
  const wallMs = Date.now() - t0;
  // Let observers deliver the last entries before reading them.
  await page.waitForTimeout(200);
  const probe = await page.evaluate(() => {
    window.__bench.sampling = false;
    return window.__bench;
  });
  const peaks = await lab.locator('.metrics li').filter({ hasText: /^peak lag: / }).allInnerTexts();
  const inFlight = peaks.reduce((sum, line) => sum + Number(line.replace('peak lag: ', '')), 0);
  return {
    wallMs,
    inFlight,
    longTasks: probe.longTasks,
    longFrames: probe.longFrames,
    maxGap: Math.max(0, ...probe.gaps),
    frames: probe.gaps.length,
  };
}

const server = await startServer(PORT, URL);
const browser = await chromium.launch({
  executablePath,
  args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(installProbes);
  await setUp(page);
  const lab = page.locator('section.lab');
  const ms = (n: number) => `${Math.round(n)} ms`;
  const report = (label: string, r: Measured[]) => {
    const tasks = r.flatMap((x) => x.longTasks);
    const frames = r.flatMap((x) => x.longFrames);
    console.log(`${label.padEnd(22)} in flight ≤ ${Math.max(...r.map((x) => x.inFlight))} events; wall ${r.map((x) => ms(x.wallMs)).join(' / ')}`);
    console.log(`${''.padEnd(22)} long tasks (> 50 ms): ${tasks.length}${tasks.length ? `, longest ${ms(Math.max(...tasks))}` : ''}; long animation frames: ${frames.length}${frames.length ? `, longest ${ms(Math.max(...frames))}` : ''}`);
    console.log(`${''.padEnd(22)} frames ${r.map((x) => x.frames).join(' / ')}, longest gap between frames ${ms(Math.max(...r.map((x) => x.maxGap)))}`);
  };
  console.log(`lab: consumer-groups, 600 clicks, 3 partitions, slow consumer, second group; ${runs} run(s) each`);
  for (const speed of ['16', '64']) {
    await lab.getByRole('combobox', { name: 'Speed' }).selectOption(speed);
    const results: Measured[] = [];
    for (let i = 0; i < runs; i += 1) {
      await lab.getByRole('button', { name: 'Reset' }).click();
      results.push(await measure(page, () => lab.getByRole('button', { name: 'Play' }).click()));
    }
    report(`play at ${speed}×`, results);
  }
  const toEnd: Measured[] = [];
  for (let i = 0; i < runs; i += 1) {
    await lab.getByRole('button', { name: 'Reset' }).click();
    toEnd.push(await measure(page, () => lab.getByRole('button', { name: 'Run to the end' }).click()));
  }
  report('run to the end', toEnd);
} finally {
  await browser.close();
  server.kill();
}
