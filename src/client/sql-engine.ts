/**
 * The SQL labs' database, in the browser: PostgreSQL (PGlite) in a module Web Worker
 * (./sql-worker.ts), behind the engine the labs' driver uses (src/lib/sql/worker-engine.ts).
 * Loaded only when a learner starts a SQL lab. A page with two SQL labs shares one PostgreSQL: each
 * run rebuilds its lab's tables first, and runs take turns (`exclusive`), so they never interleave.
 */
import { createWorkerEngine, type StartProgress, type WorkerEngine } from '../lib/sql/worker-engine.ts';

/** What a lab holds while it is open. */
export interface SqlEngineLease {
  readonly engine: WorkerEngine;
  /** Runs `work` when no other lab's work is running on the shared PostgreSQL. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** The lab is gone: the last one to leave stops PostgreSQL. */
  release(): void;
}

let shared: WorkerEngine | undefined;
/** How many open labs hold each PostgreSQL (the shared one, and a failed one not yet released). */
const holders = new Map<WorkerEngine, number>();
let queue: Promise<unknown> = Promise.resolve();
const listeners = new Set<(progress: StartProgress) => void>();
let lastProgress: StartProgress | undefined;

function spawn(): WorkerEngine {
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
    {
      onProgress: (p) => {
        lastProgress = p;
        for (const l of listeners) l(p);
      },
    },
  );
}

/** Starts PostgreSQL in a worker, or joins the one already running; `onProgress` hears its start-up (again after a restart). */
export function openSqlEngine(onProgress: (progress: StartProgress) => void): SqlEngineLease {
  if (shared === undefined) {
    const started = spawn();
    shared = started;
    // A PostgreSQL that failed to start (offline on first use) is not shared: the next lab starts afresh.
    started.ready.catch(() => {
      if (shared !== started) return;
      shared = undefined;
      lastProgress = undefined;
    });
  }
  holders.set(shared, (holders.get(shared) ?? 0) + 1);
  listeners.add(onProgress);
  if (lastProgress) onProgress(lastProgress);
  const engine = shared;
  let released = false;
  return {
    engine,
    exclusive<T>(work: () => Promise<T>): Promise<T> {
      const turn = queue.then(work, work);
      queue = turn.catch(() => undefined);
      return turn;
    },
    release() {
      if (released) return;
      released = true;
      listeners.delete(onProgress);
      const left = (holders.get(engine) ?? 1) - 1;
      if (left > 0) {
        holders.set(engine, left);
        return;
      }
      holders.delete(engine);
      if (shared === engine) {
        shared = undefined;
        lastProgress = undefined;
      }
      void engine.close();
    },
  };
}
