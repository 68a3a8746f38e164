/**
 * The saga Try-it: the order saga of the sagas lesson (reserve stock → authorise card → capture payment,
 * the pivot → create shipment), coordinated by choreography or orchestration, with a failure
 * injectable at any step. Before the pivot a failure runs the compensations in reverse order;
 * after it, the failed step is retried forward.
 */
import type { Choice } from './prediction.ts';

/** How the saga is coordinated. */
export type SagaStyle = 'choreography' | 'orchestration';

/** A step's place in the saga. */
export type StepKind = 'compensatable' | 'pivot' | 'retriable';

/** One step of the order saga. */
export interface SagaStep {
  /** Stable id. */
  readonly id: 'reserve' | 'authorise' | 'capture' | 'ship';
  /** What it does. */
  readonly name: string;
  /** The service that owns it. */
  readonly owner: string;
  /** Compensatable, pivot or retriable. */
  readonly kind: StepKind;
  /** The command an orchestrator sends. */
  readonly command: string;
  /** The event (choreography) or reply (orchestration) on success. */
  readonly success: string;
  /** The event or reply on a business failure; null where the step can only be retried. */
  readonly failure: string | null;
  /** The compensating command, its confirmation, and what it does (to do, done); null for the pivot and retriable steps. */
  readonly compensation: { readonly command: string; readonly done: string; readonly name: string; readonly past: string } | null;
}

/** The order saga, in order: compensatable steps, the pivot, then retriable steps. */
export const SAGA: readonly SagaStep[] = [
  { id: 'reserve', name: 'Reserve stock', owner: 'Inventory', kind: 'compensatable', command: 'ReserveStock', success: 'StockReserved', failure: 'StockReservationRejected', compensation: { command: 'ReleaseStock', done: 'StockReleased', name: 'release the stock', past: 'released the stock' } },
  { id: 'authorise', name: 'Authorise card', owner: 'Payments', kind: 'compensatable', command: 'AuthorizePayment', success: 'PaymentAuthorized', failure: 'PaymentDeclined', compensation: { command: 'VoidAuthorization', done: 'AuthorizationVoided', name: 'void the authorisation', past: 'voided the authorisation' } },
  { id: 'capture', name: 'Capture payment', owner: 'Payments', kind: 'pivot', command: 'CapturePayment', success: 'PaymentCaptured', failure: 'PaymentCaptureFailed', compensation: null },
  { id: 'ship', name: 'Create shipment', owner: 'Shipping', kind: 'retriable', command: 'CreateShipment', success: 'ShipmentCreated', failure: null, compensation: null },
];

/** What the learner can predict. */
export const SAGA_CHOICES: readonly Choice<'completes' | 'nothing-to-undo' | 'compensates' | 'retries'>[] = [
  { id: 'completes', label: 'The order completes; nothing is undone' },
  { id: 'nothing-to-undo', label: 'The order is rejected with nothing to undo' },
  { id: 'compensates', label: 'Earlier steps are compensated, in reverse order' },
  { id: 'retries', label: 'The failed step is retried until it succeeds; nothing is undone' },
];

/** What a step looks like at some point of the run. */
export type StepState = 'pending' | 'done' | 'failed' | 'compensated' | 'retrying';

/** One message of the run. */
export interface SagaMessage {
  /** Who sends it. */
  readonly from: string;
  /** Who receives it: a service, or "subscribers" for a published event. */
  readonly to: string;
  /** The message name, e.g. "ReserveStock". */
  readonly name: string;
  /** Command, event or reply. */
  readonly kind: 'command' | 'event' | 'reply';
  /** Forward work, a compensation or a retry. */
  readonly phase: 'forward' | 'compensation' | 'retry';
  /** A step whose state this message settles, if any. */
  readonly settles: { readonly step: SagaStep['id']; readonly state: StepState } | null;
  /** One sentence for the log. */
  readonly text: string;
}

/** A planned run of the saga. */
export interface SagaRun {
  /** The messages, in order; the page reveals them one at a time. */
  readonly messages: readonly SagaMessage[];
  /** Which prediction it amounts to. */
  readonly outcome: (typeof SAGA_CHOICES)[number]['id'];
  /** The compensations that ran, in order. */
  readonly compensations: readonly string[];
  /** Why, in one sentence. */
  readonly why: string;
}

const ORCH = 'Order saga (Orders)';

/** Plans the saga in `style` with the step `failAt` failing (once, for a retriable step), or none. */
export function planSaga(style: SagaStyle, failAt: SagaStep['id'] | null): SagaRun {
  const messages: SagaMessage[] = [];
  const push = (m: Omit<SagaMessage, 'text'>, text: string) => messages.push({ ...m, text });
  const orchestrated = style === 'orchestration';
  push({ from: 'Orders', to: 'subscribers', name: 'OrderPlaced', kind: 'event', phase: 'forward', settles: null }, 'Orders saves the order as PENDING and publishes OrderPlaced.');
  const completed: SagaStep[] = [];
  let failed: SagaStep | null = null;
  let previousEvent = 'OrderPlaced';
  for (const step of SAGA) {
    if (orchestrated) push({ from: ORCH, to: step.owner, name: step.command, kind: 'command', phase: 'forward', settles: null }, `The orchestrator commands ${step.owner}: ${step.command}.`);
    else push({ from: 'broker', to: step.owner, name: previousEvent, kind: 'event', phase: 'forward', settles: null }, `${step.owner} reacts to ${previousEvent} and tries to ${step.name.toLowerCase()}.`);
    const to = orchestrated ? ORCH : 'subscribers';
    const kind = orchestrated ? 'reply' : 'event';
    if (step.id === failAt && step.kind === 'retriable') {
      push({ from: step.owner, to, name: `${step.command} failed`, kind, phase: 'retry', settles: { step: step.id, state: 'retrying' } }, `${step.name} fails (${step.owner} is down). Past the pivot there is no going back: ${orchestrated ? 'the orchestrator retries the command' : `the ${previousEvent} event is redelivered`}.`);
      if (orchestrated) push({ from: ORCH, to: step.owner, name: step.command, kind: 'command', phase: 'retry', settles: null }, `The orchestrator sends ${step.command} again.`);
      else push({ from: 'broker', to: step.owner, name: previousEvent, kind: 'event', phase: 'retry', settles: null }, `${step.owner} gets ${previousEvent} again and retries.`);
    }
    if (step.id === failAt && step.failure) {
      failed = step;
      push({ from: step.owner, to, name: step.failure, kind, phase: 'forward', settles: { step: step.id, state: 'failed' } }, `${step.name} fails: ${step.owner} ${orchestrated ? 'replies' : 'publishes'} ${step.failure}.`);
      break;
    }
    push({ from: step.owner, to, name: step.success, kind, phase: 'forward', settles: { step: step.id, state: 'done' } }, `${step.name} succeeds: ${step.owner} ${orchestrated ? 'replies' : 'publishes'} ${step.success}.`);
    completed.push(step);
    previousEvent = step.success;
  }
  const compensations: string[] = [];
  if (failed) {
    let trigger = failed.failure ?? '';
    for (const step of [...completed].reverse()) {
      const comp = step.compensation;
      if (!comp) continue;
      compensations.push(comp.command);
      if (orchestrated) push({ from: ORCH, to: step.owner, name: comp.command, kind: 'command', phase: 'compensation', settles: null }, `Compensating: the orchestrator commands ${step.owner}: ${comp.command}.`);
      else push({ from: 'broker', to: step.owner, name: trigger, kind: 'event', phase: 'compensation', settles: null }, `Compensating: ${step.owner} listens for ${trigger} and must ${comp.name}.`);
      push({ from: step.owner, to: orchestrated ? ORCH : 'subscribers', name: comp.done, kind: orchestrated ? 'reply' : 'event', phase: 'compensation', settles: { step: step.id, state: 'compensated' } }, `${step.owner} ${comp.past}: ${comp.done}.`);
      trigger = comp.done;
    }
    push({ from: 'Orders', to: 'subscribers', name: 'OrderRejected', kind: 'event', phase: 'forward', settles: null }, 'Orders marks the order REJECTED and publishes OrderRejected.');
  } else {
    push({ from: 'Orders', to: 'subscribers', name: 'OrderConfirmed', kind: 'event', phase: 'forward', settles: null }, 'Orders marks the order CONFIRMED and publishes OrderConfirmed.');
  }
  const failStep = SAGA.find((s) => s.id === failAt);
  let outcome: SagaRun['outcome'];
  let why: string;
  if (!failStep) {
    outcome = 'completes';
    why = 'Every step succeeded, so the saga ends with the order confirmed and no compensation.';
  } else if (failStep.kind === 'retriable') {
    outcome = 'retries';
    why = `${failStep.name} comes after the pivot (capture): the money is taken, so the saga can only go forward, retrying until it succeeds.`;
  } else if (compensations.length === 0) {
    outcome = 'nothing-to-undo';
    why = `${failStep.name} is the first step, so nothing had happened yet: the order is simply rejected.`;
  } else {
    outcome = 'compensates';
    why = `${failStep.name} failed ${failStep.kind === 'pivot' ? 'at the pivot' : 'before the pivot'}, so the completed steps are undone newest first: ${compensations.join(', then ')}. A voided authorisation never becomes a charge.`;
  }
  return { messages, outcome, compensations, why };
}

/** Each step's state after the first `count` messages of `run` have been shown. */
export function stepStates(run: SagaRun, count: number): Record<SagaStep['id'], StepState> {
  const states: Record<SagaStep['id'], StepState> = { reserve: 'pending', authorise: 'pending', capture: 'pending', ship: 'pending' };
  for (const m of run.messages.slice(0, Math.max(0, count))) if (m.settles) states[m.settles.step] = m.settles.state;
  return states;
}
