/**
 * The SQL lab's database, in the browser: PostgreSQL (PGlite) in a module Web Worker
 * (./sql-worker.ts), behind the engine the lab's driver uses (src/lib/sql/worker-engine.ts).
 * Loaded only when a learner starts a SQL lab.
 */
import { createWorkerEngine, type StartProgress, type WorkerEngine } from '../lib/sql/worker-engine.ts';

/** Starts PostgreSQL in a worker; `onProgress` hears the download and start-up (again after a restart). */
export function startSqlEngine(onProgress: (progress: StartProgress) => void): WorkerEngine {
  return createWorkerEngine(
    () => {
      const worker = new Worker(new URL('./sql-worker.ts', import.meta.url), { type: 'module', name: 'sql-lab-postgres' });
      return {
        send: (m) => worker.postMessage(m),
        onMessage: (cb) => worker.addEventListener('message', (e: MessageEvent) => cb(e.data)),
        onError: (cb) => worker.addEventListener('error', (e: ErrorEvent) => cb(e.message || 'The SQL lab could not start its PostgreSQL worker. Reload the page and try again.')),
        terminate: () => worker.terminate(),
      };
    },
    { onProgress },
  );
}
