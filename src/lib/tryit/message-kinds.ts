/**
 * The events/commands/requests Try-it (lesson 2): classify a message from how it is used, then
 * predict who decides what happens next. Intent decides, not transport or name.
 */
import type { Choice } from './prediction.ts';

/** The three intents a message can carry. */
export type MessageKind = 'event' | 'command' | 'request';

/** Who decides what happens because of the message. */
export type Decider = 'sender' | 'receivers';

/** A message as the learner meets it: its name and how it is used. */
export interface MessageCase {
  /** Stable id. */
  readonly id: string;
  /** The message name. */
  readonly name: string;
  /** How it is sent and what the sender expects. */
  readonly usage: string;
  /** What it really is. */
  readonly kind: MessageKind;
  /** Who decides what happens next. */
  readonly decides: Decider;
  /** Why, naming the coupling it creates. */
  readonly why: string;
}

/** The kinds, as radio buttons. */
export const KIND_CHOICES: readonly Choice<MessageKind>[] = [
  { id: 'event', label: 'Event: a fact for whoever cares' },
  { id: 'command', label: 'Command: asking one owner to act' },
  { id: 'request', label: 'Request: asking and waiting for the answer' },
];

/** Who decides, as radio buttons. */
export const DECIDER_CHOICES: readonly Choice<Decider>[] = [
  { id: 'sender', label: 'The sender: it needs a particular outcome' },
  { id: 'receivers', label: 'Each receiver: the sender does not care who reacts' },
];

/** The messages to classify, in the order the Try-it shows them. */
export const MESSAGES: readonly MessageCase[] = [
  {
    id: 'order-placed',
    name: 'OrderPlaced',
    usage: 'Orders publishes it to the orders topic after saving an order. Email, Analytics and Loyalty subscribe; Orders does not know them and waits for no one.',
    kind: 'event',
    decides: 'receivers',
    why: 'A past-tense fact in the producer’s vocabulary, published to a topic: consumers depend on Orders’ contract, and Orders depends on nothing downstream.',
  },
  {
    id: 'reserve-stock',
    name: 'ReserveStock',
    usage: 'The order saga puts it on Inventory’s queue and expects StockReserved or StockReservationRejected back, matched by a correlation id.',
    kind: 'command',
    decides: 'sender',
    why: 'An imperative to the one owner of stock, which may refuse. Asynchronous does not make it an event: the sender knows the receiver and needs the outcome.',
  },
  {
    id: 'get-order-status',
    name: 'GetOrderStatus',
    usage: 'The web app calls Orders over HTTP and shows the answer on the order page while the customer waits.',
    kind: 'request',
    decides: 'sender',
    why: 'A question the caller waits for: it is coupled in time, so if Orders is slow or down, so is the page.',
  },
  {
    id: 'welcome-email-requested',
    name: 'WelcomeEmailRequested',
    usage: 'Accounts publishes it when someone signs up. Only the Email service consumes it, and Accounts treats the sign-up as broken if the welcome email does not go out.',
    kind: 'command',
    decides: 'sender',
    why: 'A command disguised as an event: it only sounds right after “please”, it has one intended handler and the sender cares that it happens. Publish AccountCreated and let Email decide, or send SendWelcomeEmail to Email honestly.',
  },
  {
    id: 'payment-captured',
    name: 'PaymentCaptured',
    usage: 'Payments publishes it after taking the money. Orders confirms the order, Accounting books revenue, and a fraud model learns from it.',
    kind: 'event',
    decides: 'receivers',
    why: 'A fact that already happened: no consumer can refuse it, only decide how to react, and adding one more consumer changes nothing in Payments.',
  },
];

/** The result of classifying one message. */
export interface Classification {
  /** Whether the kind was right. */
  readonly kindRight: boolean;
  /** Whether "who decides" was right. */
  readonly decidesRight: boolean;
  /** The actual kind's label. */
  readonly kindLabel: string;
  /** The actual decider's label. */
  readonly decidesLabel: string;
  /** One line naming both, for the verdict. */
  readonly headline: string;
}

const withArticle = (kind: MessageKind) => (kind === 'event' ? `an ${kind}` : `a ${kind}`);

/** Checks the learner's two predictions for `message`. */
export function classify(message: MessageCase, kind: MessageKind, decides: Decider): Classification {
  const kindRight = kind === message.kind;
  const decidesRight = decides === message.decides;
  const kindLabel = KIND_CHOICES.find((c) => c.id === message.kind)?.label ?? message.kind;
  const decidesLabel = DECIDER_CHOICES.find((c) => c.id === message.decides)?.label ?? message.decides;
  const both = kindRight && decidesRight;
  const headline = both
    ? `Both right: ${message.name} is ${withArticle(message.kind)}, and ${message.decides === 'sender' ? 'the sender decides' : 'each receiver decides'}.`
    : `${kindRight ? `Right, ${withArticle(message.kind)}` : `Not ${withArticle(kind)}: it is ${withArticle(message.kind)}`}; ${decidesRight ? 'and right about who decides' : `but ${message.decides === 'sender' ? 'the sender decides' : 'each receiver decides'}`}.`;
  return { kindRight, decidesRight, kindLabel, decidesLabel, headline };
}
