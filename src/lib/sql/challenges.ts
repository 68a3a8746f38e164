/**
 * The SQL labs' challenges: plain data for pages and progress (ids are stable progress keys, like the
 * simulator's). A challenge passes when the learner's handler survives every schedule of the lab's
 * challenge set (`grade` in ./driver.ts).
 */

/** The SQL labs, by id (the keys of `labs` in ./labs.ts). */
export type SqlLabId = 'idempotency' | 'outbox' | 'relay';

/** One SQL lab challenge. */
export interface SqlChallenge {
  /** Stable progress id. */
  readonly id: string;
  readonly lab: SqlLabId;
  /** The lesson the lab lives in. */
  readonly lesson: string;
  readonly title: string;
  readonly goal: string;
  readonly hint: string;
}

/** Every SQL lab challenge, in lesson order. */
export const SQL_CHALLENGES: readonly SqlChallenge[] = [
  {
    id: 'sql-idempotent-points',
    lab: 'idempotency',
    lesson: 'idempotent-consumers',
    title: 'Award the points exactly once, in SQL',
    goal: 'Make the handler survive every schedule: each event once, a duplicate, a lost acknowledgement, and a crash after each of its statements.',
    hint: 'Record the event in processed_messages inside the same transaction as the points. A redelivery then fails on the primary key before it can award anything, and a crash rolls back both.',
  },
  {
    id: 'sql-outbox-together',
    lab: 'outbox',
    lesson: 'dual-writes-and-outbox',
    title: 'Commit the order and its event together',
    goal: 'Make the Order service survive a crash after each of its statements, a retried request and a lost reply: every order ends up with exactly one OrderPlaced, and no event without its order.',
    hint: 'Do not publish from the request. Write the event into the outbox table in the same transaction as the order; the relay publishes committed rows later.',
  },
  {
    id: 'sql-relay-every-event',
    lab: 'relay',
    lesson: 'dual-writes-and-outbox',
    title: 'Publish every committed event',
    goal: 'Make the relay survive steady polls, a transaction that commits late, and a crash after each of its statements: every committed outbox row is published at least once, and each order’s events in seq order.',
    hint: 'A seq is taken at INSERT, not at COMMIT, so “everything above the last seq I published” skips a row that commits late. Track publication per row (published_at IS NULL), and mark rows only after publishing them, in the transaction that claimed them.',
  },
];

/** The challenges of one SQL lab. */
export function sqlChallengesOf(lab: SqlLabId): SqlChallenge[] {
  return SQL_CHALLENGES.filter((c) => c.lab === lab);
}
