import { describe, expect, it } from 'vitest';
import { validatePracticePrompts } from '../../src/lib/course/practice.ts';
import { validateLessons } from '../../src/lib/course/validate.ts';
import { readMdxDir } from '../helpers/content-files.ts';

const lessonIds = new Set(validateLessons(readMdxDir('lessons')).entries.map((l) => l.data.id));

describe('practice prompts', () => {
  it('reject phases out of order, repeated hint ids and unknown lessons, naming file and field', () => {
    const file = 'tests/fixtures/invalid/practice/01-bad.mdx';
    expect(validatePracticePrompts(readMdxDir('tests/fixtures/invalid/practice'), lessonIds).problems).toEqual([
      `${file}: field "phases" must be clarify, high-level, deep-dive, wrap-up in that order, not high-level, clarify, deep-dive, wrap-up`,
      `${file}: field "hints" repeats the id "h1"`,
      `${file}: field "lessons" names "no-such-lesson", which is not a lesson id`,
    ]);
  });

  const { entries, problems } = validatePracticePrompts(readMdxDir('practice'), lessonIds);

  it('in the course all pass every rule', () => {
    expect(problems).toEqual([]);
  });

  it('cover notifications, the order pipeline, a firehose consumer and a keep-it-synchronous case', () => {
    expect(entries.map((e) => e.data.id).sort()).toEqual(['checkout-keep-it-sync', 'firehose-consumer', 'notification-system', 'order-pipeline']);
  });

  it('each have at least five hints and a weighted rubric', () => {
    for (const { data } of entries) {
      expect(data.hints.length, data.id).toBeGreaterThanOrEqual(5);
      expect(data.rubric.reduce((sum, r) => sum + r.weight, 0), data.id).toBeGreaterThan(0);
    }
  });
});
