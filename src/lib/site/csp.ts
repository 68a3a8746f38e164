import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy every built page carries, and the small fixes of Astro's output that
 * make a strict policy and valid HTML possible. Run over each page at the end of the build
 * (astro.config.mjs, `astro:build:done`), so every page — including lessons added later — gets it.
 *
 * What `securePage` does to one page's HTML:
 * 1. `style="…"` attributes (Shiki's colour variables on every code token, a diagram's grid columns)
 *    become classes (`s-<hash>`) with one rule each in a `<style>` in the head, so `style-src` needs
 *    no 'unsafe-inline'. Styles set from scripts later (Svelte's `style:` and `style={…}` after
 *    hydration, Svelte Flow) go through the CSSOM, which CSP does not restrict.
 * 2. `<style>` elements in the body (Astro's `astro-island{display:contents}`, written next to the
 *    first island) move to the head, where HTML allows them.
 * 3. A `<meta http-equiv="Content-Security-Policy">` goes first in the head (after `<meta charset>`),
 *    with the SHA-256 hash of every inline script that runs (the theme pre-paint script, Astro's
 *    island bootstraps, the search page's module) and of every inline `<style>`.
 *
 * The policy: everything from the site's own origin, no inline script or style without its hash,
 * no plugins (`object-src 'none'`), no `<base>` (`base-uri 'none'`), forms only to the site.
 * `frame-ancestors` is ignored in a meta tag; the host's headers carry it (`_headers`, see
 * `headersFile`). One exception, on the pages that load it only: the schema-evolution Try-it runs
 * avsc, which compiles its readers and resolvers with `new Function` (avsc/lib/types.js:
 * `RecordType#_createConstructor`, `_createChecker`, `_createReader`, `_createWriter`,
 * `_createSkipper`, `Type#_createBranchConstructor` and `createResolver`'s `resolver._read`), so
 * those pages add `'unsafe-eval'` to `script-src`.
 */

/** Page-independent directives. */
export const BASE_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];

/** Islands (matched in the island's component URL) that need `'unsafe-eval'`; see above. */
export const EVAL_ISLANDS: readonly string[] = ['SchemaEvolution'];

export interface SecuredPage {
  html: string;
  /** The page's policy, as written into its meta tag. */
  policy: string;
  scriptHashes: string[];
  styleHashes: string[];
  /** How many `style` attributes became classes. */
  movedStyles: number;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const shortHash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 8);

/** Script and style elements, comments: raw text that is never searched for tags. */
const RAW = /<script\b[^>]*>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|<!--[\s\S]*?-->/gi;
/** A start tag with its attributes (quoted values may hold `>`). */
const START_TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)(\s*\/?)>/g;
/** One attribute of a start tag: its name and, if any, its value as written (quoted or not). */
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
const unquote = (value: string | undefined) => (value ?? '').replace(/^(["'])([\s\S]*)\1$/, '$2');

/** Calls `edit` on the HTML outside scripts, styles and comments; raw parts are kept as they are. */
function outsideRaw(html: string, edit: (part: string) => string): string {
  let out = '';
  let last = 0;
  for (const match of html.matchAll(RAW)) {
    out += edit(html.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + edit(html.slice(last));
}

/** Whether an inline script runs (JSON and other data blocks do not, so they need no hash). */
function isExecutable(attributes: string): boolean {
  const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
  return type === undefined || type === '' || type === 'module' || type === 'text/javascript' || type === 'application/javascript';
}

/** Decodes the entities a serialiser writes into attribute values. */
const decodeAttribute = (value: string) =>
  value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export function securePage(source: string, evalIslands: readonly string[] = EVAL_ISLANDS): SecuredPage {
  const headStart = /<head\b[^>]*>/i.exec(source);
  const headEnd = source.search(/<\/head\s*>/i);
  if (!headStart || headEnd < 0) return { html: source, policy: '', scriptHashes: [], styleHashes: [], movedStyles: 0 };

  // 1. style attributes → classes with rules in the head.
  const rules = new Map<string, string>();
  let movedStyles = 0;
  let html = outsideRaw(source, (part) =>
    part.replace(START_TAG, (tag: string, name: string, attributes: string, end: string) => {
      const parsed = [...attributes.matchAll(ATTRIBUTE)].map((m) => ({ name: (m[1] ?? '').toLowerCase(), text: m[0], value: m[2] }));
      const style = parsed.find((a) => a.name === 'style');
      if (!style) return tag;
      const declarations = decodeAttribute(unquote(style.value)).trim().replace(/;\s*$/, '');
      let kept = parsed.filter((a) => a !== style);
      if (declarations !== '') {
        const className = `s-${shortHash(declarations)}`;
        rules.set(className, declarations.replace(/</g, '\\3c '));
        movedStyles += 1;
        const existing = kept.find((a) => a.name === 'class');
        const classes = `${existing ? unquote(existing.value) : ''} ${className}`.trim();
        kept = existing ? kept.map((a) => (a === existing ? { ...a, text: ` class="${classes}"` } : a)) : [...kept, { name: 'class', text: ` class="${classes}"`, value: undefined }];
      }
      return `<${name}${kept.map((a) => a.text).join('')}${end}>`;
    }),
  );

  // 2. <style> elements in the body move to the end of the head, after the generated rules.
  const bodyStart = html.search(/<body\b/i);
  const moved: string[] = [];
  if (bodyStart >= 0) {
    const body = html.slice(bodyStart).replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, (element) => {
      moved.push(element);
      return '';
    });
    html = html.slice(0, bodyStart) + body;
  }
  const generated = rules.size > 0 ? `<style>${[...rules].map(([name, css]) => `.${name}{${css}}`).join('')}</style>` : '';
  html = html.replace(/<\/head\s*>/i, `${generated}${moved.join('')}</head>`);

  // 3. Hashes and the meta tag.
  const scriptHashes = new Set<string>();
  const styleHashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const [, attributes = '', body = ''] = match;
    if (/\ssrc\s*=/i.test(attributes) || !isExecutable(attributes)) continue;
    scriptHashes.add(sha256(body));
  }
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) styleHashes.add(sha256(match[1] ?? ''));

  const needsEval = evalIslands.some((island) => new RegExp(`<astro-island\\b[^>]*component-url="[^"]*${island}`).test(html));
  const policy = [
    ...BASE_DIRECTIVES,
    ['script-src', "'self'", ...scriptHashes, ...(needsEval ? ["'unsafe-eval'"] : [])].join(' '),
    ['style-src', "'self'", ...styleHashes].join(' '),
  ].join('; ');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const charset = /<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i.exec(html);
  html = charset && charset.index > headStart.index
    ? html.slice(0, charset.index + charset[0].length) + meta + html.slice(charset.index + charset[0].length)
    : html.replace(headStart[0], `${headStart[0]}${meta}`);
  return { html, policy, scriptHashes: [...scriptHashes], styleHashes: [...styleHashes], movedStyles };
}

/**
 * The `_headers` file for hosts that read it (Netlify, Cloudflare Pages): the site-wide headers from
 * `template` (public/_headers), then one block per page with that page's policy plus
 * `frame-ancestors 'none'`, which only a header can set. Where a host applies several matching
 * blocks, each policy is enforced, so the page's own is never loosened.
 */
export function headersFile(template: string, pages: readonly { path: string; policy: string }[]): string {
  const blocks = pages.filter((p) => p.policy !== '').map((p) => `${p.path}\n  Content-Security-Policy: ${p.policy}; frame-ancestors 'none'\n`);
  return `${template.trimEnd()}\n\n# One block per page, written by the build (src/lib/site/csp.ts): the page's meta policy plus frame-ancestors.\n${blocks.join('')}`;
}
