import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { quizBankSchema, type Question } from '../../../../src/schemas/quiz.ts';
import { correctAnswer, grade } from '../../../../src/lib/quiz/grade.ts';
import { optionOrder } from '../../../../src/lib/quiz/shuffle.ts';
import { startAttempt, answer, finish } from '../../../../src/lib/quiz/attempt.ts';
import { root } from '../../../helpers/content-files.ts';

const files = readdirSync(join(root, 'quizzes')).filter((name) => name.endsWith('.yaml'));
const banks = files.map((file) => ({ file, bank: quizBankSchema.parse(parse(readFileSync(join(root, 'quizzes', file), 'utf8'))) }));
const questions: { file: string; question: Question }[] = banks.flatMap(({ file, bank }) => bank.questions.map((question) => ({ file, question })));

/** Every answer that differs from the right one in a single, telling way. */
function nearMisses(question: Question): string[][] {
  const right = correctAnswer(question);
  if (question.kind === 'order') {
    return right.slice(1).map((_, i) => {
      const swapped = [...right];
      [swapped[i], swapped[i + 1]] = [swapped[i + 1] as string, swapped[i] as string];
      return swapped;
    });
  }
  const wrongIds = question.options.filter((o) => !o.correct).map((o) => o.id);
  if (question.kind !== 'multiple') return wrongIds.map((id) => [id]);
  return [
    ...wrongIds.map((id) => [id]),
    ...wrongIds.map((id) => [...right, id]),
    ...(right.length > 1 ? right.map((id) => right.filter((other) => other !== id)) : []),
  ];
}

describe('the real question banks', () => {
  it('are there to test', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(questions.length).toBeGreaterThan(0);
  });

  it.each(questions.map(({ file, question }) => [`${file} ${question.id}`, question] as const))(
    '%s: its correct answer is right, and every near miss is wrong',
    (_name, question) => {
      expect(grade(question, correctAnswer(question))).toMatchObject({ correct: true, score: 1 });
      const misses = nearMisses(question);
      expect(misses.length).toBeGreaterThan(0);
      for (const miss of misses) {
        const result = grade(question, miss);
        expect(result.problem).toBeUndefined();
        expect(result.correct, `${question.id} answered ${miss.join(',')}`).toBe(false);
        expect(result.score).toBeLessThan(1);
      }
    },
  );

  it('every question is shown with all its options, order questions never already solved', () => {
    for (const { question } of questions) {
      for (const seed of ['a', 'b', 'c', 'd', 'e']) {
        const shown = optionOrder(question, seed);
        const all = question.kind === 'order' ? question.items.map((i) => i.id) : question.options.map((o) => o.id);
        expect([...shown].sort()).toEqual([...all].sort());
        if (question.kind === 'order') expect(shown).not.toEqual(correctAnswer(question));
        if (question.kind === 'true-false') expect(shown).toEqual(['true', 'false']);
      }
    }
  });

  it('a run through every bank answered right scores full marks', () => {
    let run = startAttempt(banks.map(({ bank }) => bank), { seed: 'all' });
    for (const { question } of questions) run = answer(run, question.id, correctAnswer(question));
    const summary = finish(run);
    expect(summary).toMatchObject({ total: questions.length, correct: questions.length, score: questions.length, missed: [] });
    expect(summary.byTopic.map((t) => t.topic).sort()).toEqual([...new Set(banks.map(({ bank }) => bank.topic))].sort());
  });
});
