import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingIds } from '../../src/lib/course/markdown.ts';
import { validateQuizBanks } from '../../src/lib/course/quizzes.ts';
import { validateLessons } from '../../src/lib/course/validate.ts';
import { readMdxDir, readYamlDir, root } from '../helpers/content-files.ts';

const fixtureLessons = [{ id: 'first-lesson', sections: new Set(['body']) }];

describe('quiz banks: fixtures', () => {
  it('accepts a bank with every kind of question that follows every rule', () => {
    const { entries, problems } = validateQuizBanks(readYamlDir('tests/fixtures/valid-quizzes'), fixtureLessons);
    expect(problems).toEqual([]);
    expect(entries[0]?.data.questions.map((q) => q.kind)).toEqual(['single', 'multiple', 'true-false', 'order']);
    expect(entries[0]?.data.followups?.map((f) => f.id)).toEqual(['sample-fu-01']);
  });

  it('reports the follow-up rules, naming the file, the follow-up and the field', () => {
    const file = 'tests/fixtures/invalid/followup-rules/bank.yaml';
    expect(validateQuizBanks(readYamlDir('tests/fixtures/invalid/followup-rules'), fixtureLessons).problems).toEqual([
      `${file}: follow-up "fu-rules-01": field "id" duplicates a question id already used in ${file}`,
      `${file}: follow-up "fu-rules-01": field "keyPoints" repeats the id "k1"`,
      `${file}: follow-up "fu-rules-01": field "modelAnswer" has 4 words; a spoken model answer has 80 to 180`,
      `${file}: follow-up "fu-rules-01": field "keyPoints[0].learnMore.section" names "#no-such-heading", which is not a heading of lesson "first-lesson"`,
      `${file}: follow-up "fu-rules-01": field "keyPoints[2].learnMore.lesson" names "missing-lesson", which is not a lesson id`,
    ]);
  });

  it('reports the rules across files, naming the file, the question and the field', () => {
    const a = 'tests/fixtures/invalid/quiz-rules/a.yaml';
    const b = 'tests/fixtures/invalid/quiz-rules/b.yaml';
    expect(validateQuizBanks(readYamlDir('tests/fixtures/invalid/quiz-rules'), fixtureLessons).problems).toEqual([
      `${a}: question "rules-01": field "options" must have exactly one correct option for a single question, has 2`,
      `${a}: question "rules-01": field "learnMore.section" names "#no-such-heading", which is not a heading of lesson "first-lesson"`,
      `${a}: question "rules-02": field "options" of a true-false question must have the ids "true" and "false"`,
      `${a}: question "rules-02": field "learnMore.lesson" names "missing-lesson", which is not a lesson id`,
      `${b}: question "rules-01": field "id" duplicates a question id already used in ${a}`,
      `${b}: question "rules-01": field "options" repeats the id "a"`,
      `${b}: question "rules-01": field "options" must have at least one correct option`,
    ]);
  });

  it('reports schema problems with the question id: missing feedback, a field the kind does not have', () => {
    const file = 'tests/fixtures/invalid/quiz-schema/bank.yaml';
    const problems = validateQuizBanks(readYamlDir('tests/fixtures/invalid/quiz-schema'), fixtureLessons).problems;
    expect(problems).toContain(`${file}: question "schema-01": field "questions[0].options[0].feedback" is required`);
    expect(problems).toContain(`${file}: question "schema-02": field "questions[1].items" is required`);
    expect(problems).toContain(
      `${file}: question "schema-02": field "questions[1].options" is not allowed`,
    );
  });
});

describe('quiz banks: the course content', () => {
  const lessons = validateLessons(readMdxDir('lessons')).entries.map((l) => ({
    id: l.data.id,
    sections: new Set(headingIds(readFileSync(join(root, l.file), 'utf8').replace(/^---[\s\S]*?\n---\n/, ''))),
  }));
  const { entries, problems } = validateQuizBanks(readYamlDir('quizzes'), lessons);
  const questions = entries.flatMap((e) => e.data.questions);

  it('has banks that all pass every rule', () => {
    expect(problems).toEqual([]);
  });

  it('has at least five interviewer follow-ups for every lesson', () => {
    const counts = new Map(lessons.map((l) => [l.id, 0]));
    for (const { data } of entries) counts.set(data.lesson, (counts.get(data.lesson) ?? 0) + (data.followups?.length ?? 0));
    const short = [...counts].filter(([, n]) => n < 5).map(([id, n]) => `${id}: ${n}`);
    expect(short, `lessons with fewer than five follow-ups`).toEqual([]);
  });

  it('covers the interview topics with at least 60 questions of at least four kinds', () => {
    expect(questions.length).toBeGreaterThanOrEqual(60);
    expect(new Set(questions.map((q) => q.kind)).size).toBeGreaterThanOrEqual(4);
  });

  it('has at least ten questions in each core bank', () => {
    for (const id of ['when-not-to-use-eda', 'idempotency', 'eventual-consistency']) {
      expect(entries.find((e) => e.data.id === id)?.data.questions.length, id).toBeGreaterThanOrEqual(10);
    }
  });

  it('includes a "should this be event-driven?" drill of scenario questions', () => {
    const drill = entries.find((e) => e.data.id === 'when-not-to-use-eda')?.data.questions.filter((q) => q.scenario !== undefined) ?? [];
    expect(drill.length).toBeGreaterThanOrEqual(5);
  });
});
