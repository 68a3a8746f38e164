import { describe, expect, it } from 'vitest';
import { planSaga, SAGA, stepStates, type SagaStyle } from '../../../../src/lib/tryit/saga.ts';

const STYLES: SagaStyle[] = ['choreography', 'orchestration'];

describe('order saga Try-it', () => {
  it('orders its steps compensatable → pivot → retriable, with authorisation compensatable (void) and capture the pivot', () => {
    expect(SAGA.map((s) => [s.id, s.kind])).toEqual([
      ['reserve', 'compensatable'],
      ['authorise', 'compensatable'],
      ['capture', 'pivot'],
      ['ship', 'retriable'],
    ]);
    expect(SAGA.find((s) => s.id === 'authorise')?.compensation?.command).toBe('VoidAuthorization');
  });

  for (const style of STYLES) {
    it(`${style}: a failure at the pivot compensates the earlier steps in reverse order`, () => {
      const run = planSaga(style, 'capture');
      expect(run.outcome).toBe('compensates');
      expect(run.compensations).toEqual(['VoidAuthorization', 'ReleaseStock']);
      expect(stepStates(run, run.messages.length)).toEqual({ reserve: 'compensated', authorise: 'compensated', capture: 'failed', ship: 'pending' });
      expect(run.messages.at(-1)?.name).toBe('OrderRejected');
    });

    it(`${style}: a declined card releases the stock only`, () => {
      const run = planSaga(style, 'authorise');
      expect(run.compensations).toEqual(['ReleaseStock']);
      expect(run.messages.filter((m) => m.phase === 'compensation').at(-1)?.name).toBe('StockReleased');
    });

    it(`${style}: a failure at the first step has nothing to undo`, () => {
      const run = planSaga(style, 'reserve');
      expect(run.outcome).toBe('nothing-to-undo');
      expect(run.compensations).toEqual([]);
    });

    it(`${style}: a failure after the pivot is retried forward, never compensated`, () => {
      const run = planSaga(style, 'ship');
      expect(run.outcome).toBe('retries');
      expect(run.compensations).toEqual([]);
      expect(run.messages.some((m) => m.phase === 'retry')).toBe(true);
      expect(stepStates(run, run.messages.length)).toEqual({ reserve: 'done', authorise: 'done', capture: 'done', ship: 'done' });
      expect(run.messages.at(-1)?.name).toBe('OrderConfirmed');
    });

    it(`${style}: with no failure every step is done`, () => {
      const run = planSaga(style, null);
      expect(run.outcome).toBe('completes');
      expect(Object.values(stepStates(run, run.messages.length))).toEqual(['done', 'done', 'done', 'done']);
    });
  }

  it('orchestration sends commands and gets replies; choreography only publishes events', () => {
    const orch = planSaga('orchestration', 'capture');
    const chor = planSaga('choreography', 'capture');
    expect(orch.messages.filter((m) => m.kind === 'command').map((m) => m.name)).toEqual(['ReserveStock', 'AuthorizePayment', 'CapturePayment', 'VoidAuthorization', 'ReleaseStock']);
    expect(chor.messages.every((m) => m.kind === 'event')).toBe(true);
    // Choreography: Inventory must listen to Payments' events to compensate.
    expect(chor.messages).toContainEqual(expect.objectContaining({ to: 'Inventory', name: 'AuthorizationVoided', phase: 'compensation' }));
  });

  it('reveals states message by message', () => {
    const run = planSaga('orchestration', 'capture');
    expect(stepStates(run, 0)).toEqual({ reserve: 'pending', authorise: 'pending', capture: 'pending', ship: 'pending' });
    expect(stepStates(run, 3).reserve).toBe('done');
  });
});
