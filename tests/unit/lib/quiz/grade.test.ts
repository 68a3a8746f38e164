import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkAnswer, correctAnswer, grade, MULTIPLE_ANSWER_RULE } from '../../../../src/lib/quiz/grade.ts';
import { multiple, order, single, trueFalse } from './fixtures.ts';

const q1 = single('q-1', ['a', 'b', 'c', 'd'], 'b');
const q2 = multiple('q-2', ['a', 'b', 'c', 'd', 'e'], ['a', 'c', 'd']);
const q3 = trueFalse('q-3', false);
const q4 = order('q-4', ['poll', 'begin', 'insert', 'commit']);

describe('grading a single-answer question', () => {
  it('the correct option is right with full score', () => {
    expect(grade(q1, 'b')).toMatchObject({ correct: true, score: 1 });
  });

  it('a wrong option is wrong with score 0, and the breakdown names the choice and the missed answer', () => {
    const result = grade(q1, 'c');
    expect(result).toMatchObject({ correct: false, score: 0 });
    expect(result.perOption).toEqual([
      { id: 'a', chosen: false, correct: false, verdict: 'rightly-left' },
      { id: 'b', chosen: false, correct: true, verdict: 'missed' },
      { id: 'c', chosen: true, correct: false, verdict: 'wrong-choice' },
      { id: 'd', chosen: false, correct: false, verdict: 'rightly-left' },
    ]);
    expect(result.perItem).toBeUndefined();
    expect(result.problem).toBeUndefined();
  });

  it('accepts the answer as a one-element list, as saved progress stores it', () => {
    expect(grade(q1, ['b']).correct).toBe(true);
  });

  it('two options at once is invalid and graded wrong, even if one of them is right', () => {
    const result = grade(q1, ['b', 'c']);
    expect(result).toMatchObject({ correct: false, score: 0, problem: { code: 'too-many' } });
  });
});

describe('grading a true-false question', () => {
  it('only the correct statement is right', () => {
    expect(grade(q3, 'false')).toMatchObject({ correct: true, score: 1 });
    expect(grade(q3, 'true')).toMatchObject({ correct: false, score: 0 });
  });
});

describe('grading a multiple-answer question', () => {
  it('exactly the correct set is right, in any order and as a set or a list', () => {
    expect(grade(q2, ['d', 'a', 'c'])).toMatchObject({ correct: true, score: 1 });
    expect(grade(q2, new Set(['a', 'c', 'd']))).toMatchObject({ correct: true, score: 1 });
  });

  it('a subset of the correct options is wrong, with partial credit per right choice', () => {
    const result = grade(q2, ['a', 'c']);
    expect(result.correct).toBe(false);
    expect(result.score).toBeCloseTo(2 / 3);
    expect(result.perOption.find((o) => o.id === 'd')?.verdict).toBe('missed');
  });

  it('every correct option plus one wrong option is wrong: each wrong choice cancels a right one', () => {
    const result = grade(q2, ['a', 'c', 'd', 'b']);
    expect(result.correct).toBe(false);
    expect(result.score).toBeCloseTo(2 / 3);
    expect(result.perOption.find((o) => o.id === 'b')?.verdict).toBe('wrong-choice');
  });

  it('partial credit never goes below zero', () => {
    expect(grade(q2, ['b', 'e']).score).toBe(0);
    expect(grade(q2, ['a', 'b', 'e']).score).toBe(0);
  });

  it('choosing every option is wrong (no "select all" loophole)', () => {
    expect(grade(q2, ['a', 'b', 'c', 'd', 'e'])).toMatchObject({ correct: false });
  });

  it('the rule shown to learners states the exact-set rule and the partial-credit formula', () => {
    expect(MULTIPLE_ANSWER_RULE).toMatch(/exactly/);
    expect(MULTIPLE_ANSWER_RULE).toMatch(/\(right choices − wrong choices\) ÷ number of correct options/);
  });

  it('property: right iff the chosen set equals the correct set; score = max(0, (right − wrong) / correct)', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    fc.assert(
      fc.property(
        fc.subarray(ids, { minLength: 1 }),
        fc.subarray(ids, { minLength: 1 }),
        fc.integer({ min: 3, max: 7 }),
        (correctSet, chosenRaw, size) => {
          const options = ids.slice(0, size);
          const correct = correctSet.filter((id) => options.includes(id));
          const chosen = chosenRaw.filter((id) => options.includes(id));
          fc.pre(correct.length > 0 && chosen.length > 0);
          const result = grade(multiple('q-p', options, correct), chosen);
          const equal = chosen.length === correct.length && chosen.every((id) => correct.includes(id));
          expect(result.correct).toBe(equal);
          const right = chosen.filter((id) => correct.includes(id)).length;
          const wrong = chosen.length - right;
          expect(result.score).toBeCloseTo(Math.max(0, (right - wrong) / correct.length), 12);
          expect(result.score === 1).toBe(result.correct);
          expect(result.perOption.map((o) => o.id)).toEqual(options);
        },
      ),
    );
  });
});

describe('grading an order question', () => {
  it('the correct order is right with every item in place', () => {
    const result = grade(q4, ['poll', 'begin', 'insert', 'commit']);
    expect(result).toMatchObject({ correct: true, score: 1, perOption: [] });
    expect(result.perItem?.every((item) => item.inPlace)).toBe(true);
  });

  it('one swap is wrong; the score is the share of items in place and each item says where it went', () => {
    const result = grade(q4, ['poll', 'insert', 'begin', 'commit']);
    expect(result.correct).toBe(false);
    expect(result.score).toBe(0.5);
    expect(result.perItem).toEqual([
      { id: 'poll', position: 0, correctPosition: 0, inPlace: true },
      { id: 'begin', position: 2, correctPosition: 1, inPlace: false },
      { id: 'insert', position: 1, correctPosition: 2, inPlace: false },
      { id: 'commit', position: 3, correctPosition: 3, inPlace: true },
    ]);
  });

  it('a rotation puts nothing in place: score 0', () => {
    expect(grade(q4, ['commit', 'poll', 'begin', 'insert']).score).toBe(0);
  });

  it('property: right iff the learner order is the bank order; score = share in place', () => {
    const items = ['s1', 's2', 's3', 's4', 's5', 's6'];
    const question = order('q-o', items);
    fc.assert(
      fc.property(fc.shuffledSubarray(items, { minLength: items.length }), (given) => {
        const result = grade(question, given);
        expect(result.correct).toBe(given.every((id, i) => id === items[i]));
        expect(result.score).toBe(given.filter((id, i) => id === items[i]).length / items.length);
      }),
    );
  });
});

describe('invalid answers are graded wrong, with the reason', () => {
  it.each([
    ['an empty single answer', q1, [], 'empty', 'Choose an answer.'],
    ['an empty multiple answer', q2, new Set<string>(), 'empty', 'Choose at least one option.'],
    ['an empty order answer', q4, [], 'empty', 'Put the steps in order.'],
  ] as const)('%s', (_name, question, given, code, message) => {
    expect(checkAnswer(question, given)).toEqual({ code, message });
    expect(grade(question, given)).toMatchObject({ correct: false, score: 0, problem: { code } });
  });

  it('an id that is not an option of the question', () => {
    expect(checkAnswer(q2, ['a', 'zz'])).toMatchObject({ code: 'unknown-id', id: 'zz' });
    expect(grade(q1, 'zz')).toMatchObject({ correct: false, problem: { code: 'unknown-id' } });
  });

  it('an id given twice, even when the set of ids would be right', () => {
    expect(checkAnswer(q2, ['a', 'c', 'd', 'a'])).toMatchObject({ code: 'duplicate-id', id: 'a' });
    expect(grade(q2, ['a', 'c', 'd', 'a']).correct).toBe(false);
    expect(grade(q4, ['poll', 'begin', 'insert', 'commit', 'poll']).correct).toBe(false);
  });

  it('an order answer that leaves out an item, which is reported as not placed', () => {
    expect(checkAnswer(q4, ['poll', 'begin', 'insert'])).toMatchObject({ code: 'missing-item', id: 'commit' });
    const result = grade(q4, ['poll', 'begin', 'insert']);
    expect(result).toMatchObject({ correct: false, score: 0 });
    expect(result.perItem?.at(-1)).toEqual({ id: 'commit', position: null, correctPosition: 3, inPlace: false });
  });

  it('valid answers have no problem', () => {
    expect(checkAnswer(q1, 'a')).toBeUndefined();
    expect(checkAnswer(q2, ['e'])).toBeUndefined();
    expect(checkAnswer(q4, ['commit', 'insert', 'begin', 'poll'])).toBeUndefined();
  });
});

describe('the correct answer of a question', () => {
  it('is its correct options, or its items in order, and grades as right', () => {
    expect(correctAnswer(q1)).toEqual(['b']);
    expect(correctAnswer(q2)).toEqual(['a', 'c', 'd']);
    expect(correctAnswer(q3)).toEqual(['false']);
    expect(correctAnswer(q4)).toEqual(['poll', 'begin', 'insert', 'commit']);
    for (const q of [q1, q2, q3, q4]) expect(grade(q, correctAnswer(q)).correct).toBe(true);
  });
});
