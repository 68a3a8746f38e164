import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonHazard, looksTruncated, MAX_JSON_DEPTH, type JsonHazard } from '../../../../src/lib/progress/json-guard.ts';
import { isForbiddenKey, PROGRESS_LIMITS } from '../../../../src/schemas/progress.ts';

const isJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('looksTruncated: cut-off JSON told apart from text that is not JSON at all', () => {
  it('every proper prefix of valid JSON that does not parse is truncated', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        for (let end = 1; end < text.length; end += 1) {
          const prefix = text.slice(0, end);
          if (prefix.trim() === '' || isJson(prefix)) continue;
          expect(looksTruncated(prefix), prefix).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ['braces then words', '{{{ this is not json'],
    ['a word', 'hello'],
    ['single quotes', "{'version': 1"],
    ['a trailing comma then a close', '{"a":1,}'],
    ['content after a complete value', '{"a":1} extra {'],
    ['a bad escape', '{"a":"\\q'],
    ['a bad literal', '{"a":trux'],
    ['a missing colon', '{"a" 1'],
    ['a leading zero', '[01'],
  ])('%s is not truncated', (_name, text) => {
    expect(looksTruncated(text)).toBe(false);
  });

  it.each([
    ['an open object', '{"version":1,"data":{'],
    ['inside a literal', '{"completed":tru'],
    ['inside a string', '["half a sen'],
    ['after a comma', '[1,'],
    ['inside a unicode escape', '"\\u00'],
  ])('%s is truncated', (_name, text) => {
    expect(looksTruncated(text)).toBe(true);
  });
});

/** The first, straightforward walk findJsonHazard was (a path array per value): the oracle for the faster one. */
function referenceHazard(value: unknown): JsonHazard | undefined {
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

const nest = (depth: number, inner: unknown): unknown => (depth === 0 ? inner : { a: [nest(depth - 1, inner)] });

describe('findJsonHazard: unsafe or oversized parsed JSON, with where it is', () => {
  it('finds nothing in ordinary data, or in a value that is not an object', () => {
    expect(findJsonHazard({ notes: { a: { text: 'x', updatedAt: 't' } }, list: [1, [2, { b: null }]] })).toBeUndefined();
    expect(findJsonHazard('text')).toBeUndefined();
    expect(findJsonHazard(null)).toBeUndefined();
  });

  it('names a forbidden key and the path of the object that holds it', () => {
    expect(findJsonHazard(JSON.parse('{"notes":{"ok":{},"x":[0,{"__proto__":1}]}}'))).toEqual({ kind: 'forbidden-key', key: '__proto__', path: ['notes', 'x', 1] });
    expect(findJsonHazard({ constructor: 1 })).toEqual({ kind: 'forbidden-key', key: 'constructor', path: [] });
  });

  it('reports the first hazard in document order', () => {
    expect(findJsonHazard(JSON.parse('{"a":{"prototype":1},"b":{"__proto__":2}}'))).toEqual({ kind: 'forbidden-key', key: 'prototype', path: ['a'] });
  });

  it('counts the entries of a record or list over the limit', () => {
    const many = Array.from({ length: PROGRESS_LIMITS.entriesPerRecord + 1 }, (_, i) => i);
    expect(findJsonHazard({ x: { y: many } })).toEqual({ kind: 'too-many-entries', count: many.length, path: ['x', 'y'] });
    const record = Object.fromEntries(many.map((i) => [`k${i}`, i]));
    expect(findJsonHazard([record])).toEqual({ kind: 'too-many-entries', count: many.length, path: [0] });
  });

  it('stops at nesting deeper than MAX_JSON_DEPTH, without overflowing the stack on hostile nesting', () => {
    expect(findJsonHazard(nest(MAX_JSON_DEPTH / 2, {}))).toBeUndefined();
    const deep = findJsonHazard(nest(MAX_JSON_DEPTH, {}));
    expect(deep?.kind).toBe('too-deep');
    expect(deep?.path).toHaveLength(MAX_JSON_DEPTH + 1);
    expect(findJsonHazard(JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`))?.kind).toBe('too-deep');
  });

  it('finds exactly what the straightforward walk finds, for any JSON', () => {
    const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'a', 'b'), fc.string({ maxLength: 3 }));
    const { json } = fc.letrec((tie) => ({
      json: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string({ maxLength: 3 })),
        fc.array(tie('json'), { maxLength: 4 }),
        fc.dictionary(key, tie('json'), { maxKeys: 4 }),
      ),
    }));
    fc.assert(
      fc.property(json, fc.integer({ min: 0, max: 20 }), (value, depth) => {
        // JSON.parse makes `__proto__` an own key, as stored text would.
        const parsed: unknown = JSON.parse(JSON.stringify(nest(depth, value)));
        expect(findJsonHazard(parsed)).toEqual(referenceHazard(parsed));
      }),
      { numRuns: 300 },
    );
  });
});
