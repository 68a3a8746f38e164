/**
 * What the Order service (the producer) has to know in each style. Event-driven, it knows only the
 * event and the broker; request-driven, its code holds the list of services it calls, so adding a
 * service means changing and redeploying the Order service.
 */
import type { Subscriber } from './catalogue.ts';

/** The two ways the demo can wire the Order service to the services that react to an order. */
export type Mode = 'event-driven' | 'request-driven';

/** The Order service publishing one event to a broker; nothing here mentions any subscriber. */
export interface EventDrivenProducer {
  /** Discriminant. */
  readonly mode: 'event-driven';
  /** The one event type it publishes. */
  readonly publishes: 'OrderPlaced';
  /** Where it publishes to. */
  readonly to: 'broker';
}

/** The Order service calling each service in turn and waiting for each answer. */
export interface RequestDrivenProducer {
  /** Discriminant. */
  readonly mode: 'request-driven';
  /** The services its code calls, in call order; one more service means one more line of its code. */
  readonly calls: readonly { readonly id: string; readonly name: string }[];
}

/** The Order service in either style. */
export type Producer = EventDrivenProducer | RequestDrivenProducer;

/** The event-driven Order service. It takes no arguments because it depends on no subscriber. */
export function eventDrivenProducer(): EventDrivenProducer {
  return { mode: 'event-driven', publishes: 'OrderPlaced', to: 'broker' };
}

/** The request-driven Order service, whose call list is exactly `services`, in order. */
export function requestDrivenProducer(services: readonly Subscriber[]): RequestDrivenProducer {
  return { mode: 'request-driven', calls: services.map(({ id, name }) => ({ id, name })) };
}

/**
 * The Order service for `mode`. `services` are the services that react to an order; the
 * event-driven producer ignores them, which is the point of the demo.
 */
export function producerFor(mode: Mode, services: readonly Subscriber[]): Producer {
  return mode === 'event-driven' ? eventDrivenProducer() : requestDrivenProducer(services);
}

/** Names of the services the Order service's code refers to: none when event-driven. */
export function knownServices(producer: Producer): string[] {
  return producer.mode === 'event-driven' ? [] : producer.calls.map((c) => c.name);
}

/** One sentence describing the Order service, as the demo's Order service panel shows it. */
export function describeProducer(producer: Producer): string {
  if (producer.mode === 'event-driven') {
    return `Publishes ${producer.publishes} to the ${producer.to}. Knows of ${knownServices(producer).length} subscribers.`;
  }
  const count = producer.calls.length;
  return `Calls ${count} ${count === 1 ? 'service' : 'services'} one after another and waits for each.`;
}
