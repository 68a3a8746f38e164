import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { phrasesWorthSaying } from '../../src/lib/course/cheat-sheet.ts';
import { validateLessons } from '../../src/lib/course/validate.ts';
import { readMdxDir, root } from '../helpers/content-files.ts';

const lessons = validateLessons(readMdxDir('lessons')).entries.map((l) => ({
  file: l.file,
  body: readFileSync(join(root, l.file), 'utf8').replace(/^---[\s\S]*?\n---\n/, ''),
}));

describe('the cheat sheet: the course content', () => {
  it('finds a "Phrases worth saying" list of at least three phrases in every lesson', () => {
    for (const lesson of lessons) {
      expect(phrasesWorthSaying(lesson.body)?.phrases.length ?? 0, lesson.file).toBeGreaterThanOrEqual(3);
    }
  });

  it('writes phrases in the inline Markdown the cheat sheet renders (code, bold, emphasis): no links or HTML', () => {
    for (const lesson of lessons) {
      for (const phrase of phrasesWorthSaying(lesson.body)?.phrases ?? []) expect(phrase, lesson.file).not.toMatch(/\]\(|<\/?[a-z]/i);
    }
  });
});
