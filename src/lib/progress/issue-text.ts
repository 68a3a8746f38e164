import type { z } from 'zod/mini';
import { PROGRESS_LIMITS } from '../../schemas/progress.ts';

const SHOWN_CHARACTERS = 40;

/** A location inside progress data for a learner to read: `lessons › intro › updatedAt`, `attempts[2]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the top level';
  return path
    .map((part) => (typeof part === 'number' ? `[${part}]` : String(part)))
    .join(' › ')
    .replace(/ › \[/g, '[');
}

/** A short, quoted rendering of a value for a message (long text is cut with an ellipsis). */
export function showValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const shown = value.length > SHOWN_CHARACTERS ? `${value.slice(0, SHOWN_CHARACTERS)}…` : value;
    return JSON.stringify(shown);
  }
  return String(value);
}

/** A count with thousands separators, the way the limits are written in messages. */
export function count(n: number): string {
  return n.toLocaleString('en');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const part of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

const EXPECTED: Record<string, string> = {
  boolean: 'true or false',
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  array: 'a list',
  object: 'an object',
  record: 'an object',
};

function idProblem(id: string, reason: string): string {
  if (id.length > PROGRESS_LIMITS.idLength) {
    return `the id ${showValue(id)} is ${count(id.length)} characters long; the limit is ${PROGRESS_LIMITS.idLength}`;
  }
  return `${showValue(id)} ${reason}`;
}

function explain(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `this field is missing (expected ${EXPECTED[issue.expected] ?? issue.expected})`;
      return `expected ${EXPECTED[issue.expected] ?? issue.expected}, found ${showValue(value)}`;
    case 'invalid_format':
      if (issue.format === 'datetime') return `${showValue(value)} is not a date and time like 2025-01-31T09:30:00.000Z`;
      if (typeof value === 'string') return idProblem(value, issue.message);
      return issue.message;
    case 'invalid_key': {
      const key = String(issue.path[issue.path.length - 1] ?? '');
      const inner = issue.issues[0];
      return idProblem(key, inner?.code === 'custom' ? inner.message : (inner?.message ?? 'is not a valid id'));
    }
    case 'too_big':
      if (typeof value === 'string') {
        const what = issue.path[0] === 'sqllabs' ? 'the SQL' : issue.path[issue.path.length - 1] === 'text' ? 'the note' : 'the text';
        return `${what} is ${count(value.length)} characters long; the limit is ${count(Number(issue.maximum))}`;
      }
      if (Array.isArray(value)) return `there are ${count(value.length)} items; the limit is ${count(Number(issue.maximum))}`;
      return `${showValue(value)} is more than the limit of ${count(Number(issue.maximum))}`;
    case 'too_small':
      return `${showValue(value)} is not allowed; it must be ${count(Number(issue.minimum))} or more`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, found ${showValue(value)}`;
    case 'unrecognized_keys':
      return `unexpected field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_union':
      return `expected a number, text or null, found ${showValue(value)}`;
    case 'custom':
      return value !== null && typeof value === 'object' ? issue.message : `${showValue(value)} ${issue.message}`;
    default:
      return issue.message;
  }
}

/**
 * One schema problem in plain English, naming where it is and what was found:
 * `at lessons › intro › completed: expected true or false, found "yes"`. `root` is the value that
 * was validated, used to quote what was actually there; `pathPrefix` is where `root` sits in the
 * text read.
 */
export function describeIssue(issue: z.core.$ZodIssue, root: unknown, pathPrefix: readonly PropertyKey[] = []): string {
  const location = issue.code === 'invalid_key' ? issue.path.slice(0, -1) : issue.path;
  return `at ${formatPath([...pathPrefix, ...location])}: ${explain(issue, valueAt(root, issue.path))}`;
}

/** The first problems of a failed validation in plain English, with a count of the rest. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], root: unknown, pathPrefix: readonly PropertyKey[] = []): string {
  const [first] = issues;
  if (first === undefined) return 'the data is not valid';
  const rest = issues.length - 1;
  return describeIssue(first, root, pathPrefix) + (rest > 0 ? ` (and ${count(rest)} more problem${rest === 1 ? '' : 's'})` : '');
}
