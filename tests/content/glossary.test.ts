import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateGlossary } from '../../src/lib/course/glossary.ts';
import { planGlossaryLinks } from '../../src/lib/course/glossary-links.ts';
import { fencedLines, headingIds } from '../../src/lib/course/markdown.ts';
import { validateLessons } from '../../src/lib/course/validate.ts';
import { readMdxDir, root } from '../helpers/content-files.ts';

const GLOSSARY = 'src/data/glossary.yaml';
const readYaml = (file: string): unknown => parse(readFileSync(join(root, file), 'utf8'));
const bodyOf = (file: string) => readFileSync(join(root, file), 'utf8').replace(/^---[\s\S]*?\n---\n/, '');

const lessons = validateLessons(readMdxDir('lessons')).entries.map((l) => ({ id: l.data.id, body: bodyOf(l.file) }));
const anchors = lessons.map((l) => ({ id: l.id, sections: new Set(headingIds(l.body)) }));

/**
 * The prose of a lesson body, as the glossary linker sees it in the built page: without fenced
 * code, headings, inline code, link text, MDX imports and components, or the References section.
 */
function prose(body: string): string {
  const fenced = fencedLines(body);
  const kept: string[] = [];
  for (const [index, line] of body.split('\n').entries()) {
    if (/^## References\s*$/.test(line)) break;
    if (fenced[index] || /^#{1,6}\s/.test(line) || /^(?:import|export)\s/.test(line) || /^\s*<[A-Z]/.test(line)) continue;
    kept.push(line.replace(/`[^`]*`/g, ' ').replace(/\[[^\]]*\]\([^)]*\)/g, ' '));
  }
  return kept.join('\n');
}

describe('glossary: fixtures', () => {
  it('reports every broken rule, naming the file, the term and the field', () => {
    const file = 'tests/fixtures/invalid/glossary/glossary.yaml';
    const { problems } = validateGlossary(file, readYaml(file), [{ id: 'first-lesson', sections: new Set(['body']) }]);
    expect(problems).toEqual([
      `${file}: term "event": field "id" is used by more than one term`,
      `${file}: term "event": field "term" repeats "Event", already a form of "event"`,
      `${file}: term "outbox": field "aliases[1]" repeats "EVENT", already a form of "event"`,
      `${file}: term "outbox": field "taughtIn.lesson" names "missing-lesson", which is not a lesson id`,
      `${file}: term "lag": field "definition" is required`,
      `${file}: term "lag": field "definiton" is not allowed (known fields: id, term, aliases, definition, taughtIn)`,
      `${file}: term "relay": field "taughtIn.section" names "#no-such-heading", which is not a heading of lesson "first-lesson"`,
      `${file}: term [5]: field "id" is required`,
    ]);
  });

  it('rejects a file that is not a list', () => {
    expect(validateGlossary('g.yaml', { event: 'a fact' }).problems).toEqual(['g.yaml: must be a list of terms, each with an "id"']);
  });
});

describe('glossary: the course content', () => {
  const { entries, problems } = validateGlossary(GLOSSARY, readYaml(GLOSSARY), anchors);

  it('passes every rule: unique ids, terms and forms; every taughtIn lesson and section exists', () => {
    expect(problems).toEqual([]);
  });

  it('has between 40 and 100 terms', () => {
    expect(entries.length).toBeGreaterThanOrEqual(40);
    expect(entries.length).toBeLessThanOrEqual(100);
  });

  it('uses every term in the prose of a lesson other than the one that teaches it, where it gets linked', () => {
    const used = new Set(
      lessons.flatMap((lesson) =>
        planGlossaryLinks({ type: 'root', children: [{ type: 'text', value: prose(lesson.body) }] }, entries, lesson.id).flatMap((edit) =>
          edit.replacement.flatMap((node) => (node.tagName === 'a' ? [String(node.properties?.['href']).split('#')[1]] : [])),
        ),
      ),
    );
    const unused = entries.filter((term) => !used.has(term.id)).map((term) => `${term.id} (taught in ${term.taughtIn.lesson})`);
    expect(unused).toEqual([]);
  });
});
