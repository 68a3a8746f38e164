import { describe, expect, it } from 'vitest';
import { practiceForLesson } from '../../../../src/lib/course/next-steps.ts';

const prompts = [
  { id: 'warm-up', lessons: ['overview', 'outbox'], difficulty: 1 as const },
  { id: 'standard', lessons: ['overview', 'outbox'], difficulty: 2 as const },
  { id: 'senior', lessons: ['overview', 'outbox'], difficulty: 3 as const },
  { id: 'elsewhere', lessons: ['sagas'], difficulty: 1 as const },
];

describe('practiceForLesson', () => {
  it('lists only warm-up prompts under the overview lesson', () => {
    expect(practiceForLesson({ id: 'overview', order: 1 }, prompts).map((p) => p.id)).toEqual(['warm-up']);
  });

  it('lists every prompt that exercises a later lesson, whatever its difficulty', () => {
    expect(practiceForLesson({ id: 'outbox', order: 8 }, prompts).map((p) => p.id)).toEqual(['warm-up', 'standard', 'senior']);
  });

  it('lists nothing for a lesson no prompt names', () => {
    expect(practiceForLesson({ id: 'schemas', order: 12 }, prompts)).toEqual([]);
  });
});
