import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { downloadPostgres, POSTGRES_BYTES, POSTGRES_FILES, type Fetcher, type PostgresFile } from '../../../../src/lib/sql/postgres-download.ts';
import { createWorkerEngine, serve, type Reply, type ServedDatabase, type StartProgress, type WorkerPort } from '../../../../src/lib/sql/worker-engine.ts';

const dist = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
const urls = Object.fromEntries(Object.entries(POSTGRES_FILES).map(([k, f]) => [k, new URL(`https://course.test/_astro/${f.name}`)])) as Record<PostgresFile, URL>;

/** A fetch that serves `bytes` per file in chunks of `chunk` bytes. */
function chunkedFetch(sizes: Record<string, number>, chunk = 1000): Fetcher {
  return async (url) => {
    const name = url.pathname.split('/').pop() ?? '';
    const size = sizes[name] ?? 0;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= size) return controller.close();
        const n = Math.min(chunk, size - sent);
        controller.enqueue(new Uint8Array(n).fill(name.length));
        sent += n;
      },
    });
    return new Response(body, { status: 200 });
  };
}

describe('PostgreSQL download', () => {
  it('knows the sizes of the installed PGlite files (update POSTGRES_FILES when PGlite changes)', () => {
    for (const f of Object.values(POSTGRES_FILES)) expect(statSync(join(dist, f.name)).size, f.name).toBe(f.bytes);
    expect(POSTGRES_BYTES).toBe(POSTGRES_FILES.wasm.bytes + POSTGRES_FILES.data.bytes + POSTGRES_FILES.initdb.bytes);
  });

  it('reports growing progress and ends at the total, with every byte in place', async () => {
    const sizes = { 'pglite.wasm': 25_000, 'pglite.data': 12_345, 'initdb.wasm': 999 };
    const seen: StartProgress[] = [];
    const files = await downloadPostgres(urls, chunkedFetch(sizes), (p) => seen.push(p), { everyMs: 0 });
    expect(files.wasm.byteLength).toBe(25_000);
    expect(files.data.byteLength).toBe(12_345);
    expect(files.initdb.byteLength).toBe(999);
    expect(new Uint8Array(files.data)[12_344]).toBe('pglite.data'.length);
    const loaded = seen.map((p) => p.loaded);
    expect(loaded.length).toBeGreaterThan(5);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    expect(seen.every((p) => p.phase === 'download' && p.total === POSTGRES_BYTES)).toBe(true);
    expect(loaded.at(-1)).toBe(25_000 + 12_345 + 999);
  });

  it('says the learner is offline when a fetch fails, and names an HTTP error', async () => {
    const offline: Fetcher = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(downloadPostgres(urls, offline, () => undefined)).rejects.toThrow(/you seem to be offline.*works offline/);
    const missing: Fetcher = async () => new Response('gone', { status: 404 });
    await expect(downloadPostgres(urls, missing, () => undefined)).rejects.toThrow(/pglite\.(wasm|data)|initdb\.wasm/);
    await expect(downloadPostgres(urls, missing, () => undefined)).rejects.toThrow(/HTTP 404/);
  });

  it('says so when the connection is lost part-way, and when a file stops arriving, instead of waiting forever', async () => {
    /** Serves the first 1 000 bytes of every file, then does `then` with the stream. */
    const partly =
      (then: (controller: ReadableStreamDefaultController<Uint8Array>) => void): Fetcher =>
      async () => {
        let first = true;
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (first) {
              first = false;
              controller.enqueue(new Uint8Array(1000));
              return;
            }
            then(controller);
            return new Promise<void>(() => undefined);
          },
        });
        return new Response(body, { status: 200 });
      };
    const seen: StartProgress[] = [];
    const cut = partly((c) => c.error(new TypeError('network error')));
    await expect(downloadPostgres(urls, cut, (p) => seen.push(p), { everyMs: 0 })).rejects.toThrow(/cut off part-way \((pglite\.(wasm|data)|initdb\.wasm)\)\. Check your connection and try again/);
    expect(seen.at(-1)?.loaded).toBeGreaterThanOrEqual(1000);
    const stuck = partly(() => undefined);
    await expect(downloadPostgres(urls, stuck, () => undefined, { stallMs: 50 })).rejects.toThrow(/download stopped: no data for (pglite\.(wasm|data)|initdb\.wasm) in 0 s/);
    // A slow but moving download is not a stalled one.
    const slow: Fetcher = async (url) => {
      const res = await chunkedFetch({ 'pglite.wasm': 5000, 'pglite.data': 5000, 'initdb.wasm': 5000 })(url);
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          await new Promise((r) => setTimeout(r, 20));
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        },
      });
      return new Response(body, { status: 200 });
    };
    const files = await downloadPostgres(urls, slow, () => undefined, { stallMs: 1000 });
    expect(files.data.byteLength).toBe(5000);
  });
});

/** A worker and its page, joined in memory: what one side sends, the other hears. */
function pair(): { page: WorkerPort; worker: Pick<WorkerPort, 'send' | 'onMessage'> } {
  const toPage: ((m: unknown) => void)[] = [];
  const toWorker: ((m: unknown) => void)[] = [];
  return {
    page: { send: (m) => queueMicrotask(() => toWorker.forEach((l) => l(m))), onMessage: (l) => toPage.push(l), terminate: () => undefined },
    worker: { send: (m) => queueMicrotask(() => toPage.forEach((l) => l(m))), onMessage: (l) => toWorker.push(l) },
  };
}

describe('worker engine start-up', () => {
  it('passes progress on, and answers once the database it was promised is ready', async () => {
    const heard: StartProgress[] = [];
    let resolveDb: (db: ServedDatabase) => void = () => undefined;
    const engine = createWorkerEngine(
      () => {
        const { page, worker } = pair();
        serve(new Promise((r) => (resolveDb = r)), worker);
        queueMicrotask(() => worker.send({ progress: { phase: 'download', loaded: 10, total: 100 } } satisfies Reply));
        return page;
      },
      { onProgress: (p) => heard.push(p) },
    );
    const answer = engine.query('SELECT 1');
    await vi.waitFor(() => expect(heard).toEqual([{ phase: 'download', loaded: 10, total: 100 }]));
    resolveDb({ query: async () => ({ rows: [{ one: 1 }] }), exec: async () => undefined, waitReady: Promise.resolve() });
    await expect(answer).resolves.toEqual({ rows: [{ one: 1 }] });
  });

  it('rejects `ready` with the worker’s reason when PostgreSQL cannot start', async () => {
    const engine = createWorkerEngine(() => {
      const { page, worker } = pair();
      serve(Promise.reject(new Error('PostgreSQL could not be downloaded: you seem to be offline.')), worker);
      return page;
    });
    await expect(engine.ready).rejects.toThrow('you seem to be offline');
  });

  it('rejects `ready` when the worker script itself fails to load', async () => {
    const engine = createWorkerEngine(() => ({ send: () => undefined, onMessage: () => undefined, terminate: () => undefined, onError: (l) => queueMicrotask(() => l('worker script 404')) }));
    await expect(engine.ready).rejects.toThrow('worker script 404');
  });
});
