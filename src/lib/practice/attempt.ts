import type { PracticeAttempt } from '../../schemas/progress.ts';
import { isDurationMs, isMomentMs, isPracticeId, isRecord, MAX_TIMESTAMP_MS, own, toIso } from './plain-data.ts';
import { scoreAttempt, MAX_SCORE, type RubricItem } from './scoring.ts';
import { elapsed, finish, IDLE_TIMER, pause, restoreTimer, resume, serializeTimer, start, type TimerState } from './timer.ts';

/** Hard limits on one attempt, so whatever the reducer writes can always be stored and read back. */
export const ATTEMPT_LIMITS = {
  /** Longest scratchpad, in characters (UTF-16 code units); longer text is cut to this length. */
  scratchpadLength: 50_000,
  /** Most hints one attempt can count (the progress record's limit). */
  hintsPerAttempt: 1_000,
  /** Most rubric items one attempt can tick. */
  tickedPerAttempt: 50,
} as const;

/** The version of the shape {@link serializeAttempt} writes; anything else is not restored. */
export const ATTEMPT_FORMAT_VERSION = 1;

/** The shape of a rubric item id (as in the practice schema). */
const RUBRIC_ID_PATTERN = /^[a-z0-9-]{1,40}$/;

/**
 * Where an attempt stands. `in-progress` until the learner submits or gives up; a submitted attempt
 * is self-assessed by ticking rubric items and becomes `scored` once scored. Giving up and scoring
 * are final.
 */
export type AttemptStatus = 'in-progress' | 'submitted' | 'gave-up' | 'scored';

/** One go at a practice prompt while the learner is on its page. Times are milliseconds since the epoch. */
export interface Attempt {
  /** Id of the attempt, unique for the prompt; the progress record is keyed by it. */
  readonly id: string;
  /** Id of the prompt being attempted. */
  readonly promptId: string;
  /** When the attempt started. */
  readonly startedAt: number;
  /** The interview clock. */
  readonly timer: TimerState;
  /** How many hints are open (the first that many of the prompt's hints). */
  readonly hintsRevealed: number;
  /** The learner's working notes, plain text, at most {@link ATTEMPT_LIMITS.scratchpadLength} characters. */
  readonly scratchpad: string;
  /** Ids of the rubric items the learner ticked, in the order ticked, each once. */
  readonly ticked: readonly string[];
  /** Where the attempt stands. */
  readonly status: AttemptStatus;
  /** When the learner submitted or gave up; absent while in progress. */
  readonly endedAt?: number;
  /** The final score (0–100) once scored; absent otherwise. */
  readonly score?: number;
}

/** Something the learner did during an attempt. The time it happened is passed separately. */
export type AttemptAction =
  /** Pause the clock. */
  | { readonly type: 'pause' }
  /** Restart the paused clock. */
  | { readonly type: 'resume' }
  /** Open the next hint; `total` is how many hints the prompt has. */
  | { readonly type: 'reveal-hint'; readonly total: number }
  /** Replace the scratchpad text. */
  | { readonly type: 'edit-scratchpad'; readonly text: string }
  /** Hand the answer in: the clock stops and the model answer and rubric open. */
  | { readonly type: 'submit' }
  /** Stop without an answer: the clock stops and the model answer opens; no score. */
  | { readonly type: 'give-up' }
  /** Tick a rubric item as covered. */
  | { readonly type: 'tick'; readonly itemId: string }
  /** Untick a rubric item. */
  | { readonly type: 'untick'; readonly itemId: string }
  /** Score the ticked items against the prompt's rubric; final. */
  | { readonly type: 'score'; readonly rubric: readonly RubricItem[] };

/** An attempt id derived from its start time: `a-` and the milliseconds in base 36 (`a-m5x0k3c0`). */
export function attemptIdFrom(startedAtMs: number): string {
  const ms = isMomentMs(startedAtMs) ? Math.floor(startedAtMs) : 0;
  return `a-${ms.toString(36)}`;
}

/**
 * A new attempt at `promptId`, started at `now` with the clock running. `makeId` names it (by
 * default {@link attemptIdFrom}); a name that is not a valid progress id is replaced by the default.
 * `undefined` when `promptId` is not a valid progress id or `now` is not a moment a timestamp can
 * hold, since such an attempt could never be saved.
 */
export function startAttempt(promptId: string, now: number, makeId: (startedAtMs: number) => string = attemptIdFrom): Attempt | undefined {
  if (!isPracticeId(promptId) || !isMomentMs(now)) return undefined;
  const named = makeId(now);
  return {
    id: isPracticeId(named) ? named : attemptIdFrom(now),
    promptId,
    startedAt: now,
    timer: start(IDLE_TIMER, now),
    hintsRevealed: 0,
    scratchpad: '',
    ticked: [],
    status: 'in-progress',
  };
}

/**
 * `text` cut to {@link ATTEMPT_LIMITS.scratchpadLength} characters, without leaving half of a
 * character that takes two code units (an emoji) at the end.
 */
export function capScratchpad(text: string): string {
  if (text.length <= ATTEMPT_LIMITS.scratchpadLength) return text;
  const cut = text.slice(0, ATTEMPT_LIMITS.scratchpadLength);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** Whether the model answer may be shown: once the attempt is submitted, given up or scored. */
export function isAnswerUnlocked(attempt: Attempt): boolean {
  return attempt.status !== 'in-progress';
}

function withTimer(attempt: Attempt, timer: TimerState): Attempt {
  return timer === attempt.timer ? attempt : { ...attempt, timer };
}

/**
 * The attempt after one action at time `now`. Pure. While in progress the clock can be paused and
 * resumed, hints opened and the scratchpad edited (paused or not); submit and give-up stop the
 * clock. Rubric items are ticked only after submitting, and scoring ends the attempt. An action that
 * does not fit where the attempt stands, or would change nothing, returns the very same object.
 */
export function reduceAttempt(attempt: Attempt, action: AttemptAction, now: number): Attempt {
  const inProgress = attempt.status === 'in-progress';
  const submitted = attempt.status === 'submitted';
  switch (action.type) {
    case 'pause':
      return inProgress ? withTimer(attempt, pause(attempt.timer, now)) : attempt;
    case 'resume':
      return inProgress ? withTimer(attempt, resume(attempt.timer, now)) : attempt;
    case 'reveal-hint': {
      const total = Math.min(action.total, ATTEMPT_LIMITS.hintsPerAttempt);
      if (!inProgress || !(attempt.hintsRevealed < total)) return attempt;
      return { ...attempt, hintsRevealed: attempt.hintsRevealed + 1 };
    }
    case 'edit-scratchpad': {
      if (!inProgress || typeof action.text !== 'string') return attempt;
      const scratchpad = capScratchpad(action.text);
      return scratchpad === attempt.scratchpad ? attempt : { ...attempt, scratchpad };
    }
    case 'submit':
    case 'give-up': {
      if (!inProgress || !Number.isFinite(now)) return attempt;
      const endedAt = Math.min(Math.max(now, attempt.startedAt), MAX_TIMESTAMP_MS);
      const status = action.type === 'submit' ? 'submitted' : 'gave-up';
      return { ...attempt, timer: finish(attempt.timer, now), status, endedAt };
    }
    case 'tick': {
      const { itemId } = action;
      const fits = typeof itemId === 'string' && RUBRIC_ID_PATTERN.test(itemId) && attempt.ticked.length < ATTEMPT_LIMITS.tickedPerAttempt;
      if (!submitted || !fits || attempt.ticked.includes(itemId)) return attempt;
      return { ...attempt, ticked: [...attempt.ticked, itemId] };
    }
    case 'untick':
      if (!submitted || !attempt.ticked.includes(action.itemId)) return attempt;
      return { ...attempt, ticked: attempt.ticked.filter((id) => id !== action.itemId) };
    case 'score':
      if (!submitted) return attempt;
      return { ...attempt, status: 'scored', score: scoreAttempt(action.rubric, attempt.ticked, attempt.hintsRevealed).final };
    default:
      return attempt;
  }
}

/**
 * The attempt as the progress store records it (`practice/record`) at time `now`: ISO timestamps,
 * whole milliseconds of running time, the hints opened and the score if scored. A given-up attempt
 * has a `submittedAt` (it is over) and no score. Never throws, whatever the attempt holds.
 */
export function toProgressAttempt(attempt: Attempt, now: number): PracticeAttempt {
  const ms = Math.floor(elapsed(attempt.timer, now));
  const hints = attempt.hintsRevealed;
  return {
    id: attempt.id,
    startedAt: toIso(attempt.startedAt),
    ...(attempt.endedAt === undefined ? {} : { submittedAt: toIso(attempt.endedAt) }),
    elapsedMs: isDurationMs(ms) ? ms : 0,
    hintsUsed: Number.isSafeInteger(hints) ? Math.min(Math.max(hints, 0), ATTEMPT_LIMITS.hintsPerAttempt) : 0,
    ...(attempt.score === undefined ? {} : { score: attempt.score }),
  };
}

/** The attempt as text to keep in storage across a reload (see {@link restoreAttempt}). */
export function serializeAttempt(attempt: Attempt): string {
  return JSON.stringify({
    version: ATTEMPT_FORMAT_VERSION,
    attempt: {
      id: attempt.id,
      promptId: attempt.promptId,
      startedAt: attempt.startedAt,
      timer: serializeTimer(attempt.timer),
      hintsRevealed: attempt.hintsRevealed,
      scratchpad: attempt.scratchpad,
      ticked: attempt.ticked,
      status: attempt.status,
      endedAt: attempt.endedAt,
      score: attempt.score,
    },
  });
}

const STATUSES: readonly string[] = ['in-progress', 'submitted', 'gave-up', 'scored'] satisfies AttemptStatus[];

function isStatus(value: unknown): value is AttemptStatus {
  return typeof value === 'string' && STATUSES.includes(value);
}

function readTicked(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length > ATTEMPT_LIMITS.tickedPerAttempt) return undefined;
  const ids: unknown[] = value;
  const valid = ids.every((id, index) => typeof id === 'string' && RUBRIC_ID_PATTERN.test(id) && ids.indexOf(id) === index);
  return valid ? (ids as string[]) : undefined;
}

/**
 * An attempt read back from {@link serializeAttempt}'s text at time `now`, or `undefined` when there
 * is none or it cannot be trusted: not JSON, another format version, a missing or ill-typed field,
 * or parts that contradict each other (a clock still running on a submitted attempt, a score on an
 * unscored one). Never throws. A scratchpad over the length limit is cut to it rather than lost.
 * The clock restores as {@link restoreTimer} says: a running one has kept counting while the page
 * was away; a paused one is still paused.
 */
export function restoreAttempt(raw: string | null | undefined, now: number): Attempt | undefined {
  if (typeof raw !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || own(parsed, 'version') !== ATTEMPT_FORMAT_VERSION) return undefined;
  const data = own(parsed, 'attempt');
  if (!isRecord(data)) return undefined;

  const id = own(data, 'id');
  const promptId = own(data, 'promptId');
  const startedAt = own(data, 'startedAt');
  const timer = restoreTimer(own(data, 'timer'), now);
  const hintsRevealed = own(data, 'hintsRevealed');
  const scratchpad = own(data, 'scratchpad');
  const ticked = readTicked(own(data, 'ticked'));
  const status = own(data, 'status');
  const endedAt = own(data, 'endedAt');
  const score = own(data, 'score');

  if (!isPracticeId(id) || !isPracticeId(promptId) || !isMomentMs(startedAt) || timer === undefined) return undefined;
  if (typeof hintsRevealed !== 'number' || !Number.isSafeInteger(hintsRevealed)) return undefined;
  if (hintsRevealed < 0 || hintsRevealed > ATTEMPT_LIMITS.hintsPerAttempt) return undefined;
  if (typeof scratchpad !== 'string' || ticked === undefined || !isStatus(status)) return undefined;

  const over = status !== 'in-progress';
  const clockFits = over ? timer.status === 'finished' : timer.status === 'running' || timer.status === 'paused';
  const endFits = over ? isMomentMs(endedAt) : endedAt === undefined;
  const scoreFits =
    status === 'scored' ? typeof score === 'number' && Number.isFinite(score) && score >= 0 && score <= MAX_SCORE : score === undefined;
  if (!clockFits || !endFits || !scoreFits) return undefined;

  return {
    id,
    promptId,
    startedAt,
    timer,
    hintsRevealed,
    scratchpad: capScratchpad(scratchpad),
    ticked,
    status,
    ...(isMomentMs(endedAt) ? { endedAt } : {}),
    ...(typeof score === 'number' ? { score } : {}),
  };
}
