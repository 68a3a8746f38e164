/**
 * The order a customer places and the `OrderPlaced` event the Order service publishes about it.
 * Ids come from a counter the caller passes in and time from the caller's clock, so the same inputs
 * always give the same event.
 */

/** An order as the Order service stores it. */
export interface Order {
  /** Order id, e.g. "ord-0001". */
  readonly orderId: string;
  /** Number of items in the basket. */
  readonly items: number;
  /** Total price in euro cents, kept as an integer so sums never round. */
  readonly totalCents: number;
}

/** The envelope of the one event the demo publishes: a past-tense fact about an order. */
export interface OrderPlacedEvent {
  /** Unique event id, e.g. "evt-0001"; consumers use it to spot duplicates. */
  readonly id: string;
  /** What happened, always "OrderPlaced". */
  readonly type: 'OrderPlaced';
  /** Which service published it. */
  readonly source: 'order-service';
  /** When it was published, in milliseconds on the caller's clock. */
  readonly time: number;
  /** Ties together everything done for this one customer request, e.g. "corr-0001". */
  readonly correlationId: string;
  /** The facts subscribers need, so none of them has to call the Order service back. */
  readonly data: Order;
}

/** Baskets the demo cycles through, so consecutive orders look different but stay predictable. */
const SAMPLE_BASKETS: readonly { items: number; totalCents: number }[] = [
  { items: 2, totalCents: 4250 },
  { items: 1, totalCents: 1899 },
  { items: 5, totalCents: 12900 },
  { items: 3, totalCents: 6420 },
];

/** `prefix-0001` for sequence number 1; throws unless `seq` is a positive integer. */
export function sequenceId(prefix: string, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`Sequence number must be a positive integer, got ${seq}`);
  return `${prefix}-${String(seq).padStart(4, '0')}`;
}

/** The demo's order number `seq`: a deterministic basket with id "ord-000N". */
export function sampleOrder(seq: number): Order {
  const basket = SAMPLE_BASKETS[(seq - 1) % SAMPLE_BASKETS.length] ?? { items: 1, totalCents: 1000 };
  return { orderId: sequenceId('ord', seq), ...basket };
}

/** A price in euro cents as text, e.g. 4250 → "€42.50". */
export function formatEuros(cents: number): string {
  return `€${(cents / 100).toFixed(2)}`;
}

/**
 * The `OrderPlaced` event for an order: id "evt-000N" and correlation id "corr-000N" from the
 * counter `seq`, stamped with clock time `time`. It names no subscriber: who reacts is not the
 * publisher's business.
 */
export function createOrderPlaced(seq: number, time: number, order: Order): OrderPlacedEvent {
  return {
    id: sequenceId('evt', seq),
    type: 'OrderPlaced',
    source: 'order-service',
    time,
    correlationId: sequenceId('corr', seq),
    data: order,
  };
}
