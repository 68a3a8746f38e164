import { describe, expect, it } from 'vitest';
import { createSim, metrics, nextTime, runToEnd, runToEndInSlices, runUntil, runUntilInSlice, trace } from '../../../../src/lib/sim/index.ts';
import { oneTopic } from './helpers.ts';

/** A big enough run: 2,000 events through three partitions and two consumers. */
const config = oneTopic({ partitions: 3, producer: { count: 2000, intervalMs: 1, keys: 50 }, group: { members: 2 } });

/** A fake clock that moves 1 ms each time it is read, so every slice ends after a few looks. */
function tickingClock() {
  let t = 0;
  return { now: () => (t += 1), sliceMs: 3 };
}

describe('running in slices', () => {
  it('runs to the same end as runToEnd, pausing between slices', async () => {
    const whole = createSim(config, 1);
    runToEnd(whole);
    const sliced = createSim(config, 1);
    let pauses = 0;
    const over = await runToEndInSlices(sliced, tickingClock(), async () => void (pauses += 1), () => false);
    expect(over).toBe(true);
    expect(pauses).toBeGreaterThan(5);
    expect(trace(sliced)).toEqual(trace(whole));
    expect(metrics(sliced)).toEqual(metrics(whole));
  });

  it('stops at the first pause after being cancelled, leaving the rest to do', async () => {
    const sim = createSim(config, 1);
    let pauses = 0;
    const over = await runToEndInSlices(sim, tickingClock(), async () => void (pauses += 1), () => pauses >= 2);
    expect(over).toBe(false);
    expect(pauses).toBe(2);
    expect(nextTime(sim)).not.toBeNull();
  });

  it('runs a whole run in one slice when the clock never says time is up', async () => {
    const sim = createSim(config, 1);
    let pauses = 0;
    expect(await runToEndInSlices(sim, { now: () => 0, sliceMs: 8 }, async () => void (pauses += 1), () => true)).toBe(true);
    expect(pauses).toBe(0);
  });

  it('catches up to a target time within a slice, or falls behind and catches up on later calls', () => {
    const target = 1500;
    const reference = createSim(config, 1);
    runUntil(reference, target);
    const sim = createSim(config, 1);
    const clock = tickingClock();
    let calls = 1;
    while (!runUntilInSlice(sim, target, clock)) {
      // Behind: the virtual clock has not reached the target yet.
      expect(sim.now).toBeLessThan(target);
      calls += 1;
    }
    expect(calls).toBeGreaterThan(1);
    expect(sim.now).toBe(target);
    expect(trace(sim)).toEqual(trace(reference));
    expect(metrics(sim)).toEqual(metrics(reference));
  });
});
