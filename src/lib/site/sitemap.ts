/**
 * The sitemap of the built course: one `<url>` per page, absolute under the site's URL and base
 * path (so a deploy under `/eda-course/` lists `https://host/eda-course/lessons/…/`). The 404 page
 * is left out; paths are sorted so the file only changes when pages do.
 */
export function sitemapXml(site: string, base: string, pathnames: readonly string[]): string {
  const root = new URL(base.endsWith('/') ? base : `${base}/`, site);
  const urls = [...new Set(pathnames)]
    .filter((path) => !/^\/?404(\.html|\/)?$/.test(path))
    .map((path) => new URL(path.replace(/^\//, ''), root).href)
    .sort();
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    urls.map((url) => `  <url><loc>${escape(url)}</loc></url>\n`).join('') +
    '</urlset>\n'
  );
}

/** robots.txt: everything may be crawled, and the sitemap is where {@link sitemapXml} put it. */
export function robotsTxt(site: string, base: string): string {
  const root = new URL(base.endsWith('/') ? base : `${base}/`, site);
  return `User-agent: *\nAllow: /\n\nSitemap: ${new URL('sitemap.xml', root).href}\n`;
}
