import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/**
 * The sub-path smoke (`npm run test:e2e:sub`): the build in `dist-sub/`, made by `npm run build:sub`
 * with BASE_PATH=/eda-course/ as for a GitHub Pages project site, served under /eda-course/ by
 * Astro's preview server. Its own port (PW_SUB_PORT, else PW_PORT + 10), so it never meets the main suite's.
 */
const PORT = Number(process.env['PW_SUB_PORT'] ?? Number(process.env['PW_PORT'] ?? 4399) + 10);
export const SUB_BASE = '/eda-course/';

export default defineConfig({
  ...base,
  testDir: 'tests/e2e-sub',
  // Its own results folder: Playwright empties it at the start of a run.
  outputDir: 'test-results/sub-path',
  // No step may wait out the whole test: a click or a page load that hangs fails by name.
  use: { ...base.use, baseURL: `http://localhost:${PORT}`, actionTimeout: 20_000, navigationTimeout: 30_000 },
  webServer: {
    command: `astro preview --port ${PORT} --host localhost --ignore-lock`,
    url: `http://localhost:${PORT}${SUB_BASE}`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: SUB_BASE, OUT_DIR: 'dist-sub' },
  },
});
