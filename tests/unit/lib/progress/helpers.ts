import fc from 'fast-check';
import type { ProgressData } from '../../../../src/schemas/progress.ts';
import type { Diagram } from '../../../../src/lib/practice/diagram/model.ts';
import { normalizeProgress } from '../../../../src/lib/progress/merge.ts';
import type { StorageLike } from '../../../../src/lib/progress/store.ts';

/** An in-memory Storage whose failures can be switched on, recording every write in order. */
export class FakeStorage implements StorageLike {
  readonly items = new Map<string, string>();
  readonly writes: string[] = [];
  /** Thrown by every getItem/setItem while set (e.g. a SecurityError). */
  failEverything: Error | undefined;
  /** Thrown by setItem while set (e.g. a QuotaExceededError). */
  failWrites: Error | undefined;
  /** Only writes to these keys fail with `failWrites`, when given. */
  failWritesTo: string[] | undefined;

  constructor(initial: Record<string, string> = {}) {
    for (const [key, value] of Object.entries(initial)) this.items.set(key, value);
  }

  getItem(key: string): string | null {
    if (this.failEverything) throw this.failEverything;
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    if (this.failEverything) throw this.failEverything;
    if (this.failWrites && (this.failWritesTo === undefined || this.failWritesTo.includes(key))) throw this.failWrites;
    this.writes.push(key);
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    if (this.failEverything) throw this.failEverything;
    this.items.delete(key);
  }

  get length(): number {
    return this.items.size;
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
}

/** The error browsers throw when storage is refused (private modes, blocked cookies). */
export const securityError = () => new DOMException('The operation is insecure.', 'SecurityError');
/** The error browsers throw when storage is full. */
export const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** A clock the test moves by hand. */
export function manualClock(start = '2025-03-01T10:00:00.000Z') {
  let current = Date.parse(start);
  return {
    now: () => new Date(current),
    set: (iso: string) => {
      current = Date.parse(iso);
    },
    advance: (ms = 1000) => {
      current += ms;
    },
  };
}

// Small pools so generated copies share ids and times, which is where merges get interesting.
const ids = fc.constantFrom('what-is-eda', 'idem-03', 'outbox', 'retired-lesson', '42');
const stamps = fc.integer({ min: 0, max: 12 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString());

const lessonArb = fc.oneof(
  fc.record({ completed: fc.constant(true), updatedAt: stamps, completedAt: stamps }),
  fc.record({ completed: fc.constant(false), updatedAt: stamps }),
);
const noteArb = fc.record({ text: fc.oneof(fc.constant(''), fc.string({ maxLength: 12 }), fc.constant('<b>x</b>')), updatedAt: stamps });
const quizAttemptArb = fc.record({
  at: stamps,
  correct: fc.boolean(),
  chosen: fc.subarray(['a', 'b', 'c']),
  bankId: fc.constantFrom('basics', 'delivery'),
});
const practiceAttemptArb = fc.record(
  {
    id: fc.constantFrom('try-1', 'try-2', 'try-3'),
    startedAt: stamps,
    submittedAt: stamps,
    elapsedMs: fc.nat(5_000),
    hintsUsed: fc.nat(3),
    score: fc.nat(10),
    clock: fc.record(
      {
        at: stamps,
        phase: fc.constantFrom('clarify', 'high-level', 'deep-dive', 'wrap-up'),
        spentMs: fc.record({ clarify: fc.nat(5_000), 'deep-dive': fc.nat(5_000) }, { requiredKeys: [] }),
        since: stamps,
      },
      { requiredKeys: ['at', 'phase', 'spentMs'] },
    ),
    scratchpad: fc.dictionary(
      fc.constantFrom('tab-a', 'tab-b', 'tab-c', 'tab-d', 'tab-e'),
      fc.record({ text: fc.constantFrom('', 'draft', 'draft + A', 'other'), at: stamps, seen: stamps }, { requiredKeys: ['text', 'at'] }),
      { maxKeys: 4 },
    ),
    diagram: fc.record({
      at: stamps,
      value: fc.constantFrom<Diagram>({ nodes: [], edges: [] }, { nodes: [{ id: 'n1', kind: 'topic', label: 'orders', x: 0, y: 0, partitions: 3 }], edges: [] }),
    }),
    estimates: fc.record({ at: stamps, values: fc.dictionary(fc.constantFrom('partitions', 'consumers'), fc.constantFrom('12', '7k', 'x'), { maxKeys: 2 }) }),
    asked: fc.uniqueArray(fc.constantFrom('q-a', 'q-b', 'q-c'), { maxLength: 3 }),
    hints: fc.uniqueArray(fc.constantFrom('h-a-1', 'h-b-1'), { maxLength: 2 }),
    grades: fc.array(
      fc.record({ at: stamps, levels: fc.dictionary(fc.constantFrom('outbox', 'dlq'), fc.constantFrom(0 as const, 1 as const, 2 as const), { maxKeys: 2 }), flags: fc.uniqueArray(fc.constantFrom('f-a', 'f-b'), { maxLength: 2 }), score: fc.nat(100), regrade: fc.boolean() }),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: ['id', 'startedAt', 'elapsedMs', 'hintsUsed'] },
);
const cardArb = fc.dictionary(
  fc.constantFrom('due', 'stability', 'reps', 'state', 'last_review'),
  fc.oneof(fc.integer({ min: -5, max: 50 }), fc.constantFrom('2025-01-02T00:00:00.000Z', 'new'), fc.constant(null)),
  { maxKeys: 4 },
);
const followUpAttemptArb = fc.record(
  {
    at: stamps,
    answer: fc.constantFrom('', 'It is delivered again.', '<i>x</i>'),
    aloud: fc.boolean(),
    made: fc.uniqueArray(fc.constantFrom('k1', 'k2', 'k3'), { maxLength: 3 }),
    flags: fc.uniqueArray(fc.constantFrom('f1', 'f2'), { maxLength: 2 }),
    grade: fc.constantFrom('again' as const, 'hard' as const, 'good' as const, 'easy' as const),
    round: ids,
  },
  { requiredKeys: ['at', 'answer', 'aloud', 'made', 'flags', 'grade'] },
);
const followUpEntryArb = fc.record(
  {
    attempts: fc.array(followUpAttemptArb, { maxLength: 3 }),
    draft: fc.record({ text: fc.constantFrom('', 'half an answer', 'other tab'), aloud: fc.boolean(), at: stamps }),
    updatedAt: stamps,
  },
  { requiredKeys: ['attempts', 'updatedAt'] },
);
const drillArb = fc.record(
  {
    startedAt: stamps,
    topics: fc.uniqueArray(ids, { minLength: 1, maxLength: 2 }),
    items: fc.uniqueArray(ids, { minLength: 1, maxLength: 3 }),
    itemStartedAt: stamps,
    finishedAt: stamps,
    updatedAt: stamps,
  },
  { requiredKeys: ['startedAt', 'topics', 'items', 'itemStartedAt', 'updatedAt'] },
);
const sqlText = fc.constantFrom('', 'SELECT 1;', "INSERT INTO processed (message_id) VALUES ($1) ON CONFLICT DO NOTHING;", 'UPDATE accounts SET balance = balance + $2;', '<b>x</b>');
const sqlLabArb = fc.record({ sql: sqlText, previous: sqlText, updatedAt: stamps }, { requiredKeys: ['sql', 'updatedAt'] });
const record = <T>(value: fc.Arbitrary<T>) => fc.dictionary(ids, value, { maxKeys: 4 });

/** Any valid progress, in canonical form, from small pools of ids and times. */
export const progressArb: fc.Arbitrary<ProgressData> = fc
  .record({
    generation: fc.constantFrom(0, 0, 0, 1),
    lessons: record(lessonArb),
    notes: record(noteArb),
    quiz: record(fc.record({ attempts: fc.array(quizAttemptArb, { maxLength: 4 }), updatedAt: stamps })),
    practice: record(fc.record({ attempts: fc.array(practiceAttemptArb, { maxLength: 3 }), updatedAt: stamps })),
    review: record(fc.record({ card: cardArb, updatedAt: stamps })),
    challenges: record(fc.record({ passedAt: stamps, updatedAt: stamps })),
    followups: record(followUpEntryArb),
    drills: record(drillArb),
    sqllabs: record(sqlLabArb),
  })
  .map((data) => normalizeProgress(data));

/** A saved envelope for the given data, as an older build of the site would have written it. */
export function envelope(data: unknown, version: number = 1): string {
  return JSON.stringify({ version, data });
}

/** Progress data with only the given records filled in. */
export function progressWith(parts: Partial<ProgressData>): ProgressData {
  return normalizeProgress({
    generation: 0,
    lessons: {},
    notes: {},
    quiz: {},
    practice: {},
    review: {},
    challenges: {},
    followups: {},
    drills: {},
    sqllabs: {},
    ...parts,
  });
}
