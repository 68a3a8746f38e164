import { describe, expect, it } from 'vitest';
import { banksInCourseOrder, quizNextSteps } from '../../../../src/lib/course/quiz-view.ts';

const lessons = [
  { id: 'intro', title: 'Intro', order: 1 },
  { id: 'idem', title: 'Idempotency', order: 2 },
  { id: 'outbox', title: 'Outbox', order: 3 },
];
const banks = [
  { id: 'z-outbox', title: 'Aardvark outbox', lesson: 'outbox' },
  { id: 'b-idem', title: 'Zebra idempotency', lesson: 'idem' },
  { id: 'a-idem', title: 'Beta idempotency', lesson: 'idem' },
  { id: 'orphan', title: 'Alpha orphan', lesson: 'retired' },
];

describe('quiz banks in course order', () => {
  it('follows the lessons, not the alphabet; banks of one lesson by title; unknown lessons last', () => {
    expect(banksInCourseOrder(banks, lessons).map((b) => b.id)).toEqual(['a-idem', 'b-idem', 'z-outbox', 'orphan']);
  });
});

describe("a quiz's next steps", () => {
  it('links back to its lesson, on to the next lesson and to the next quiz in course order', () => {
    expect(quizNextSteps('b-idem', banks, lessons)).toEqual({
      lesson: { href: '/lessons/idem/', title: 'Idempotency' },
      nextLesson: { href: '/lessons/outbox/', title: 'Outbox' },
      nextQuiz: { href: '/quizzes/z-outbox/', title: 'Aardvark outbox' },
    });
  });

  it('has no next lesson after the last lesson and no next quiz after the last bank', () => {
    const steps = quizNextSteps('orphan', banks, lessons);
    expect(steps.lesson).toEqual({ href: '/lessons/retired/', title: 'retired' });
    expect(steps.nextLesson).toBeUndefined();
    expect(steps.nextQuiz).toBeUndefined();
    expect(quizNextSteps('z-outbox', banks, lessons).nextLesson).toBeUndefined();
  });

  it('refuses an unknown bank', () => {
    expect(() => quizNextSteps('nope', banks, lessons)).toThrow('Unknown quiz bank "nope"');
  });
});
