import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLab, type Schedule } from '../../../../src/lib/sql/driver.ts';
import { idempotencyLab } from '../../../../src/lib/sql/labs.ts';
import { createWorkerEngine, type WorkerEngine } from '../../../../src/lib/sql/worker-engine.ts';

/**
 * PGlite ignores statement_timeout (it has no timer signal), so the lab stops a runaway statement by
 * terminating the worker its PostgreSQL runs in and starting a fresh one. One worker engine for the file.
 */
let db: WorkerEngine;
let spawned = 0;

beforeAll(async () => {
  db = createWorkerEngine(() => {
    spawned += 1;
    const w = new Worker(new URL('./pglite-worker.mjs', import.meta.url));
    return { send: (m) => w.postMessage(m), onMessage: (cb) => w.on('message', cb), terminate: () => w.terminate() };
  });
  await db.ready;
}, 180_000);

afterAll(async () => {
  await db.close();
});

const once: Schedule = { name: 'once', deliveries: [{ event: 'evt-1' }] };

describe('time limit', () => {
  it('statement_timeout does not stop PGlite (so the lab cannot rely on it)', async () => {
    await db.exec('SET statement_timeout = 200');
    const t0 = performance.now();
    await db.query('SELECT pg_sleep(1)');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(900);
    await db.exec('RESET statement_timeout');
  });

  it.each([
    ['pg_sleep', 'BEGIN;\nSELECT pg_sleep(100);\nCOMMIT;', 2],
    ['an endless recursive CTE', 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r)\nSELECT count(*) FROM r;', 1],
  ])('%s is stopped with a clear message, and the database is usable again', async (_name, sql, line) => {
    const before = spawned;
    const t0 = performance.now();
    const run = await runLab(db, idempotencyLab, sql, once, { timeLimitMs: 1500 });
    expect(run.verdict).toBeNull();
    expect(run.problem).toMatchObject({ kind: 'timeout', line });
    expect(run.problem?.message).toMatch(/^Stopped: statement \d was still running after 1\.5 s/);
    expect(run.trace.at(-1)).toMatchObject({ outcome: 'error', code: '57014', line });
    expect(spawned).toBe(before + 1);
    expect(performance.now() - t0).toBeLessThan(90_000);
    // A fresh worker with the fixture loaded: the course's handler runs and passes.
    const next = await runLab(db, idempotencyLab, idempotencyLab.correctHandler, once);
    expect(next.verdict?.ok).toBe(true);
  }, 120_000);

  it('SQL that wrecks the catalog is reported, and reset() recovers by restarting the worker', async () => {
    const run = await runLab(db, idempotencyLab, 'DROP SCHEMA information_schema CASCADE;', once);
    expect(run.problem).toMatchObject({ kind: 'fixture changed' });
    expect(run.problem?.message).toContain("broke the database's own catalog");
    const before = spawned;
    const next = await runLab(db, idempotencyLab, idempotencyLab.correctHandler, once);
    expect(spawned).toBe(before + 1);
    expect(next.verdict?.ok).toBe(true);
  }, 120_000);

  it('errors cross the worker with their SQLSTATE and position', async () => {
    const run = await runLab(db, idempotencyLab, 'SELECT 1,\n  nope;', once);
    expect(run.trace[0]).toMatchObject({ code: '42703', line: 2, column: 3, message: 'column "nope" does not exist' });
  }, 60_000);
});
