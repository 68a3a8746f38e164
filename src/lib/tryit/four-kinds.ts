/**
 * The four-kinds Try-it (lesson 4): what a consumer (Shipping, which needs an order's address) can
 * do with each kind of "event-driven" — notification, event-carried state transfer, event sourcing,
 * CQRS — when the producer is down, or when its own data is wiped and must be rebuilt. The
 * consumer's state is really computed from the events each kind carries.
 */
import type { Choice } from './prediction.ts';

/** The four meanings of "event-driven". */
export type EdaKind = 'notification' | 'ecst' | 'event-sourcing' | 'cqrs';

/** What goes wrong. */
export type Situation = 'producer-down' | 'rebuild';

/** The kinds, as radio buttons. */
export const KINDS: readonly Choice<EdaKind>[] = [
  { id: 'notification', label: 'Event notification (thin events)' },
  { id: 'ecst', label: 'Event-carried state transfer (events carry the data)' },
  { id: 'event-sourcing', label: 'Event sourcing (the log of events is the record)' },
  { id: 'cqrs', label: 'CQRS (separate write and read models)' },
];

/** The situations, as radio buttons. */
export const SITUATIONS: readonly Choice<Situation>[] = [
  { id: 'producer-down', label: 'Orders is down; Shipping must print the label for ord_48213 now' },
  { id: 'rebuild', label: 'Shipping’s database is wiped; rebuild it from the events on the topic' },
];

/** The predictions. */
export const KIND_OUTCOMES: readonly Choice<'works' | 'breaks'>[] = [
  { id: 'works', label: 'Shipping manages on its own' },
  { id: 'breaks', label: 'Shipping is stuck' },
];

/** An event as it travels, with the fields it carries. */
export interface CarriedEvent {
  /** Event type. */
  readonly type: string;
  /** Order id. */
  readonly orderId: string;
  /** The address, when the kind carries data. */
  readonly address?: string;
}

/** The events Shipping has received for ord_48213, as each kind shapes them. */
export function eventsFor(kind: EdaKind): CarriedEvent[] {
  const thin = kind === 'notification';
  return [
    { type: 'OrderPlaced', orderId: 'ord_48213', ...(thin ? {} : { address: '4 Quay St, Galway' }) },
    { type: 'ShippingAddressChanged', orderId: 'ord_48213', ...(thin ? {} : { address: '9 Dock Rd, Galway' }) },
  ];
}

/** Shipping's state rebuilt by replaying `events` in order: the last address carried per order. */
export function replayAddresses(events: readonly CarriedEvent[]): Record<string, string | undefined> {
  const state: Record<string, string | undefined> = {};
  for (const e of events) state[e.orderId] = e.address ?? state[e.orderId];
  return state;
}

/** What happened, line by line, and the outcome. */
export interface KindRun {
  /** The events, as JSON lines. */
  readonly events: readonly string[];
  /** What Shipping did. */
  readonly trace: readonly string[];
  /** Which prediction it amounts to. */
  readonly outcome: (typeof KIND_OUTCOMES)[number]['id'];
  /** Why, in one sentence. */
  readonly why: string;
}

/** Runs `situation` for `kind`. */
export function runKind(kind: EdaKind, situation: Situation): KindRun {
  const events = eventsFor(kind);
  const shown = events.map((e) => JSON.stringify(e));
  const address = replayAddresses(events)['ord_48213'];
  if (kind === 'notification') {
    return {
      events: shown,
      trace:
        situation === 'producer-down'
          ? ['Shipping knows ord_48213 changed, but not its address.', 'GET /orders/ord_48213 → connection refused: Orders is down.']
          : ['Replaying gives two order ids and no addresses.', 'Rebuilding means calling Orders back for every order it ever heard of.'],
      outcome: 'breaks',
      why: 'Notifications keep coupling low but carry no data, so the consumer must call the source back whenever it needs the details.',
    };
  }
  if (kind === 'cqrs' && situation === 'rebuild') {
    return {
      events: shown,
      trace: ['The read model was fed by a projection; nothing says the events were kept.', 'Rebuilding means a bulk copy from Orders’ write model, or a retained log if you also keep one.'],
      outcome: 'breaks',
      why: 'CQRS only separates the write model from the read model; it is not event sourcing and keeps no log of its own to replay.',
    };
  }
  if (kind === 'cqrs') {
    return {
      events: shown,
      trace: [`Shipping queries the read model: ${address}.`, 'Reads keep working while the write side is down; changing the order has to wait.'],
      outcome: 'works',
      why: 'With CQRS, reads are served by a separate model, so they survive the write side being down (possibly a little stale).',
    };
  }
  const fold = events.map((e) => `${e.type} → ${e.address}`).join('; ');
  if (situation === 'producer-down') {
    return {
      events: shown,
      trace: [`Shipping looks up its own copy: ${address}.`, 'No call to Orders is needed.'],
      outcome: 'works',
      why:
        kind === 'ecst'
          ? 'The events carried the address, so Shipping kept its own copy: better resilience, at the price of duplicated data and eventual consistency.'
          : 'Every change is an event on the log, so Shipping’s copy was built from facts it already holds; Orders being down does not matter.',
    };
  }
  return {
    events: shown,
    trace: [`Replaying from the start: ${fold}.`, `Rebuilt: ord_48213 ships to ${address}.`],
    outcome: 'works',
    why:
      kind === 'ecst'
        ? 'Each event carries the state, so replaying them (the latest per order is enough, e.g. on a compacted topic) rebuilds the copy.'
        : 'That is the event-sourcing test: drop the state and rebuild it by replaying the log; snapshots only make it faster.',
  };
}
