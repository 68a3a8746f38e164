import { describe, expect, it } from 'vitest';
import { formatClock, nextPhase, phaseSpentMs, phaseStatus, plannedMs, startClock, stopClock, totalSpentMs } from '../../../../src/lib/practice/timer.ts';

const T0 = Date.UTC(2026, 0, 1);
const iso = (ms: number) => new Date(T0 + ms).toISOString();
const min = 60_000;
const phases = [
  { id: 'clarify' as const, minutes: 5 },
  { id: 'high-level' as const, minutes: 10 },
  { id: 'deep-dive' as const, minutes: 20 },
  { id: 'wrap-up' as const, minutes: 5 },
];

describe('interview clock', () => {
  it('counts the running phase and banks it on Next phase', () => {
    let clock = startClock(iso(0));
    expect(phaseSpentMs(clock, T0 + 3 * min).clarify).toBe(3 * min);
    clock = nextPhase(clock, iso(6 * min));
    expect(clock.phase).toBe('high-level');
    expect(phaseSpentMs(clock, T0 + 8 * min)).toEqual({ clarify: 6 * min, 'high-level': 2 * min, 'deep-dive': 0, 'wrap-up': 0 });
    expect(totalSpentMs(clock, T0 + 8 * min)).toBe(8 * min);
  });

  it('shows overtime plainly and fills the bar', () => {
    const clock = startClock(iso(0));
    expect(phaseStatus(clock, phases, T0 + 2 * min)).toMatchObject({ remainingMs: 3 * min, overtimeMs: 0, fraction: 0.4 });
    expect(phaseStatus(clock, phases, T0 + 7 * min)).toMatchObject({ remainingMs: 0, overtimeMs: 2 * min, fraction: 1 });
  });

  it('stops for good on submit, and never moves past the last phase', () => {
    let clock = startClock(iso(0));
    for (const at of [1, 2, 3]) clock = nextPhase(clock, iso(at * min));
    expect(clock.phase).toBe('wrap-up');
    expect(nextPhase(clock, iso(4 * min))).toBe(clock);
    const stopped = stopClock(clock, iso(5 * min));
    expect(stopped.since).toBeUndefined();
    expect(totalSpentMs(stopped, T0 + 60 * min)).toBe(5 * min);
    expect(stopClock(stopped, iso(9 * min))).toBe(stopped);
  });

  it('never counts time backwards', () => {
    const clock = startClock(iso(10 * min));
    expect(totalSpentMs(clock, T0)).toBe(0);
  });

  it('formats durations and sums the plan', () => {
    expect(formatClock(65_000)).toBe('1:05');
    expect(formatClock(3_725_000)).toBe('1:02:05');
    expect(formatClock(-5)).toBe('0:00');
    expect(plannedMs(phases)).toBe(40 * min);
  });
});
