/**
 * A SqlEngine whose PostgreSQL (PGlite) runs in a worker, so a statement that never ends can be
 * stopped: PGlite blocks the thread it runs on and ignores `statement_timeout`, but a worker can be
 * terminated and a fresh one started. Works with a browser `Worker` or Node's `worker_threads` through
 * the small `WorkerPort` wrapper; the worker side is `serve()`, given a PGlite and its port.
 */
import type { SqlEngine } from './driver.ts';

/** A worker as the engine sees it: a browser `Worker` or a Node `worker_threads` Worker, wrapped. */
export interface WorkerPort {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  terminate(): unknown;
  /** A worker that could not even start (its script failed to load) reports it here. */
  onError?(listener: (message: string) => void): void;
}

/** How far the worker has got with fetching and starting PostgreSQL. */
export interface StartProgress {
  /** `download`: fetching PostgreSQL's files; `start`: compiling and booting it. */
  readonly phase: 'download' | 'start';
  /** Bytes fetched so far, and the bytes expected (uncompressed). */
  readonly loaded: number;
  readonly total: number;
}

/** A message to the worker: run one statement (`query`, with `$n` params) or a script (`exec`). */
export type Request = { readonly id: number; readonly op: 'query' | 'exec'; readonly sql: string; readonly params?: unknown[] };
/** A message from the worker: ready once PGlite has started, then one reply per request. */
export type Reply =
  | { readonly ready: true }
  | { readonly progress: StartProgress }
  | { readonly failed: string }
  | { readonly id: number; readonly ok: true; readonly result: { rows: Record<string, unknown>[]; affectedRows?: number } }
  | { readonly id: number; readonly ok: false; readonly error: SqlError };

/** The parts of a Postgres error the lab shows (PGlite's error object does not survive postMessage whole). */
export interface SqlError {
  readonly message: string;
  readonly code?: string;
  readonly position?: string | number;
  readonly detail?: string;
  readonly hint?: string;
}

/** A Postgres error on the calling side: `.code` (SQLSTATE) and `.position` as PGlite's own. */
export class SqlEngineError extends Error implements SqlError {
  readonly code?: string;
  readonly position?: string | number;
  readonly detail?: string;
  readonly hint?: string;
  constructor(e: SqlError) {
    super(e.message);
    if (e.code !== undefined) this.code = e.code;
    if (e.position !== undefined) this.position = e.position;
    if (e.detail !== undefined) this.detail = e.detail;
    if (e.hint !== undefined) this.hint = e.hint;
  }
}

interface Pending {
  resolve(value: { rows: Record<string, unknown>[]; affectedRows?: number }): void;
  reject(error: Error): void;
}

/** A SqlEngine over a worker, with `ready` and `close()`. */
export interface WorkerEngine extends SqlEngine {
  /** Resolves once the worker's PGlite is ready. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/** What the engine tells its owner while a worker starts. */
export interface WorkerEngineOptions {
  onProgress?(progress: StartProgress): void;
}

/**
 * An engine over workers made by `spawn`: one at a time, replaced by `restart()`. `ready` rejects
 * with the worker's own words when it cannot start PostgreSQL (offline before the first download).
 */
export function createWorkerEngine(spawn: () => WorkerPort, options: WorkerEngineOptions = {}): WorkerEngine {
  let port: WorkerPort;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let ready: Promise<void>;

  const start = (): void => {
    const p = spawn();
    port = p;
    ready = new Promise<void>((resolve, reject) => {
      p.onError?.((message) => reject(new Error(message)));
      p.onMessage((m) => {
        const reply = m as Reply;
        if ('ready' in reply) {
          resolve();
          return;
        }
        if ('progress' in reply) {
          options.onProgress?.(reply.progress);
          return;
        }
        if ('failed' in reply) {
          reject(new Error(reply.failed));
          return;
        }
        const waiting = pending.get(reply.id);
        if (waiting === undefined) return;
        pending.delete(reply.id);
        if (reply.ok) waiting.resolve(reply.result);
        else waiting.reject(new SqlEngineError(reply.error));
      });
    });
  };

  const call = async (op: Request['op'], sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[]; affectedRows?: number }> => {
    await ready;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      port.send({ id, op, sql, ...(params === undefined ? {} : { params }) } satisfies Request);
    });
  };

  const stop = async (): Promise<void> => {
    await port.terminate();
    for (const p of pending.values()) p.reject(new Error('the database was stopped'));
    pending.clear();
  };

  start();
  return {
    get ready() {
      return ready;
    },
    query: (sql, params) => call('query', sql, params),
    exec: (sql) => call('exec', sql),
    async restart() {
      await stop();
      start();
      await ready;
    },
    close: stop,
  };
}

/** What the worker side needs of PostgreSQL: PGlite satisfies it. */
export interface ServedDatabase {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[]; affectedRows?: number }>;
  exec(sql: string): Promise<unknown>;
  waitReady: Promise<void>;
}

/**
 * The worker side: answers requests with `db` (a PGlite, or a promise of one still downloading).
 * Sends `ready` once it has started, or `failed` with the reason if it cannot.
 */
export function serve(db: ServedDatabase | Promise<ServedDatabase>, port: Pick<WorkerPort, 'send' | 'onMessage'>): void {
  const opened = Promise.resolve(db).then(async (d) => {
    await d.waitReady;
    return d;
  });
  port.onMessage(async (m) => {
    const req = m as Request;
    try {
      const pg = await opened;
      if (req.op === 'exec') {
        await pg.exec(req.sql);
        port.send({ id: req.id, ok: true, result: { rows: [] } } satisfies Reply);
      } else {
        const r = await pg.query(req.sql, req.params);
        port.send({ id: req.id, ok: true, result: { rows: r.rows as Record<string, unknown>[], ...(r.affectedRows === undefined ? {} : { affectedRows: r.affectedRows }) } } satisfies Reply);
      }
    } catch (e) {
      const err = e as Partial<SqlError>;
      const error: SqlError = {
        message: err.message ?? String(e),
        ...(err.code === undefined ? {} : { code: err.code }),
        ...(err.position === undefined ? {} : { position: err.position }),
        ...(err.detail === undefined ? {} : { detail: err.detail }),
        ...(err.hint === undefined ? {} : { hint: err.hint }),
      };
      port.send({ id: req.id, ok: false, error } satisfies Reply);
    }
  });
  opened.then(
    () => port.send({ ready: true } satisfies Reply),
    (e: unknown) => port.send({ failed: e instanceof Error ? e.message : String(e) } satisfies Reply),
  );
}
