import { describe, expect, it } from 'vitest';
import { assertValidLessons, ContentError, validateLessons } from '../../src/lib/course/validate.ts';
import { readMdxDir } from '../helpers/content-files.ts';

const invalid = (name: string) => validateLessons(readMdxDir(`tests/fixtures/invalid/${name}`)).problems;

describe('lesson frontmatter: valid fixtures', () => {
  it('accepts lessons that follow every rule', () => {
    const { entries, problems } = validateLessons(readMdxDir('tests/fixtures/valid'));
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.data.id)).toEqual(['first-lesson', 'second-lesson']);
    expect(entries[0]?.data.updated).toBeInstanceOf(Date);
  });
});

describe('lesson frontmatter: invalid fixtures fail with a message naming the file and the field', () => {
  it('reports a missing field', () => {
    expect(invalid('missing-field')).toEqual([
      'tests/fixtures/invalid/missing-field/01-no-objectives.mdx: field "objectives" is required',
    ]);
  });

  it('reports an unknown field and a missing one together (a typo)', () => {
    expect(invalid('unknown-field')).toEqual([
      'tests/fixtures/invalid/unknown-field/01-typo.mdx: field "minutes" is required',
      'tests/fixtures/invalid/unknown-field/01-typo.mdx: field "minuets" is not allowed (known fields: id, title, order, summary, minutes, objectives, updated)',
    ]);
  });

  it('reports a duplicate id, naming both files', () => {
    expect(invalid('duplicate-id')).toEqual([
      'tests/fixtures/invalid/duplicate-id/02-two.mdx: field "id" duplicates "same-id", already used by tests/fixtures/invalid/duplicate-id/01-one.mdx',
    ]);
  });

  it('reports a duplicate order, naming both files', () => {
    expect(invalid('duplicate-order')).toEqual([
      'tests/fixtures/invalid/duplicate-order/02-two.mdx: field "order" duplicates 1, already used by tests/fixtures/invalid/duplicate-order/01-one.mdx',
    ]);
  });

  it('reports every bad value in a file, not just the first', () => {
    const file = 'tests/fixtures/invalid/bad-values/01-bad.mdx';
    expect(invalid('bad-values')).toEqual([
      `${file}: field "id": must be lowercase words joined by hyphens, e.g. "what-is-eda"`,
      `${file}: field "order": Too small: expected number to be >0`,
      `${file}: field "summary": Too small: expected string to have >=20 characters`,
      `${file}: field "minutes": expected int, received number`,
      `${file}: field "objectives": Too small: expected array to have >=1 items`,
      `${file}: field "updated": must be a date written YYYY-MM-DD`,
    ]);
  });

  it('reports every required field of a file with no frontmatter', () => {
    const file = 'tests/fixtures/invalid/no-frontmatter/01-empty.mdx';
    expect(invalid('no-frontmatter')).toEqual(
      ['id', 'title', 'order', 'summary', 'minutes', 'objectives', 'updated'].map((f) => `${file}: field "${f}" is required`),
    );
  });

  it('throws one error listing every problem, for the build', () => {
    const raw = [...readMdxDir('tests/fixtures/invalid/missing-field'), ...readMdxDir('tests/fixtures/invalid/duplicate-id')];
    expect(() => assertValidLessons(raw)).toThrow(ContentError);
    expect(() => assertValidLessons(raw)).toThrow(
      /^2 problems in lessons:\n {2}- .*01-no-objectives\.mdx: field "objectives" is required\n {2}- .*02-two\.mdx: field "id" duplicates "same-id"/,
    );
  });
});

describe('the course content', () => {
  it('has lessons that all pass validation', () => {
    const { entries, problems } = validateLessons(readMdxDir('lessons'));
    expect(problems).toEqual([]);
    expect(entries.length).toBeGreaterThan(0);
  });
});
