/**
 * Generates the service worker (`dist/sw.js`) with Workbox, run by `npm run build` after the search
 * index. It precaches every built page, script, style, icon and the Pagefind index, so after one
 * visit the whole course — labs, quizzes, search, progress export — works offline. A new build gets
 * a new precache manifest; the page offers "Reload to update" (src/client/sw-register.ts) and the
 * waiting worker takes over only when the learner agrees, so an open quiz is never swapped mid-answer.
 */
import { join } from 'node:path';
import { generateSW } from 'workbox-build';

/** The build to finish: `dist/`, or `OUT_DIR` when astro.config.mjs was told to build elsewhere. */
const dist = join(import.meta.dirname, '..', process.env['OUT_DIR'] ?? 'dist');

/** The SQL labs' PostgreSQL in the build: its worker script and PGlite's WebAssembly and data files. */
const SQL_LAB_FILES = ['_astro/sql-worker-*.js', '_astro/pglite-*.wasm', '_astro/pglite-*.data', '_astro/initdb-*.wasm'];
/** The same files as the service worker matches their URLs (under any base path). */
const SQL_LAB_URL = /\/_astro\/(?:sql-worker-[\w-]+\.js|pglite-[\w-]+\.(?:wasm|data)|initdb-[\w-]+\.wasm)$/;

const { count, size, warnings } = await generateSW({
  globDirectory: dist,
  globPatterns: ['**/*.{html,js,mjs,css,svg,png,webmanifest,json,wasm,pagefind,pf_fragment,pf_index,pf_meta,pf_filter}'],
  // Not precached: the worker and its Workbox runtime, Pagefind's ready-made UIs (the course has its own),
  // and the SQL labs' PostgreSQL (16 MB), which only learners who start a SQL lab download (see below).
  globIgnores: ['sw.js', 'workbox-*.js', 'pagefind/pagefind-*ui.*', 'pagefind/pagefind-highlight.js', ...SQL_LAB_FILES],
  // The SQL labs' PostgreSQL is kept once a learner has fetched it, so the lab works offline after that.
  // Its file names carry a content hash, so the cached copy is always the right one.
  runtimeCaching: [
    {
      urlPattern: SQL_LAB_URL,
      handler: 'CacheFirst',
      options: { cacheName: 'eda-course-sql-lab', expiration: { maxEntries: 12 }, cacheableResponse: { statuses: [200] } },
    },
  ],
  swDest: join(dist, 'sw.js'),
  // Pages are folders with an index.html (trailingSlash: 'always'); /search/?q=… is the search page.
  directoryIndex: 'index.html',
  ignoreURLParametersMatching: [/.*/],
  cleanupOutdatedCaches: true,
  clientsClaim: true,
  // The page asks the waiting worker to take over when the learner chooses "Reload to update".
  skipWaiting: false,
  // The largest precached file is Pagefind's WebAssembly; keep a margin above it.
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  sourcemap: false,
  mode: 'production',
});
for (const warning of warnings) console.warn(`Service worker: ${warning}`);
console.log(`Service worker: ${count} files precached (${(size / 1024 / 1024).toFixed(1)} MB).`);
