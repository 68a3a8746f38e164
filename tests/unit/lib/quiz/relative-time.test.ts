import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../../../src/lib/quiz/relative-time.ts';

const now = new Date('2026-12-07T10:00:00Z');
const after = (ms: number) => new Date(now.getTime() + ms);
const MIN = 60_000;

describe('relativeTime', () => {
  it('says "now" for the past and for under a minute ahead', () => {
    expect(relativeTime(after(-5 * MIN), now)).toBe('now');
    expect(relativeTime(after(59_000), now)).toBe('now');
    expect(relativeTime(new Date('not a date'), now)).toBe('now');
  });

  it('counts minutes, then hours, rounding up so it never promises too early', () => {
    expect(relativeTime(after(MIN), now)).toBe('in 1 minute');
    expect(relativeTime(after(9.5 * MIN), now)).toBe('in 10 minutes');
    expect(relativeTime(after(60 * MIN), now)).toBe('in 1 hour');
    expect(relativeTime(after(150 * MIN), now)).toBe('in 3 hours');
  });

  it('says "tomorrow" within two days and counts days after that', () => {
    expect(relativeTime(after(24 * 60 * MIN), now)).toBe('tomorrow');
    expect(relativeTime(after(5 * 24 * 60 * MIN), now)).toBe('in 5 days');
  });
});
