import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PROGRESS_LIMITS, progressDataSchema, type ProgressData } from '../../../../src/schemas/progress.ts';
import { emptyProgress, isLessonComplete, noteText } from '../../../../src/lib/progress/model.ts';
import { mergeProgress } from '../../../../src/lib/progress/merge.ts';
import { nextStamp, reduceProgress, type ProgressAction } from '../../../../src/lib/progress/reducer.ts';
import { decode, encode } from '../../../../src/lib/progress/codec.ts';
import { progressArb } from './helpers.ts';

const t0 = new Date('2025-03-01T10:00:00.000Z');
const t1 = new Date('2025-03-01T11:00:00.000Z');
const t2 = new Date('2025-03-01T12:00:00.000Z');

function run(actions: [ProgressAction, Date][], start: ProgressData = emptyProgress()): ProgressData {
  return actions.reduce((state, [action, at]) => reduceProgress(state, action, at), start);
}

describe('progress reducer: lessons', () => {
  it('marks a lesson done, stamped with the time passed in, without touching the old state', () => {
    const before = emptyProgress();
    const after = reduceProgress(before, { type: 'lesson/complete', lessonId: 'what-is-eda' }, t0);
    expect(after.lessons['what-is-eda']).toEqual({ completed: true, completedAt: t0.toISOString(), updatedAt: t0.toISOString() });
    expect(Object.keys(before.lessons)).toEqual([]);
  });

  it('treats completing a done lesson as no change, keeping when it was first done', () => {
    const done = reduceProgress(emptyProgress(), { type: 'lesson/complete', lessonId: 'intro' }, t0);
    expect(reduceProgress(done, { type: 'lesson/complete', lessonId: 'intro' }, t1)).toBe(done);
  });

  it('un-completing keeps the entry, marked not done with a newer time, so a merge cannot resurrect it', () => {
    const done = reduceProgress(emptyProgress(), { type: 'lesson/complete', lessonId: 'intro' }, t0);
    const undone = reduceProgress(done, { type: 'lesson/uncomplete', lessonId: 'intro' }, t1);
    expect(undone.lessons['intro']).toEqual({ completed: false, updatedAt: t1.toISOString() });
    expect(isLessonComplete(mergeProgress(done, undone), 'intro')).toBe(false);
    expect(isLessonComplete(mergeProgress(undone, done), 'intro')).toBe(false);
  });

  it('ignores un-completing a lesson that was never done', () => {
    const state = emptyProgress();
    expect(reduceProgress(state, { type: 'lesson/uncomplete', lessonId: 'intro' }, t0)).toBe(state);
  });

  it('stamps a change after the version it replaces even when the clock went backwards', () => {
    const done = reduceProgress(emptyProgress(), { type: 'lesson/complete', lessonId: 'intro' }, t2);
    const undone = reduceProgress(done, { type: 'lesson/uncomplete', lessonId: 'intro' }, t0);
    expect(undone.lessons['intro']?.updatedAt).toBe('2025-03-01T12:00:00.001Z');
    expect(isLessonComplete(mergeProgress(done, undone), 'intro')).toBe(false);
  });
});

describe('progress reducer: notes', () => {
  it('keeps a note byte for byte, HTML and all', () => {
    const text = '<img src=x onerror=alert(1)>\r\n  tabs\tand émoji 🚀';
    const state = reduceProgress(emptyProgress(), { type: 'note/set', lessonId: 'intro', text }, t0);
    expect(noteText(state, 'intro')).toBe(text);
  });

  it('clearing a note leaves an empty tombstone that wins over the old text in a merge', () => {
    const written = reduceProgress(emptyProgress(), { type: 'note/set', lessonId: 'intro', text: 'draft' }, t0);
    const cleared = reduceProgress(written, { type: 'note/set', lessonId: 'intro', text: '' }, t1);
    expect(cleared.notes['intro']).toEqual({ text: '', updatedAt: t1.toISOString() });
    expect(noteText(mergeProgress(written, cleared), 'intro')).toBe('');
  });

  it('does nothing for an unchanged note or for clearing a note that does not exist', () => {
    const written = reduceProgress(emptyProgress(), { type: 'note/set', lessonId: 'intro', text: 'same' }, t0);
    expect(reduceProgress(written, { type: 'note/set', lessonId: 'intro', text: 'same' }, t1)).toBe(written);
    const empty = emptyProgress();
    expect(reduceProgress(empty, { type: 'note/set', lessonId: 'intro', text: '' }, t1)).toBe(empty);
  });

  it('accepts a note of exactly the length limit and ignores a longer one', () => {
    const state = emptyProgress();
    const atLimit = reduceProgress(state, { type: 'note/set', lessonId: 'intro', text: 'x'.repeat(PROGRESS_LIMITS.noteLength) }, t0);
    expect(noteText(atLimit, 'intro')).toHaveLength(PROGRESS_LIMITS.noteLength);
    expect(reduceProgress(state, { type: 'note/set', lessonId: 'intro', text: 'x'.repeat(PROGRESS_LIMITS.noteLength + 1) }, t0)).toBe(state);
  });
});

describe('progress reducer: ids', () => {
  it('ignores malformed and prototype-reaching ids, and Object.prototype stays clean', () => {
    const state = emptyProgress();
    for (const lessonId of ['__proto__', 'constructor', 'prototype', 'Intro', '/lessons/intro/', 'a'.repeat(101)]) {
      expect(reduceProgress(state, { type: 'lesson/complete', lessonId }, t0), lessonId).toBe(state);
      expect(reduceProgress(state, { type: 'note/set', lessonId, text: 'x' }, t0), lessonId).toBe(state);
    }
    expect(reduceProgress(state, { type: 'challenge/pass', challengeId: '__proto__' }, t0)).toBe(state);
    expect(Object.prototype).not.toHaveProperty('completed');
    expect(isLessonComplete(state, 'constructor')).toBe(false);
    expect(noteText(state, 'toString')).toBe('');
  });

  it('stops adding new ids to a full record but still updates ids already in it', () => {
    const notes = Object.fromEntries(
      Array.from({ length: PROGRESS_LIMITS.entriesPerRecord }, (_, i) => [`l${i}`, { text: 'n', updatedAt: t0.toISOString() }]),
    );
    const state = { ...emptyProgress(), notes };
    expect(reduceProgress(state, { type: 'note/set', lessonId: 'one-more', text: 'n' }, t1)).toBe(state);
    expect(noteText(reduceProgress(state, { type: 'note/set', lessonId: 'l7', text: 'edited' }, t1), 'l7')).toBe('edited');
  });
});

describe('progress reducer: quiz, practice, review, challenges, reset', () => {
  it('records every quiz answer with its time, keeping earlier ones, even two in the same millisecond', () => {
    const answer: ProgressAction = { type: 'quiz/record', questionId: 'idem-03', bankId: 'delivery', chosen: ['b'], correct: false };
    const state = run([
      [answer, t0],
      [{ ...answer, chosen: ['a'], correct: true }, t1],
      [{ ...answer, chosen: ['a'], correct: true }, t1],
    ]);
    expect(state.quiz['idem-03']?.attempts).toEqual([
      { at: t0.toISOString(), correct: false, chosen: ['b'], bankId: 'delivery' },
      { at: t1.toISOString(), correct: true, chosen: ['a'], bankId: 'delivery' },
      { at: '2025-03-01T11:00:00.001Z', correct: true, chosen: ['a'], bankId: 'delivery' },
    ]);
    expect(state.quiz['idem-03']?.updatedAt).toBe('2025-03-01T11:00:00.001Z');
  });

  it('accepts any option id the quiz schema allows, and ignores an answer with a malformed one', () => {
    const answer = (chosen: string[]): ProgressAction => ({ type: 'quiz/record', questionId: 'q', bankId: 'b', chosen, correct: true });
    const state = emptyProgress();
    expect(reduceProgress(state, answer(['true', '-x', 'opt-2']), t0).quiz['q']?.attempts[0]?.chosen).toEqual(['true', '-x', 'opt-2']);
    expect(reduceProgress(state, answer(['A']), t0)).toBe(state);
  });

  it('keeps only the newest answers once a question reaches the attempt limit', () => {
    const attempts = Array.from({ length: PROGRESS_LIMITS.attemptsPerItem }, (_, i) => ({
      at: new Date(t0.getTime() + i).toISOString(),
      correct: true,
      chosen: [],
      bankId: 'b',
    }));
    const full = { ...emptyProgress(), quiz: { q: { attempts, updatedAt: attempts.at(-1)?.at ?? '' } } };
    const state = reduceProgress(full, { type: 'quiz/record', questionId: 'q', bankId: 'b', chosen: ['a'], correct: false }, t2);
    const kept = state.quiz['q']?.attempts ?? [];
    expect(kept).toHaveLength(PROGRESS_LIMITS.attemptsPerItem);
    expect(kept[0]).toEqual(attempts[1]);
    expect(kept.at(-1)).toEqual({ at: t2.toISOString(), correct: false, chosen: ['a'], bankId: 'b' });
  });

  it('updates a practice attempt by id, never moving it backwards, and keeps other attempts', () => {
    const started = { id: 'try-1', startedAt: t0.toISOString(), elapsedMs: 1000, hintsUsed: 0 };
    const submitted = { ...started, elapsedMs: 900_000, hintsUsed: 2, submittedAt: t1.toISOString(), score: 7 };
    const state = run([
      [{ type: 'practice/record', promptId: 'checkout', attempt: started }, t0],
      [{ type: 'practice/record', promptId: 'checkout', attempt: submitted }, t1],
      [{ type: 'practice/record', promptId: 'checkout', attempt: started }, t2],
      [{ type: 'practice/record', promptId: 'checkout', attempt: { ...started, id: 'try-2', startedAt: t2.toISOString() } }, t2],
    ]);
    expect(state.practice['checkout']?.attempts).toEqual([submitted, { ...started, id: 'try-2', startedAt: t2.toISOString() }]);
  });

  it('keeps a whole attempt: clock, scratchpad, diagram, estimates, questions, hints and gradings', () => {
    const t0 = new Date('2026-12-07T10:00:00.000Z');
    const at = t0.toISOString();
    const attempt = {
      id: 'a-1',
      startedAt: at,
      submittedAt: at,
      elapsedMs: 5,
      hintsUsed: 1,
      score: 40,
      clock: { at, phase: 'wrap-up' as const, spentMs: { clarify: 5 } },
      scratchpad: { 'tab-a': { text: 'my answer', at } },
      diagram: { at, value: { nodes: [{ id: 'n1', kind: 'service' as const, label: 'Orders', x: 0, y: 0 }], edges: [] } },
      estimates: { at, values: { partitions: '12' } },
      asked: ['q-a'],
      hints: ['h-scale-1'],
      grades: [{ at, levels: { outbox: 1 as const }, flags: ['f-sync'], score: 40, regrade: false }],
    };
    const state = reduceProgress(emptyProgress(), { type: 'practice/record', promptId: 'checkout', attempt }, t0);
    expect(state.practice['checkout']?.attempts).toEqual([attempt]);
    const tooLong = { ...attempt, scratchpad: { 'tab-a': { text: 'x'.repeat(50_001), at } } };
    expect(reduceProgress(state, { type: 'practice/record', promptId: 'checkout', attempt: tooLong }, t0)).toBe(state);
  });

  it('ignores a practice attempt with negative time or a bad id', () => {
    const state = emptyProgress();
    const attempt = { id: 'try-1', startedAt: t0.toISOString(), elapsedMs: -5, hintsUsed: 0 };
    expect(reduceProgress(state, { type: 'practice/record', promptId: 'checkout', attempt }, t0)).toBe(state);
    expect(reduceProgress(state, { type: 'practice/record', promptId: 'Checkout', attempt: { ...attempt, elapsedMs: 5 } }, t0)).toBe(state);
  });

  it('stores a review card, treats the same card as no change, and ignores a card that is not flat JSON', () => {
    const card = { due: t1.toISOString(), stability: 3.2, reps: 2, last_review: null };
    const state = reduceProgress(emptyProgress(), { type: 'review/set', questionId: 'idem-03', card }, t0);
    expect(state.review['idem-03']).toEqual({ card, updatedAt: t0.toISOString() });
    expect(reduceProgress(state, { type: 'review/set', questionId: 'idem-03', card: { ...card } }, t1)).toBe(state);
    const bad = { due: { nested: true } } as unknown as Record<string, number>;
    expect(reduceProgress(state, { type: 'review/set', questionId: 'idem-03', card: bad }, t1)).toBe(state);
  });

  it('records the first pass of a challenge and keeps it', () => {
    const state = run([
      [{ type: 'challenge/pass', challengeId: 'consumer-lag' }, t0],
      [{ type: 'challenge/pass', challengeId: 'consumer-lag' }, t1],
    ]);
    expect(state.challenges['consumer-lag']).toEqual({ passedAt: t0.toISOString(), updatedAt: t0.toISOString() });
  });

  it('reset empties everything and starts a new generation that older copies cannot merge back into', () => {
    const before = run([
      [{ type: 'lesson/complete', lessonId: 'intro' }, t0],
      [{ type: 'note/set', lessonId: 'intro', text: 'n' }, t0],
    ]);
    const after = reduceProgress(before, { type: 'reset' }, t1);
    expect(after).toEqual(emptyProgress(1));
    expect(mergeProgress(before, after)).toEqual(emptyProgress(1));
  });

  it('ignores an import action whose data is not valid progress', () => {
    const state = emptyProgress();
    const data = { ...emptyProgress(), lessons: { intro: { completed: 'yes', updatedAt: 'x' } } } as unknown as ProgressData;
    expect(reduceProgress(state, { type: 'import/apply', data, mode: 'replace' }, t0)).toBe(state);
  });
});

describe('nextStamp', () => {
  it('keeps an out-of-range or broken clock within the timestamps the schema accepts', () => {
    expect(nextStamp(new Date(Number.NaN))).toBe('1970-01-01T00:00:00.000Z');
    expect(nextStamp(new Date('+012000-01-01T00:00:00.000Z'))).toBe('9999-12-31T23:59:59.999Z');
    expect(nextStamp(t0, '9999-12-31T23:59:59.999Z')).toBe('9999-12-31T23:59:59.999Z');
  });
});

const actionArb: fc.Arbitrary<ProgressAction> = fc.oneof(
  fc.record({ type: fc.constant('lesson/complete' as const), lessonId: fc.constantFrom('intro', 'outbox', 'Bad Id') }),
  fc.record({ type: fc.constant('lesson/uncomplete' as const), lessonId: fc.constantFrom('intro', 'outbox') }),
  fc.record({ type: fc.constant('note/set' as const), lessonId: fc.constantFrom('intro', 'outbox'), text: fc.string({ maxLength: 20 }) }),
  fc.record({
    type: fc.constant('quiz/record' as const),
    questionId: fc.constantFrom('idem-03', 'q2'),
    bankId: fc.constant('delivery'),
    chosen: fc.subarray(['a', 'b', 'C']),
    correct: fc.boolean(),
  }),
  fc.record({ type: fc.constant('challenge/pass' as const), challengeId: fc.constantFrom('lag', 'rebalance') }),
  fc.record({ type: fc.constant('review/set' as const), questionId: fc.constant('idem-03'), card: fc.record({ reps: fc.nat(9) }) }),
  fc.record({ type: fc.constant('sqllab/save' as const), labId: fc.constantFrom('outbox', 'relay', 'Bad Id'), sql: fc.string({ maxLength: 20 }) }),
  fc.record({ type: fc.constant('sqllab/start-over' as const), labId: fc.constantFrom('outbox', 'relay'), sql: fc.constantFrom('', 'SELECT 1;') }),
  fc.record({ type: fc.constant('sqllab/bring-back' as const), labId: fc.constantFrom('outbox', 'relay') }),
  fc.constant({ type: 'reset' as const }),
);

describe('progress reducer: properties', () => {
  it('whatever the learner does, and whatever the clock says, the result is valid and reads back identically', () => {
    fc.assert(
      fc.property(progressArb, fc.array(fc.tuple(actionArb, fc.date({ noInvalidDate: false })), { maxLength: 15 }), (start, steps) => {
        const end = run(steps, start);
        expect(progressDataSchema.safeParse(end).success).toBe(true);
        const read = decode(encode(end));
        expect(read.problem).toBeUndefined();
        expect(encode(read.state)).toBe(encode(end));
      }),
    );
  });

  it('a local edit always wins a merge against the version it replaced, whatever the clock says', () => {
    fc.assert(
      fc.property(progressArb, fc.string({ maxLength: 10 }), fc.date({ noInvalidDate: false }), (before, text, at) => {
        const after = reduceProgress(before, { type: 'note/set', lessonId: 'what-is-eda', text }, at);
        expect(noteText(mergeProgress(before, after), 'what-is-eda')).toBe(text);
      }),
    );
  });

  it('a saved handler, a start-over and a bring-back each win a merge against the version they replaced', () => {
    fc.assert(
      fc.property(progressArb, fc.string({ maxLength: 10 }), fc.constantFrom('save', 'start-over', 'bring-back'), fc.date({ noInvalidDate: false }), (before, sql, kind, at) => {
        const action: ProgressAction =
          kind === 'bring-back' ? { type: 'sqllab/bring-back', labId: 'outbox' } : { type: kind === 'save' ? 'sqllab/save' : 'sqllab/start-over', labId: 'outbox', sql };
        const after = reduceProgress(before, action, at);
        expect(mergeProgress(before, after).sqllabs?.['outbox']).toEqual(after.sqllabs?.['outbox']);
      }),
    );
  });
});
