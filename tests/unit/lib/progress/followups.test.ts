import { describe, expect, it } from 'vitest';
import { mergeProgress } from '../../../../src/lib/progress/merge.ts';
import { emptyProgress } from '../../../../src/lib/progress/model.ts';
import { reduceProgress, type ProgressAction } from '../../../../src/lib/progress/reducer.ts';
import type { ProgressData } from '../../../../src/schemas/progress.ts';

const t0 = new Date('2026-12-01T10:00:00.000Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const run = (actions: [ProgressAction, Date][], from: ProgressData = emptyProgress()) =>
  actions.reduce((state, [action, when]) => reduceProgress(state, action, when), from);
const graded = (round?: string) => ({ answer: 'It comes back.', aloud: false, made: ['k1'], flags: [], grade: 'hard' as const, ...(round ? { round } : {}) });

describe('follow-up answers in progress', () => {
  it('keeps a draft, then records the graded answer and drops the draft', () => {
    const drafted = run([[{ type: 'followup/draft', followUpId: 'fu-a', text: 'It com', aloud: false }, at(0)]]);
    expect(drafted.followups?.['fu-a']?.draft).toEqual({ text: 'It com', aloud: false, at: at(0).toISOString() });
    const done = reduceProgress(drafted, { type: 'followup/record', followUpId: 'fu-a', attempt: graded() }, at(1));
    expect(done.followups?.['fu-a']).toEqual({ attempts: [{ ...graded(), at: at(1).toISOString() }], updatedAt: at(1).toISOString() });
  });

  it('refuses what it cannot store: a bad id, a tick that is no key point, an answer over the limit', () => {
    const state = emptyProgress();
    expect(reduceProgress(state, { type: 'followup/record', followUpId: 'Bad Id', attempt: graded() }, t0)).toBe(state);
    expect(reduceProgress(state, { type: 'followup/record', followUpId: 'fu-a', attempt: { ...graded(), made: ['kx'] } }, t0)).toBe(state);
    expect(reduceProgress(state, { type: 'followup/draft', followUpId: 'fu-a', text: 'x'.repeat(5_001), aloud: false }, t0)).toBe(state);
  });

  it('an unchanged draft changes nothing', () => {
    const drafted = run([[{ type: 'followup/draft', followUpId: 'fu-a', text: 'same', aloud: true }, at(0)]]);
    expect(reduceProgress(drafted, { type: 'followup/draft', followUpId: 'fu-a', text: 'same', aloud: true }, at(1))).toBe(drafted);
  });

  it('two tabs: answers from both are kept, and a draft never outlives an answer graded after it', () => {
    const base = run([[{ type: 'followup/draft', followUpId: 'fu-a', text: 'tab A draft', aloud: false }, at(0)]]);
    const tabA = reduceProgress(base, { type: 'followup/record', followUpId: 'fu-a', attempt: graded() }, at(2));
    const tabB = reduceProgress(base, { type: 'followup/record', followUpId: 'fu-a', attempt: { ...graded(), answer: 'B', grade: 'easy', made: ['k1', 'k2'] } }, at(3));
    const merged = mergeProgress(tabA, tabB);
    expect(merged.followups?.['fu-a']?.attempts.map((a) => a.answer)).toEqual(['It comes back.', 'B']);
    expect(merged.followups?.['fu-a']?.draft).toBeUndefined();
    const laterDraft = reduceProgress(tabA, { type: 'followup/draft', followUpId: 'fu-a', text: 'second go', aloud: false }, at(5));
    expect(mergeProgress(laterDraft, tabB).followups?.['fu-a']?.draft?.text).toBe('second go');
  });
});

describe('mock rounds in progress', () => {
  const start: ProgressAction = { type: 'drill/start', roundId: 'round-1', topics: ['idempotent-consumers'], items: ['fu-a', 'fu-b'] };

  it('starts a round with its clock on the first follow-up, and refuses a round id used before or repeated items', () => {
    const state = run([[start, at(0)]]);
    expect(state.drills?.['round-1']).toMatchObject({ items: ['fu-a', 'fu-b'], itemStartedAt: at(0).toISOString() });
    expect(reduceProgress(state, start, at(1))).toBe(state);
    const twice = { ...start, roundId: 'round-2', items: ['fu-a', 'fu-a'] };
    expect(reduceProgress(state, twice, at(1))).toBe(state);
  });

  it('moving on starts the next follow-up’s clock; the answer to the last one ends the round', () => {
    const one = run([
      [start, at(0)],
      [{ type: 'followup/record', followUpId: 'fu-a', attempt: graded('round-1') }, at(2)],
      [{ type: 'drill/next', roundId: 'round-1' }, at(3)],
    ]);
    expect(one.drills?.['round-1']?.itemStartedAt).toBe(at(3).toISOString());
    expect(one.drills?.['round-1']?.finishedAt).toBeUndefined();
    const both = reduceProgress(one, { type: 'followup/record', followUpId: 'fu-b', attempt: graded('round-1') }, at(4));
    expect(both.drills?.['round-1']?.finishedAt).toBe(at(4).toISOString());
    expect(reduceProgress(both, { type: 'drill/next', roundId: 'round-1' }, at(5))).toBe(both);
  });

  it('an answer outside the round does not move it, and a stopped round stays stopped', () => {
    const state = run([
      [start, at(0)],
      [{ type: 'followup/record', followUpId: 'fu-a', attempt: graded() }, at(2)],
    ]);
    expect(state.drills?.['round-1']?.itemStartedAt).toBe(at(0).toISOString());
    const stopped = reduceProgress(state, { type: 'drill/stop', roundId: 'round-1' }, at(3));
    expect(stopped.drills?.['round-1']?.finishedAt).toBe(at(3).toISOString());
    expect(reduceProgress(stopped, { type: 'drill/stop', roundId: 'round-1' }, at(4))).toBe(stopped);
  });

  it('reset forgets follow-up answers and rounds', () => {
    const state = run([
      [start, at(0)],
      [{ type: 'followup/record', followUpId: 'fu-a', attempt: graded('round-1') }, at(2)],
      [{ type: 'reset' }, at(3)],
    ]);
    expect(state.followups).toEqual({});
    expect(state.drills).toEqual({});
  });
});
