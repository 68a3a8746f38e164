import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { headersFile, securePage } from '../../../../src/lib/site/csp.ts';
import { servedPath } from '../../../../src/lib/site/csp-integration.ts';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const THEME = "try { document.documentElement.dataset.theme = 'dark'; } catch (e) {}";
const PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title><script>${THEME}</script></head>
<body><main><style>astro-island{display:contents}</style>
<pre class="astro-code" style="--shiki-light:#1f2328;--shiki-dark:#e6edf3" tabindex="0"><span style="--shiki-light:#CF222E;--shiki-dark:#FF7B72">const</span> a = '&lt;b style="x"&gt;';</pre>
<div data-x="a > b" style="max-width: 36rem">x</div>
<script type="application/json" id="data">{"style":"<p style='a'>"}</script>
<script type="module" src="/_astro/a.js"></script>
</main></body></html>`;

describe('securePage', () => {
  const secured = securePage(PAGE);

  it('puts the policy first in the head, right after the charset', () => {
    expect(secured.html).toMatch(/<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self';/);
  });

  it('hashes the inline scripts that run, not data blocks or external scripts', () => {
    expect(secured.scriptHashes).toEqual([hash(THEME)]);
    expect(secured.policy).toContain(`script-src 'self' ${hash(THEME)};`);
    expect(secured.policy).not.toContain('unsafe-inline');
    expect(secured.policy).not.toContain('unsafe-eval');
    expect(secured.policy).toContain("object-src 'none'");
    expect(secured.policy).toContain("base-uri 'none'");
  });

  it('turns every style attribute into a class with its rule in the head, and leaves text alone', () => {
    expect(secured.movedStyles).toBe(3);
    expect(secured.html).not.toMatch(/<(pre|span)\b[^>]*\sstyle=/);
    expect(secured.html).not.toContain("style=\"max-width");
    expect(secured.html).toMatch(/<pre class="astro-code s-[0-9a-f]{8}" tabindex="0">/);
    expect(secured.html).toMatch(/<div data-x="a > b" class="s-[0-9a-f]{8}">x<\/div>/);
    expect(secured.html).toContain(`'&lt;b style="x"&gt;'`);
    expect(secured.html).toContain(`{"style":"<p style='a'>"}`);
    expect(secured.html).toMatch(/<style>\.s-[0-9a-f]{8}\{--shiki-light:#1f2328;--shiki-dark:#e6edf3\}.*\.s-[0-9a-f]{8}\{max-width: 36rem\}<\/style>/);
  });

  it('moves body <style> elements to the head and allows every inline style by its hash', () => {
    const body = secured.html.slice(secured.html.indexOf('<body'));
    expect(body).not.toContain('<style');
    expect(secured.html).toContain('<style>astro-island{display:contents}</style></head>');
    expect(secured.styleHashes).toHaveLength(2);
    expect(secured.styleHashes).toContain(hash('astro-island{display:contents}'));
    for (const h of secured.styleHashes) expect(secured.policy).toContain(h);
  });

  it("adds 'unsafe-eval' only for the islands that need it (avsc in the schema Try-it)", () => {
    const page = PAGE.replace('<main>', '<main><astro-island uid="1" component-url="/_astro/SchemaEvolution.X.js"></astro-island>');
    expect(securePage(page).policy).toMatch(/script-src 'self' [^;]*'unsafe-eval'/);
  });

  it('leaves a document without a head as it is', () => {
    expect(securePage('<p>fragment</p>').html).toBe('<p>fragment</p>');
  });
});

describe('_headers', () => {
  it('keeps the template and adds each page’s policy with frame-ancestors', () => {
    const file = headersFile('/*\n  X-Content-Type-Options: nosniff\n', [{ path: '/eda-course/lessons/x/', policy: "default-src 'self'" }]);
    expect(file).toMatch(/^\/\*\n {2}X-Content-Type-Options: nosniff\n/);
    expect(file).toContain("/eda-course/lessons/x/\n  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'\n");
  });
  it('serves index.html at its folder, under the base', () => {
    expect(servedPath('index.html', '/eda-course/')).toBe('/eda-course/');
    expect(servedPath('lessons/x/index.html', '/')).toBe('/lessons/x/');
    expect(servedPath('404.html', '/')).toBe('/404.html');
  });
});
