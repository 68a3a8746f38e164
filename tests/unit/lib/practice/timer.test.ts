import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  elapsed,
  finish,
  IDLE_TIMER,
  pause,
  phaseAt,
  phaseChangedBetween,
  plannedMs,
  restoreTimer,
  resume,
  serializeTimer,
  start,
  type TimerPhase,
  type TimerState,
} from '../../../../src/lib/practice/timer.ts';

const MIN = 60_000;
const T0 = Date.UTC(2025, 2, 1, 10, 0, 0);

/** A typical prompt: 5 + 10 + 20 + 5 = 40 minutes. */
const phases: TimerPhase[] = [
  { id: 'clarify', minutes: 5 },
  { id: 'high-level', minutes: 10 },
  { id: 'deep-dive', minutes: 20 },
  { id: 'wrap-up', minutes: 5 },
];

/** Reads a timer back the way a reload does: through JSON text. */
const reload = (state: TimerState, now: number) => restoreTimer(JSON.parse(JSON.stringify(serializeTimer(state))), now);

describe('timer: start, pause, resume, finish', () => {
  it('counts from the moment it starts', () => {
    const running = start(IDLE_TIMER, T0);
    expect(running).toEqual({ status: 'running', accumulatedMs: 0, since: T0 });
    expect(elapsed(running, T0)).toBe(0);
    expect(elapsed(running, T0 + 90_000)).toBe(90_000);
  });

  it('reads 0 before it starts', () => {
    expect(elapsed(IDLE_TIMER, T0)).toBe(0);
  });

  it('stands still while paused', () => {
    const paused = pause(start(IDLE_TIMER, T0), T0 + 10 * MIN);
    expect(paused).toEqual({ status: 'paused', accumulatedMs: 10 * MIN });
    expect(elapsed(paused, T0 + 10 * MIN)).toBe(10 * MIN);
    expect(elapsed(paused, T0 + 500 * MIN)).toBe(10 * MIN);
  });

  it('leaves paused time out once resumed', () => {
    const paused = pause(start(IDLE_TIMER, T0), T0 + 10 * MIN);
    const resumed = resume(paused, T0 + 70 * MIN);
    expect(elapsed(resumed, T0 + 70 * MIN)).toBe(10 * MIN);
    expect(elapsed(resumed, T0 + 100 * MIN)).toBe(40 * MIN);
  });

  it('freezes the final time when finished while running', () => {
    const finished = finish(start(IDLE_TIMER, T0), T0 + 25 * MIN);
    expect(finished).toEqual({ status: 'finished', accumulatedMs: 25 * MIN });
    expect(elapsed(finished, T0 + 90 * MIN)).toBe(25 * MIN);
  });

  it('keeps the time run before a pause when finished while paused', () => {
    const paused = pause(start(IDLE_TIMER, T0), T0 + 12 * MIN);
    expect(finish(paused, T0 + 60 * MIN)).toEqual({ status: 'finished', accumulatedMs: 12 * MIN });
  });

  it('never counts backwards when the clock jumps back', () => {
    const running = start(IDLE_TIMER, T0);
    expect(elapsed(running, T0 - 5_000)).toBe(0);
    expect(pause(running, T0 - 5_000)).toEqual({ status: 'paused', accumulatedMs: 0 });
  });

  it('does not start or resume at a time that is not a number', () => {
    expect(start(IDLE_TIMER, Number.NaN)).toBe(IDLE_TIMER);
    const paused = pause(start(IDLE_TIMER, T0), T0 + MIN);
    expect(resume(paused, Number.POSITIVE_INFINITY)).toBe(paused);
    expect(elapsed(start(IDLE_TIMER, T0), Number.NaN)).toBe(0);
  });
});

describe('timer: illegal transitions return the same state', () => {
  const running = start(IDLE_TIMER, T0);
  const paused = pause(running, T0 + MIN);
  const finished = finish(running, T0 + MIN);
  const cases: [string, TimerState, (s: TimerState, now: number) => TimerState][] = [
    ['start a running timer', running, start],
    ['start a paused timer', paused, start],
    ['start a finished timer', finished, start],
    ['pause an idle timer', IDLE_TIMER, pause],
    ['pause a paused timer', paused, pause],
    ['pause a finished timer', finished, pause],
    ['resume an idle timer', IDLE_TIMER, resume],
    ['resume a running timer', running, resume],
    ['resume a finished timer', finished, resume],
    ['finish an idle timer', IDLE_TIMER, finish],
    ['finish a finished timer', finished, finish],
  ];
  it.each(cases)('%s', (_name, state, transition) => {
    expect(transition(state, T0 + 30 * MIN)).toBe(state);
  });
});

describe('timer: phases', () => {
  it('plans the sum of the phase minutes', () => {
    expect(plannedMs(phases)).toBe(40 * MIN);
  });

  it('starts in the first phase with all of its time left', () => {
    expect(phaseAt(phases, 0)).toEqual({ phaseIndex: 0, phaseId: 'clarify', phaseElapsedMs: 0, phaseRemainingMs: 5 * MIN, overtime: false });
  });

  it.each([
    [5 * MIN - 1, 0, 'clarify', 5 * MIN - 1, 1],
    [5 * MIN, 1, 'high-level', 0, 10 * MIN],
    [15 * MIN - 1, 1, 'high-level', 10 * MIN - 1, 1],
    [15 * MIN, 2, 'deep-dive', 0, 20 * MIN],
    [35 * MIN, 3, 'wrap-up', 0, 5 * MIN],
    [40 * MIN - 1, 3, 'wrap-up', 5 * MIN - 1, 1],
  ])('at %i ms is in phase %i (%s), %i ms in, %i ms left', (at, phaseIndex, phaseId, phaseElapsedMs, phaseRemainingMs) => {
    expect(phaseAt(phases, at)).toEqual({ phaseIndex, phaseId, phaseElapsedMs, phaseRemainingMs, overtime: false });
  });

  it('runs into overtime in wrap-up once every phase has run out', () => {
    expect(phaseAt(phases, 40 * MIN)).toEqual({ phaseIndex: 3, phaseId: 'wrap-up', phaseElapsedMs: 5 * MIN, phaseRemainingMs: 0, overtime: true });
    expect(phaseAt(phases, 52 * MIN)).toEqual({ phaseIndex: 3, phaseId: 'wrap-up', phaseElapsedMs: 17 * MIN, phaseRemainingMs: 0, overtime: true });
  });

  it('treats a negative or unreadable elapsed time as the very start', () => {
    expect(phaseAt(phases, -MIN)?.phaseElapsedMs).toBe(0);
    expect(phaseAt(phases, Number.NaN)?.phaseId).toBe('clarify');
  });

  it('has no position without phases', () => {
    expect(phaseAt([], 10 * MIN)).toBeUndefined();
  });

  it('follows the timer: paused time does not move the phase on', () => {
    const paused = pause(start(IDLE_TIMER, T0), T0 + 4 * MIN);
    const resumed = resume(paused, T0 + 30 * MIN);
    expect(phaseAt(phases, elapsed(resumed, T0 + 30 * MIN + 59_000))?.phaseId).toBe('clarify');
    expect(phaseAt(phases, elapsed(resumed, T0 + 31 * MIN))?.phaseId).toBe('high-level');
  });
});

describe('timer: phase change announcements', () => {
  it('reports nothing while inside one phase', () => {
    expect(phaseChangedBetween(phases, MIN, 4 * MIN)).toBeUndefined();
    expect(phaseChangedBetween(phases, 5 * MIN, 6 * MIN)).toBeUndefined();
  });

  it('reports the new phase the tick it crosses a boundary', () => {
    expect(phaseChangedBetween(phases, 5 * MIN - 1, 5 * MIN)).toMatchObject({ phaseIndex: 1, phaseId: 'high-level', overtime: false });
    expect(phaseChangedBetween(phases, 14 * MIN, 16 * MIN)).toMatchObject({ phaseId: 'deep-dive' });
  });

  it('reports where it ended up when several phases passed at once', () => {
    expect(phaseChangedBetween(phases, MIN, 36 * MIN)).toMatchObject({ phaseId: 'wrap-up', overtime: false });
  });

  it('reports the start of overtime once, then nothing', () => {
    expect(phaseChangedBetween(phases, 39 * MIN, 40 * MIN)).toMatchObject({ phaseId: 'wrap-up', overtime: true });
    expect(phaseChangedBetween(phases, 41 * MIN, 60 * MIN)).toBeUndefined();
  });
});

describe('timer: reload restore', () => {
  it('keeps a running timer counting the wall-clock time the page was away', () => {
    const running = start(IDLE_TIMER, T0);
    const restored = reload(running, T0 + 7 * MIN);
    expect(restored).toEqual(running);
    expect(elapsed(restored ?? IDLE_TIMER, T0 + 7 * MIN)).toBe(7 * MIN);
  });

  it('keeps the time banked before a pause and after a resume across a reload', () => {
    const resumed = resume(pause(start(IDLE_TIMER, T0), T0 + 3 * MIN), T0 + 20 * MIN);
    const restored = reload(resumed, T0 + 25 * MIN);
    expect(elapsed(restored ?? IDLE_TIMER, T0 + 25 * MIN)).toBe(8 * MIN);
  });

  it('keeps a paused timer paused, whenever the page comes back', () => {
    const paused = pause(start(IDLE_TIMER, T0), T0 + 3 * MIN);
    const restored = reload(paused, T0 + 999 * MIN);
    expect(restored).toEqual({ status: 'paused', accumulatedMs: 3 * MIN });
    expect(elapsed(restored ?? IDLE_TIMER, T0 + 2_000 * MIN)).toBe(3 * MIN);
  });

  it('restores idle and finished timers as they were', () => {
    expect(reload(IDLE_TIMER, T0)).toEqual(IDLE_TIMER);
    const finished = finish(start(IDLE_TIMER, T0), T0 + MIN);
    expect(reload(finished, T0 + 60 * MIN)).toEqual(finished);
  });

  it('counts from now, not from a start time in the future, so the clock cannot freeze', () => {
    const restored = restoreTimer({ status: 'running', accumulatedMs: MIN, since: T0 + 365 * 24 * 60 * MIN }, T0);
    expect(restored).toEqual({ status: 'running', accumulatedMs: MIN, since: T0 });
    expect(elapsed(restored ?? IDLE_TIMER, T0 + MIN)).toBe(2 * MIN);
  });

  it('writes plain JSON-safe data', () => {
    const running = start(IDLE_TIMER, T0);
    expect(JSON.parse(JSON.stringify(serializeTimer(running)))).toEqual(serializeTimer(running));
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'running'],
    ['a list', [{ status: 'idle' }]],
    ['an empty object', {}],
    ['an unknown status', { status: 'stopped', accumulatedMs: 0 }],
    ['running without a start', { status: 'running', accumulatedMs: 0 }],
    ['running with a text start', { status: 'running', accumulatedMs: 0, since: '2025-03-01' }],
    ['running with an infinite start', { status: 'running', accumulatedMs: 0, since: Number.POSITIVE_INFINITY }],
    ['paused without time', { status: 'paused' }],
    ['negative time', { status: 'paused', accumulatedMs: -1 }],
    ['time that is not a number', { status: 'finished', accumulatedMs: Number.NaN }],
    ['time as text', { status: 'paused', accumulatedMs: '60000' }],
    ['time past the safe range', { status: 'paused', accumulatedMs: 2 ** 60 }],
    ['a status only on the prototype', JSON.parse('{"__proto__":{"status":"paused","accumulatedMs":5}}')],
  ])('gives undefined for %s', (_name, json) => {
    expect(restoreTimer(json, T0)).toBeUndefined();
  });
});

describe('timer: properties', () => {
  const opArb = fc.record({
    op: fc.constantFrom('start', 'pause', 'resume', 'finish'),
    gap: fc.integer({ min: 0, max: 10 * MIN }),
  });
  const ops = { start, pause, resume, finish } as const;

  it('elapsed is the sum of the running stretches and never goes down, also across reloads', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), fc.integer({ min: 0, max: 10 * MIN }), (steps, tail) => {
        let state: TimerState = IDLE_TIMER;
        let now = T0;
        let runningSum = 0;
        let last = 0;
        for (const { op, gap } of steps) {
          state = ops[op](state, now);
          // The model knows nothing of the timer's fields: only which stretches were spent running.
          const wasRunning = state.status === 'running';
          for (const probe of [now + Math.floor(gap / 2), now + gap]) {
            const value = elapsed(state, probe);
            expect(value).toBeGreaterThanOrEqual(last);
            last = value;
          }
          if (wasRunning) runningSum += gap;
          now += gap;
          expect(elapsed(state, now)).toBe(runningSum);
          expect(elapsed(reload(state, now) ?? IDLE_TIMER, now)).toBe(runningSum);
        }
        const end = elapsed(state, now + tail);
        expect(end).toBe(runningSum + (state.status === 'running' ? tail : 0));
      }),
    );
  });

  it('the phase never moves backwards as time runs on', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 * MIN }), { minLength: 2 }), (times) => {
        const sorted = [...times].sort((a, b) => a - b);
        const indexes = sorted.map((t) => phaseAt(phases, t)?.phaseIndex ?? -1);
        expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
      }),
    );
  });
});
