import { withBase } from '../lib/site/base.ts';
/**
 * The header's search box (`#site-search`), on every page. On first focus it loads the live
 * results (src/client/search-live.ts) through the stable URL `/search-live.js`, which
 * scripts/build-search.ts writes after the build: a plain import of a fixed URL needs no loader
 * helper, so a page nobody searches from pays only these few lines. On `/search/` the box keeps
 * the query. Without the build's shim (as under `astro dev`) the box still submits to `/search/`.
 */
const LIVE_URL = withBase('/search-live.js');
const header = document.getElementById('site-search');
if (header instanceof HTMLInputElement) {
  if (location.pathname === withBase('/search/')) header.value = new URLSearchParams(location.search).get('q') ?? '';
  // Loading the module is what attaches it; a missing shim leaves the plain form working.
  const attach = () => void import(/* @vite-ignore */ LIVE_URL).catch(() => undefined);
  if (document.activeElement === header) attach();
  else header.addEventListener('focus', attach, { once: true });
}
