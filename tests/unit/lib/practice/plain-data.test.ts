import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_TIMESTAMP_MS as SCHEMA_MAX_MS, PROGRESS_ID_PATTERN, progressId } from '../../../../src/schemas/progress.ts';

import { isPracticeId, MAX_TIMESTAMP_MS, mayHoldAttempts, PRACTICE_ID_PATTERN, toIso } from '../../../../src/lib/practice/plain-data.ts';
import { PROGRESS_VERSION } from '../../../../src/schemas/progress.ts';
import { encode } from '../../../../src/lib/progress/codec.ts';
import { emptyProgress } from '../../../../src/lib/progress/model.ts';

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

  // The practice page loads these before the learner starts, without the progress store: its
  // validator (the zod progress schema) must not come in through a value import, nor the full-zod
  // content schemas; the schema's plain constants are in schemas/progress-constants.ts.
  it.each(sources)('%s imports schemas for types only (constants aside), never zod, and never reads the clock itself', (_name, text) => {
    expect(text).not.toMatch(/from ['"]zod/);
    expect(text).not.toMatch(/^import (?!type )[^;]*from ['"][./]*schemas\/(?!progress-constants\.ts)/m);
    expect(text).not.toMatch(/Date\.now|new Date\(\)|performance\.now/);
  });
});

describe('mayHoldAttempts (whether the practice island needs the full store before Start)', () => {
  const envelope = (practice: unknown) => JSON.stringify({ version: 1, data: { lessons: {}, practice } });

  it('knows the stored version', () => {
    // When the version moves on, this reader must learn the new envelope (or keep answering true).
    expect(PROGRESS_VERSION).toBe(1);
  });

  it('is false only when sure: nothing saved, or no attempt under any of the ids', () => {
    expect(mayHoldAttempts(null, ['checkout'])).toBe(false);
    expect(mayHoldAttempts(JSON.stringify({ version: 1, data: { lessons: {} } }), ['checkout'])).toBe(false);
    expect(mayHoldAttempts(envelope({ other: { attempts: [] } }), ['checkout', 'old-checkout'])).toBe(false);
    expect(mayHoldAttempts(encode(emptyProgress()), ['checkout'])).toBe(false);
  });

  it('is true when an attempt is saved under the id or a former id', () => {
    expect(mayHoldAttempts(envelope({ checkout: { attempts: [] } }), ['checkout'])).toBe(true);
    expect(mayHoldAttempts(envelope({ 'old-checkout': { attempts: [] } }), ['checkout', 'old-checkout'])).toBe(true);
  });

  it('is true for anything it cannot read, so the store reads and recovers it', () => {
    for (const raw of ['{"version":1,"data":{"practice":', '[]', 'null', '{"version":2,"data":{}}', '{"version":1}', envelope([]), envelope('x')]) {
      expect(mayHoldAttempts(raw, ['checkout']), raw).toBe(true);
    }
  });

  it('never reads an inherited property as an attempt', () => {
    expect(mayHoldAttempts(envelope({}), ['constructor', 'toString'])).toBe(false);
  });
});
