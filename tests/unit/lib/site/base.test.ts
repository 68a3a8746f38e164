import { describe, expect, it } from 'vitest';
import { BASE, normaliseBase, withBase, withoutBase } from '../../../../src/lib/site/base.ts';
import { basePathPlugin, rebasedUrl } from '../../../../src/lib/site/base-plugin.ts';

describe('normaliseBase', () => {
  it('gives every spelling one form with a leading and trailing slash', () => {
    expect(normaliseBase(undefined)).toBe('/');
    expect(normaliseBase('')).toBe('/');
    expect(normaliseBase('/')).toBe('/');
    expect(normaliseBase('eda-course')).toBe('/eda-course/');
    expect(normaliseBase('/eda-course')).toBe('/eda-course/');
    expect(normaliseBase('//a/b//')).toBe('/a/b/');
  });
  it('is "/" under Vitest, as in a default build', () => {
    expect(BASE).toBe('/');
  });
});

describe('withBase / withoutBase', () => {
  it('puts root-relative paths under the base, keeping query and fragment', () => {
    expect(withBase('/quizzes/x/#q1', '/eda-course/')).toBe('/eda-course/quizzes/x/#q1');
    expect(withBase('/search/?q=a%20b', '/eda-course/')).toBe('/eda-course/search/?q=a%20b');
    expect(withBase('/', '/eda-course/')).toBe('/eda-course/');
  });
  it('leaves full URLs, protocol-relative URLs, fragments and relative paths alone', () => {
    for (const url of ['https://example.com/x/', '//cdn.example.com/x.js', '#top', 'icons/a.png', 'mailto:a@b.c']) {
      expect(withBase(url, '/eda-course/')).toBe(url);
    }
  });
  it('is idempotent, and a no-op at the root', () => {
    expect(withBase(withBase('/lessons/', '/eda-course/'), '/eda-course/')).toBe('/eda-course/lessons/');
    expect(withBase('/lessons/', '/')).toBe('/lessons/');
    expect(withBase('/lessons/')).toBe('/lessons/');
  });
  it('withoutBase undoes withBase', () => {
    for (const path of ['/', '/lessons/x/', '/quizzes/y/#q']) {
      expect(withoutBase(withBase(path, '/eda-course/'), '/eda-course/')).toBe(path);
    }
    expect(withoutBase('/other/x/', '/eda-course/')).toBe('/other/x/');
  });
});

describe('basePathPlugin (Markdown and MDX links)', () => {
  it('rebases only root-relative URLs', () => {
    expect(rebasedUrl('/quizzes/x/', '/eda-course/')).toBe('/eda-course/quizzes/x/');
    expect(rebasedUrl('/glossary/#idempotency', '/eda-course/')).toBe('/eda-course/glossary/#idempotency');
    expect(rebasedUrl('#section', '/eda-course/')).toBeUndefined();
    expect(rebasedUrl('https://kafka.apache.org/', '/eda-course/')).toBeUndefined();
    expect(rebasedUrl(undefined, '/eda-course/')).toBeUndefined();
    expect(rebasedUrl('/quizzes/x/', '/')).toBeUndefined();
  });
  it('sets the href of a link and the src of an image through the pipeline context', () => {
    const plugin = basePathPlugin('/eda-course/');
    expect(plugin.element.filter).toEqual(expect.arrayContaining(['a', 'img']));
    const set: [string, unknown][] = [];
    const ctx = { setProperty: (_node: never, key: string, value: unknown) => void set.push([key, value]) };
    plugin.element.visit({ tagName: 'a', properties: { href: '/quizzes/x/' } }, ctx);
    plugin.element.visit({ tagName: 'img', properties: { src: '/icons/icon-192.png' } }, ctx);
    plugin.element.visit({ tagName: 'a', properties: { href: 'https://example.com/' } }, ctx);
    expect(set).toEqual([
      ['href', '/eda-course/quizzes/x/'],
      ['src', '/eda-course/icons/icon-192.png'],
    ]);
  });
});

