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

/** A file that stopped receiving bytes. */
class Stalled extends Error {}

/** Which of the three files. */
export type PostgresFile = keyof typeof POSTGRES_FILES;

/** Bytes PGlite's three files hold, uncompressed: what the progress bar counts to. */
export const POSTGRES_BYTES = Object.values(POSTGRES_FILES).reduce((sum, f) => sum + f.bytes, 0);

/** The three files' contents. */
export type PostgresDownload = Record<PostgresFile, ArrayBuffer>;

/** A fetch as the download needs it (the browser's, or a test's). */
export type Fetcher = (url: URL) => Promise<Pick<Response, 'ok' | 'status' | 'body' | 'arrayBuffer'>>;

/** How the download reports and when it gives up. */
export interface DownloadOptions {
  /** Progress at most this often, in ms (and once at the end). Default 100. */
  readonly everyMs?: number;
  /** A file that receives no bytes for this long, in ms, is given up on. Default 30 000. */
  readonly stallMs?: number;
}

/**
 * Fetches the three files at `urls` in parallel, reporting the bytes received so far. Rejects with a
 * message a learner can act on: offline, an HTTP error, a connection lost part-way, or a download that
 * stopped moving (so the lab offers "Try again" rather than a progress bar that never ends).
 */
export async function downloadPostgres(urls: Record<PostgresFile, URL>, fetcher: Fetcher, onProgress: (p: StartProgress) => void, options: DownloadOptions = {}): Promise<PostgresDownload> {
  const { everyMs = 100, stallMs = 30_000 } = options;
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
    const name = POSTGRES_FILES[file].name;
    for (;;) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stalled = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Stalled()), stallMs);
      });
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await Promise.race([reader.read(), stalled]);
      } catch (e) {
        reader.cancel().catch(() => undefined);
        throw new Error(
          e instanceof Stalled
            ? `PostgreSQL’s download stopped: no data for ${name} in ${Math.round(stallMs / 1000)} s. Check your connection and try again.`
            : `PostgreSQL’s download was cut off part-way (${name}). Check your connection and try again.`,
        );
      } finally {
        clearTimeout(timer);
      }
      if (next.done) break;
      chunks.push(next.value);
      received[file] += next.value.byteLength;
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
