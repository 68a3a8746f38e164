import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_TIMESTAMP_MS as SCHEMA_MAX_MS, PROGRESS_ID_PATTERN, progressId } from '../../../../src/schemas/progress.ts';

import { isPracticeId, MAX_TIMESTAMP_MS, PRACTICE_ID_PATTERN, toIso } from '../../../../src/lib/practice/plain-data.ts';

const libDir = new URL('../../../../src/lib/practice/', import.meta.url);

describe('practice limits agree with the progress schema', () => {
  it('uses the same id pattern and timestamp range', () => {
    expect(PRACTICE_ID_PATTERN.source).toBe(PROGRESS_ID_PATTERN.source);
    expect(MAX_TIMESTAMP_MS).toBe(SCHEMA_MAX_MS);
    
  });

  it('accepts exactly the ids progress accepts', () => {
    const idLike = fc.oneof(fc.string(), fc.stringMatching(/^[a-z0-9-]{1,101}$/), fc.constantFrom('__proto__', 'constructor', 'prototype', 'a-1'));
    fc.assert(
      fc.property(idLike, (id) => {
        expect(isPracticeId(id)).toBe(progressId.safeParse(id).success);
      }),
    );
  });

  it('turns any number into an ISO timestamp without throwing', () => {
    expect(toIso(Number.NaN)).toBe('1970-01-01T00:00:00.000Z');
    expect(toIso(1e20)).toBe('9999-12-31T23:59:59.999Z');
    expect(toIso(-1)).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('practice rules stay light and pure enough for the browser', () => {
  const sources = readdirSync(libDir)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => [name, readFileSync(new URL(name, libDir), 'utf8')] as const);

  it('has modules to check', () => {
    expect(sources.map(([name]) => name)).toEqual(expect.arrayContaining(['attempt.ts', 'estimates.ts', 'grading.ts', 'grading-prompt.ts', 'hint-ladder.ts', 'history.ts', 'timer.ts']));
  });

  // The progress schema is in every page's bundle already (the progress store); the full-zod content schemas must not be.
  it.each(sources)('%s imports content schemas for types only, never zod, and never reads the clock itself', (_name, text) => {
    expect(text).not.toMatch(/from ['"]zod/);
    expect(text).not.toMatch(/^import (?!type )[^;]*from ['"][./]*schemas\/(?!progress\.ts)/m);
    expect(text).not.toMatch(/Date\.now|new Date\(\)|performance\.now/);
  });
});
