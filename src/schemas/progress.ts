// zod/mini: the same validation as zod, tree-shakable, so the browser pays a few KB for it, not 30+.
import * as z from 'zod/mini';
import type { Diagram } from '../lib/practice/diagram/model.ts';
import { ATTEMPT_LIMITS, ATTEMPT_PHASES, FOLLOW_UP_GRADES, SQL_LAB_TEXT_LIMIT, type PhaseId } from './progress-constants.ts';

// Plain constants live in ./progress-constants.ts, so code that only needs them (the practice clock,
// the follow-up grades) does not load the validator with them.
export { ATTEMPT_LIMITS, ATTEMPT_PHASES, FOLLOW_UP_GRADES, type PhaseId };

/**
 * Hard limits on what a learner's saved progress may hold. The reducer and merge never produce
 * more than this, so anything they write can always be read back; imports over a limit are refused.
 */
export const PROGRESS_LIMITS = {
  /** Longest content id, in characters. */
  idLength: 100,
  /** Longest note, in characters. */
  noteLength: 20_000,
  /** Most entries in any one record (lessons, notes, quiz, practice, review, challenges, follow-ups, rounds, SQL labs). */
  entriesPerRecord: 10_000,
  /** Most attempts kept per quiz question or practice prompt; beyond it the oldest are dropped. */
  attemptsPerItem: 1_000,
  /** Most options one quiz attempt may have chosen. */
  chosenPerAttempt: 50,
  /** Most fields in one review card. */
  cardFields: 50,
  /** Longest text value inside a review card, in characters. */
  cardTextLength: 200,
  /** Most hints one practice attempt can have used. */
  hintsPerAttempt: 1_000,
  /** Longest SQL lab handler (the learner's text, or the text kept to bring back), in characters. */
  sqlLength: SQL_LAB_TEXT_LIMIT,
} as const;

/**
 * Keys that could reach an object's prototype if ever used as a property name. They are never valid
 * ids, card fields or fields of any kind, at any depth.
 */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Whether `key` is one of {@link FORBIDDEN_KEYS}. */
export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.includes(key);
}

/** The shape of every id progress is keyed by: lowercase letters, digits and hyphens, 1–100 characters. */
export const PROGRESS_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * A stable content id (lesson, question, prompt, quiz bank, challenge, attempt). Never a title, a
 * position or a URL, so renaming or reordering content keeps everyone's progress.
 */
export const progressId = z.string().check(
  z.regex(PROGRESS_ID_PATTERN, 'is not a valid id (lowercase letters, digits and hyphens, at most 100 characters)'),
  z.refine((id) => !isForbiddenKey(id), { message: 'is a reserved word and cannot be an id' }),
);

/**
 * The id of a quiz option a learner chose (`a`, `true`, a short slug). Never used as a record key,
 * so it follows the quiz schema's looser rule rather than {@link progressId}'s.
 */
export const optionId = z.string().check(z.regex(/^[a-z0-9-]{1,100}$/, 'is not a valid option id (lowercase letters, digits and hyphens)'));

/** The first moment {@link isoTimestamp} can hold (the Unix epoch). */
export const MIN_TIMESTAMP_MS = 0;
/** The last moment {@link isoTimestamp} can hold: the end of year 9999, the last four-digit year. */
export const MAX_TIMESTAMP_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * A moment in UTC, written exactly as `Date.prototype.toISOString` writes it
 * (`2025-01-31T09:30:00.000Z`). One fixed width means comparing two strings compares the moments.
 */
export const isoTimestamp = z.iso.datetime({ precision: 3 }).check(
  z.refine(
    (value) => {
      const ms = Date.parse(value);
      // An unparseable value has already failed the format check; report it once.
      return Number.isNaN(ms) || (ms >= MIN_TIMESTAMP_MS && ms <= MAX_TIMESTAMP_MS);
    },
    { message: 'is before 1970' },
  ),
);

/** A record keyed by progress ids, never holding more than {@link PROGRESS_LIMITS.entriesPerRecord} entries. */
function idRecord<T extends z.ZodMiniType>(value: T, max: number = PROGRESS_LIMITS.entriesPerRecord) {
  return z.record(progressId, value).check(
    z.refine((record) => Object.keys(record).length <= max, { message: `has more than ${max.toLocaleString('en')} entries` }),
  );
}

/** Whether a learner has finished one lesson. */
export const lessonProgressSchema = z.strictObject({
  /** True once the learner marked the lesson done. Un-marking keeps the entry with `false`. */
  completed: z.boolean(),
  /** When this entry last changed; the newer side wins when two copies are merged. */
  updatedAt: isoTimestamp,
  /** When the lesson was (most recently) marked done. Absent while not completed. */
  completedAt: z.optional(isoTimestamp),
});

/** A learner's own note on one lesson. Plain text, always shown as text and never as HTML. */
export const noteSchema = z.strictObject({
  /** The note, kept byte for byte. Empty when cleared: the entry stays so a merge cannot bring the old text back. */
  text: z.string().check(z.maxLength(PROGRESS_LIMITS.noteLength)),
  /** When the note last changed; the newer side wins when two copies are merged. */
  updatedAt: isoTimestamp,
});

/** One answer a learner submitted to a quiz question. */
export const quizAttemptSchema = z.strictObject({
  /** When the answer was submitted. */
  at: isoTimestamp,
  /** Whether the answer was right. */
  correct: z.boolean(),
  /** Ids of the options the learner chose, in the order they were chosen. */
  chosen: z.array(optionId).check(z.maxLength(PROGRESS_LIMITS.chosenPerAttempt)),
  /** Id of the question bank the question was asked from. */
  bankId: progressId,
});

/** Every answer a learner gave to one quiz question. */
export const quizEntrySchema = z.strictObject({
  /** Answers, oldest first, without duplicates. Merging keeps the answers from both sides. */
  attempts: z.array(quizAttemptSchema).check(z.maxLength(PROGRESS_LIMITS.attemptsPerItem)),
  /** When an answer was last recorded. */
  updatedAt: isoTimestamp,
});

/** A short id inside a prompt (a question `q-…`, hint `h-…`, red flag `f-…`, rubric item). */
const itemId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'is not a valid id'));
const idList = z.array(itemId).check(z.maxLength(ATTEMPT_LIMITS.idsPerList));
const phaseMs = z.optional(z.int().check(z.minimum(0)));

/**
 * A whiteboard diagram as stored: here only a bounded pair of lists, because this schema is in every
 * page's script. Its full shape (`diagramSchema` in src/lib/practice/diagram/model.ts) is checked
 * where a diagram comes in (an import, `parseImport`) and where one is used (the practice island).
 */
export const storedDiagramSchema = z.custom<Diagram>((value) => {
  const { nodes, edges } = (typeof value === 'object' && value !== null ? value : {}) as Partial<Diagram>;
  return Array.isArray(nodes) && Array.isArray(edges) && nodes.length <= ATTEMPT_LIMITS.diagramNodes && edges.length <= ATTEMPT_LIMITS.diagramEdges;
}, 'is not a diagram (a list of parts and a list of connections)');

/** The interview clock of an attempt: the phase it is in and the time spent in each phase. */
export const attemptClockSchema = z.strictObject({
  /** When the clock last changed; the newer side wins when two copies are merged. */
  at: isoTimestamp,
  /** The phase the candidate is in. */
  phase: z.union(ATTEMPT_PHASES.map((id) => z.literal(id)) as [z.ZodMiniLiteral<PhaseId>, ...z.ZodMiniLiteral<PhaseId>[]]),
  /** Time banked per phase, in whole milliseconds (the current phase's running stretch not included). */
  spentMs: z.strictObject({ clarify: phaseMs, 'high-level': phaseMs, 'deep-dive': phaseMs, 'wrap-up': phaseMs }),
  /** When the current phase's running stretch began; absent once the attempt is submitted. */
  since: z.optional(isoTimestamp),
});

/**
 * The scratchpad as one tab last wrote it. Each tab writes its own copy, so two tabs typing at once
 * never overwrite each other: the newest copy is the answer, and any copy written after the newest
 * one's writer last saw it is shown as a conflict, kept until the learner settles it.
 */
export const scratchpadCopySchema = z.strictObject({
  /** The text, plain, never rendered as HTML. */
  text: z.string().check(z.maxLength(ATTEMPT_LIMITS.scratchpadLength)),
  /** When this tab wrote it. */
  at: isoTimestamp,
  /** The newest other tab's copy this tab had taken in when it wrote (absent if none). */
  seen: z.optional(isoTimestamp),
});

/** One self-grading of an attempt: a level per rubric item, the red flags ticked, and the score. */
export const attemptGradeSchema = z.strictObject({
  /** When the learner graded. */
  at: isoTimestamp,
  /** Per rubric item id: 0 missed, 1 mentioned, 2 explained with its trade-off. */
  levels: idRecord(z.union([z.literal(0), z.literal(1), z.literal(2)]), ATTEMPT_LIMITS.rubricItems),
  /** Ids of the red flags the answer fell into. */
  flags: idList,
  /** The score this grading gave, 0–100. */
  score: z.number().check(z.minimum(0), z.maximum(100)),
  /** True for a grading made after the model answer opened. */
  regrade: z.boolean(),
});

/** One go at a system-design practice prompt. */
export const practiceAttemptSchema = z.strictObject({
  /** Id of this attempt, unique for the prompt; later saves of the same attempt share it. */
  id: progressId,
  /** When the learner started the attempt. */
  startedAt: isoTimestamp,
  /** When the learner submitted it; absent while still in progress. */
  submittedAt: z.optional(isoTimestamp),
  /** Time spent so far, in whole milliseconds. */
  elapsedMs: z.int().check(z.minimum(0)),
  /** How many hints the learner opened. */
  hintsUsed: z.int().check(z.minimum(0), z.maximum(PROGRESS_LIMITS.hintsPerAttempt)),
  /** Self-assessed rubric score, when the learner scored the attempt (the latest grading's score). */
  score: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
  /** The interview clock: current phase and time per phase. */
  clock: z.optional(attemptClockSchema),
  /** The scratchpad, one copy per tab that wrote it (keyed by a tab id). */
  scratchpad: z.optional(idRecord(scratchpadCopySchema, ATTEMPT_LIMITS.scratchpadCopies)),
  /** The whiteboard diagram and when it last changed. */
  diagram: z.optional(z.strictObject({ at: isoTimestamp, value: storedDiagramSchema })),
  /** The estimation worksheet as typed, per figure id, and when it last changed. */
  estimates: z.optional(
    z.strictObject({ at: isoTimestamp, values: idRecord(z.string().check(z.maxLength(ATTEMPT_LIMITS.estimateLength)), ATTEMPT_LIMITS.estimates) }),
  ),
  /** Ids of the clarifying questions asked, sorted. */
  asked: z.optional(idList),
  /** Ids of the hints taken, sorted. */
  hints: z.optional(idList),
  /** Gradings, oldest first: the first before the model answer opened, then any re-grades. */
  grades: z.optional(z.array(attemptGradeSchema).check(z.maxLength(ATTEMPT_LIMITS.grades))),
});

/** Every attempt a learner made at one practice prompt. */
export const practiceEntrySchema = z.strictObject({
  /** Attempts, oldest first, one per attempt id. Merging keeps attempts from both sides. */
  attempts: z.array(practiceAttemptSchema).check(z.maxLength(PROGRESS_LIMITS.attemptsPerItem)),
  /** When an attempt was last recorded. */
  updatedAt: isoTimestamp,
});

/** The name of one field of a review card: an identifier such as `elapsed_days` (never a reserved word). */
export const cardFieldName = z.string().check(
  z.regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'is not a valid card field name'),
  z.refine((name) => !isForbiddenKey(name), { message: 'is a reserved word and cannot be a field name' }),
);

/**
 * A spaced-review card as plain JSON: field names to numbers, short strings or null. Dates are
 * stored as ISO strings; the review module owns what the fields mean.
 */
export const reviewCardSchema = z
  .record(cardFieldName, z.union([z.number(), z.string().check(z.maxLength(PROGRESS_LIMITS.cardTextLength)), z.null()]))
  .check(
    z.refine((card) => Object.keys(card).length <= PROGRESS_LIMITS.cardFields, {
      message: `has more than ${PROGRESS_LIMITS.cardFields} fields`,
    }),
  );

/** The review schedule of one quiz question. */
export const reviewEntrySchema = z.strictObject({
  /** The scheduler's card for the question. */
  card: reviewCardSchema,
  /** When the card last changed; the newer side wins when two copies are merged. */
  updatedAt: isoTimestamp,
});

/** A simulator challenge the learner passed. */
export const challengeEntrySchema = z.strictObject({
  /** When the learner passed it. */
  passedAt: isoTimestamp,
  /** When this entry last changed; the newer side wins when two copies are merged. */
  updatedAt: isoTimestamp,
});

/** Limits on interviewer follow-up answers and mock rounds. */
export const FOLLOW_UP_LIMITS = {
  /** Longest typed answer (or draft), in characters. */
  answerLength: 5_000,
  /** Most key points or red flags one answer can tick. */
  ticks: 20,
  /** Most follow-ups in one mock round. */
  itemsPerRound: 8,
  /** Most topics one round can be drawn from. */
  topicsPerRound: 50,
} as const;


const answerText = z.string().check(z.maxLength(FOLLOW_UP_LIMITS.answerLength));

/** One answer to an interviewer's follow-up, with the learner's own check of it. */
export const followUpAttemptSchema = z.strictObject({
  /** When the learner graded the answer. */
  at: isoTimestamp,
  /** The answer as typed; empty when it was given aloud. Plain text, never rendered as HTML. */
  answer: answerText,
  /** True when the learner answered aloud instead of typing. */
  aloud: z.boolean(),
  /** Ids of the key points the learner says they made (`k1`…). */
  made: z.array(z.string().check(z.regex(/^k[0-9]{1,2}$/))).check(z.maxLength(FOLLOW_UP_LIMITS.ticks)),
  /** Ids of the red flags the learner says they fell into (`f1`…). */
  flags: z.array(z.string().check(z.regex(/^f[0-9]{1,2}$/))).check(z.maxLength(FOLLOW_UP_LIMITS.ticks)),
  /** The grade that followed from the ticks. */
  grade: z.enum(FOLLOW_UP_GRADES),
  /** The mock round it was given in, if any. */
  round: z.optional(progressId),
});

/** An answer being written, kept so a reload or a closed tab loses nothing. */
export const followUpDraftSchema = z.strictObject({
  /** The text so far. */
  text: answerText,
  /** Whether the learner chose to answer aloud. */
  aloud: z.boolean(),
  /** When the draft last changed. */
  at: isoTimestamp,
});

/** Every answer a learner gave to one follow-up, and the one being written. */
export const followUpEntrySchema = z.strictObject({
  /** Answers, oldest first, without duplicates. Merging keeps the answers from both sides. */
  attempts: z.array(followUpAttemptSchema).check(z.maxLength(PROGRESS_LIMITS.attemptsPerItem)),
  /** The answer being written, if any; the newer draft wins a merge. */
  draft: z.optional(followUpDraftSchema),
  /** When this entry last changed. */
  updatedAt: isoTimestamp,
});

/** A mock follow-up round: follow-ups one after another, two minutes each, then a summary. */
export const drillRoundSchema = z.strictObject({
  /** When the round began. */
  startedAt: isoTimestamp,
  /** Lesson ids the follow-ups were drawn from. */
  topics: z.array(progressId).check(z.minLength(1), z.maxLength(FOLLOW_UP_LIMITS.topicsPerRound)),
  /** The follow-up ids, in the order asked. The answered ones are the attempts that name this round. */
  items: z.array(progressId).check(z.minLength(1), z.maxLength(FOLLOW_UP_LIMITS.itemsPerRound)),
  /** When the current follow-up's two minutes began. */
  itemStartedAt: isoTimestamp,
  /** When the round ended (every follow-up answered, or the learner stopped). */
  finishedAt: z.optional(isoTimestamp),
  /** When the round last changed; the newer side wins when two copies are merged. */
  updatedAt: isoTimestamp,
});

const sqlText = z.string().check(z.maxLength(PROGRESS_LIMITS.sqlLength));

/** A learner's own handler in one SQL lab: the SQL as last edited, kept across reloads, tabs and imports. */
export const sqlLabEntrySchema = z.strictObject({
  /** The handler's SQL as the learner left it. Plain text, run only in the learner's own browser. */
  sql: sqlText,
  /**
   * The SQL the learner had before they last chose to start over from the broken handler, so that
   * choice can be undone ("Bring back my SQL"). Absent until they first start over.
   */
  previous: z.optional(sqlText),
  /** When this entry last changed; the newer side wins when two copies are merged. */
  updatedAt: isoTimestamp,
});

/**
 * Everything a learner has saved, keyed by stable content ids. Ids of content that no longer
 * exists are kept: content may come back, and nothing a learner did is thrown away.
 */
export const progressDataSchema = z.strictObject({
  /**
   * How many times progress in this browser was deliberately wiped (reset, or import that
   * replaces). Merging two copies keeps only the one with the higher generation, so a wipe in one
   * tab is not undone by another tab's older copy.
   */
  generation: z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)),
  /** Completion per lesson id. */
  lessons: idRecord(lessonProgressSchema),
  /** Notes per lesson id. */
  notes: idRecord(noteSchema),
  /** Quiz answers per question id. */
  quiz: idRecord(quizEntrySchema),
  /** Practice attempts per prompt id. */
  practice: idRecord(practiceEntrySchema),
  /** Review cards per question id. */
  review: idRecord(reviewEntrySchema),
  /** Passed simulator challenges per challenge id. */
  challenges: idRecord(challengeEntrySchema),
  /** Answers to interviewer follow-ups per follow-up id (absent in data saved before they existed). */
  followups: z.optional(idRecord(followUpEntrySchema)),
  /** Mock follow-up rounds per round id (absent in data saved before they existed). */
  drills: z.optional(idRecord(drillRoundSchema)),
  /** The learner's handler per SQL lab id (absent in data saved before SQL labs existed). */
  sqllabs: z.optional(idRecord(sqlLabEntrySchema)),
});

/** The version of the stored envelope this code writes. Older versions are migrated on read. */
export const PROGRESS_VERSION = 1;

/** What is stored under the progress key: the data and the version of its shape. */
export const progressEnvelopeSchema = z.strictObject({
  /** Version of the shape of `data`; bumped, with a migration, whenever that shape changes. */
  version: z.literal(PROGRESS_VERSION),
  /** The learner's progress. */
  data: progressDataSchema,
});

/** The value of the `format` field of an export file. */
export const EXPORT_FORMAT = 'eda-course-progress';

/**
 * An export file. `formatVersion` follows {@link PROGRESS_VERSION}: the `data` of format version N
 * has the shape of stored version N, so imports reuse the stored-data migrations.
 */
export const progressExportSchema = z.strictObject({
  /** Marks the file as this course's progress export. */
  format: z.literal(EXPORT_FORMAT),
  /** Version of the shape of `data`. */
  formatVersion: z.literal(PROGRESS_VERSION),
  /** When the file was made. */
  exportedAt: isoTimestamp,
  /** The learner's progress at that moment. */
  data: progressDataSchema,
});

/** Everything a learner has saved. */
export type ProgressData = z.infer<typeof progressDataSchema>;
/** Completion of one lesson. */
export type LessonProgress = z.infer<typeof lessonProgressSchema>;
/** One lesson note. */
export type Note = z.infer<typeof noteSchema>;
/** One quiz answer. */
export type QuizAttempt = z.infer<typeof quizAttemptSchema>;
/** All answers to one quiz question. */
export type QuizEntry = z.infer<typeof quizEntrySchema>;
/** One scratchpad copy. */
export type ScratchpadCopy = z.infer<typeof scratchpadCopySchema>;
/** One self-grading. */
export type AttemptGrade = z.infer<typeof attemptGradeSchema>;
/** An attempt's interview clock. */
export type AttemptClock = z.infer<typeof attemptClockSchema>;
/** One practice attempt. */
export type PracticeAttempt = z.infer<typeof practiceAttemptSchema>;
/** All attempts at one practice prompt. */
export type PracticeEntry = z.infer<typeof practiceEntrySchema>;
/** A review card as plain JSON. */
export type ReviewCard = z.infer<typeof reviewCardSchema>;
/** The review schedule of one question. */
export type ReviewEntry = z.infer<typeof reviewEntrySchema>;
/** One passed challenge. */
export type ChallengeEntry = z.infer<typeof challengeEntrySchema>;
/** One answer to a follow-up. */
export type FollowUpAttempt = z.infer<typeof followUpAttemptSchema>;
/** All answers to one follow-up. */
export type FollowUpEntry = z.infer<typeof followUpEntrySchema>;
/** One mock follow-up round. */
export type DrillRound = z.infer<typeof drillRoundSchema>;
/** The learner's handler in one SQL lab. */
export type SqlLabEntry = z.infer<typeof sqlLabEntrySchema>;
/** The stored envelope. */
export type ProgressEnvelope = z.infer<typeof progressEnvelopeSchema>;
/** An export file. */
export type ProgressExport = z.infer<typeof progressExportSchema>;
