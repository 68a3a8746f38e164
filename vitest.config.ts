import { defineConfig } from 'vitest/config';

/**
 * Unit and content tests run before the build; budget tests read `dist/` and run after it
 * (`npm run test:budgets`). The e2e specs belong to Playwright, not Vitest.
 */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts', 'tests/budgets/**/*.test.ts'],
    environment: 'node',
  },
});
