import { defineConfig } from 'vitest/config';

/**
 * Unit and content tests run before the build, and so do the database tests (tests/db: the course's
 * concurrency claims against a PostgreSQL server they start themselves); budget tests read `dist/` and
 * run after it (`npm run test:budgets`). The e2e specs belong to Playwright, not Vitest.
 */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts', 'tests/db/**/*.test.ts', 'tests/budgets/**/*.test.ts'],
    environment: 'node',
  },
});
