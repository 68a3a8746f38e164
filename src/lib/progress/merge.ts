import {
  ATTEMPT_LIMITS,
  PROGRESS_LIMITS,
  type FollowUpAttempt,
  type FollowUpEntry,
  type ScratchpadCopy,
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
  // An item only one side has is joined with itself (every item, when progress is normalised): no comparison needed.
  if (a === b) return canonicalize(a);
  const order = compareText(a.updatedAt, b.updatedAt) || compareText(canonicalJson(a), canonicalJson(b));
  return canonicalize(order >= 0 ? a : b);
}

/**
 * Every stamped entry (quiz answer, grading) from both lists, once each (the same entry when its time
 * and content match), oldest first. Only past `limit` are the oldest dropped.
 */
function unionStamped<T extends { at: string }>(a: readonly T[], b: readonly T[], limit: number): T[] {
  const byContent = new Map<string, T>();
  for (const entry of [...a, ...b]) byContent.set(canonicalJson(entry), canonicalize(entry));
  return [...byContent]
    .sort(([keyA, x], [keyB, y]) => compareText(x.at, y.at) || compareText(keyA, keyB))
    .slice(-limit)
    .map(([, entry]) => entry);
}

/** Every quiz answer from both lists, once each, oldest first (see {@link PROGRESS_LIMITS.attemptsPerItem}). */
export function unionQuizAttempts(a: readonly QuizAttempt[], b: readonly QuizAttempt[]): QuizAttempt[] {
  return unionStamped(a, b, PROGRESS_LIMITS.attemptsPerItem);
}

/** Of two stamped values, the one changed last; equal stamps are settled by content. */
function newestStamped<T extends { at: string }>(a: T | undefined, b: T | undefined): T | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return compareText(a.at, b.at) > 0 ? a : compareText(a.at, b.at) < 0 ? b : compareText(canonicalJson(a), canonicalJson(b)) >= 0 ? a : b;
}

function unionIds(a: readonly string[] | undefined, b: readonly string[] | undefined): string[] | undefined {
  if (a === undefined && b === undefined) return undefined;
  return [...new Set([...(a ?? []), ...(b ?? [])])].sort().slice(0, ATTEMPT_LIMITS.idsPerList);
}

function minDefined(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return compareText(a, b) <= 0 ? a : b;
}

/** Each tab's newest scratchpad copy, keeping only the newest copies past the limit. */
function joinScratchpads(
  a: Readonly<Record<string, ScratchpadCopy>> | undefined,
  b: Readonly<Record<string, ScratchpadCopy>> | undefined,
): Record<string, ScratchpadCopy> | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  const kept = Object.entries(mergeRecord(a, b, (x, y) => newestStamped(x, y) ?? x))
    .sort(([ta, x], [tb, y]) => compareText(y.at, x.at) || compareText(ta, tb))
    .slice(0, ATTEMPT_LIMITS.scratchpadCopies);
  return Object.assign(emptyRecord<ScratchpadCopy>(), Object.fromEntries(kept));
}

/**
 * Two saves of the same practice attempt joined field by field, so neither tab's work is lost:
 * lists (questions asked, hints taken, gradings) are unioned; the clock, diagram and estimates take
 * the newest change; each tab's scratchpad copy is kept (see `scratchpadCopySchema`); times and
 * counts take the furthest along. The score is the latest grading's. Commutative, associative and
 * idempotent, like every merge of progress.
 */
export function joinAttempts(a: PracticeAttempt, b: PracticeAttempt): PracticeAttempt {
  const hints = unionIds(a.hints, b.hints);
  const grades = a.grades === undefined && b.grades === undefined ? undefined : unionStamped(a.grades ?? [], b.grades ?? [], ATTEMPT_LIMITS.grades);
  const latest = grades?.at(-1);
  const score = latest?.score ?? (a.score === undefined || b.score === undefined ? (a.score ?? b.score) : Math.max(a.score, b.score));
  const joined: PracticeAttempt = {
    id: a.id,
    startedAt: minDefined(a.startedAt, b.startedAt) ?? a.startedAt,
    submittedAt: minDefined(a.submittedAt, b.submittedAt),
    elapsedMs: Math.max(a.elapsedMs, b.elapsedMs),
    hintsUsed: Math.min(Math.max(a.hintsUsed, b.hintsUsed, hints?.length ?? 0), PROGRESS_LIMITS.hintsPerAttempt),
    score,
    clock: newestStamped(a.clock, b.clock),
    scratchpad: joinScratchpads(a.scratchpad, b.scratchpad),
    diagram: newestStamped(a.diagram, b.diagram),
    estimates: newestStamped(a.estimates, b.estimates),
    asked: unionIds(a.asked, b.asked),
    hints,
    grades,
  };
  return canonicalize(joined);
}

/**
 * Every practice attempt from both lists, one per attempt id (both saves of each joined),
 * ordered by start time. Only past {@link PROGRESS_LIMITS.attemptsPerItem} are the oldest dropped.
 */
export function unionPracticeAttempts(a: readonly PracticeAttempt[], b: readonly PracticeAttempt[]): PracticeAttempt[] {
  const byId = new Map<string, PracticeAttempt>();
  for (const attempt of [...a, ...b]) {
    const seen = byId.get(attempt.id);
    byId.set(attempt.id, joinAttempts(seen ?? attempt, attempt));
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
 * Every follow-up answer from both lists, once each (the same time and content is the same
 * answer), oldest first. Only past {@link PROGRESS_LIMITS.attemptsPerItem} are the oldest dropped.
 */
export function unionFollowUpAttempts(a: readonly FollowUpAttempt[], b: readonly FollowUpAttempt[]): FollowUpAttempt[] {
  const byContent = new Map<string, FollowUpAttempt>();
  for (const attempt of [...a, ...b]) byContent.set(canonicalJson(attempt), canonicalize(attempt));
  return [...byContent]
    .sort(([keyA, x], [keyB, y]) => compareText(x.at, y.at) || compareText(keyA, keyB))
    .slice(-PROGRESS_LIMITS.attemptsPerItem)
    .map(([, attempt]) => attempt);
}

/**
 * One follow-up's entries joined: answers unioned, the newer draft kept — unless an answer graded
 * after it was written has used it up, so a finished answer's draft never comes back.
 */
function joinFollowUp(a: FollowUpEntry, b: FollowUpEntry): FollowUpEntry {
  const attempts = unionFollowUpAttempts(a.attempts, b.attempts);
  const drafts = [a.draft, b.draft].filter((d) => d !== undefined);
  const newest = drafts.sort((x, y) => compareText(y.at, x.at) || compareText(canonicalJson(y), canonicalJson(x)))[0];
  const lastAnswer = attempts.at(-1)?.at;
  const draft = newest !== undefined && (lastAnswer === undefined || newest.at > lastAnswer) ? canonicalize(newest) : undefined;
  return { attempts, ...(draft ? { draft } : {}), updatedAt: later(a.updatedAt, b.updatedAt) };
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
  // A record joined with itself (every record, when progress is normalised) has its own ids: no union needed.
  const ids = (a === b ? Object.keys(a) : [...new Set([...Object.keys(a), ...Object.keys(b)])]).sort().slice(0, PROGRESS_LIMITS.entriesPerRecord);
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
 * newest change wins (lessons, notes, review cards, challenges, mock rounds, SQL lab handlers),
 * quiz, practice and follow-up answers are unioned, and the newer follow-up draft is kept. If one
 * copy was wiped more recently (higher `generation`), that copy wins outright.
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
    followups: mergeRecord(a.followups ?? {}, b.followups ?? {}, joinFollowUp),
    drills: mergeRecord(a.drills ?? {}, b.drills ?? {}, newestWins),
    sqllabs: mergeRecord(a.sqllabs ?? {}, b.sqllabs ?? {}, newestWins),
  };
}

/**
 * The same progress in its one canonical form: attempts sorted and de-duplicated, limits applied,
 * keys in sorted order, records without prototypes. Everything read from outside passes through it.
 */
export function normalizeProgress(data: ProgressData): ProgressData {
  return mergeProgress(data, { ...data });
}
