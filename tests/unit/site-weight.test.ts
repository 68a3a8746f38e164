import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { builtPages, measurePage } from '../helpers/site-weight.ts';

const dist = mkdtempSync(join(tmpdir(), 'eda-weight-'));
const write = (path: string, content: string) => {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), content);
};
const gz = (s: string) => gzipSync(s, { level: 9 }).length;
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const runtime = 'export const r=1;'.repeat(50);
const chunk = `import{r}from"./runtime.js";export default function(){return r}`;
const island = `import c from"./chunk.js";import"./runtime.js";export{c};`;
const style = 'body{color:red}'.repeat(20);
write('_astro/runtime.js', runtime);
write('_astro/chunk.js', chunk);
write('_astro/Island.abc.js', island);
write('_astro/client.js', 'export default 1');
write('_astro/page.css', style);
write('plain/index.html', `<html><head><link rel="stylesheet" href="/_astro/page.css"><script>var a=1</script></head><body><p>hi</p></body></html>`);
write('lab/index.html', `<html><body><astro-island component-url="/_astro/Island.abc.js" renderer-url="/_astro/client.js"></astro-island></body></html>`);

describe('page weight measurement (what the budgets rely on)', () => {
  it('finds every built page', () => {
    expect(builtPages(dist)).toEqual(['lab/index.html', 'plain/index.html']);
  });

  it('counts inline scripts and linked stylesheets of a page without islands', () => {
    const page = measurePage(dist, 'plain/index.html');
    expect(page.hasIslands).toBe(false);
    expect(page.js).toBe(gz('var a=1'));
    expect(page.css).toBe(gz(style));
    expect(page.total).toBe(page.html + page.js + page.css);
  });

  it('follows an island into its renderer and every static import, counting each file once', () => {
    const page = measurePage(dist, 'lab/index.html');
    expect(page.hasIslands).toBe(true);
    expect(page.islands).toEqual(['Island']);
    expect([...page.files.keys()].sort()).toEqual(['/_astro/Island.abc.js', '/_astro/chunk.js', '/_astro/client.js', '/_astro/runtime.js']);
    expect(page.js).toBe(gz(island) + gz(chunk) + gz(runtime) + gz('export default 1'));
  });

  it('counts an element marked data-island as an island (a page script brings it to life)', () => {
    write('panel/index.html', '<div data-island="lesson-panel"></div><script type="module" src="/_astro/chunk.js"></script>');
    const page = measurePage(dist, 'panel/index.html');
    expect(page.hasIslands).toBe(true);
    expect(page.islands).toEqual(['lesson-panel']);
    expect(page.js).toBe(gz(chunk) + gz(runtime));
  });

  it('tells apart what only hydrated components load from what the page itself loads', () => {
    write('mixed/index.html', '<script type="module" src="/_astro/chunk.js"></script><astro-island component-url="/_astro/Island.abc.js" renderer-url="/_astro/client.js"></astro-island>');
    const page = measurePage(dist, 'mixed/index.html');
    // chunk.js and runtime.js are the page's own (the island shares them); the rest only hydration needs.
    expect(page.js).toBe(gz(island) + gz(chunk) + gz(runtime) + gz('export default 1'));
    expect(page.componentOnlyJs).toBe(gz(island) + gz('export default 1'));
  });

  it("counts Astro's inline hydration runtime as what only hydrated components load", () => {
    const runtimeScript = '(()=>{class f extends HTMLElement{};customElements.get("astro-island")||customElements.define("astro-island",f)})();';
    const directive = '(()=>{var a=1;(self.Astro||(self.Astro={})).visible=a;})();';
    write('hydrated/index.html', `<script>var a=1</script><script>${directive}</script><script>${runtimeScript}</script><astro-island component-url="/_astro/Island.abc.js" renderer-url="/_astro/client.js"></astro-island>`);
    const page = measurePage(dist, 'hydrated/index.html');
    const runtimeJs = gz(`${directive}\n${runtimeScript}`);
    expect(page.js).toBe(gz('var a=1') + runtimeJs + gz(island) + gz(chunk) + gz(runtime) + gz('export default 1'));
    expect(page.componentOnlyJs).toBe(runtimeJs + gz(island) + gz(chunk) + gz(runtime) + gz('export default 1'));
  });

  it('fails loudly when a page references a file missing from the build', () => {
    write('broken/index.html', '<script src="/_astro/missing.js"></script>');
    expect(() => measurePage(dist, 'broken/index.html')).toThrow('broken/index.html references /_astro/missing.js, which is not in the build');
  });
});
