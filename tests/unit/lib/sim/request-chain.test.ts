import { describe, expect, it } from 'vitest';
import { CHECKOUT_CHAIN, compareStyles, runEventDriven, runRequestChain, summariseChain, type ChainConfig } from '../../../../src/lib/sim/index.ts';

const steady: ChainConfig = {
  services: [
    { name: 'A', latencyMs: 50 },
    { name: 'B', latencyMs: 80 },
    { name: 'C', latencyMs: 120 },
  ],
  requests: 3,
  callOverheadMs: 5,
  brokerAckMs: 10,
};

describe('the request-driven chain', () => {
  it('adds up every call’s latency and overhead', () => {
    const [first] = runRequestChain(steady, 1);
    expect(first).toMatchObject({ ok: true, latencyMs: 265, failedAt: null });
    expect(first!.calls.map((c) => [c.service, c.startMs, c.endMs])).toEqual([
      ['A', 0, 55],
      ['B', 55, 140],
      ['C', 140, 265],
    ]);
  });

  it('fails the whole request when one service fails, and never calls the ones after it', () => {
    const config = { ...steady, services: steady.services.map((s) => (s.name === 'B' ? { ...s, failureRate: 1 } : s)) };
    const [first] = runRequestChain(config, 1);
    expect(first).toMatchObject({ ok: false, failedAt: 'B', latencyMs: 140 });
    expect(first!.calls.map((c) => c.service)).toEqual(['A', 'B']);
    expect(summariseChain(config, runRequestChain(config, 1))).toMatchObject({ succeeded: 0, failed: 3, successRate: 0, expectedSuccessRate: 0 });
  });

  it('succeeds about as often as the product of the services’ success rates', () => {
    const config = { ...CHECKOUT_CHAIN, requests: 5000 };
    const summary = summariseChain(config, runRequestChain(config, 'x'));
    expect(summary.expectedSuccessRate).toBeCloseTo(0.98 * 0.99 * 0.97 * 0.95, 10);
    expect(Math.abs(summary.successRate - summary.expectedSuccessRate)).toBeLessThan(0.02);
  });
});

describe('the event-driven alternative', () => {
  it('answers at the broker’s acknowledgement and completes when the slowest service is done', () => {
    expect(runEventDriven(steady, 1)).toEqual({ requests: 3, responseMs: 10, meanCompletionMs: 130, maxCompletionMs: 130, retries: 0 });
  });

  it('absorbs failures by retrying: every request is accepted, completion just takes longer', () => {
    const { requestDriven, eventDriven } = compareStyles({ ...CHECKOUT_CHAIN, requests: 1000 }, 3);
    expect(requestDriven.failed).toBeGreaterThan(50);
    expect(eventDriven.retries).toBeGreaterThan(50);
    expect(eventDriven.responseMs).toBeLessThan(requestDriven.meanLatencyMs / 10);
    expect(eventDriven.maxCompletionMs).toBeGreaterThan(eventDriven.meanCompletionMs);
  });

  it('is the same for the same seed', () => {
    expect(compareStyles(CHECKOUT_CHAIN, 9)).toEqual(compareStyles(CHECKOUT_CHAIN, 9));
  });
});
