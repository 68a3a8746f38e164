/**
 * Guards for practice data read back from storage. Stored data may be stale, hand-edited or cut
 * off, so nothing read from it is trusted until one of these has checked it; none of them throws.
 * The limits mirror `src/schemas/progress.ts` (a test pins them) without importing its validator,
 * so the practice island does not pay for one.
 */

/** The last moment an ISO timestamp in progress can hold: the end of year 9999. */
export const MAX_TIMESTAMP_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** The shape of every id progress is keyed by: lowercase letters, digits and hyphens, 1–100 characters. */
export const PRACTICE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;

// Words that reach an object's prototype when used as a key; never valid ids.
const FORBIDDEN_IDS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Whether `value` is an id progress can be keyed by (prompt or attempt id). */
export function isPracticeId(value: unknown): value is string {
  return typeof value === 'string' && PRACTICE_ID_PATTERN.test(value) && !FORBIDDEN_IDS.includes(value);
}

/** Whether `value` is a plain object such as `JSON.parse` makes (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The own property `key` of `record`, never one inherited from a prototype. */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Whether `value` is a length of time in milliseconds: a finite number from 0 to `Number.MAX_SAFE_INTEGER`. */
export function isDurationMs(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= Number.MAX_SAFE_INTEGER;
}

/** Whether `value` is a moment, in milliseconds since the epoch, that an ISO timestamp can hold. */
export function isMomentMs(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_TIMESTAMP_MS;
}

/** `ms` as an ISO timestamp, pulled into the range one can hold so that conversion never throws. */
export function toIso(ms: number): string {
  const inRange = Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_TIMESTAMP_MS) : 0;
  return new Date(inRange).toISOString();
}

/** The storage key the first version of the practice page kept a prompt's open attempt under. */
export function legacyAttemptKey(promptId: string): string {
  return `eda-course:practice:${promptId}`;
}

/**
 * The attempt id and scratchpad text kept under {@link legacyAttemptKey} by the first version of the
 * practice page (`{ version: 1, attempt: { id, scratchpad, … } }`), so the text can move into the
 * progress store; `undefined` for anything else. Never throws.
 */
export function readLegacyAttempt(raw: string | null): { id: string; scratchpad: string } | undefined {
  if (raw === null) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || own(parsed, 'version') !== 1) return undefined;
  const attempt = own(parsed, 'attempt');
  if (!isRecord(attempt)) return undefined;
  const id = own(attempt, 'id');
  const scratchpad = own(attempt, 'scratchpad');
  return isPracticeId(id) && typeof scratchpad === 'string' ? { id, scratchpad } : undefined;
}

/**
 * Whether stored progress text (`null`: nothing saved) may hold attempts at a prompt saved under
 * any of `promptIds`, read without the validator so the practice island can decide whether it needs
 * the full progress store before the learner starts. It answers `false` only when it is sure: the
 * text is a version-1 envelope (the version it knows) whose practice slot has none of the ids;
 * anything it cannot read answers `true`, and the store then reads (and recovers) it.
 */
export function mayHoldAttempts(raw: string | null, promptIds: readonly string[]): boolean {
  if (raw === null) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return true;
  }
  if (!isRecord(parsed) || own(parsed, 'version') !== 1) return true;
  const data = own(parsed, 'data');
  if (!isRecord(data)) return true;
  const practice = own(data, 'practice');
  if (practice === undefined) return false;
  if (!isRecord(practice)) return true;
  return promptIds.some((id) => own(practice, id) !== undefined);
}
