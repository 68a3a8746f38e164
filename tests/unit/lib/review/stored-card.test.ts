import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEmptyCard, State, type Card } from 'ts-fsrs';
import { reviewCardSchema } from '../../../../src/schemas/progress.ts';
import { canonicalize } from '../../../../src/lib/progress/canonical-json.ts';
import { fromStoredCard, toStoredCard } from '../../../../src/lib/review/stored-card.ts';
import { review } from '../../../../src/lib/review/schedule.ts';

const t0 = new Date('2025-03-01T10:00:00.000Z');
const missed = review(undefined, false, t0);

const dateArb = fc.date({ min: new Date('1970-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true });
const amountArb = fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true });
const countArb = fc.nat({ max: 1e6 });
const cardArb: fc.Arbitrary<Card> = fc
  .record({
    due: dateArb,
    stability: amountArb,
    difficulty: amountArb,
    elapsed_days: countArb,
    scheduled_days: countArb,
    learning_steps: fc.nat({ max: 10 }),
    reps: countArb,
    lapses: countArb,
    state: fc.constantFrom(State.Learning, State.Review, State.Relearning),
    last_review: dateArb,
  })
  .map((card): Card => card);

describe('stored review cards', () => {
  it('a scheduled card is stored in ts-fsrs field names: ISO dates, the state as a number', () => {
    expect(missed).toEqual({
      due: '2025-03-01T10:10:00.000Z',
      last_review: '2025-03-01T10:00:00.000Z',
      state: State.Learning,
      reps: 1,
      lapses: 0,
      learning_steps: 0,
      elapsed_days: 0,
      scheduled_days: 0,
      stability: expect.any(Number),
      difficulty: expect.any(Number),
    });
  });

  it('a new card, never reviewed, stores last_review as null and reads back without it', () => {
    const stored = toStoredCard(createEmptyCard(t0));
    expect(stored['last_review']).toBeNull();
    const card = fromStoredCard(stored);
    expect(card?.state).toBe(State.New);
    expect(card && 'last_review' in card).toBe(false);
  });

  it('property: round-trips exactly, and fits the progress review slot', () => {
    fc.assert(
      fc.property(cardArb, (card) => {
        const stored = toStoredCard(card);
        expect(reviewCardSchema.safeParse(stored).success).toBe(true);
        expect(fromStoredCard(stored)).toEqual(card);
        // What the store hands back after saving: a canonical, prototype-less copy parsed from JSON.
        expect(fromStoredCard(canonicalize(JSON.parse(JSON.stringify(stored))))).toEqual(card);
      }),
    );
  });

  it('reads a card without elapsed_days (a field ts-fsrs is retiring) as 0', () => {
    const { elapsed_days: _dropped, ...rest } = { ...missed, elapsed_days: 3 };
    const card = fromStoredCard(rest);
    expect(card && toStoredCard(card)).toEqual({ ...rest, elapsed_days: 0 });
  });

  it('ignores extra fields', () => {
    expect(fromStoredCard({ ...missed, note: 'kept by a later version' })).toEqual(fromStoredCard(missed));
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'due tomorrow'],
    ['an array', []],
    ['an empty record', {}],
    ['a due date that is not ISO', { ...missed, due: 'tomorrow' }],
    ['a due date as a number', { ...missed, due: 1740823800000 }],
    ['an impossible calendar date', { ...missed, due: '2025-02-30T10:00:00.000Z' }],
    ['a missing due date', { ...missed, due: undefined }],
    ['a negative stability', { ...missed, stability: -1 }],
    ['a stability given as text', { ...missed, stability: '0.2' }],
    ['a non-finite difficulty', { ...missed, difficulty: Infinity }],
    ['a fractional rep count', { ...missed, reps: 1.5 }],
    ['a negative lapse count', { ...missed, lapses: -1 }],
    ['an unknown state', { ...missed, state: 7 }],
    ['a state given by name', { ...missed, state: 'Learning' }],
    ['a reviewed state with no last review', { ...missed, last_review: null }],
    ['an unreadable last review', { ...missed, last_review: 'yesterday' }],
  ])('treats %s as no card, without throwing', (_name, record) => {
    expect(fromStoredCard(record)).toBeUndefined();
  });

  it('is not fooled by inherited fields', () => {
    const inherited = Object.create(missed ?? null) as object;
    expect(fromStoredCard(inherited)).toBeUndefined();
  });

  it('property: never throws, whatever is stored', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(() => fromStoredCard(value)).not.toThrow();
      }),
    );
  });
});
