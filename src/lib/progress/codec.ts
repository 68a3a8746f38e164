import { PROGRESS_VERSION, progressDataSchema, type ProgressData } from '../../schemas/progress.ts';
import { canonicalJson } from './canonical-json.ts';
import { describeIssues, showValue } from './issue-text.ts';
import { describeHazard, findJsonHazard, looksTruncated } from './json-guard.ts';
import { emptyProgress } from './model.ts';
import { normalizeProgress } from './merge.ts';

/** Turns the `data` of one stored version into the `data` of the next. May throw if it cannot. */
export type Migration = (data: unknown) => unknown;

/** Migrations by the version they upgrade from: entry N turns version N data into version N + 1. */
export type MigrationRegistry = Readonly<Record<number, Migration>>;

/**
 * The migrations this code knows. Empty while version 1 is current. When the shape changes: bump
 * `PROGRESS_VERSION`, add `{ 1: (data) => … }` here, add a `stored-v2.json` fixture, and leave
 * `stored-v1.json` in place so old progress keeps being read.
 */
export const migrations: MigrationRegistry = {};

/** Which migrations and current version to use; tests inject their own to rehearse the next version. */
export interface CodecOptions {
  /** Migrations to run (default: {@link migrations}). */
  migrations?: MigrationRegistry;
  /** The version to migrate up to (default: `PROGRESS_VERSION`). */
  currentVersion?: number;
}

/** Why saved progress could not be read. */
export type ProgressProblemKind = 'not-json' | 'truncated' | 'wrong-shape' | 'future-version' | 'migration-failed';

/** What went wrong reading saved progress, in words a learner can follow. */
export interface ProgressProblem {
  /** The kind of failure, for code to act on. */
  kind: ProgressProblemKind;
  /** What happened, in plain English. */
  message: string;
}

/** Saved progress as read: always a usable state, and a problem when the saved text was unusable. */
export interface DecodeResult {
  /** The progress read, or a clean state when it could not be read. */
  state: ProgressData;
  /** Present when the saved text could not be used; the state is then clean. */
  problem?: ProgressProblem;
}

/** Progress data brought to the current version and validated, or why it could not be. */
export type ReadDataResult =
  | { ok: true; data: ProgressData }
  | { ok: false; kind: 'wrong-shape' | 'future-version' | 'migration-failed'; detail: string };

/**
 * Data of a given version, upgraded through the migrations and validated against the current
 * schema, in canonical form. Shared by stored progress and imported files; `pathPrefix` is where the
 * data sits in the text read, so messages point at the right place.
 */
export function readProgressData(
  data: unknown,
  version: number,
  options: CodecOptions = {},
  pathPrefix: readonly (string | number)[] = [],
): ReadDataResult {
  const registry = options.migrations ?? migrations;
  const current = options.currentVersion ?? PROGRESS_VERSION;
  if (version > current) return { ok: false, kind: 'future-version', detail: `version ${version}; this page reads up to version ${current}` };
  const hazard = findJsonHazard(data);
  if (hazard !== undefined) {
    return { ok: false, kind: 'wrong-shape', detail: describeHazard({ ...hazard, path: [...pathPrefix, ...hazard.path] }) };
  }
  let upgraded = data;
  for (let from = version; from < current; from += 1) {
    const step = Object.hasOwn(registry, from) ? registry[from] : undefined;
    if (step === undefined) return { ok: false, kind: 'migration-failed', detail: `there is no upgrade from version ${from}` };
    try {
      upgraded = step(upgraded);
    } catch {
      return { ok: false, kind: 'migration-failed', detail: `the upgrade from version ${from} failed` };
    }
  }
  const parsed = progressDataSchema.safeParse(upgraded);
  if (!parsed.success) {
    return { ok: false, kind: version < current ? 'migration-failed' : 'wrong-shape', detail: describeIssues(parsed.error.issues, upgraded, pathPrefix) };
  }
  return { ok: true, data: normalizeProgress(parsed.data) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function clean(kind: ProgressProblemKind, message: string): DecodeResult {
  return { state: emptyProgress(), problem: { kind, message } };
}

/**
 * Saved progress from the raw text in storage: parse, validate, migrate older versions. Never
 * throws: nothing saved (`null`, or blank text) gives a clean state, and anything unreadable gives a
 * clean state plus a problem saying what happened.
 */
export function decode(raw: string | null, options: CodecOptions = {}): DecodeResult {
  if (raw === null || raw.trim() === '') return { state: emptyProgress() };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return looksTruncated(raw)
      ? clean('truncated', 'The saved progress is cut off part-way through, so it can’t be read. This can happen if the browser closed while saving.')
      : clean('not-json', 'The saved progress isn’t readable data (it is not valid JSON).');
  }
  const wrongShape = (detail: string) => clean('wrong-shape', `The saved progress isn’t in the shape this course expects (${detail}).`);
  if (!isPlainObject(parsed)) return wrongShape(`expected an object with a version and data, found ${showValue(parsed)}`);
  const unexpected = Object.keys(parsed).filter((key) => key !== 'version' && key !== 'data');
  if (unexpected.length > 0) return wrongShape(`unexpected field ${showValue(unexpected[0])}`);
  const { version } = parsed;
  if (version === undefined) return wrongShape('it has no version number');
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    return wrongShape(`its version ${showValue(version)} is not a whole number of 1 or more`);
  }
  const result = readProgressData(parsed.data, version, options);
  if (result.ok) return { state: result.data };
  switch (result.kind) {
    case 'future-version':
      return clean('future-version', `The saved progress was written by a newer version of this course (${result.detail}).`);
    case 'migration-failed':
      return clean(
        'migration-failed',
        `The saved progress is from an older version of this course (version ${version}) and couldn’t be brought up to date (${result.detail}).`,
      );
    case 'wrong-shape':
      return wrongShape(result.detail);
  }
}

/** The text stored for a state: the current versioned envelope, in canonical JSON (equal states, equal text). */
export function encode(state: ProgressData): string {
  return canonicalJson({ version: PROGRESS_VERSION, data: state });
}
