import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { practiceAttemptSchema, progressId } from '../../../../src/schemas/progress.ts';
import { emptyProgress } from '../../../../src/lib/progress/model.ts';
import { reduceProgress } from '../../../../src/lib/progress/reducer.ts';
import {
  ATTEMPT_LIMITS,
  attemptIdFrom,
  capScratchpad,
  isAnswerUnlocked,
  reduceAttempt,
  restoreAttempt,
  serializeAttempt,
  startAttempt,
  toProgressAttempt,
  type Attempt,
  type AttemptAction,
} from '../../../../src/lib/practice/attempt.ts';
import { elapsed } from '../../../../src/lib/practice/timer.ts';
import type { RubricItem } from '../../../../src/lib/practice/scoring.ts';

const MIN = 60_000;
const T0 = Date.UTC(2025, 2, 1, 10, 0, 0);
const PROMPT = 'order-notifications';
const HINTS = 6;
const rubric: RubricItem[] = [
  { id: 'outbox', weight: 5 },
  { id: 'idempotency', weight: 3 },
  { id: 'dlq', weight: 2 },
];

function begin(now = T0): Attempt {
  const attempt = startAttempt(PROMPT, now);
  if (attempt === undefined) throw new Error('test setup: the attempt should start');
  return attempt;
}

/** Applies actions in order, each at its own time. */
function run(attempt: Attempt, steps: [AttemptAction, number][]): Attempt {
  return steps.reduce((state, [action, at]) => reduceAttempt(state, action, at), attempt);
}

const submittedAt = (attempt: Attempt, now: number) => run(attempt, [[{ type: 'submit' }, now]]);

describe('attempt: starting', () => {
  it('starts in progress with the clock running, nothing open and nothing written', () => {
    const attempt = begin();
    expect(attempt).toEqual({
      id: attemptIdFrom(T0),
      promptId: PROMPT,
      startedAt: T0,
      timer: { status: 'running', accumulatedMs: 0, since: T0 },
      hintsRevealed: 0,
      scratchpad: '',
      ticked: [],
      status: 'in-progress',
    });
    expect(isAnswerUnlocked(attempt)).toBe(false);
  });

  it('derives an id from the start time that progress accepts as an id', () => {
    expect(attemptIdFrom(T0)).toBe(`a-${T0.toString(36)}`);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(9999, 0, 1) }), (ms) => {
        expect(progressId.safeParse(attemptIdFrom(ms)).success).toBe(true);
      }),
    );
  });

  it('uses an injected id maker, and falls back to the derived id when it makes an invalid id', () => {
    expect(startAttempt(PROMPT, T0, () => 'attempt-7')?.id).toBe('attempt-7');
    expect(startAttempt(PROMPT, T0, () => 'Not An Id')?.id).toBe(attemptIdFrom(T0));
    expect(startAttempt(PROMPT, T0, () => 'constructor')?.id).toBe(attemptIdFrom(T0));
  });

  it('refuses to start what could never be saved', () => {
    expect(startAttempt('Bad Prompt', T0)).toBeUndefined();
    expect(startAttempt(PROMPT, Number.NaN)).toBeUndefined();
    expect(startAttempt(PROMPT, -1)).toBeUndefined();
  });
});

describe('attempt: a full attempt, submitted and scored', () => {
  const finished = run(begin(), [
    [{ type: 'reveal-hint', total: HINTS }, T0 + 2 * MIN],
    [{ type: 'edit-scratchpad', text: 'Outbox table, relay, consumers keyed by order id' }, T0 + 3 * MIN],
    [{ type: 'pause' }, T0 + 10 * MIN],
    [{ type: 'resume' }, T0 + 40 * MIN],
    [{ type: 'reveal-hint', total: HINTS }, T0 + 41 * MIN],
    [{ type: 'submit' }, T0 + 60 * MIN],
    [{ type: 'tick', itemId: 'outbox' }, T0 + 61 * MIN],
    [{ type: 'tick', itemId: 'dlq' }, T0 + 61 * MIN],
    [{ type: 'tick', itemId: 'idempotency' }, T0 + 61 * MIN],
    [{ type: 'untick', itemId: 'dlq' }, T0 + 62 * MIN],
    [{ type: 'score', rubric }, T0 + 63 * MIN],
  ]);

  it('counts running time only, stops the clock at submit and keeps what was done', () => {
    expect(finished.timer).toEqual({ status: 'finished', accumulatedMs: 30 * MIN });
    expect(finished).toMatchObject({ status: 'scored', endedAt: T0 + 60 * MIN, hintsRevealed: 2, ticked: ['outbox', 'idempotency'] });
    expect(finished.scratchpad).toBe('Outbox table, relay, consumers keyed by order id');
  });

  it('scores the ticked weight minus the hint cost: 80 − 2 × 5 = 70', () => {
    expect(finished.score).toBe(70);
  });

  it('converts to the progress record, which the progress store accepts', () => {
    const record = toProgressAttempt(finished, T0 + 90 * MIN);
    expect(record).toEqual({
      id: attemptIdFrom(T0),
      startedAt: '2025-03-01T10:00:00.000Z',
      submittedAt: '2025-03-01T11:00:00.000Z',
      elapsedMs: 30 * MIN,
      hintsUsed: 2,
      score: 70,
    });
    expect(practiceAttemptSchema.safeParse(record).success).toBe(true);
    const progress = reduceProgress(emptyProgress(), { type: 'practice/record', promptId: PROMPT, attempt: record }, new Date(T0 + 90 * MIN));
    expect(progress.practice[PROMPT]?.attempts).toEqual([record]);
  });

  it('is final once scored: no more ticks, scores or clock changes', () => {
    for (const action of [{ type: 'tick', itemId: 'dlq' }, { type: 'score', rubric: [] }, { type: 'resume' }, { type: 'give-up' }] as const) {
      expect(reduceAttempt(finished, action, T0 + 99 * MIN)).toBe(finished);
    }
  });
});

describe('attempt: giving up', () => {
  const started = run(begin(), [[{ type: 'reveal-hint', total: HINTS }, T0 + MIN]]);
  const gaveUp = reduceAttempt(started, { type: 'give-up' }, T0 + 8 * MIN);

  it('stops the clock and opens the model answer', () => {
    expect(gaveUp).toMatchObject({ status: 'gave-up', endedAt: T0 + 8 * MIN, timer: { status: 'finished', accumulatedMs: 8 * MIN } });
    expect(isAnswerUnlocked(gaveUp)).toBe(true);
  });

  it('is never scored, and rubric items cannot be ticked', () => {
    expect(reduceAttempt(gaveUp, { type: 'tick', itemId: 'outbox' }, T0 + 9 * MIN)).toBe(gaveUp);
    expect(reduceAttempt(gaveUp, { type: 'score', rubric }, T0 + 9 * MIN)).toBe(gaveUp);
    expect(gaveUp.score).toBeUndefined();
  });

  it('is recorded as over (with a submittedAt) but without a score', () => {
    const record = toProgressAttempt(gaveUp, T0 + 20 * MIN);
    expect(record).toEqual({ id: started.id, startedAt: '2025-03-01T10:00:00.000Z', submittedAt: '2025-03-01T10:08:00.000Z', elapsedMs: 8 * MIN, hintsUsed: 1 });
    expect(practiceAttemptSchema.safeParse(record).success).toBe(true);
  });

  it('works from a paused clock too, keeping only the time run', () => {
    const paused = reduceAttempt(begin(), { type: 'pause' }, T0 + 4 * MIN);
    expect(reduceAttempt(paused, { type: 'give-up' }, T0 + 30 * MIN).timer).toEqual({ status: 'finished', accumulatedMs: 4 * MIN });
  });
});

describe('attempt: while in progress', () => {
  it('records running time so far, in whole milliseconds, with no submittedAt or score', () => {
    const record = toProgressAttempt(begin(), T0 + 1234.75);
    expect(record).toEqual({ id: attemptIdFrom(T0), startedAt: '2025-03-01T10:00:00.000Z', elapsedMs: 1234, hintsUsed: 0 });
  });

  it('opens hints one per action and never more than the prompt has', () => {
    let attempt = begin();
    for (let i = 0; i < HINTS + 3; i += 1) attempt = reduceAttempt(attempt, { type: 'reveal-hint', total: HINTS }, T0 + i);
    expect(attempt.hintsRevealed).toBe(HINTS);
  });

  it('lets hints open and the scratchpad change while paused', () => {
    const paused = reduceAttempt(begin(), { type: 'pause' }, T0 + MIN);
    const after = run(paused, [
      [{ type: 'reveal-hint', total: HINTS }, T0 + 2 * MIN],
      [{ type: 'edit-scratchpad', text: 'notes' }, T0 + 2 * MIN],
    ]);
    expect(after).toMatchObject({ hintsRevealed: 1, scratchpad: 'notes', timer: { status: 'paused' } });
  });

  it('caps the scratchpad at 50,000 characters without splitting an emoji', () => {
    expect(ATTEMPT_LIMITS.scratchpadLength).toBe(50_000);
    const long = reduceAttempt(begin(), { type: 'edit-scratchpad', text: 'x'.repeat(60_000) }, T0);
    expect(long.scratchpad).toHaveLength(50_000);
    const emoji = capScratchpad(`${'x'.repeat(49_999)}🙂`);
    expect(emoji).toBe('x'.repeat(49_999));
  });

  it('keeps learner text byte for byte, markup included', () => {
    const text = '<script>alert(1)</script>\n  indented\t🙂';
    expect(reduceAttempt(begin(), { type: 'edit-scratchpad', text }, T0).scratchpad).toBe(text);
  });

  it('does not tick rubric items before the answer is submitted', () => {
    const attempt = begin();
    expect(reduceAttempt(attempt, { type: 'tick', itemId: 'outbox' }, T0)).toBe(attempt);
  });
});

describe('attempt: actions that change nothing return the same object', () => {
  const inProgress = begin();
  const paused = reduceAttempt(inProgress, { type: 'pause' }, T0 + MIN);
  const submitted = submittedAt(inProgress, T0 + 5 * MIN);
  const ticked = reduceAttempt(submitted, { type: 'tick', itemId: 'outbox' }, T0 + 6 * MIN);
  const cases: [string, Attempt, AttemptAction, number?][] = [
    ['resume a running attempt', inProgress, { type: 'resume' }],
    ['pause a paused attempt', paused, { type: 'pause' }],
    ['set the same scratchpad text', inProgress, { type: 'edit-scratchpad', text: '' }],
    ['open a hint on a prompt without hints', inProgress, { type: 'reveal-hint', total: 0 }],
    ['submit twice', submitted, { type: 'submit' }],
    ['give up after submitting', submitted, { type: 'give-up' }],
    ['open a hint after submitting', submitted, { type: 'reveal-hint', total: HINTS }],
    ['edit the scratchpad after submitting', submitted, { type: 'edit-scratchpad', text: 'late' }],
    ['pause after submitting', submitted, { type: 'pause' }],
    ['tick an item twice', ticked, { type: 'tick', itemId: 'outbox' }],
    ['tick an id that is not a rubric id', submitted, { type: 'tick', itemId: 'Not An Id' }],
    ['untick an item that is not ticked', ticked, { type: 'untick', itemId: 'dlq' }],
    ['score before submitting', inProgress, { type: 'score', rubric }],
    ['submit at a time that is not a number', inProgress, { type: 'submit' }, Number.NaN],
    ['an unknown action', inProgress, { type: 'explode' } as unknown as AttemptAction],
  ];
  it.each(cases)('%s', (_name, attempt, action, now = T0 + 10 * MIN) => {
    expect(reduceAttempt(attempt, action, now)).toBe(attempt);
  });

  it('never ticks more than the limit', () => {
    let attempt = submitted;
    for (let i = 0; i < ATTEMPT_LIMITS.tickedPerAttempt + 5; i += 1) attempt = reduceAttempt(attempt, { type: 'tick', itemId: `item-${i}` }, T0);
    expect(attempt.ticked).toHaveLength(ATTEMPT_LIMITS.tickedPerAttempt);
  });
});

describe('attempt: reload', () => {
  it('brings a running attempt back still counting the time the page was away', () => {
    const attempt = run(begin(), [
      [{ type: 'reveal-hint', total: HINTS }, T0 + MIN],
      [{ type: 'edit-scratchpad', text: 'half an answer' }, T0 + 2 * MIN],
    ]);
    const restored = restoreAttempt(serializeAttempt(attempt), T0 + 10 * MIN);
    expect(restored).toEqual(attempt);
    expect(restored && elapsed(restored.timer, T0 + 10 * MIN)).toBe(10 * MIN);
  });

  it('brings a paused attempt back paused', () => {
    const paused = reduceAttempt(begin(), { type: 'pause' }, T0 + 3 * MIN);
    const restored = restoreAttempt(serializeAttempt(paused), T0 + 300 * MIN);
    expect(restored).toEqual(paused);
    expect(restored && toProgressAttempt(restored, T0 + 300 * MIN).elapsedMs).toBe(3 * MIN);
  });

  it('brings submitted, given-up and scored attempts back as they were', () => {
    const submitted = run(submittedAt(begin(), T0 + 5 * MIN), [[{ type: 'tick', itemId: 'dlq' }, T0 + 6 * MIN]]);
    const scored = reduceAttempt(submitted, { type: 'score', rubric }, T0 + 7 * MIN);
    const gaveUp = reduceAttempt(begin(), { type: 'give-up' }, T0 + MIN);
    for (const attempt of [submitted, scored, gaveUp]) {
      expect(restoreAttempt(serializeAttempt(attempt), T0 + 60 * MIN)).toEqual(attempt);
    }
  });

  it('cuts an over-long stored scratchpad to the limit instead of losing it', () => {
    const stored = JSON.parse(serializeAttempt(begin()));
    stored.attempt.scratchpad = 'y'.repeat(70_000);
    expect(restoreAttempt(JSON.stringify(stored), T0)?.scratchpad).toHaveLength(50_000);
  });

  const good = JSON.parse(serializeAttempt(begin())).attempt;
  const overGood = JSON.parse(serializeAttempt(submittedAt(begin(), T0 + MIN))).attempt;
  const withField = (base: Record<string, unknown>, changes: Record<string, unknown>) => JSON.stringify({ version: 1, attempt: { ...base, ...changes } });
  it.each<[string, string | null | undefined]>([
    ['nothing stored', null],
    ['undefined', undefined],
    ['empty text', ''],
    ['text that is not JSON', 'not json'],
    ['JSON cut off', serializeAttempt(begin()).slice(0, 40)],
    ['JSON null', 'null'],
    ['a list', '[]'],
    ['no version', JSON.stringify({ attempt: good })],
    ['a newer version', JSON.stringify({ version: 2, attempt: good })],
    ['no attempt', JSON.stringify({ version: 1 })],
    ['a bad attempt id', withField(good, { id: 'Bad Id' })],
    ['a reserved prompt id', withField(good, { promptId: '__proto__' })],
    ['a start time as text', withField(good, { startedAt: '2025-03-01T10:00:00.000Z' })],
    ['a start time before 1970', withField(good, { startedAt: -5 })],
    ['a malformed timer', withField(good, { timer: { status: 'running' } })],
    ['negative hints', withField(good, { hintsRevealed: -1 })],
    ['fractional hints', withField(good, { hintsRevealed: 1.5 })],
    ['too many hints', withField(good, { hintsRevealed: 1_001 })],
    ['a scratchpad that is not text', withField(good, { scratchpad: 42 })],
    ['ticked items that are not a list', withField(good, { ticked: 'outbox' })],
    ['a ticked item twice', withField(overGood, { ticked: ['dlq', 'dlq'] })],
    ['a ticked id that is not an id', withField(overGood, { ticked: ['Outbox!'] })],
    ['an unknown status', withField(good, { status: 'paused' })],
    ['a submitted attempt with a running clock', withField(good, { status: 'submitted', endedAt: T0 })],
    ['an attempt in progress with a stopped clock', withField(overGood, { status: 'in-progress', endedAt: undefined })],
    ['an attempt in progress with an end time', withField(good, { endedAt: T0 })],
    ['a submitted attempt without an end time', withField(overGood, { endedAt: undefined })],
    ['a score on an unscored attempt', withField(overGood, { score: 50 })],
    ['a scored attempt without a score', withField(overGood, { status: 'scored' })],
    ['a score over 100', withField(overGood, { status: 'scored', score: 101 })],
  ])('gives undefined for %s, without throwing', (_name, raw) => {
    expect(restoreAttempt(raw, T0)).toBeUndefined();
  });
});

describe('attempt: properties', () => {
  const actionArb: fc.Arbitrary<AttemptAction> = fc.oneof(
    fc.constant({ type: 'pause' as const }),
    fc.constant({ type: 'resume' as const }),
    fc.constant({ type: 'submit' as const }),
    fc.constant({ type: 'give-up' as const }),
    fc.nat(12).map((total) => ({ type: 'reveal-hint' as const, total })),
    fc.string({ maxLength: 30 }).map((text) => ({ type: 'edit-scratchpad' as const, text })),
    fc.constantFrom('outbox', 'dlq', 'idempotency', 'unknown').map((itemId) => ({ type: 'tick' as const, itemId })),
    fc.constantFrom('outbox', 'dlq').map((itemId) => ({ type: 'untick' as const, itemId })),
    fc.constant({ type: 'score' as const, rubric }),
  );
  const stepsArb = fc.array(fc.tuple(actionArb, fc.nat(20 * MIN)), { maxLength: 25 });

  it('whatever the learner does, the progress record is valid and a reload gives the same attempt', () => {
    fc.assert(
      fc.property(stepsArb, fc.nat(20 * MIN), (steps, tail) => {
        let attempt = begin();
        let now = T0;
        let lastElapsed = 0;
        for (const [action, gap] of steps) {
          now += gap;
          attempt = reduceAttempt(attempt, action, now);
          const record = toProgressAttempt(attempt, now);
          expect(practiceAttemptSchema.safeParse(record).success).toBe(true);
          expect(record.elapsedMs).toBeGreaterThanOrEqual(lastElapsed);
          lastElapsed = record.elapsedMs;
          expect(restoreAttempt(serializeAttempt(attempt), now + tail)).toEqual(attempt);
        }
        expect(attempt.score === undefined).toBe(attempt.status !== 'scored');
        expect(attempt.endedAt === undefined).toBe(attempt.status === 'in-progress');
      }),
    );
  });

  it('never throws on arbitrary stored text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (raw) => {
        expect(() => restoreAttempt(raw, T0)).not.toThrow();
      }),
    );
  });
});
