import { EXPORT_FORMAT, PROGRESS_VERSION, isoTimestamp, type ProgressData } from '../../schemas/progress.ts';
import { storedDiagramProblem } from '../practice/diagram-guard.ts';
import { canonicalJson } from './canonical-json.ts';
import { readProgressData, type CodecOptions } from './codec.ts';
import { showValue } from './issue-text.ts';
import { describeHazard, findJsonHazard, looksTruncated } from './json-guard.ts';
import { nextStamp } from './reducer.ts';

/** The export format version this code writes; it follows the stored data version. */
export const EXPORT_FORMAT_VERSION = PROGRESS_VERSION;

/** Largest file `parseImport` accepts: 5 MB. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const NOTHING_CHANGED = 'Nothing was changed.';

/**
 * The export file for a state: `{ format, formatVersion, exportedAt, data }` as indented JSON with
 * keys in a fixed order, so exporting the same progress twice gives the same file apart from the time.
 */
export function exportProgress(state: ProgressData, now: Date): string {
  return `${canonicalJson(
    { format: EXPORT_FORMAT, formatVersion: EXPORT_FORMAT_VERSION, exportedAt: nextStamp(now), data: state },
    2,
  )}\n`;
}

/** Ids of the content that exists now, to count how many ids in a file belong to retired content. */
export interface KnownContentIds {
  /** Lesson ids (for completion and notes). */
  lessons?: Iterable<string>;
  /** Quiz question and follow-up ids (for answers and review cards). */
  questions?: Iterable<string>;
  /** Practice prompt ids. */
  prompts?: Iterable<string>;
  /** Simulator challenge ids. */
  challenges?: Iterable<string>;
  /** SQL lab ids (for the learner's saved handlers). */
  sqlLabs?: Iterable<string>;
}

/** What an import would bring in, for the learner to confirm before it is applied. */
export interface ProgressSummary {
  /** Lessons marked done. */
  lessonsCompleted: number;
  /** Lessons with a non-empty note. */
  notes: number;
  /** Quiz questions answered at least once. */
  quizQuestions: number;
  /** Practice prompts attempted. */
  practicePrompts: number;
  /** Questions with a review card. */
  reviewCards: number;
  /** Simulator challenges passed. */
  challenges: number;
  /** Interviewer follow-ups answered at least once. */
  followUps: number;
  /** Mock follow-up rounds started. */
  mockRounds: number;
  /** SQL labs with a handler the learner saved. */
  sqlLabs: number;
  /**
   * How many ids belong to no current content (only counted for the kinds of content passed in).
   * Those entries are kept anyway: the content may come back.
   */
  unknownIds?: number;
}

/** The outcome of reading an import file: the data and a summary, or a message for the learner. */
export type ImportResult = { ok: true; data: ProgressData; summary: ProgressSummary } | { ok: false; message: string };

/** Counts of what a state holds, and optionally how many of its ids no current content has. */
export function summarizeProgress(data: ProgressData, known?: KnownContentIds): ProgressSummary {
  const values = <T>(record: Readonly<Record<string, T>>) => Object.values(record);
  const summary: ProgressSummary = {
    lessonsCompleted: values(data.lessons).filter((entry) => entry.completed).length,
    notes: values(data.notes).filter((entry) => entry.text !== '').length,
    quizQuestions: values(data.quiz).filter((entry) => entry.attempts.length > 0).length,
    practicePrompts: values(data.practice).filter((entry) => entry.attempts.length > 0).length,
    reviewCards: Object.keys(data.review).length,
    challenges: Object.keys(data.challenges).length,
    followUps: values(data.followups ?? {}).filter((entry) => entry.attempts.length > 0).length,
    mockRounds: Object.keys(data.drills ?? {}).length,
    sqlLabs: Object.keys(data.sqllabs ?? {}).length,
  };
  if (known === undefined) return summary;
  const checks: [Iterable<string> | undefined, readonly Readonly<Record<string, unknown>>[]][] = [
    [known.lessons, [data.lessons, data.notes]],
    [known.questions, [data.quiz, data.review, data.followups ?? {}]],
    [known.prompts, [data.practice]],
    [known.challenges, [data.challenges]],
    [known.sqlLabs, [data.sqllabs ?? {}]],
  ];
  let unknownIds = 0;
  for (const [ids, records] of checks) {
    if (ids === undefined) continue;
    const existing = new Set(ids);
    const stored = new Set(records.flatMap((record) => Object.keys(record)));
    for (const id of stored) if (!existing.has(id)) unknownIds += 1;
  }
  return { ...summary, unknownIds };
}

/** Size of text once saved as UTF-8, counted without copying it. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

function megabytes(bytes: number): string {
  return `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
}

function refuse(reason: string): ImportResult {
  return { ok: false, message: `${reason} ${NOTHING_CHANGED}` };
}

const NOT_AN_EXPORT = 'This file isn’t a progress export from this course';

/** How far ahead of this device's clock a time in a file may be (another device's clock may run fast). */
export const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The first time in `data` later than `limit`, with where it is. Review cards are skipped: a card's
 * due date is in the future by design. A time far ahead would make its entry win every merge and
 * every edit in another tab (the newest write wins), so an import refuses it.
 */
export function futureTime(data: unknown, limit: number, path: (string | number)[] = ['data']): { path: string; value: string } | undefined {
  if (typeof data === 'string') {
    return STAMP.test(data) && Date.parse(data) > limit ? { path: path.join(' › '), value: data } : undefined;
  }
  if (data === null || typeof data !== 'object') return undefined;
  const entries: [string | number, unknown][] = Array.isArray(data) ? data.map((v, i) => [i, v]) : Object.entries(data);
  for (const [name, value] of entries) {
    if (path.length === 3 && path[1] === 'review' && name === 'card') continue;
    const found = futureTime(value, limit, [...path, name]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Whether parsed JSON is a raw `{ version, data }` envelope, as kept in storage and downloaded as an "unreadable copy". */
function isStoredEnvelope(file: Record<string, unknown>): boolean {
  const keys = Object.keys(file);
  return keys.length === 2 && keys.includes('version') && keys.includes('data');
}

/**
 * The first practice diagram in `data` that is not a sound whiteboard diagram, described with where it
 * is. Stored progress only checks a diagram's outline (see `storedDiagramSchema`); an import is where
 * a diagram comes in from outside, so it is checked in full here.
 */
function diagramProblem(data: ProgressData): string | undefined {
  for (const [promptId, entry] of Object.entries(data.practice)) {
    for (const [index, attempt] of entry.attempts.entries()) {
      if (attempt.diagram === undefined) continue;
      const problem = storedDiagramProblem(attempt.diagram.value);
      if (problem !== undefined) return `at data › practice › ${promptId} › attempts[${index}] › diagram: ${problem}`;
    }
  }
  return undefined;
}

/**
 * Reads an export file and checks all of it before anything is applied: size (checked before
 * parsing), JSON, format marker and version, every field's type and limits, and keys that could
 * reach a prototype at any depth. Older format versions are upgraded. Notes are plain text and kept
 * exactly, HTML included. `sizeBytes` is the file's size when known (e.g. `File.size`).
 */
export function parseImport(text: string, sizeBytes?: number, known?: KnownContentIds, options: CodecOptions & { now?: Date } = {}): ImportResult {
  // UTF-8 never takes fewer bytes than UTF-16 code units, so over-long text is refused without counting.
  const measured = text.length > MAX_IMPORT_BYTES ? text.length : (sizeBytes ?? utf8Bytes(text));
  const size = Math.max(sizeBytes ?? 0, measured);
  if (size > MAX_IMPORT_BYTES) return refuse(`This file is ${megabytes(size)}; the limit is 5 MB.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return looksTruncated(text)
      ? refuse(`${NOT_AN_EXPORT} that can be read: it is cut off part-way through.`)
      : refuse(`${NOT_AN_EXPORT}: it isn’t valid JSON.`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return refuse(`${NOT_AN_EXPORT}: it holds ${showValue(parsed)} instead of an export.`);
  }
  const hazard = findJsonHazard(parsed);
  if (hazard !== undefined) return refuse(`This file can’t be imported: ${describeHazard(hazard)}.`);
  const file = parsed as Record<string, unknown>;
  const limit = (options.now ?? new Date()).getTime() + FUTURE_TOLERANCE_MS;
  const current = options.currentVersion ?? EXPORT_FORMAT_VERSION;
  if (isStoredEnvelope(file)) {
    // A copy of stored progress (a kept "unreadable copy" downloaded from a notice or the Progress page).
    const stored = file['version'];
    if (typeof stored !== 'number' || !Number.isSafeInteger(stored) || stored < 1) {
      return refuse(`This copy of saved progress has an unsupported version (${showValue(stored)}).`);
    }
    if (stored > current) {
      return refuse(
        `This copy of saved progress was written by a newer version of the course (version ${stored}); this version reads version ${current} and older. Reload the page to get the latest version, then try again.`,
      );
    }
    return finish(readProgressData(file['data'], stored, options, ['data']), limit, known);
  }
  if (file['format'] !== EXPORT_FORMAT) {
    const found = file['format'] === undefined ? 'it has no "format" field' : `its "format" is ${showValue(file['format'])}`;
    return refuse(`${NOT_AN_EXPORT} (${found}; expected ${JSON.stringify(EXPORT_FORMAT)}).`);
  }
  const version = file['formatVersion'];
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    return refuse(`This file has an unsupported format version (${showValue(version)}).`);
  }
  if (version > current) {
    return refuse(
      `This file was exported by a newer version of the course (format version ${version}); this version reads format version ${current} and older. Reload the page to get the latest version, then try again.`,
    );
  }
  const extra = Object.keys(file).filter((key) => !['format', 'formatVersion', 'exportedAt', 'data'].includes(key));
  if (extra.length > 0) return refuse(`This file can’t be imported: it has an unexpected field ${showValue(extra[0])}.`);
  if (!isoTimestamp.safeParse(file['exportedAt']).success) {
    return refuse(`This file can’t be imported: its export time ${showValue(file['exportedAt'])} is not a valid date and time.`);
  }
  return finish(readProgressData(file['data'], version, options, ['data']), limit, known);
}

/** The last checks on data read from a file — diagrams in full, no time in the future — and its summary. */
function finish(result: ReturnType<typeof readProgressData>, limit: number, known: KnownContentIds | undefined): ImportResult {
  if (!result.ok) return refuse(`This file can’t be imported: ${result.detail}.`);
  const badDiagram = diagramProblem(result.data);
  if (badDiagram !== undefined) return refuse(`This file can’t be imported: ${badDiagram}.`);
  const future = futureTime(result.data, limit);
  if (future !== undefined) {
    return refuse(
      `This file can’t be imported: at ${future.path} the time ${future.value} is in the future. A time ahead of now would let that entry overwrite your newer edits; check the clock of the device that exported it.`,
    );
  }
  return { ok: true, data: result.data, summary: summarizeProgress(result.data, known) };
}
