/**
 * The when-not-to-use-EDA Try-it: answer a few questions about one step of a flow and
 * get a recommendation with its reasons. The rule follows the lesson: a caller that needs the answer
 * now, or an invariant, keeps the step a request or a transaction; events announce what was decided
 * and pay off when other teams' services need to react.
 */
import type { Choice } from './prediction.ts';

/** The questions, each answered yes or no. */
export interface Answers {
  /** Does the caller need the result before it can continue? */
  readonly needsAnswerNow: boolean;
  /** Must a rule hold at every instant (a transfer, uniqueness, no overselling)? */
  readonly invariant: boolean;
  /** Do other services need to react to the change, now or later? */
  readonly otherReaders: boolean;
  /** Do those services belong to other teams with their own deploy schedules? */
  readonly independentTeams: boolean;
  /** Can you already follow one flow across services (correlation ids, traces, lag alerts)? */
  readonly observability: boolean;
}

/** The questions as the page asks them, keyed by answer field. */
export const QUESTIONS: readonly { readonly id: keyof Answers; readonly text: string }[] = [
  { id: 'needsAnswerNow', text: 'The caller needs the result before it can continue' },
  { id: 'invariant', text: 'A rule must hold at every instant (a transfer, a unique name, no overselling)' },
  { id: 'otherReaders', text: 'Other services need to react to this change' },
  { id: 'independentTeams', text: 'Those services belong to other teams that deploy on their own' },
  { id: 'observability', text: 'You can already trace one flow across services' },
];

/** The recommendations, also the learner's predictions. */
export const RECOMMENDATIONS: readonly Choice<'request' | 'request-then-event' | 'events'>[] = [
  { id: 'request', label: 'A plain request or transaction; no broker' },
  { id: 'request-then-event', label: 'Decide with a request or transaction, then publish an event' },
  { id: 'events', label: 'Publish an event and let consumers react' },
];

/** A use case with the answers that fit it. */
export interface UseCase {
  /** Stable id. */
  readonly id: string;
  /** What the step is. */
  readonly label: string;
  /** Its answers. */
  readonly answers: Answers;
}

/** Use cases to start from; the answers stay editable. */
export const USE_CASES: readonly UseCase[] = [
  { id: 'admin-crud', label: 'Staff edit suppliers in an internal admin app (one team, one database)', answers: { needsAnswerNow: true, invariant: false, otherReaders: false, independentTeams: false, observability: false } },
  { id: 'authorise-card', label: 'Checkout authorises the card before showing “Paid”', answers: { needsAnswerNow: true, invariant: false, otherReaders: true, independentTeams: true, observability: true } },
  { id: 'order-followups', label: 'After an order is placed: confirmation email, loyalty points, analytics', answers: { needsAnswerNow: false, invariant: false, otherReaders: true, independentTeams: true, observability: true } },
  { id: 'ledger-transfer', label: 'Move money between two accounts of the same ledger', answers: { needsAnswerNow: true, invariant: true, otherReaders: true, independentTeams: true, observability: false } },
];

/** A recommendation with the reasons that led to it. */
export interface Recommendation {
  /** Which recommendation. */
  readonly id: (typeof RECOMMENDATIONS)[number]['id'];
  /** Why, one reason per relevant answer. */
  readonly reasons: readonly string[];
  /** The deciding reason, in one sentence. */
  readonly why: string;
}

/** Recommends how to build the step described by `a`. */
export function recommend(a: Answers): Recommendation {
  const reasons: string[] = [];
  if (a.needsAnswerNow) reasons.push('The caller is waiting on the result: an event cannot return one, so use a request with a timeout.');
  if (a.invariant) reasons.push('The rule must hold at every instant: keep it in one transaction in the database that owns the data.');
  const decideNow = a.needsAnswerNow || a.invariant;
  const fanOut = a.otherReaders && a.independentTeams;
  if (a.otherReaders && !a.independentTeams) reasons.push('Other readers, but one team: an in-process call is cheaper, faster and visible in a stack trace.');
  if (fanOut) reasons.push('Other teams’ services react: an event lets them subscribe without the producer knowing or waiting for them.');
  if (!a.otherReaders) reasons.push('Nobody else needs to know: a broker would add a cluster to run and a consistency window for nothing.');
  let id: Recommendation['id'];
  if (decideNow) id = fanOut ? 'request-then-event' : 'request';
  else id = fanOut ? 'events' : 'request';
  if (id !== 'request' && !a.observability) reasons.push('Caveat: build correlation ids, tracing and lag alerts first, or asynchronous hops become places where work silently stops.');
  const why =
    id === 'request-then-event'
      ? 'Decide synchronously where the answer or the invariant lives, then let an event announce what was decided.'
      : id === 'events'
        ? 'Nobody waits for the result and independent teams react to it: that is what events are for.'
        : decideNow
          ? 'Someone needs the answer now and no other team reacts: a request or a transaction is enough.'
          : 'There is no independent consumer to decouple from, so events would cost more than they buy.';
  return { id, reasons, why };
}
