import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksTruncated } from '../../../../src/lib/progress/json-guard.ts';

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
