import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What one built page makes a first-time visitor download, in gzip bytes, by kind. */
export interface PageWeight {
  /** Path of the page's HTML file, relative to the dist folder (`lessons/x/index.html`). */
  page: string;
  html: number;
  /** Inline scripts plus every script file the page loads, following static imports. */
  js: number;
  /**
   * The part of `js` only hydrated framework components load: their code, renderer and runtime,
   * including Astro's inline hydration scripts.
   */
  componentOnlyJs: number;
  /** Inline styles plus every stylesheet the page links. */
  css: number;
  /** Images and icons the page references. */
  other: number;
  /** Everything above. */
  total: number;
  /**
   * Whether the page has any island: a hydrated component (`<astro-island>`) or a server-rendered
   * element that a page script brings to life (marked `data-island="name"`).
   */
  hasIslands: boolean;
  /** Names of the islands: hydrated components by their `component-url`, then `data-island` names. */
  islands: string[];
  /** Gzip bytes of each island's own component file (not the runtime or chunks it shares). */
  islandBytes: Map<string, number>;
  /** Every file counted, with its gzip size. */
  files: Map<string, number>;
}

const gz = (content: string | Buffer) => gzipSync(content, { level: 9 }).length;

/** Every `.html` file under `dist`, relative to it, sorted. */
export function builtPages(dist: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) pages.push(relative(dist, path).split('\\').join('/'));
    }
  };
  walk(dist);
  return pages.sort();
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined);
}

/** Resolves a URL found in a page or a script to a path under dist; `undefined` for external URLs. */
function resolveUrl(url: string, fromUrl: string): string | undefined {
  if (url === '' || /^[a-z]+:|^\/\//i.test(url)) return undefined;
  const path = url.startsWith('/') ? url : posix.join(posix.dirname(fromUrl), url);
  return posix.normalize(path.split(/[?#]/)[0] ?? '');
}

/**
 * Astro's inline scripts that only hydrating framework components needs: the `<astro-island>`
 * custom element and the `client:*` directives, which register themselves on `self.Astro`.
 */
const ISLAND_RUNTIME = /customElements\.define\(["']astro-island["']|\(self\.Astro\|\|\(self\.Astro=\{\}\)\)/;

const staticImport = /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.m?js)["']/g;

/** Measures one built page: its HTML and everything it loads on a first visit. */
export function measurePage(dist: string, page: string): PageWeight {
  const html = readFileSync(join(dist, page), 'utf8');
  const pageUrl = `/${page}`;
  const files = new Map<string, number>();
  let css = 0;
  let other = 0;

  const addFile = (url: string | undefined): Buffer | undefined => {
    if (!url || files.has(url)) return undefined;
    const path = join(dist, url);
    if (!existsSync(path)) throw new Error(`${page} references ${url}, which is not in the build`);
    const content = readFileSync(path);
    files.set(url, gz(content));
    return content;
  };
  /** Every script file reachable from `url` through static imports, added to `into`. */
  const reach = (url: string | undefined, into: Set<string>): void => {
    if (!url || into.has(url)) return;
    into.add(url);
    const content = addFile(url) ?? readFileSync(join(dist, url));
    for (const match of content.toString('utf8').matchAll(staticImport)) reach(resolveUrl(match[1] ?? '', url), into);
  };
  /** Scripts the page itself loads (its own `<script>`s and preloads). */
  const pageScripts = new Set<string>();
  /** Scripts loaded to hydrate framework components. */
  const componentScripts = new Set<string>();

  const inlineScripts: string[] = [];
  /** Astro's inline hydration runtime (the `<astro-island>` element, `client:*` directives). */
  const inlineRuntime: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = attr(match[1] ?? '', 'src');
    if (src) reach(resolveUrl(src, pageUrl), pageScripts);
    else if (ISLAND_RUNTIME.test(match[2] ?? '')) inlineRuntime.push(match[2] ?? '');
    else if (!/type=["']?application\/(?:ld\+)?json/i.test(match[1] ?? '')) inlineScripts.push(match[2] ?? '');
  }
  const inlineJs = inlineScripts.length > 0 ? gz(inlineScripts.join('\n')) : 0;
  const inlineRuntimeJs = inlineRuntime.length > 0 ? gz(inlineRuntime.join('\n')) : 0;

  const islands: string[] = [];
  const islandBytes = new Map<string, number>();
  for (const match of html.matchAll(/<astro-island\b([^>]*)>/gi)) {
    const tag = match[1] ?? '';
    for (const name of ['component-url', 'renderer-url', 'before-hydration-url']) reach(resolveUrl(attr(tag, name) ?? '', pageUrl), componentScripts);
    const componentUrl = resolveUrl(attr(tag, 'component-url') ?? '', pageUrl);
    const name = componentUrl?.replace(/^.*\/([^/.]+)\.[^/]*$/, '$1') ?? 'unknown';
    islands.push(name);
    if (componentUrl) islandBytes.set(name, files.get(componentUrl) ?? 0);
  }
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = match[0];
    const rel = attr(tag, 'rel') ?? '';
    const url = resolveUrl(attr(tag, 'href') ?? '', pageUrl);
    if (rel === 'modulepreload') reach(url, pageScripts);
    else if (rel === 'stylesheet') {
      const content = addFile(url);
      if (content && url) css += files.get(url) ?? 0;
    } else if (/icon/.test(rel) && addFile(url) && url) other += files.get(url) ?? 0;
  }
  const inlineStyles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1] ?? '');
  if (inlineStyles.length > 0) css += gz(inlineStyles.join('\n'));
  for (const match of html.matchAll(/<img\b[^>]*>/gi)) {
    const url = resolveUrl(attr(match[0], 'src') ?? '', pageUrl);
    if (addFile(url) && url) other += files.get(url) ?? 0;
  }

  for (const match of html.matchAll(/\sdata-island="([^"]+)"/g)) islands.push(match[1] ?? 'unknown');

  const sum = (urls: Iterable<string>) => [...urls].reduce((total, url) => total + (files.get(url) ?? 0), 0);
  const js = inlineJs + inlineRuntimeJs + sum(new Set([...pageScripts, ...componentScripts]));
  const componentOnlyJs = inlineRuntimeJs + sum([...componentScripts].filter((url) => !pageScripts.has(url)));
  const htmlBytes = gz(html);
  return {
    page,
    html: htmlBytes,
    js,
    componentOnlyJs,
    css,
    other,
    total: htmlBytes + js + css + other,
    hasIslands: islands.length > 0,
    islands,
    islandBytes,
    files,
  };
}

/** Bytes as kilobytes with one decimal, for messages. */
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
