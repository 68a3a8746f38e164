import { defineConfig, devices } from '@playwright/test';

/** Port of the preview server the e2e tests start; not 4321, so a running `npm start` does not clash (PW_PORT overrides it). */
const PORT = Number(process.env['PW_PORT'] ?? 4399);

/**
 * End-to-end tests drive Debian's Chromium (`/usr/bin/chromium`) against the built site in `dist/`.
 * Browser downloads are blocked on this machine, so Playwright's own browsers are never used.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    // The service worker precaches the whole site on a first visit; only the offline tests want that.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-gpu',
        '--disable-dev-shm-usage',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    // --ignore-lock: a learner's own `npm start` (another preview server) must not block the tests.
    command: `astro preview --port ${PORT} --host localhost --ignore-lock`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
  },
});
