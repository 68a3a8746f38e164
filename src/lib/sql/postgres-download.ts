/**
 * Fetching PostgreSQL (PGlite) for the SQL lab, with progress. PGlite would fetch its files itself,
 * silently; the lab fetches them first so the learner sees how far the download has got, then hands
 * the compiled modules to PGlite. The sizes are PGlite 0.6.1's (a unit test compares them with the
 * installed package, so an upgrade that changes them fails until they are updated).
 */
import type { StartProgress } from './worker-engine.ts';

/** PGlite's three files, uncompressed. */
export const POSTGRES_FILES = {
  wasm: { name: 'pglite.wasm', bytes: 9_465_583 },
  data: { name: 'pglite.data', bytes: 6_298_042 },
  initdb: { name: 'initdb.wasm', bytes: 299_102 },
} as const;

/** Which of the three files. */
export type PostgresFile = keyof typeof POSTGRES_FILES;

/** Bytes PGlite's three files hold, uncompressed: what the progress bar counts to. */
export const POSTGRES_BYTES = Object.values(POSTGRES_FILES).reduce((sum, f) => sum + f.bytes, 0);

/** The three files' contents. */
export type PostgresDownload = Record<PostgresFile, ArrayBuffer>;

/** A fetch as the download needs it (the browser's, or a test's). */
export type Fetcher = (url: URL) => Promise<Pick<Response, 'ok' | 'status' | 'body' | 'arrayBuffer'>>;

/**
 * Fetches the three files at `urls` in parallel, reporting the bytes received so far (at most every
 * `everyMs` ms, and once at the end). Rejects with a message a learner can act on.
 */
export async function downloadPostgres(urls: Record<PostgresFile, URL>, fetcher: Fetcher, onProgress: (p: StartProgress) => void, everyMs = 100): Promise<PostgresDownload> {
  const received: Record<PostgresFile, number> = { wasm: 0, data: 0, initdb: 0 };
  let last = 0;
  const report = (force: boolean): void => {
    const now = Date.now();
    if (!force && now - last < everyMs) return;
    last = now;
    const loaded = Object.values(received).reduce((a, b) => a + b, 0);
    onProgress({ phase: 'download', loaded: Math.min(loaded, POSTGRES_BYTES), total: POSTGRES_BYTES });
  };
  const one = async (file: PostgresFile): Promise<ArrayBuffer> => {
    let response;
    try {
      response = await fetcher(urls[file]);
    } catch {
      throw new Error(`PostgreSQL could not be downloaded (${POSTGRES_FILES[file].name}): you seem to be offline. Connect once to load it; after that the lab works offline.`);
    }
    if (!response.ok) throw new Error(`PostgreSQL could not be downloaded: ${POSTGRES_FILES[file].name} answered HTTP ${response.status}.`);
    if (response.body === null) {
      const whole = await response.arrayBuffer();
      received[file] = whole.byteLength;
      report(false);
      return whole;
    }
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received[file] += value.byteLength;
      report(false);
    }
    const out = new Uint8Array(received[file]);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    return out.buffer;
  };
  const [wasm, data, initdb] = await Promise.all([one('wasm'), one('data'), one('initdb')]);
  report(true);
  return { wasm, data, initdb };
}
