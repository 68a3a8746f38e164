import { describe, expect, it } from 'vitest';
import { robotsTxt, sitemapXml } from '../../../../src/lib/site/sitemap.ts';

describe('the sitemap', () => {
  it('lists every page once, absolute, sorted, without the 404 page', () => {
    const xml = sitemapXml('https://example.org', '/', ['lessons/b/', '', 'lessons/a/', '404', 'lessons/a/']);
    expect(xml.match(/<loc>[^<]*<\/loc>/g)).toEqual([
      '<loc>https://example.org/</loc>',
      '<loc>https://example.org/lessons/a/</loc>',
      '<loc>https://example.org/lessons/b/</loc>',
    ]);
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/);
  });

  it('puts pages under the base path of a project-site deploy, with or without its trailing slash', () => {
    for (const base of ['/eda-course/', '/eda-course']) {
      expect(sitemapXml('https://me.github.io', base, ['quizzes/idempotency/'])).toContain('<loc>https://me.github.io/eda-course/quizzes/idempotency/</loc>');
    }
  });

  it('escapes what XML cannot hold as it is', () => {
    expect(sitemapXml('https://example.org', '/', ['a&b/'])).toContain('<loc>https://example.org/a&amp;b/</loc>');
  });
});

describe('robots.txt', () => {
  it('points at the sitemap under the base path', () => {
    expect(robotsTxt('https://me.github.io', '/eda-course/')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://me.github.io/eda-course/sitemap.xml\n');
  });
});
