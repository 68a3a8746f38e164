import { FOLLOW_UP_GRADES } from '../../schemas/progress-constants.ts';
import type { ChallengeEntry, DrillRound, FollowUpAttempt, FollowUpEntry, LessonProgress, Note, ProgressData, ReviewEntry, SqlLabEntry } from '../../schemas/progress.ts';
import { emptyProgress, emptyRecord } from './model.ts';

/** The storage key the progress store writes (`DEFAULT_PROGRESS_KEY` in store.ts, which a unit test pins). */
export const PROGRESS_KEY = 'eda-course:progress';

/**
 * Saved progress as far as the site shell shows it (completed lessons, when lessons were last
 * touched, review cards, passed challenges; follow-up answers and mock rounds for the drills page;
 * each SQL lab's saved handler for the SQL labs), read from the stored text without the full
 * validator so that pages which only display progress stay light. `readable: false` means the text
 * is not a progress envelope at all: the full store (src/lib/progress/store.ts) then has to recover
 * it and tell the learner.
 */
export type ProgressGlance = { readable: true; state: ProgressData } | { readable: false };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A UTC timestamp as the progress store writes it. */
const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const stamp = (value: unknown): value is string => typeof value === 'string' && STAMP.test(value);

function lesson(value: unknown): LessonProgress | undefined {
  if (!isObject(value) || typeof value['completed'] !== 'boolean' || !stamp(value['updatedAt'])) return undefined;
  const completedAt = value['completedAt'];
  return { completed: value['completed'], updatedAt: value['updatedAt'], ...(stamp(completedAt) ? { completedAt } : {}) };
}

function note(value: unknown): Note | undefined {
  return isObject(value) && typeof value['text'] === 'string' && stamp(value['updatedAt']) ? { text: value['text'], updatedAt: value['updatedAt'] } : undefined;
}

function review(value: unknown): ReviewEntry | undefined {
  // The card's own fields are checked where it is read (src/lib/review/stored-card.ts).
  return isObject(value) && isObject(value['card']) && stamp(value['updatedAt']) ? (value as ReviewEntry) : undefined;
}

function challenge(value: unknown): ChallengeEntry | undefined {
  return isObject(value) && stamp(value['passedAt']) && stamp(value['updatedAt']) ? { passedAt: value['passedAt'], updatedAt: value['updatedAt'] } : undefined;
}

const strings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const grade = (value: unknown): value is FollowUpAttempt['grade'] => (FOLLOW_UP_GRADES as readonly unknown[]).includes(value);

function attempt(value: unknown): FollowUpAttempt | undefined {
  if (!isObject(value) || !stamp(value['at']) || typeof value['answer'] !== 'string' || typeof value['aloud'] !== 'boolean') return undefined;
  const { made, flags, round } = value;
  if (!strings(made) || !strings(flags) || !grade(value['grade'])) return undefined;
  return { at: value['at'], answer: value['answer'], aloud: value['aloud'], made, flags, grade: value['grade'], ...(typeof round === 'string' ? { round } : {}) };
}

/** A follow-up's answers (malformed ones left out) and its draft, if well-formed. */
function followUp(value: unknown): FollowUpEntry | undefined {
  if (!isObject(value) || !Array.isArray(value['attempts']) || !stamp(value['updatedAt'])) return undefined;
  const attempts = value['attempts'].map(attempt).filter((a): a is FollowUpAttempt => a !== undefined);
  const draft = value['draft'];
  const kept = isObject(draft) && typeof draft['text'] === 'string' && typeof draft['aloud'] === 'boolean' && stamp(draft['at']) ? { text: draft['text'], aloud: draft['aloud'], at: draft['at'] } : undefined;
  return { attempts, updatedAt: value['updatedAt'], ...(kept ? { draft: kept } : {}) };
}

function drill(value: unknown): DrillRound | undefined {
  if (!isObject(value) || !stamp(value['startedAt']) || !stamp(value['itemStartedAt']) || !stamp(value['updatedAt'])) return undefined;
  const { topics, items, finishedAt } = value;
  if (!strings(topics) || !strings(items) || topics.length === 0 || items.length === 0) return undefined;
  return { startedAt: value['startedAt'], topics, items, itemStartedAt: value['itemStartedAt'], updatedAt: value['updatedAt'], ...(stamp(finishedAt) ? { finishedAt } : {}) };
}

/** A SQL lab's saved handler; a `previous` that is not text is left out (there is then nothing to bring back). */
function sqlLab(value: unknown): SqlLabEntry | undefined {
  if (!isObject(value) || typeof value['sql'] !== 'string' || !stamp(value['updatedAt'])) return undefined;
  const previous = value['previous'];
  return { sql: value['sql'], updatedAt: value['updatedAt'], ...(typeof previous === 'string' ? { previous } : {}) };
}

/** The well-formed entries of one slot, in a record without a prototype; others are left out. */
function slot<T>(data: Record<string, unknown>, name: string, read: (value: unknown) => T | undefined): Record<string, T> {
  const source = data[name];
  const out = emptyRecord<T>();
  if (!isObject(source)) return out;
  for (const id of Object.keys(source)) {
    const entry = read(source[id]);
    // Without a prototype, even an id such as `__proto__` is stored as a plain own entry.
    if (entry !== undefined) out[id] = entry;
  }
  return out;
}

/**
 * Reads the stored progress text (`null` when nothing is saved) defensively: never throws, skips
 * malformed entries, and leaves the quiz and practice slots empty (the shell shows none
 * of them). The follow-ups and drill rounds are read for the drills page's first view, and the SQL
 * labs' handlers so a SQL lab can show the learner's SQL before the full store loads.
 */
export function glanceAtProgress(raw: string | null): ProgressGlance {
  if (raw === null) return { readable: true, state: emptyProgress() };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { readable: false };
  }
  if (!isObject(parsed) || typeof parsed['version'] !== 'number' || !isObject(parsed['data'])) return { readable: false };
  const data = parsed['data'];
  return {
    readable: true,
    state: {
      ...emptyProgress(),
      lessons: slot(data, 'lessons', lesson),
      notes: slot(data, 'notes', note),
      review: slot(data, 'review', review),
      challenges: slot(data, 'challenges', challenge),
      followups: slot(data, 'followups', followUp),
      drills: slot(data, 'drills', drill),
      sqllabs: slot(data, 'sqllabs', sqlLab),
    },
  };
}
