import { isForbiddenKey, PROGRESS_LIMITS } from '../../schemas/progress.ts';
import { count, formatPath, showValue } from './issue-text.ts';

/** Deepest nesting valid progress can have (an export file's quiz answers are the deepest part). */
export const MAX_JSON_DEPTH = 16;

/** Something unsafe or oversized found in parsed JSON before any schema looks at it. */
export type JsonHazard =
  | { kind: 'forbidden-key'; key: string; path: readonly (string | number)[] }
  | { kind: 'too-many-entries'; count: number; path: readonly (string | number)[] }
  | { kind: 'too-deep'; path: readonly (string | number)[] };

/**
 * The first hazard in a parsed JSON value, or `undefined`: a key such as `__proto__` (which
 * `JSON.parse` happily creates as an own property), an object or list with more than
 * {@link PROGRESS_LIMITS.entriesPerRecord} entries, or nesting deeper than {@link MAX_JSON_DEPTH}.
 * Walks without recursion, so hostile nesting cannot overflow the stack.
 */
export function findJsonHazard(value: unknown): JsonHazard | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value: current, path } = item;
    if (current === null || typeof current !== 'object') continue;
    if (path.length > MAX_JSON_DEPTH) return { kind: 'too-deep', path };
    const entries: [string | number, unknown][] = Array.isArray(current)
      ? current.map((child, index): [number, unknown] => [index, child])
      : Object.keys(current).map((key): [string, unknown] => [key, (current as Record<string, unknown>)[key]]);
    for (const [key] of entries) {
      if (typeof key === 'string' && isForbiddenKey(key)) return { kind: 'forbidden-key', key, path };
    }
    if (entries.length > PROGRESS_LIMITS.entriesPerRecord) return { kind: 'too-many-entries', count: entries.length, path };
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const entry = entries[i];
      if (entry !== undefined) stack.push({ value: entry[1], path: [...path, entry[0]] });
    }
  }
  return undefined;
}

/**
 * Whether text that failed to parse as JSON looks like the start of valid JSON cut off part-way:
 * it opens an object or list that is still open (or inside a string) when the text ends.
 */
export function looksTruncated(text: string): boolean {
  const start = text.trimStart();
  if (!start.startsWith('{') && !start.startsWith('[')) return false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < start.length; i += 1) {
    const ch = start[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth += 1;
    else if (ch === '}' || ch === ']') {
      depth -= 1;
      if (depth <= 0) return false;
    }
  }
  return true;
}

/** A hazard in plain English, e.g. `it contains a field named "__proto__" at lessons, which is never allowed`. */
export function describeHazard(hazard: JsonHazard): string {
  const where = formatPath(hazard.path);
  switch (hazard.kind) {
    case 'forbidden-key':
      return `it contains a field named ${showValue(hazard.key)} at ${where}, which is never allowed`;
    case 'too-many-entries':
      return `at ${where}: there are ${count(hazard.count)} entries; the limit is ${count(PROGRESS_LIMITS.entriesPerRecord)}`;
    case 'too-deep':
      return `it is nested too deeply at ${where}`;
  }
}
