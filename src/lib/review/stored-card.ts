import type { Card } from 'ts-fsrs';
import type { ReviewCard } from '../../schemas/progress.ts';

/**
 * How a review card is stored in the progress `review` slot: ts-fsrs's own field names, plain JSON.
 *
 * | field | value |
 * |---|---|
 * | `due`, `last_review` | ISO timestamps (`2025-03-01T10:00:00.000Z`); `last_review` is `null` before the first review |
 * | `state` | ts-fsrs `State` as a number: 0 new, 1 learning, 2 review, 3 relearning |
 * | `stability`, `difficulty`, `elapsed_days`, `scheduled_days`, `learning_steps`, `reps`, `lapses` | numbers |
 *
 * Ten fields, well inside the slot's limits (50 fields, 200-character strings).
 */
export type StoredCard = ReviewCard;

/** A UTC timestamp exactly as `Date.prototype.toISOString` writes it for years 0000–9999. */
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The card's numeric fields, stored as they are. Copied through this list rather than one by one
 * because ts-fsrs marks `elapsed_days` deprecated and reading it by name would warn in the check.
 */
const NUMBER_FIELDS = ['stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state'] as const;

/** The card as a plain record for the `review` slot (see {@link StoredCard}). */
export function toStoredCard(card: Card): StoredCard {
  const stored: StoredCard = { due: card.due.toISOString() };
  for (const name of NUMBER_FIELDS) stored[name] = card[name];
  stored['last_review'] = card.last_review === undefined ? null : card.last_review.toISOString();
  return stored;
}

function field(record: object, name: string): unknown {
  return Object.hasOwn(record, name) ? (record as Record<string, unknown>)[name] : undefined;
}

function date(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !ISO.test(value)) return undefined;
  const parsed = new Date(value);
  // Date.parse rolls 30 February over into March; only a value that writes back the same is a real date.
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString() === value ? parsed : undefined;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

function amount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * The card stored in a `review` slot record, or `undefined` when the record is not a well-formed
 * card (wrong types, negative or non-finite numbers, unknown state, unreadable dates, a review
 * state without a last review). Never throws. Extra fields are ignored; `elapsed_days`, which
 * ts-fsrs is retiring, may be absent and reads as 0.
 */
export function fromStoredCard(record: unknown): Card | undefined {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;
  const due = date(field(record, 'due'));
  const stability = amount(field(record, 'stability'));
  const difficulty = amount(field(record, 'difficulty'));
  const elapsedRaw = field(record, 'elapsed_days');
  const elapsed = elapsedRaw === undefined ? 0 : amount(elapsedRaw);
  const scheduled = amount(field(record, 'scheduled_days'));
  const steps = count(field(record, 'learning_steps'));
  const reps = count(field(record, 'reps'));
  const lapses = count(field(record, 'lapses'));
  const state = count(field(record, 'state'));
  const lastRaw = field(record, 'last_review');
  const lastReview = lastRaw === null ? null : date(lastRaw);
  if (
    due === undefined ||
    stability === undefined ||
    difficulty === undefined ||
    elapsed === undefined ||
    scheduled === undefined ||
    steps === undefined ||
    reps === undefined ||
    lapses === undefined ||
    state === undefined ||
    state > 3 ||
    lastReview === undefined ||
    (state !== 0 && lastReview === null)
  ) {
    return undefined;
  }
  const card: Card = {
    due,
    stability,
    difficulty,
    scheduled_days: scheduled,
    learning_steps: steps,
    reps,
    lapses,
    state,
    elapsed_days: elapsed,
  };
  if (lastReview !== null) card.last_review = lastReview;
  return card;
}
