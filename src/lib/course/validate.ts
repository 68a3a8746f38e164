import type { z } from 'zod';
import { lessonSchema, type LessonData } from '../../schemas/lesson.ts';

/** One content file as the validator sees it: its path (relative to the project) and raw frontmatter. */
export interface RawEntry {
  file: string;
  data: unknown;
}

/** A lesson that passed validation, with the file it came from. */
export interface LessonEntry {
  file: string;
  data: LessonData;
}

/** The outcome of validating a set of content files: the valid entries and every problem found. */
export interface ValidationResult<T> {
  entries: T[];
  problems: string[];
}

/** Thrown when content is invalid; its message lists every problem, one per line. */
export class ContentError extends Error {
  /** Every problem found, each naming the file and the field. */
  readonly problems: string[];
  constructor(collection: string, problems: string[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${collection}:\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'ContentError';
    this.problems = problems;
  }
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : String(part))).join('.').replace(/\.\[/g, '[');
}

/**
 * Turns a schema error into messages a content author can act on, each naming the file and field:
 * `lessons/02-x.mdx: field "minutes" is required`.
 */
export function describeIssues(file: string, data: unknown, error: z.ZodError, known: readonly string[]): string[] {
  return error.issues.flatMap((issue) => {
    const field = fieldName(issue.path);
    if (issue.code === 'unrecognized_keys') {
      // The known fields are listed for the top level, where a typo is most likely.
      const hint = issue.path.length === 0 ? ` (known fields: ${known.join(', ')})` : '';
      return issue.keys.map((key) => `${file}: field "${fieldName([...issue.path, key])}" is not allowed${hint}`);
    }
    if (issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined) {
      return [`${file}: field "${field}" is required`];
    }
    const allowed = allowedValues(issue);
    if (allowed !== undefined) {
      return [`${file}: field "${field}" must be one of ${allowed.join(', ')} (found ${JSON.stringify(valueAt(data, issue.path))})`];
    }
    return [`${file}: field "${field}": ${issue.message.replace(/^Invalid input: /, '')}`];
  });
}

/**
 * The values a field accepts when it is an enum, a literal or a union of literals (such as
 * `difficulty: 1 | 2 | 3`), so the message can list them; undefined for any other issue.
 */
function allowedValues(issue: z.core.$ZodIssue): string[] | undefined {
  if (issue.code === 'invalid_value') return issue.values.map((v) => JSON.stringify(v));
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return undefined;
  const values: string[] = [];
  for (const branch of issue.errors) {
    const only = branch.length === 1 ? branch[0] : undefined;
    if (only?.code !== 'invalid_value' || only.path.length > 0) return undefined;
    values.push(...only.values.map((v) => JSON.stringify(v)));
  }
  return values;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function duplicates<T>(entries: LessonEntry[], key: (e: LessonEntry) => T, label: string): string[] {
  const seen = new Map<T, string>();
  const problems: string[] = [];
  for (const entry of entries) {
    const value = key(entry);
    const first = seen.get(value);
    if (first === undefined) seen.set(value, entry.file);
    else problems.push(`${entry.file}: field "${label}" duplicates ${JSON.stringify(value)}, already used by ${first}`);
  }
  return problems;
}

/**
 * Validates every lesson's frontmatter against the strict schema, then the rules that span files:
 * ids and orders are unique. Files are checked in path order so messages are stable.
 */
export function validateLessons(raw: readonly RawEntry[]): ValidationResult<LessonEntry> {
  const known = Object.keys(lessonSchema.shape);
  const entries: LessonEntry[] = [];
  const problems: string[] = [];
  for (const { file, data } of [...raw].sort((a, b) => a.file.localeCompare(b.file))) {
    const parsed = lessonSchema.safeParse(data ?? {});
    if (parsed.success) entries.push({ file, data: parsed.data });
    else problems.push(...describeIssues(file, data, parsed.error, known));
  }
  problems.push(...duplicates(entries, (e) => e.data.id, 'id'), ...duplicates(entries, (e) => e.data.order, 'order'));
  return { entries, problems };
}

/** Like {@link validateLessons}, but throws a {@link ContentError} listing every problem. */
export function assertValidLessons(raw: readonly RawEntry[]): LessonEntry[] {
  const { entries, problems } = validateLessons(raw);
  if (problems.length > 0) throw new ContentError('lessons', problems);
  return entries;
}
