import {
  PROGRESS_LIMITS,
  type PracticeAttempt,
  type PracticeEntry,
  type ProgressData,
  type QuizAttempt,
  type QuizEntry,
} from '../../schemas/progress.ts';
import { canonicalize, canonicalJson } from './canonical-json.ts';
import { emptyRecord, readEntry } from './model.ts';

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function later(a: string, b: string): string {
  return a >= b ? a : b;
}

/**
 * Of two versions of one item, the one changed last. Equal times are settled by content so the
 * choice never depends on which side is which.
 */
export function newestWins<T extends { updatedAt: string }>(a: T, b: T): T {
  const order = compareText(a.updatedAt, b.updatedAt) || compareText(canonicalJson(a), canonicalJson(b));
  return canonicalize(order >= 0 ? a : b);
}

/**
 * Every quiz answer from both lists, once each (an answer is the same answer when its time and
 * content match), oldest first. Only past {@link PROGRESS_LIMITS.attemptsPerItem} are the oldest dropped.
 */
export function unionQuizAttempts(a: readonly QuizAttempt[], b: readonly QuizAttempt[]): QuizAttempt[] {
  const byContent = new Map<string, QuizAttempt>();
  for (const attempt of [...a, ...b]) byContent.set(canonicalJson(attempt), canonicalize(attempt));
  return [...byContent]
    .sort(([keyA, x], [keyB, y]) => compareText(x.at, y.at) || compareText(keyA, keyB))
    .slice(-PROGRESS_LIMITS.attemptsPerItem)
    .map(([, attempt]) => attempt);
}

/**
 * Of two saves of the same practice attempt, the further along one: submitted beats unsubmitted,
 * scored beats unscored, then more time spent, then more hints used. Saves only ever move forward
 * along this order, so the result is the latest save whichever side it came from.
 */
export function furtherAttempt(a: PracticeAttempt, b: PracticeAttempt): PracticeAttempt {
  const rank = (x: PracticeAttempt) => [x.submittedAt === undefined ? 0 : 1, x.score === undefined ? 0 : 1, x.elapsedMs, x.hintsUsed];
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < ra.length; i += 1) {
    const diff = (ra[i] ?? 0) - (rb[i] ?? 0);
    if (diff !== 0) return canonicalize(diff > 0 ? a : b);
  }
  return canonicalize(compareText(canonicalJson(a), canonicalJson(b)) >= 0 ? a : b);
}

/**
 * Every practice attempt from both lists, one per attempt id (the further-along save of each),
 * ordered by start time. Only past {@link PROGRESS_LIMITS.attemptsPerItem} are the oldest dropped.
 */
export function unionPracticeAttempts(a: readonly PracticeAttempt[], b: readonly PracticeAttempt[]): PracticeAttempt[] {
  const byId = new Map<string, PracticeAttempt>();
  for (const attempt of [...a, ...b]) {
    const seen = byId.get(attempt.id);
    byId.set(attempt.id, seen === undefined ? canonicalize(attempt) : furtherAttempt(seen, attempt));
  }
  return [...byId.values()]
    .sort((x, y) => compareText(x.startedAt, y.startedAt) || compareText(x.id, y.id))
    .slice(-PROGRESS_LIMITS.attemptsPerItem);
}

function joinQuiz(a: QuizEntry, b: QuizEntry): QuizEntry {
  return { attempts: unionQuizAttempts(a.attempts, b.attempts), updatedAt: later(a.updatedAt, b.updatedAt) };
}

function joinPractice(a: PracticeEntry, b: PracticeEntry): PracticeEntry {
  return { attempts: unionPracticeAttempts(a.attempts, b.attempts), updatedAt: later(a.updatedAt, b.updatedAt) };
}

/**
 * Both records' ids with their entries joined. Ids are visited in sorted order, and if the union
 * would pass {@link PROGRESS_LIMITS.entriesPerRecord} the ids sorting last are left out: a fixed rule,
 * so the result does not depend on the order of merges.
 */
function mergeRecord<T>(
  a: Readonly<Record<string, T>>,
  b: Readonly<Record<string, T>>,
  join: (x: T, y: T) => T,
): Record<string, T> {
  const ids = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort().slice(0, PROGRESS_LIMITS.entriesPerRecord);
  const out = emptyRecord<T>();
  for (const id of ids) {
    const x = readEntry(a, id);
    const y = readEntry(b, id);
    const first = x ?? y;
    const second = y ?? x;
    if (first !== undefined && second !== undefined) out[id] = join(first, second);
  }
  return out;
}

/**
 * Two copies of a learner's progress combined so nothing either side recorded is lost: per item the
 * newest change wins (lessons, notes, review cards, challenges) and quiz and practice attempts are
 * unioned. If one copy was wiped more recently (higher `generation`), that copy wins outright.
 * Commutative, associative and idempotent, so tabs and imports can merge in any order.
 */
export function mergeProgress(a: ProgressData, b: ProgressData): ProgressData {
  if (a.generation !== b.generation) return a.generation > b.generation ? a : b;
  return {
    generation: a.generation,
    lessons: mergeRecord(a.lessons, b.lessons, newestWins),
    notes: mergeRecord(a.notes, b.notes, newestWins),
    quiz: mergeRecord(a.quiz, b.quiz, joinQuiz),
    practice: mergeRecord(a.practice, b.practice, joinPractice),
    review: mergeRecord(a.review, b.review, newestWins),
    challenges: mergeRecord(a.challenges, b.challenges, newestWins),
  };
}

/**
 * The same progress in its one canonical form: attempts sorted and de-duplicated, limits applied,
 * keys in sorted order, records without prototypes. Everything read from outside passes through it.
 */
export function normalizeProgress(data: ProgressData): ProgressData {
  return mergeProgress(data, { ...data });
}
