/**
 * The SQL lab's PostgreSQL: a module Web Worker running PGlite (PostgreSQL compiled to WebAssembly).
 * It runs off the page's thread so the lab can stop a statement that never ends by terminating the
 * worker (PGlite ignores statement_timeout). It fetches PGlite's files with progress
 * (src/lib/sql/postgres-download.ts), starts PostgreSQL, and answers the page's queries
 * (src/lib/sql/worker-engine.ts). Nothing the learner types leaves this worker.
 */
import { PGlite } from '@electric-sql/pglite';
import { downloadPostgres, POSTGRES_BYTES } from '../lib/sql/postgres-download.ts';
import { serve, type Reply } from '../lib/sql/worker-engine.ts';

/** The part of a dedicated worker's global scope used here (the project's types are the page's DOM). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  postMessage(message: unknown): void;
}
const scope = self as unknown as WorkerScope;
const port = { send: (m: unknown) => scope.postMessage(m), onMessage: (cb: (m: unknown) => void) => scope.addEventListener('message', (e) => cb(e.data)) };

// The same files PGlite itself references: the build emits each once, with a content hash, and the
// service worker keeps them once fetched.
const urls = {
  wasm: new URL('../../node_modules/@electric-sql/pglite/dist/pglite.wasm', import.meta.url),
  data: new URL('../../node_modules/@electric-sql/pglite/dist/pglite.data', import.meta.url),
  initdb: new URL('../../node_modules/@electric-sql/pglite/dist/initdb.wasm', import.meta.url),
};

async function open(): Promise<PGlite> {
  const files = await downloadPostgres(urls, (url) => fetch(url), (progress) => port.send({ progress } satisfies Reply));
  port.send({ progress: { phase: 'start', loaded: POSTGRES_BYTES, total: POSTGRES_BYTES } } satisfies Reply);
  const [pgliteWasmModule, initdbWasmModule] = await Promise.all([WebAssembly.compile(files.wasm), WebAssembly.compile(files.initdb)]);
  return new PGlite({ pgliteWasmModule, initdbWasmModule, fsBundle: new Blob([files.data]) });
}

serve(open(), port);
