import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clockText, pickRound, roundSummary, secondsLeft, type TopicFollowUp } from '../../../../src/lib/quiz/drill.ts';
import type { FollowUpAttempt } from '../../../../src/schemas/progress.ts';

/** A follow-up of `lesson` with `points` key points and one red flag. */
function item(lesson: string, n: number, points = 3): TopicFollowUp {
  return {
    id: `fu-${lesson}-${n}`,
    lesson,
    question: `Question ${n} on ${lesson}?`,
    keyPoints: Array.from({ length: points }, (_, i) => ({ id: `k${i + 1}` })),
    redFlags: [{ id: 'f1' }],
  };
}
const pool = [...[1, 2, 3, 4, 5].map((n) => item('a', n)), ...[1, 2, 3].map((n) => item('b', n)), item('c', 1)];

describe('picking a mock round', () => {
  it('asks every chosen topic before any topic twice, in the order given', () => {
    const round = pickRound(pool, ['a', 'b', 'c'], 'seed');
    expect(round).toHaveLength(8);
    expect(round.slice(0, 3).map((id) => id.split('-')[1])).toEqual(['a', 'b', 'c']);
    expect(new Set(round).size).toBe(8);
  });

  it('is the same for the same seed and only draws from the chosen topics', () => {
    fc.assert(
      fc.property(fc.string(), fc.subarray(['a', 'b', 'c'], { minLength: 1 }), (seed, topics) => {
        const round = pickRound(pool, topics, seed);
        expect(pickRound(pool, topics, seed)).toEqual(round);
        expect(round.every((id) => topics.includes(id.split('-')[1]!))).toBe(true);
        expect(round.length).toBe(Math.min(8, pool.filter((p) => topics.includes(p.lesson)).length));
      }),
    );
  });
});

describe('the summary of a round', () => {
  const byId = new Map(pool.map((p) => [p.id, p]));
  const attempt = (made: string[], flags: string[], round = 'r1'): FollowUpAttempt => ({ at: '2026-12-01T10:00:00.000Z', answer: 'my words', aloud: false, made, flags, grade: 'good', round });

  it('counts key points and red flags per topic, names the weakest, and keeps the transcript', () => {
    const answers: Record<string, FollowUpAttempt[]> = {
      'fu-a-1': [attempt(['k1', 'k2', 'k3'], [])],
      'fu-b-1': [attempt(['k1'], ['f1'])],
      'fu-c-1': [attempt(['k1', 'k2'], []), attempt(['k1', 'k2', 'k3'], [], 'another-round')],
    };
    const summary = roundSummary('r1', ['fu-a-1', 'fu-b-1', 'fu-c-1'], byId, (id) => answers[id] ?? []);
    expect(summary.topics.map((t) => [t.lesson, t.made, t.points, t.flags])).toEqual([
      ['a', 3, 3, 0],
      ['b', 1, 3, 1],
      ['c', 2, 3, 0],
    ]);
    expect(summary.weakest).toEqual(['b', 'c']);
    expect(summary.transcript[1]?.answer).toMatchObject({ text: 'my words', grade: 'again', missed: ['k2', 'k3'], flags: ['f1'] });
    expect([summary.made, summary.points, summary.flags]).toEqual([6, 9, 1]);
  });

  it('counts a follow-up left unanswered as all points missed', () => {
    const summary = roundSummary('r1', ['fu-a-1', 'fu-a-2'], byId, (id) => (id === 'fu-a-1' ? [attempt(['k1', 'k2', 'k3'], [])] : []));
    expect(summary.topics[0]).toMatchObject({ made: 3, points: 6, asked: 2, answered: 1 });
    expect(summary.transcript[1]?.answer).toBeUndefined();
    expect(summary.weakest).toEqual(['a']);
  });
});

describe('the round clock', () => {
  it('counts down from two minutes and then shows the overrun', () => {
    const start = '2026-12-01T10:00:00.000Z';
    expect(secondsLeft(start, new Date('2026-12-01T10:00:55.500Z'))).toBe(65);
    expect(clockText(65)).toBe('1:05');
    expect(clockText(secondsLeft(start, new Date('2026-12-01T10:02:40.000Z')))).toBe('0:40 over');
    expect(secondsLeft('not a time', new Date())).toBe(120);
  });
});
