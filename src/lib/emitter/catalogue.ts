/**
 * The services that can react to an order in the "one event, many subscribers" demo. In
 * event-driven mode they subscribe to `OrderPlaced`; in request-driven mode the Order service
 * calls them one after another.
 */

/** A service that reacts to an order: what it is called, what it does and how long it takes. */
export interface Subscriber {
  /** Stable id, used as the key in outcomes and as `data-subscriber` in the demo. */
  readonly id: string;
  /** Display name, e.g. "Inventory". */
  readonly name: string;
  /** What it does, in the present tense, e.g. "Reserves stock". */
  readonly does: string;
  /** What it did, as the end of a past-tense sentence, e.g. "reserved stock". */
  readonly result: string;
  /** How long it takes to handle one order, in milliseconds. */
  readonly processingMs: number;
}

/** A subscriber from the demo's catalogue. */
export interface CatalogueEntry extends Subscriber {
  /** True for the three services present when the demo starts; false for the ones a learner adds. */
  readonly builtIn: boolean;
}

/**
 * Every service the demo knows, built-ins first, in the order they appear. Processing times all
 * differ so each reacts at a visibly different moment, and the slowest finishes within about 2 s.
 */
export const CATALOGUE: readonly CatalogueEntry[] = [
  { id: 'email', name: 'Email', does: 'Sends order confirmation', result: 'sent order confirmation', processingMs: 600, builtIn: true },
  { id: 'inventory', name: 'Inventory', does: 'Reserves stock', result: 'reserved stock', processingMs: 1100, builtIn: true },
  { id: 'analytics', name: 'Analytics', does: 'Records the sale', result: 'recorded the sale', processingMs: 1700, builtIn: true },
  { id: 'fraud-check', name: 'Fraud check', does: 'Scores the order for fraud', result: 'scored the order as low risk', processingMs: 900, builtIn: false },
  { id: 'loyalty', name: 'Loyalty points', does: 'Awards loyalty points', result: 'awarded 42 loyalty points', processingMs: 1400, builtIn: false },
  { id: 'shipping', name: 'Shipping', does: 'Prepares a shipping label', result: 'prepared a shipping label', processingMs: 2000, builtIn: false },
];

/** Ids of the services present when the demo starts, in catalogue order. */
export const BUILT_IN_IDS: readonly string[] = CATALOGUE.filter((s) => s.builtIn).map((s) => s.id);

/** The catalogue entry with this id; throws for an unknown id so a typo cannot pass silently. */
export function subscriberById(id: string): CatalogueEntry {
  const found = CATALOGUE.find((s) => s.id === id);
  if (!found) throw new Error(`Unknown subscriber id "${id}"`);
  return found;
}

/** The catalogue entries for these ids, in the order given. */
export function subscribersByIds(ids: readonly string[]): CatalogueEntry[] {
  return ids.map(subscriberById);
}

/** The extras a learner can still add, in catalogue order, given the ids already present. */
export function addableSubscribers(presentIds: readonly string[]): CatalogueEntry[] {
  return CATALOGUE.filter((s) => !s.builtIn && !presentIds.includes(s.id));
}

/**
 * The ids after adding `id` at the end. Adding one already present, or one not in the catalogue,
 * is an error rather than a silent no-op.
 */
export function withSubscriber(presentIds: readonly string[], id: string): string[] {
  subscriberById(id);
  if (presentIds.includes(id)) throw new Error(`Subscriber "${id}" is already present`);
  return [...presentIds, id];
}
