import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyProgress } from '../../../../src/lib/progress/model.ts';
import { reduceProgress } from '../../../../src/lib/progress/reducer.ts';
import { banksFromAnswers, dueCount, dueQuestions, nextDue, type ReviewSlot } from '../../../../src/lib/review/due.ts';
import { review } from '../../../../src/lib/review/schedule.ts';

const MINUTE = 60_000;
const t0 = new Date('2025-03-01T10:00:00.000Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);

/** A slot where each question was missed at the given minute (so it falls due 10 minutes later). */
function missedAt(entries: Record<string, number>): ReviewSlot {
  const slot: Record<string, { card: unknown }> = {};
  for (const [id, minute] of Object.entries(entries)) slot[id] = { card: review(undefined, false, at(minute)) };
  return slot;
}

const bankOfId = (id: string) => id.split('-')[0];

describe('the due list', () => {
  const slot = missedAt({ 'idem-02': 5, 'idem-01': 0, 'ord-01': 20, 'ord-02': 1 });

  it('holds only questions due at the time given, oldest due first', () => {
    expect(dueQuestions(slot, at(9))).toEqual([]);
    expect(dueQuestions(slot, at(10))).toEqual(['idem-01']);
    expect(dueQuestions(slot, at(29))).toEqual(['idem-01', 'ord-02', 'idem-02']);
    expect(dueQuestions(slot, at(30))).toEqual(['idem-01', 'ord-02', 'idem-02', 'ord-01']);
  });

  it('counts what is due, and says when the earliest review falls due', () => {
    expect(dueCount(slot, at(9))).toBe(0);
    expect(dueCount(slot, at(15))).toBe(3);
    expect(nextDue(slot)).toEqual(at(10));
    expect(nextDue({})).toBeUndefined();
  });

  it('breaks ties of due time by question id, so the order never depends on storage order', () => {
    const a = missedAt({ 'q-b': 0, 'q-a': 0, 'q-c': 0 });
    const b = missedAt({ 'q-c': 0, 'q-a': 0, 'q-b': 0 });
    expect(dueQuestions(a, at(10))).toEqual(['q-a', 'q-b', 'q-c']);
    expect(dueQuestions(b, at(10))).toEqual(['q-a', 'q-b', 'q-c']);
  });

  it('mixes banks: one from each bank in turn, the bank with the most overdue question first', () => {
    const mixed = missedAt({ 'idem-01': 0, 'idem-02': 1, 'idem-03': 2, 'ord-01': 3, 'ord-02': 4, 'evt-01': 5 });
    expect(dueQuestions(mixed, at(60))).toEqual(['idem-01', 'idem-02', 'idem-03', 'ord-01', 'ord-02', 'evt-01']);
    expect(dueQuestions(mixed, at(60), bankOfId)).toEqual(['idem-01', 'ord-01', 'evt-01', 'idem-02', 'ord-02', 'idem-03']);
  });

  it('treats a question whose bank is unknown as a bank of its own', () => {
    const mixed = missedAt({ 'idem-01': 0, 'idem-02': 1, 'lost-01': 2 });
    const bankOf = (id: string) => (id.startsWith('idem') ? 'idempotency' : undefined);
    expect(dueQuestions(mixed, at(60), bankOf)).toEqual(['idem-01', 'lost-01', 'idem-02']);
  });

  it('property: mixing keeps exactly the due questions, most overdue first, and never puts two of one bank side by side while another bank has some left', () => {
    const banks = ['a', 'b', 'c'];
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.constantFrom(...banks), fc.nat({ max: 99 }), fc.nat({ max: 60 })), { selector: ([bank, n]) => `${bank}-${n}` }),
        fc.nat({ max: 80 }),
        (rows, now) => {
          const slot = missedAt(Object.fromEntries(rows.map(([bank, n, minute]) => [`${bank}-${n}`, minute])));
          const plain = dueQuestions(slot, at(now));
          const mixed = dueQuestions(slot, at(now), bankOfId);
          expect([...mixed].sort()).toEqual([...plain].sort());
          expect(mixed[0]).toBe(plain[0]);
          mixed.forEach((id, i) => {
            const next = mixed[i + 1];
            if (next === undefined || bankOfId(id) !== bankOfId(next)) return;
            expect(mixed.slice(i + 1).every((rest) => bankOfId(rest) === bankOfId(id))).toBe(true);
          });
        },
      ),
    );
  });
});

describe('malformed cards in the review slot', () => {
  it('are ignored by the due list, the count and the next due time', () => {
    const slot: ReviewSlot = {
      ...missedAt({ 'idem-01': 0 }),
      'bad-01': { card: { due: 'whenever' } },
      'bad-02': { card: null },
      'bad-03': { card: { ...review(undefined, false, t0), state: 9 } },
    };
    expect(dueQuestions(slot, at(60))).toEqual(['idem-01']);
    expect(dueCount(slot, at(60))).toBe(1);
    expect(nextDue({ 'bad-01': { card: { due: '2000-01-01T00:00:00.000Z' } }, ...missedAt({ 'idem-01': 0 }) })).toEqual(at(10));
  });
});

describe('working on the real progress store', () => {
  it('cards saved through the reducer are read back, with banks taken from the quiz answers', () => {
    let state = emptyProgress();
    const miss = (questionId: string, bankId: string, minute: number) => {
      state = reduceProgress(state, { type: 'quiz/record', questionId, bankId, chosen: ['a'], correct: false }, at(minute));
      const card = review(state.review[questionId]?.card, false, at(minute));
      if (card) state = reduceProgress(state, { type: 'review/set', questionId, card }, at(minute));
    };
    miss('idem-01', 'idempotency', 0);
    miss('idem-02', 'idempotency', 1);
    miss('ord-01', 'ordering', 2);
    expect(dueQuestions(state.review, at(60), banksFromAnswers(state.quiz))).toEqual(['idem-01', 'ord-01', 'idem-02']);
    expect(banksFromAnswers(state.quiz)('constructor')).toBeUndefined();
  });
});
