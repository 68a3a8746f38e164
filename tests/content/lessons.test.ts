import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateLessons } from '../../src/lib/course/validate.ts';
import { readMdxDir, readYamlDir, root } from '../helpers/content-files.ts';
import { validateQuizBanks } from '../../src/lib/course/quizzes.ts';
import { validatePracticePrompts } from '../../src/lib/course/practice.ts';
import { practiceForLesson } from '../../src/lib/course/next-steps.ts';

/** The sections every lesson after the first (a one-page overview with its own outline) must have, in order. */
const SECTIONS = ['What it is', 'Why it matters', 'What it costs', 'Gotchas', 'The interview angle', 'References'];

const lessons = validateLessons(readMdxDir('lessons')).entries.map((l) => ({
  ...l,
  h2: [...readFileSync(join(root, l.file), 'utf8').matchAll(/^## (.+)$/gm)].map((m) => m[1]?.trim()),
}));

describe('lesson structure', () => {
  it('every lesson ends with a references list of links', () => {
    for (const lesson of lessons) {
      expect(lesson.h2.at(-1), lesson.file).toBe('References');
      const refs = readFileSync(join(root, lesson.file), 'utf8').split(/^## References$/m)[1] ?? '';
      expect(refs.match(/^- .*\]\(https:\/\//gm)?.length ?? 0, lesson.file).toBeGreaterThanOrEqual(3);
    }
  });

  it('lessons after the overview have the five teaching sections in order', () => {
    for (const lesson of lessons.filter((l) => l.data.order > 1)) {
      expect(lesson.h2.filter((h) => SECTIONS.includes(h ?? '')), lesson.file).toEqual(SECTIONS);
    }
  });

  it('every lesson, the overview included, has a quiz bank of its own, and its "Check yourself" line links to it', () => {
    const banks = validateQuizBanks(readYamlDir('quizzes'), lessons.map((l) => ({ id: l.data.id, sections: new Set<string>() }))).entries.map((e) => e.data);
    for (const lesson of lessons) {
      const own = banks.filter((b) => b.lesson === lesson.data.id);
      expect(own.length, `${lesson.file}: no quiz bank has lesson: ${lesson.data.id}`).toBeGreaterThan(0);
      const line = /^Check yourself: .*$/m.exec(readFileSync(join(root, lesson.file), 'utf8'))?.[0] ?? '';
      const linked = [...line.matchAll(/\]\(\/quizzes\/([a-z0-9-]+)\/\)/g)].map((m) => m[1]);
      expect(linked.some((id) => own.some((b) => b.id === id)), `${lesson.file}: "${line}" links none of ${own.map((b) => b.id).join(', ')}`).toBe(true);
    }
  });

  it('the overview lists no full-length practice interview, only warm-ups', () => {
    const prompts = validatePracticePrompts(readMdxDir('practice')).entries.map((e) => e.data);
    const overview = lessons.find((l) => l.data.order === 1);
    expect(overview, 'no lesson has order 1').toBeDefined();
    const listed = practiceForLesson({ id: overview?.data.id ?? '', order: 1 }, prompts);
    expect(listed.filter((p) => p.difficulty > 1).map((p) => p.id)).toEqual([]);
  });
});
