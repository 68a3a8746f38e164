import { describe, expect, it } from 'vitest';
import { affectsSchedule } from '../../../../src/lib/review/due.ts';
import { review } from '../../../../src/lib/review/schedule.ts';

const now = new Date('2026-11-28T09:00:00Z');
const scheduled = review(undefined, false, now);

describe('affectsSchedule', () => {
  it('agrees with review(): it says yes exactly when review() returns a card', () => {
    for (const stored of [undefined, scheduled, { due: 'not a date' }, null]) {
      for (const correct of [true, false]) {
        expect(affectsSchedule(stored, correct), `${JSON.stringify(stored)} / ${correct}`).toBe(review(stored, correct, now) !== undefined);
      }
    }
  });

  it('leaves a question answered right the first time out of the schedule', () => {
    expect(affectsSchedule(undefined, true)).toBe(false);
    expect(affectsSchedule(undefined, false)).toBe(true);
    expect(affectsSchedule(scheduled, true)).toBe(true);
  });
});
