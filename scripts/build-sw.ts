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

const { count, size, warnings } = await generateSW({
  globDirectory: dist,
  globPatterns: ['**/*.{html,js,mjs,css,svg,png,webmanifest,json,wasm,pagefind,pf_fragment,pf_index,pf_meta,pf_filter}'],
  // Not precached: the worker and its Workbox runtime, and Pagefind's ready-made UIs (the course has its own).
  globIgnores: ['sw.js', 'workbox-*.js', 'pagefind/pagefind-*ui.*', 'pagefind/pagefind-highlight.js'],
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
