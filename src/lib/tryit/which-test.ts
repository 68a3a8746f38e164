/**
 * The testing lesson's Try-it, "Which test catches it?": a Ledger consumer of payment events in one
 * of several variants (one correct, the others each with a classic bug), and five candidate tests
 * that really run against it. Each test feeds the consumer a scripted stream through a tiny
 * at-least-once harness (a log, a committed offset, a durable store, process memory, and an optional
 * crash between the consumer's two steps for a record) and checks the ledger it leaves behind.
 */
import type { Choice } from './prediction.ts';

/** A payment event as it sits on the topic: a JSON object, with whatever fields the producer sent. */
export type PaymentEvent = Readonly<Record<string, unknown>>;

/** The handler variants the learner can pick. */
export type VariantId = 'correct' | 'not-idempotent' | 'memory-dedupe' | 'commit-first' | 'assumes-order' | 'strict-reader';

/** The candidate tests, in the order they run. */
export type TestId = 'happy' | 'duplicate' | 'reorder' | 'crash' | 'contract';

/** A variant as the radio buttons show it. */
export interface Variant extends Choice<VariantId> {
  /** What the code does, in one sentence. */
  readonly code: string;
}

/** The variants. */
export const VARIANTS: readonly Variant[] = [
  { id: 'correct', label: 'The reference handler', code: 'Reads the fields it needs, records the event id in the same transaction as the ledger entry, then commits the offset.' },
  { id: 'not-idempotent', label: 'No de-duplication', code: 'Writes a ledger entry for every delivery, then commits the offset.' },
  { id: 'memory-dedupe', label: 'De-duplicates in memory', code: 'Skips event ids it has seen, kept in a Set in process memory; writes the entry, then commits.' },
  { id: 'commit-first', label: 'Commits first', code: 'Commits the offset as soon as it reads the record, then writes the entry (with durable de-duplication).' },
  { id: 'assumes-order', label: 'Assumes order', code: 'Discards a refund whose capture it has not seen yet, as “unknown payment”.' },
  { id: 'strict-reader', label: 'Strict reader', code: 'Validates each event against a closed schema and rejects any field it does not know.' },
];

/** A candidate test as the results list shows it. */
export interface TestCase {
  readonly id: TestId;
  /** Short name. */
  readonly name: string;
  /** What it does and what it asserts. */
  readonly does: string;
}

/** The five tests. Each expects the ledger to hold +4,200 and −1,200 for `pay_1`: a balance of 3,000. */
export const TESTS: readonly TestCase[] = [
  { id: 'happy', name: 'Happy path', does: 'Delivers the capture, then the refund, once each.' },
  { id: 'duplicate', name: 'Duplicate delivery', does: 'Delivers the capture twice (a producer retry), then the refund.' },
  { id: 'reorder', name: 'Reordering', does: 'Delivers the refund before the capture.' },
  { id: 'crash', name: 'Crash between the two steps', does: 'Kills the consumer between its two steps for the capture, restarts it from the committed offset.' },
  { id: 'contract', name: 'Contract: producer v2 examples', does: 'Delivers the producer’s next-version examples, which add an optional pspReference field.' },
];

/** What every test expects the ledger balance to be, in pence. */
export const EXPECTED_BALANCE = 3000;

const CAPTURE: PaymentEvent = { eventId: 'evt-1', type: 'PaymentCaptured', paymentId: 'pay_1', amountMinor: 4200 };
const REFUND: PaymentEvent = { eventId: 'evt-2', type: 'PaymentRefunded', paymentId: 'pay_1', amountMinor: 1200 };
const V2 = (e: PaymentEvent): PaymentEvent => ({ ...e, pspReference: `psp_${String(e['eventId'])}` });

/** The fields the strict reader's closed schema allows. */
const KNOWN_FIELDS = new Set(['eventId', 'type', 'paymentId', 'amountMinor']);

/** One ledger entry. */
export interface Entry {
  readonly eventId: string;
  readonly paymentId: string;
  /** Signed amount in pence: captures positive, refunds negative. */
  readonly deltaMinor: number;
}

/** What survives a restart: the ledger, the processed event ids, the captured payments, the committed offset. */
interface Durable {
  entries: Entry[];
  processed: Set<string>;
  captured: Set<string>;
  committed: number;
}

/** Thrown by a handler that refuses a record; the harness stops, as a poison record would stop a partition. */
export class Rejected extends Error {}

/** Applies one event to the durable store as `variant` does; `memory` is the process's own Set. */
function effect(variant: VariantId, e: PaymentEvent, db: Durable, memory: Set<string>): void {
  if (variant === 'strict-reader') {
    const unknown = Object.keys(e).filter((k) => !KNOWN_FIELDS.has(k));
    if (unknown.length > 0) throw new Rejected(`rejected ${String(e['eventId'])}: unknown field “${unknown.join('”, “')}”`);
  }
  const eventId = String(e['eventId']);
  const paymentId = String(e['paymentId']);
  const amount = Number(e['amountMinor']);
  const deltaMinor = e['type'] === 'PaymentRefunded' ? -amount : amount;
  if (variant === 'memory-dedupe') {
    if (memory.has(eventId)) return;
    memory.add(eventId);
  } else if (variant !== 'not-idempotent') {
    if (db.processed.has(eventId)) return;
  }
  if (variant === 'assumes-order' && deltaMinor < 0 && !db.captured.has(paymentId)) {
    db.processed.add(eventId); // "handled": discarded as a refund for an unknown payment
    return;
  }
  // One transaction: the entry, the processed id, and what was captured.
  db.entries.push({ eventId, paymentId, deltaMinor });
  db.processed.add(eventId);
  if (deltaMinor > 0) db.captured.add(paymentId);
}

/** What running a stream through a variant left behind. */
export interface Outcome {
  readonly entries: readonly Entry[];
  readonly balanceMinor: number;
  /** The handler's rejection message, if it stopped on a record. */
  readonly rejected: string | null;
}

/**
 * Runs `log` through `variant` with at-least-once delivery: for each record the consumer performs
 * its two steps (effect then commit, or commit then effect) and moves on. With `crashAfterFirstStep`
 * = i, it dies after the first step of record i, loses its memory, and resumes from the committed
 * offset.
 */
export function consume(variant: VariantId, log: readonly PaymentEvent[], crashAfterFirstStep: number | null = null): Outcome {
  const db: Durable = { entries: [], processed: new Set(), captured: new Set(), committed: 0 };
  let memory = new Set<string>();
  let crashed = false;
  let rejected: string | null = null;
  try {
    for (let offset = db.committed; offset < log.length; offset += 1) {
      const record = log[offset] as PaymentEvent;
      const doEffect = () => effect(variant, record, db, memory);
      const doCommit = () => {
        db.committed = offset + 1;
      };
      const [first, second] = variant === 'commit-first' ? [doCommit, doEffect] : [doEffect, doCommit];
      first();
      if (!crashed && offset === crashAfterFirstStep) {
        crashed = true;
        memory = new Set();
        offset = db.committed - 1;
        continue;
      }
      second();
    }
  } catch (err) {
    if (!(err instanceof Rejected)) throw err;
    rejected = err.message;
  }
  return { entries: db.entries, balanceMinor: db.entries.reduce((n, e) => n + e.deltaMinor, 0), rejected };
}

/** One test's result. */
export interface TestResult {
  readonly test: TestCase;
  readonly passed: boolean;
  /** What the assertion saw: the failure message, or what passed. */
  readonly message: string;
}

const pounds = (minor: number) => `${minor < 0 ? '−' : ''}£${(Math.abs(minor) / 100).toFixed(2)}`;

/** Runs one test against one variant: its stream, then the assertions on the ledger. */
export function runTest(variant: VariantId, id: TestId): TestResult {
  const test = TESTS.find((t) => t.id === id);
  if (!test) throw new Error(`Unknown test "${id}"`);
  const outcome =
    id === 'happy' ? consume(variant, [CAPTURE, REFUND])
    : id === 'duplicate' ? consume(variant, [CAPTURE, CAPTURE, REFUND])
    : id === 'reorder' ? consume(variant, [REFUND, CAPTURE])
    : id === 'crash' ? consume(variant, [CAPTURE, REFUND], 0)
    : consume(variant, [V2(CAPTURE), V2(REFUND)]);
  if (outcome.rejected) return { test, passed: false, message: `Handler threw: ${outcome.rejected}.` };
  const perEvent = new Map<string, number>();
  for (const e of outcome.entries) perEvent.set(e.eventId, (perEvent.get(e.eventId) ?? 0) + 1);
  const twice = [...perEvent].find(([, n]) => n > 1);
  if (twice) return { test, passed: false, message: `Expected one ledger entry for ${twice[0]}, found ${twice[1]}: balance ${pounds(outcome.balanceMinor)}, expected ${pounds(EXPECTED_BALANCE)}.` };
  const missing = ['evt-1', 'evt-2'].filter((e) => !perEvent.has(e));
  if (missing.length > 0) return { test, passed: false, message: `Expected a ledger entry for ${missing.join(' and ')}, found none: balance ${pounds(outcome.balanceMinor)}, expected ${pounds(EXPECTED_BALANCE)}.` };
  if (outcome.balanceMinor !== EXPECTED_BALANCE) return { test, passed: false, message: `Balance ${pounds(outcome.balanceMinor)}, expected ${pounds(EXPECTED_BALANCE)}.` };
  return { test, passed: true, message: `One entry per event; balance ${pounds(EXPECTED_BALANCE)}.` };
}

/** The predictions: which tests go red. The id is the red tests' ids joined by "+", or "none". */
export const RED_CHOICES: readonly Choice[] = [
  { id: 'none', label: 'None: every test passes' },
  { id: 'duplicate+crash', label: 'The duplicate and the crash tests' },
  { id: 'duplicate', label: 'Only the duplicate test' },
  { id: 'crash', label: 'Only the crash test' },
  { id: 'reorder', label: 'Only the reordering test' },
  { id: 'contract', label: 'Only the contract test' },
];

/** A whole run: every test's result, which went red, and why. */
export interface SuiteRun {
  readonly results: readonly TestResult[];
  /** The red tests as a prediction id (see {@link RED_CHOICES}). */
  readonly red: string;
  readonly why: string;
}

/** Runs all five tests against `variant`. */
export function runSuite(variant: VariantId): SuiteRun {
  const results = TESTS.map((t) => runTest(variant, t.id));
  const failed = results.filter((r) => !r.passed).map((r) => r.test.id);
  return { results, red: failed.length === 0 ? 'none' : failed.join('+'), why: WHY[variant] };
}

const WHY: Record<VariantId, string> = {
  correct: 'The event id is recorded with the entry in one transaction, refunds are recorded whatever the order, and unknown fields are ignored: duplicates, reordering, a crash and a new optional field all leave one entry per event.',
  'not-idempotent': 'Every delivery writes an entry. The duplicate test delivers the capture twice; the crash test does too, because a crash after the effect and before the commit is a redelivery in disguise.',
  'memory-dedupe': 'The Set catches a duplicate delivered to the same process, so the duplicate test passes. The crash empties it, and the redelivered capture is written again: only the crash-and-restart test sees it.',
  'commit-first': 'Committing before the effect is at-most-once: the crash lands after the commit and before the entry, the restart resumes past the capture, and £42.00 is never recorded. Duplicates are still caught by the durable de-duplication.',
  'assumes-order': 'A refund that arrives before its capture is discarded as unknown. In order, or duplicated, nothing is wrong; only the reordering test delivers the refund first.',
  'strict-reader': 'An optional new field is a compatible change, so a registry check passes it, but a closed schema turns it into a rejection. Only the test that runs the producer’s next examples through this consumer finds it.',
};
