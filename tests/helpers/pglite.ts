import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll } from 'vitest';

/**
 * One PGlite (PostgreSQL in WebAssembly) for a whole test file, started before its tests and closed
 * after them: start-up takes seconds, so files share one and rebuild what they need per test.
 * Returns a getter, since the database exists only once `beforeAll` has run.
 */
export function usePglite(): () => PGlite {
  let db: PGlite | undefined;
  beforeAll(async () => {
    db = new PGlite();
    await db.waitReady;
  }, 180_000);
  afterAll(async () => {
    await db?.close();
  });
  return () => {
    if (db === undefined) throw new Error('PGlite is not started yet: call the getter inside a test or hook');
    return db;
  };
}
