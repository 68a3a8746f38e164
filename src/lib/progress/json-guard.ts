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
  // Each object or list still to visit, with the way back to the root: a path is only built for a hazard.
  interface Visit {
    readonly value: object;
    readonly parent: Visit | undefined;
    readonly key: string | number;
    readonly depth: number;
  }
  const pathOf = (visit: Visit): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let at: Visit | undefined = visit; at?.parent !== undefined; at = at.parent) path.push(at.key);
    return path.reverse();
  };
  if (value === null || typeof value !== 'object') return undefined;
  const stack: Visit[] = [{ value, parent: undefined, key: '', depth: 0 }];
  // Children are pushed last first, so they are visited in order: the first hazard is the same whatever the speed-ups.
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const current = item.value;
    if (item.depth > MAX_JSON_DEPTH) return { kind: 'too-deep', path: pathOf(item) };
    if (Array.isArray(current)) {
      const list: readonly unknown[] = current;
      if (list.length > PROGRESS_LIMITS.entriesPerRecord) return { kind: 'too-many-entries', count: list.length, path: pathOf(item) };
      for (let i = list.length - 1; i >= 0; i -= 1) {
        const child = list[i];
        if (child !== null && typeof child === 'object') stack.push({ value: child, parent: item, key: i, depth: item.depth + 1 });
      }
      continue;
    }
    const record = current as Record<string, unknown>;
    const keys = Object.keys(record);
    for (const key of keys) {
      if (isForbiddenKey(key)) return { kind: 'forbidden-key', key, path: pathOf(item) };
    }
    if (keys.length > PROGRESS_LIMITS.entriesPerRecord) return { kind: 'too-many-entries', count: keys.length, path: pathOf(item) };
    for (let i = keys.length - 1; i >= 0; i -= 1) {
      const key = keys[i] as string;
      const child = record[key];
      if (child !== null && typeof child === 'object') stack.push({ value: child, parent: item, key, depth: item.depth + 1 });
    }
  }
  return undefined;
}

/**
 * Whether text that failed to parse as JSON is the start of valid JSON cut off part-way: every
 * character up to the end follows JSON's grammar, and the end comes before the value is complete
 * (inside a string, a number, a literal, or with an object or list still open). Text that breaks the
 * grammar anywhere — `{{{ not json` — is not truncated, just not JSON.
 */
export function looksTruncated(text: string): boolean {
  type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close';
  const stack: ('{' | '[')[] = [];
  let expect: Expect = 'value';
  let started = false;
  let i = 0;
  const n = text.length;
  const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
  /** Reads a string from the opening quote at `i`; 'end' when the text ends inside it, 'bad' on a bad escape. */
  const readString = (): 'ok' | 'end' | 'bad' => {
    i += 1;
    while (i < n) {
      const c = text[i] ?? '';
      if (c === '"') {
        i += 1;
        return 'ok';
      }
      if (c < ' ') return 'bad';
      if (c === '\\') {
        const e = text[i + 1];
        if (e === undefined) return 'end';
        if (e === 'u') {
          for (let k = 2; k < 6; k += 1) {
            const h = text[i + k];
            if (h === undefined) return 'end';
            if (!/[0-9a-fA-F]/.test(h)) return 'bad';
          }
          i += 6;
        } else if ('"\\/bfnrt'.includes(e)) i += 2;
        else return 'bad';
      } else i += 1;
    }
    return 'end';
  };
  const afterValue = () => {
    expect = stack.length === 0 ? 'value' : 'comma-or-close';
    started = true;
  };
  while (i < n) {
    const c = text[i] ?? '';
    if (isSpace(c)) {
      i += 1;
      continue;
    }
    if (stack.length === 0 && started) return false; // content after a complete value
    if (expect === 'value' || expect === 'value-or-close') {
      if (c === ']' && expect === 'value-or-close') {
        stack.pop();
        i += 1;
        afterValue();
      } else if (c === '{' || c === '[') {
        stack.push(c);
        expect = c === '{' ? 'key-or-close' : 'value-or-close';
        started = true;
        i += 1;
      } else if (c === '"') {
        const r = readString();
        if (r !== 'ok') return r === 'end';
        afterValue();
      } else if (c === '-' || (c >= '0' && c <= '9')) {
        const m = /^-?(0|[1-9][0-9]*)?(\.[0-9]*)?([eE][+-]?[0-9]*)?/.exec(text.slice(i));
        const num = m?.[0] ?? '';
        i += num.length;
        if (i >= n) return true;
        if (!/^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(num)) return false;
        afterValue();
      } else {
        const word = ['true', 'false', 'null'].find((w) => w[0] === c);
        if (word === undefined) return false;
        const rest = text.slice(i, i + word.length);
        if (!word.startsWith(rest)) return false;
        if (i + word.length > n) return true;
        i += word.length;
        afterValue();
      }
    } else if (expect === 'key' || expect === 'key-or-close') {
      if (c === '}' && expect === 'key-or-close') {
        stack.pop();
        i += 1;
        afterValue();
      } else if (c === '"') {
        const r = readString();
        if (r !== 'ok') return r === 'end';
        expect = 'colon';
      } else return false;
    } else if (expect === 'colon') {
      if (c !== ':') return false;
      i += 1;
      expect = 'value';
    } else {
      const top = stack.at(-1);
      if (c === ',') {
        expect = top === '{' ? 'key' : 'value';
        i += 1;
      } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        stack.pop();
        i += 1;
        afterValue();
      } else return false;
    }
  }
  // The text ended: cut off if a value was begun and is not complete.
  return started && stack.length > 0;
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
