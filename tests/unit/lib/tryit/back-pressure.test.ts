import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrivalsAt, DEFAULT_SCENARIO, runBackPressure, sparklinePoints, STRATEGIES, type Scenario, type Strategy } from '../../../../src/lib/tryit/back-pressure.ts';

/** Flash sales of any shape, with a bucket under the provider's limit as the lesson advises. */
const scenarios = fc
  .record({
    spikeRate: fc.integer({ min: 0, max: 800 }),
    spikeSeconds: fc.integer({ min: 0, max: 60 }),
    baseRate: fc.integer({ min: 0, max: 120 }),
    saleSeconds: fc.integer({ min: 1, max: 150 }),
    providerLimit: fc.integer({ min: 1, max: 200 }),
    perPod: fc.integer({ min: 1, max: 150 }),
    pods: fc.integer({ min: 1, max: 4 }),
    queuePerPod: fc.integer({ min: 1, max: 800 }),
    lagPerPod: fc.integer({ min: 1, max: 1000 }),
    admissionLimit: fc.integer({ min: 0, max: 3000 }),
  })
  .chain((r) => fc.integer({ min: 1, max: r.providerLimit }).map((bucketRate): Scenario => ({
    ...DEFAULT_SCENARIO,
    ...r,
    bucketRate,
    memoryPerPod: Math.max(r.queuePerPod, DEFAULT_SCENARIO.memoryPerPod),
    maxSeconds: 400,
  })));
const strategies = fc.constantFrom<Strategy>(...STRATEGIES.map((s) => s.id));

describe('back-pressure Try-it', () => {
  it('an unbounded in-memory queue runs out of memory at 300 orders a second, and the crash loop delays orders for minutes', () => {
    const run = runBackPressure('unbounded');
    expect(run.outcome).toBe('oom');
    expect(run.crashes).toBeGreaterThan(1);
    expect(run.peakInMemory).toBeGreaterThan(DEFAULT_SCENARIO.memoryPerPod * DEFAULT_SCENARIO.pods);
    expect(run.maxWaitSeconds).toBeGreaterThan(300);
    expect(run.why).toContain('memory');
  });

  it('at a gentler spike the same unbounded queue never fills memory, but the workers still outrun the provider', () => {
    const run = runBackPressure('unbounded', { ...DEFAULT_SCENARIO, spikeRate: 150 });
    expect(run).toMatchObject({ crashes: 0, outcome: 'rejected' });
    expect(run.rejected).toBeGreaterThan(0);
    // nothing bounds this strategy's queue, so the verdict must not credit one
    expect(run.why).not.toContain('bounded queue');
    expect(run.why).toContain('429');
  });

  it('a bounded queue keeps memory safe, but 2 pods × 60/s call 120 times a second against a limit of 100', () => {
    const run = runBackPressure('bounded');
    expect(run).toMatchObject({ crashes: 0, shed: 0, outcome: 'rejected', peakCallsPerSecond: 120 });
    expect(run.peakInMemory).toBeLessThanOrEqual(DEFAULT_SCENARIO.queuePerPod * DEFAULT_SCENARIO.pods);
    expect(run.charged).toBe(run.arrived);
  });

  it('autoscaling on lag adds pods up to the partition count, and with them more 429s and rebalances', () => {
    const bounded = runBackPressure('bounded');
    const scaled = runBackPressure('autoscale');
    expect(scaled.outcome).toBe('rejected');
    expect(scaled.peakPods).toBe(DEFAULT_SCENARIO.partitions);
    expect(scaled.rebalances).toBeGreaterThan(0);
    expect(scaled.rejected).toBeGreaterThan(bounded.rejected * 5);
    expect(scaled.why).toContain('symptom');
  });

  it('admission control turns orders away instead of letting the backlog grow past its limit', () => {
    const run = runBackPressure('admission');
    expect(run).toMatchObject({ outcome: 'shed', rejected: 0, crashes: 0 });
    expect(run.shed).toBeGreaterThan(0);
    expect(run.peakWaiting).toBeLessThanOrEqual(DEFAULT_SCENARIO.admissionLimit);
  });

  it('a shared token bucket under the limit delays orders but charges every one, with no 429', () => {
    const run = runBackPressure('shaped');
    expect(run).toMatchObject({ outcome: 'delayed', rejected: 0, shed: 0, crashes: 0, waiting: 0, peakCallsPerSecond: 80 });
    expect(run.charged).toBe(13_500);
    // 13,500 orders at 80 a second need 168.75 s: the last is charged in second 168.
    expect(run.finishedAt).toBe(168);
  });

  it('for any sale: nothing is lost — every order is charged, turned away, or still waiting', () => {
    fc.assert(
      fc.property(strategies, scenarios, (strategy, scenario) => {
        const run = runBackPressure(strategy, scenario);
        let arrived = 0;
        for (let t = 0; t < scenario.saleSeconds; t += 1) arrived += arrivalsAt(scenario, t);
        expect(run.arrived).toBe(arrived);
        expect(run.charged + run.shed + run.waiting).toBe(run.arrived);
      }),
    );
  });

  it('for any sale: only admission control turns orders away', () => {
    fc.assert(
      fc.property(strategies.filter((s) => s !== 'admission'), scenarios, (strategy, scenario) => {
        expect(runBackPressure(strategy, scenario).shed).toBe(0);
      }),
    );
  });

  it('for any sale: with a token bucket the provider never sees more than the bucket rate in a second, so never a 429', () => {
    fc.assert(
      fc.property(fc.constantFrom<Strategy>('shaped', 'admission'), scenarios, (strategy, scenario) => {
        const run = runBackPressure(strategy, scenario);
        for (const calls of run.callSeries) expect(calls).toBeLessThanOrEqual(scenario.bucketRate);
        expect(run.rejected).toBe(0);
      }),
    );
  });

  it('for any sale: a bounded queue never holds more than its bound, so never crashes', () => {
    fc.assert(
      fc.property(fc.constantFrom<Strategy>('bounded', 'shaped', 'admission'), scenarios, (strategy, scenario) => {
        const run = runBackPressure(strategy, scenario);
        expect(run.peakInMemory).toBeLessThanOrEqual(scenario.queuePerPod * scenario.pods);
        expect(run.crashes).toBe(0);
      }),
    );
  });

  it('rejects a scenario with a negative or fractional number', () => {
    expect(() => runBackPressure('shaped', { ...DEFAULT_SCENARIO, spikeRate: -1 })).toThrow(RangeError);
    expect(() => runBackPressure('shaped', { ...DEFAULT_SCENARIO, perPod: 1.5 })).toThrow(RangeError);
    expect(() => runBackPressure('shaped', { ...DEFAULT_SCENARIO, pods: 0 })).toThrow(RangeError);
  });

  it('draws a sparkline from the left edge to the right, zero at the bottom and the peak at the top', () => {
    expect(sparklinePoints([0, 5, 10], 100, 50)).toBe('0,50 50,25 100,0');
    expect(sparklinePoints([], 100, 50)).toBe('');
    expect(sparklinePoints([0, 0], 100, 50)).toBe('0,50 100,50');
  });
});
