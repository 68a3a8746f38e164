import {
  MAX_TIMESTAMP_MS,
  MIN_TIMESTAMP_MS,
  PROGRESS_LIMITS,
  drillRoundSchema,
  followUpAttemptSchema,
  followUpDraftSchema,
  practiceAttemptSchema,
  progressDataSchema,
  optionId,
  progressId,
  reviewCardSchema,
  type DrillRound,
  type FollowUpAttempt,
  type PracticeAttempt,
  type ProgressData,
  type ReviewCard,
  type SqlLabEntry,
} from '../../schemas/progress.ts';
import { canonicalJson, canonicalize } from './canonical-json.ts';
import { emptyProgress, nextGeneration, readEntry, withEntry } from './model.ts';
import { mergeProgress, normalizeProgress, unionFollowUpAttempts, unionPracticeAttempts, unionQuizAttempts } from './merge.ts';

/** How an imported file meets the progress already here: combined with it, or instead of it. */
export type ImportMode = 'merge' | 'replace';

/** Something a learner did that changes their progress. The time it happened is passed separately. */
export type ProgressAction =
  /** Mark a lesson done. */
  | { type: 'lesson/complete'; lessonId: string }
  /** Mark a lesson not done (the entry stays, so a merge cannot bring the old "done" back). */
  | { type: 'lesson/uncomplete'; lessonId: string }
  /** Replace the note on a lesson; `''` clears it. */
  | { type: 'note/set'; lessonId: string; text: string }
  /** Record an answer to a quiz question. */
  | { type: 'quiz/record'; questionId: string; bankId: string; chosen: readonly string[]; correct: boolean }
  /** Record (or update, by attempt id) a practice attempt. */
  | { type: 'practice/record'; promptId: string; attempt: PracticeAttempt }
  /** Store a question's review card. */
  | { type: 'review/set'; questionId: string; card: ReviewCard }
  /** Record that a simulator challenge was passed (the first pass is the one kept). */
  | { type: 'challenge/pass'; challengeId: string }
  /** Keep the answer being written to a follow-up (typed text, or that it is answered aloud). */
  | { type: 'followup/draft'; followUpId: string; text: string; aloud: boolean }
  /**
   * Record a graded answer to a follow-up (its draft is used up). With `round`, it is that mock
   * round's answer, and the round ends when every one of its follow-ups has one.
   */
  | { type: 'followup/record'; followUpId: string; attempt: Omit<FollowUpAttempt, 'at'> }
  /** Start a mock follow-up round. */
  | { type: 'drill/start'; roundId: string; topics: readonly string[]; items: readonly string[] }
  /** Start the clock of a mock round's next follow-up. */
  | { type: 'drill/next'; roundId: string }
  /** End a mock round before its last follow-up. */
  | { type: 'drill/stop'; roundId: string }
  /** Keep the learner's handler in a SQL lab as they edited it (any text kept to bring back stays). */
  | { type: 'sqllab/save'; labId: string; sql: string }
  /**
   * Start a SQL lab over from `sql`, the lab's starting (broken) handler. The learner's own SQL is
   * kept as `previous`, so `sqllab/bring-back` can undo the choice.
   */
  | { type: 'sqllab/start-over'; labId: string; sql: string }
  /** Undo the last start-over: the SQL and the text kept to bring back change places (so this is undoable too). */
  | { type: 'sqllab/bring-back'; labId: string }
  /** Bring in progress read from an export file (see `parseImport`). */
  | { type: 'import/apply'; data: ProgressData; mode: ImportMode }
  /** Forget everything, in every tab. */
  | { type: 'reset' };

const isId = (value: string) => progressId.safeParse(value).success;
const isSqlText = (value: unknown): value is string => typeof value === 'string' && value.length <= PROGRESS_LIMITS.sqlLength;

/**
 * The time to stamp a change with: `now`, kept within the range a timestamp can hold, and always
 * after the previous stamp of the same item so a local edit never loses to the version it replaces,
 * even if the clock went backwards.
 */
export function nextStamp(now: Date, previous?: string): string {
  const wanted = Number.isFinite(now.getTime()) ? now.getTime() : MIN_TIMESTAMP_MS;
  let ms = Math.min(Math.max(wanted, MIN_TIMESTAMP_MS), MAX_TIMESTAMP_MS);
  if (previous !== undefined) {
    const before = Date.parse(previous);
    if (ms <= before) ms = Math.min(before + 1, MAX_TIMESTAMP_MS);
  }
  return new Date(ms).toISOString();
}

/** Whether a record may take an entry under `id`: it already has one, or it has room for one more. */
function hasRoom(record: Readonly<Record<string, unknown>>, id: string): boolean {
  return Object.hasOwn(record, id) || Object.keys(record).length < PROGRESS_LIMITS.entriesPerRecord;
}

/**
 * Progress combined with progress from an export file. `merge` keeps both sides as a merge between
 * tabs would; `replace` keeps only the file and starts a new generation, so other tabs' older copies
 * cannot merge the replaced progress back in. Pure: neither argument is changed.
 */
export function applyImport(current: ProgressData, imported: ProgressData, mode: ImportMode): ProgressData {
  if (mode === 'replace') return normalizeProgress({ ...imported, generation: nextGeneration(current.generation) });
  return mergeProgress(current, { ...imported, generation: current.generation });
}

/**
 * The progress after one action at time `now`. Pure. An action that would change nothing, or that
 * is not valid (a malformed id, a note over the length limit, a full record), returns the very same
 * `state` object, so callers can tell nothing happened with `===`.
 */
export function reduceProgress(state: ProgressData, action: ProgressAction, now: Date): ProgressData {
  switch (action.type) {
    case 'lesson/complete': {
      const { lessonId } = action;
      const entry = readEntry(state.lessons, lessonId);
      if (!isId(lessonId) || entry?.completed === true || !hasRoom(state.lessons, lessonId)) return state;
      const at = nextStamp(now, entry?.updatedAt);
      return { ...state, lessons: withEntry(state.lessons, lessonId, { completed: true, completedAt: at, updatedAt: at }) };
    }
    case 'lesson/uncomplete': {
      const entry = readEntry(state.lessons, action.lessonId);
      if (entry?.completed !== true) return state;
      const updatedAt = nextStamp(now, entry.updatedAt);
      return { ...state, lessons: withEntry(state.lessons, action.lessonId, { completed: false, updatedAt }) };
    }
    case 'note/set': {
      const { lessonId, text } = action;
      const entry = readEntry(state.notes, lessonId);
      const unchanged = entry === undefined ? text === '' : entry.text === text;
      if (unchanged || typeof text !== 'string' || text.length > PROGRESS_LIMITS.noteLength) return state;
      if (!isId(lessonId) || !hasRoom(state.notes, lessonId)) return state;
      return { ...state, notes: withEntry(state.notes, lessonId, { text, updatedAt: nextStamp(now, entry?.updatedAt) }) };
    }
    case 'quiz/record': {
      const { questionId, bankId, correct } = action;
      const chosen = [...action.chosen];
      const valid =
        isId(questionId) &&
        isId(bankId) &&
        typeof correct === 'boolean' &&
        chosen.length <= PROGRESS_LIMITS.chosenPerAttempt &&
        chosen.every((id) => optionId.safeParse(id).success);
      if (!valid || !hasRoom(state.quiz, questionId)) return state;
      const entry = readEntry(state.quiz, questionId);
      const at = nextStamp(now, entry?.updatedAt);
      const attempts = unionQuizAttempts(entry?.attempts ?? [], [{ at, correct, chosen, bankId }]);
      return { ...state, quiz: withEntry(state.quiz, questionId, { attempts, updatedAt: at }) };
    }
    case 'practice/record': {
      const { promptId } = action;
      const parsed = practiceAttemptSchema.safeParse(action.attempt);
      if (!parsed.success || !isId(promptId) || !hasRoom(state.practice, promptId)) return state;
      const entry = readEntry(state.practice, promptId);
      const before = entry?.attempts ?? [];
      const attempts = unionPracticeAttempts(before, [parsed.data]);
      if (entry !== undefined && canonicalJson(attempts) === canonicalJson(before)) return state;
      const updatedAt = nextStamp(now, entry?.updatedAt);
      return { ...state, practice: withEntry(state.practice, promptId, { attempts, updatedAt }) };
    }
    case 'review/set': {
      const { questionId } = action;
      const parsed = reviewCardSchema.safeParse(action.card);
      if (!parsed.success || !isId(questionId) || !hasRoom(state.review, questionId)) return state;
      const entry = readEntry(state.review, questionId);
      const card = canonicalize(parsed.data);
      if (entry !== undefined && canonicalJson(entry.card) === canonicalJson(card)) return state;
      return { ...state, review: withEntry(state.review, questionId, { card, updatedAt: nextStamp(now, entry?.updatedAt) }) };
    }
    case 'challenge/pass': {
      const { challengeId } = action;
      if (!isId(challengeId) || readEntry(state.challenges, challengeId) !== undefined || !hasRoom(state.challenges, challengeId)) {
        return state;
      }
      const at = nextStamp(now);
      return { ...state, challenges: withEntry(state.challenges, challengeId, { passedAt: at, updatedAt: at }) };
    }
    case 'followup/draft': {
      const { followUpId } = action;
      const followups = state.followups ?? {};
      const entry = readEntry(followups, followUpId);
      if (entry?.draft?.text === action.text && entry.draft.aloud === action.aloud) return state;
      if (entry?.draft === undefined && action.text === '' && !action.aloud) return state;
      const at = nextStamp(now, entry?.updatedAt);
      const draft = followUpDraftSchema.safeParse({ text: action.text, aloud: action.aloud, at });
      if (!draft.success || !isId(followUpId) || !hasRoom(followups, followUpId)) return state;
      const next = { attempts: entry?.attempts ?? [], draft: draft.data, updatedAt: at };
      return { ...state, followups: withEntry(followups, followUpId, next) };
    }
    case 'followup/record': {
      const { followUpId } = action;
      const followups = state.followups ?? {};
      const entry = readEntry(followups, followUpId);
      const at = nextStamp(now, entry?.updatedAt);
      const parsed = followUpAttemptSchema.safeParse({ ...action.attempt, at });
      if (!parsed.success || !isId(followUpId) || !hasRoom(followups, followUpId)) return state;
      const attempts = unionFollowUpAttempts(entry?.attempts ?? [], [parsed.data]);
      const recorded = { ...state, followups: withEntry(followups, followUpId, { attempts, updatedAt: at }) };
      const roundId = parsed.data.round;
      const round = roundId === undefined ? undefined : readEntry(state.drills ?? {}, roundId);
      if (roundId === undefined || round === undefined || round.finishedAt !== undefined) return recorded;
      const answered = new Set(round.items.filter((item) => readEntry(recorded.followups, item)?.attempts.some((a) => a.round === roundId)));
      const updatedAt = nextStamp(now, round.updatedAt);
      if (answered.size < round.items.length) return recorded;
      const finished: DrillRound = { ...round, finishedAt: at, updatedAt };
      return { ...recorded, drills: withEntry(state.drills ?? {}, roundId, finished) };
    }
    case 'drill/start': {
      const { roundId } = action;
      const drills = state.drills ?? {};
      if (readEntry(drills, roundId) !== undefined || !isId(roundId) || !hasRoom(drills, roundId)) return state;
      const at = nextStamp(now);
      const parsed = drillRoundSchema.safeParse({ startedAt: at, topics: [...action.topics], items: [...action.items], itemStartedAt: at, updatedAt: at });
      if (!parsed.success || new Set(parsed.data.items).size !== parsed.data.items.length) return state;
      return { ...state, drills: withEntry(drills, roundId, parsed.data) };
    }
    case 'drill/next': {
      const round = readEntry(state.drills ?? {}, action.roundId);
      if (round === undefined || round.finishedAt !== undefined) return state;
      const at = nextStamp(now, round.updatedAt);
      return { ...state, drills: withEntry(state.drills ?? {}, action.roundId, { ...round, itemStartedAt: at, updatedAt: at }) };
    }
    case 'drill/stop': {
      const round = readEntry(state.drills ?? {}, action.roundId);
      if (round === undefined || round.finishedAt !== undefined) return state;
      const at = nextStamp(now, round.updatedAt);
      return { ...state, drills: withEntry(state.drills ?? {}, action.roundId, { ...round, finishedAt: at, updatedAt: at }) };
    }
    case 'sqllab/save': {
      const { labId, sql } = action;
      const sqllabs = state.sqllabs ?? {};
      const entry = readEntry(sqllabs, labId);
      if (entry?.sql === sql || !isSqlText(sql) || !isId(labId) || !hasRoom(sqllabs, labId)) return state;
      const next: SqlLabEntry = { sql, ...(entry?.previous === undefined ? {} : { previous: entry.previous }), updatedAt: nextStamp(now, entry?.updatedAt) };
      return { ...state, sqllabs: withEntry(sqllabs, labId, next) };
    }
    case 'sqllab/start-over': {
      // Without an entry the learner is on the starting handler already: there is nothing to keep.
      const { labId, sql } = action;
      const entry = readEntry(state.sqllabs ?? {}, labId);
      if (entry === undefined || entry.sql === sql || !isSqlText(sql)) return state;
      const next: SqlLabEntry = { sql, previous: entry.sql, updatedAt: nextStamp(now, entry.updatedAt) };
      return { ...state, sqllabs: withEntry(state.sqllabs ?? {}, labId, next) };
    }
    case 'sqllab/bring-back': {
      const entry = readEntry(state.sqllabs ?? {}, action.labId);
      if (entry?.previous === undefined || entry.previous === entry.sql) return state;
      const next: SqlLabEntry = { sql: entry.previous, previous: entry.sql, updatedAt: nextStamp(now, entry.updatedAt) };
      return { ...state, sqllabs: withEntry(state.sqllabs ?? {}, action.labId, next) };
    }
    case 'import/apply': {
      // Checked again here so a caller that skipped parseImport can never store unreadable data.
      const parsed = progressDataSchema.safeParse(action.data);
      if (!parsed.success || (action.mode !== 'merge' && action.mode !== 'replace')) return state;
      return applyImport(state, parsed.data, action.mode);
    }
    case 'reset':
      return emptyProgress(nextGeneration(state.generation));
    default:
      return state;
  }
}
