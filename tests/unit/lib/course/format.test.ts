import { describe, expect, it } from 'vitest';
import { formatDate, plural, quizMinutes, relativeTime } from '../../../../src/lib/course/format.ts';

const now = new Date('2026-12-07T00:29:00.000Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe('relative times', () => {
  it('says "in 9 minutes" for a review due nine minutes from now, not a raw timestamp', () => {
    expect(relativeTime(later(9 * MIN), now)).toBe('in 9 minutes');
  });

  it('speaks of the past as "ago"', () => {
    expect(relativeTime(later(-2 * DAY), now)).toBe('2 days ago');
    expect(relativeTime(later(-3 * 60 * MIN), now)).toBe('3 hours ago');
  });

  it('uses words for the nearest day and for under a minute', () => {
    expect(relativeTime(later(DAY), now)).toBe('tomorrow');
    expect(relativeTime(later(20_000), now)).toBe('now');
  });

  it('picks the largest unit that fits, rounded', () => {
    expect(relativeTime(later(10 * DAY), now)).toBe('next week');
    expect(relativeTime(later(95 * MIN), now)).toBe('in 2 hours');
    expect(relativeTime(later(400 * DAY), now)).toBe('next year');
  });
});

describe('dates', () => {
  it('writes day, month, year in British order', () => {
    expect(formatDate(new Date('2026-12-07T12:00:00.000Z'))).toBe('7 Dec 2026');
  });

  it('gives nothing for an invalid date rather than "Invalid Date"', () => {
    expect(formatDate(new Date('not a date'))).toBe('');
  });
});

describe('plurals', () => {
  it('agrees with the count', () => {
    expect(plural(1, 'note')).toBe('1 note');
    expect(plural(2, 'note')).toBe('2 notes');
    expect(plural(0, 'hint')).toBe('0 hints');
    expect(plural(1, 'match', 'matches')).toBe('1 match');
    expect(plural(3, 'match', 'matches')).toBe('3 matches');
  });

  it('groups thousands', () => {
    expect(plural(1200, 'question')).toBe('1,200 questions');
  });
});

describe('quiz length', () => {
  it('estimates half a minute a question, rounded up, never zero', () => {
    expect(quizMinutes(12)).toBe(6);
    expect(quizMinutes(7)).toBe(4);
    expect(quizMinutes(0)).toBe(1);
  });
});
