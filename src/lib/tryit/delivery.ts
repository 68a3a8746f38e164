/**
 * The delivery-guarantees Try-it: a consumer charges a card for each of five `OrderPlaced` records
 * and commits its offset; where the commit sits relative to the charge, and where a crash lands,
 * decide whether a charge is lost or made twice.
 */
import type { Choice } from './prediction.ts';

/** Where the consumer commits, and whether the charge itself is idempotent. */
export type CommitStrategy = 'commit-first' | 'charge-first' | 'charge-first-idempotent';

/** The strategies, as the radio buttons show them. */
export const STRATEGIES: readonly (Choice<CommitStrategy> & { readonly guarantee: string })[] = [
  { id: 'commit-first', label: 'Commit the offset, then charge the card', guarantee: 'at-most-once' },
  { id: 'charge-first', label: 'Charge the card, then commit the offset', guarantee: 'at-least-once' },
  { id: 'charge-first-idempotent', label: 'Charge with the order id as idempotency key, then commit', guarantee: 'at-least-once delivery, effectively once' },
];

/** The predictions a learner can make. */
export const DELIVERY_CHOICES: readonly Choice<'lost' | 'twice' | 'once'>[] = [
  { id: 'lost', label: 'A charge is lost' },
  { id: 'twice', label: 'A card is charged twice' },
  { id: 'once', label: 'Every order is charged exactly once' },
];

/** How many records the consumer reads. */
export const RECORDS = 5;

/** One line of the run's trace. */
export interface TraceLine {
  /** What kind of line, for styling. */
  readonly kind: 'charge' | 'skip' | 'commit' | 'crash' | 'restart';
  /** The sentence. */
  readonly text: string;
}

/** What a run did. */
export interface DeliveryRun {
  /** Everything that happened, in order. */
  readonly trace: readonly TraceLine[];
  /** Card charges per order, orders 1..RECORDS (index 0 is order 1). */
  readonly charges: readonly number[];
  /** Orders never charged. */
  readonly lost: number;
  /** Extra charges beyond one per order. */
  readonly duplicates: number;
  /** Which prediction this amounts to. */
  readonly outcome: (typeof DELIVERY_CHOICES)[number]['id'];
  /** One sentence: why. */
  readonly why: string;
}

/**
 * Runs the consumer over orders 1..RECORDS, committing after each record. With `crashAfterFirstStep`
 * = n, it crashes after the first of its two steps for order n (between commit and charge, or
 * between charge and commit), restarts from the last committed offset and runs to the end.
 */
export function runDelivery(strategy: CommitStrategy, crashAfterFirstStep: number | null): DeliveryRun {
  if (crashAfterFirstStep !== null && (!Number.isInteger(crashAfterFirstStep) || crashAfterFirstStep < 1 || crashAfterFirstStep > RECORDS)) {
    throw new RangeError(`Crash point must be an order from 1 to ${RECORDS}, got ${crashAfterFirstStep}`);
  }
  const trace: TraceLine[] = [];
  const charges: number[] = Array.from({ length: RECORDS }, () => 0);
  const keys = new Set<number>();
  let committed = 0;
  let crashed = false;
  const charge = (order: number) => {
    if (strategy === 'charge-first-idempotent' && keys.has(order)) {
      trace.push({ kind: 'skip', text: `Order ${order}: the payment provider already saw key order-${order}; it returns the first result and charges nothing.` });
      return;
    }
    keys.add(order);
    charges[order - 1] = (charges[order - 1] ?? 0) + 1;
    trace.push({ kind: 'charge', text: `Order ${order}: card charged${(charges[order - 1] ?? 0) > 1 ? ' AGAIN' : ''}.` });
  };
  const commit = (order: number) => {
    committed = order;
    trace.push({ kind: 'commit', text: `Committed offset ${order}: the next record to read is ${order < RECORDS ? `order ${order + 1}` : 'the end'}.` });
  };
  for (let order = committed + 1; order <= RECORDS; order += 1) {
    const [first, second] = strategy === 'commit-first' ? [commit, charge] : [charge, commit];
    first(order);
    if (!crashed && order === crashAfterFirstStep) {
      crashed = true;
      trace.push({ kind: 'crash', text: `Crash after order ${order}'s first step, before its ${strategy === 'commit-first' ? 'charge' : 'commit'}.` });
      trace.push({ kind: 'restart', text: `Restarted: resuming from the committed offset, at order ${committed + 1 <= RECORDS ? committed + 1 : '— none left'}.` });
      order = committed;
      continue;
    }
    second(order);
  }
  const lost = charges.filter((c) => c === 0).length;
  const duplicates = charges.reduce((n, c) => n + Math.max(0, c - 1), 0);
  const outcome = lost > 0 ? 'lost' : duplicates > 0 ? 'twice' : 'once';
  return { trace, charges, lost, duplicates, outcome, why: explain(strategy, crashAfterFirstStep, outcome) };
}

function explain(strategy: CommitStrategy, crash: number | null, outcome: DeliveryRun['outcome']): string {
  if (crash === null) return 'Without a crash, every strategy delivers each record once; the guarantees only differ when something fails.';
  if (strategy === 'commit-first') {
    return `At-most-once: the offset already pointed past order ${crash} when the consumer died, so the restart skipped it and its charge never happened.`;
  }
  if (strategy === 'charge-first') {
    return `At-least-once: order ${crash} was charged but its offset was not committed, so the restart read it again and charged again.`;
  }
  return outcome === 'once'
    ? `Order ${crash} was delivered twice (at-least-once), but the provider recognised its idempotency key and did not charge again: effectively once.`
    : 'Unexpected: the idempotency key should have absorbed the redelivery.';
}
