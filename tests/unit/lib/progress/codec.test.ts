import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PROGRESS_LIMITS, PROGRESS_VERSION, progressEnvelopeSchema, type ProgressData } from '../../../../src/schemas/progress.ts';
import { decode, encode, migrations, type MigrationRegistry } from '../../../../src/lib/progress/codec.ts';
import { emptyProgress } from '../../../../src/lib/progress/model.ts';
import { envelope, progressArb, progressWith } from './helpers.ts';

const fixtures = new URL('./fixtures/', import.meta.url);
const readFixture = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');

const at = '2025-02-01T08:00:00.000Z';
const sample = progressWith({
  lessons: { 'what-is-eda': { completed: true, updatedAt: at, completedAt: at }, 'lesson-that-was-retired': { completed: true, updatedAt: at, completedAt: at } },
  notes: { 'what-is-eda': { text: '<script>alert(1)</script>', updatedAt: at } },
});

describe('decode: nothing saved yet', () => {
  it('starts clean without a problem when nothing is stored', () => {
    expect(decode(null)).toEqual({ state: emptyProgress() });
  });

  it('starts clean without a problem for empty or blank text, which holds no progress to rescue', () => {
    expect(decode('')).toEqual({ state: emptyProgress() });
    expect(decode('  \n')).toEqual({ state: emptyProgress() });
  });
});

describe('decode: round trip', () => {
  it('reads back exactly what encode wrote, including ids of content that no longer exists', () => {
    const { state, problem } = decode(encode(sample));
    expect(problem).toBeUndefined();
    expect(state).toEqual(sample);
    expect(Object.keys(state.lessons)).toContain('lesson-that-was-retired');
  });

  it('round-trips any valid progress, always writing the documented envelope', () => {
    fc.assert(
      fc.property(progressArb, (data) => {
        expect(progressEnvelopeSchema.safeParse(JSON.parse(encode(data))).success).toBe(true);
        expect(encode(decode(encode(data)).state)).toBe(encode(data));
      }),
    );
  });

  it('writes the same text for the same progress whatever order it was built in', () => {
    const a = progressWith({ notes: { b: { text: '2', updatedAt: at }, a: { text: '1', updatedAt: at } } });
    const b = progressWith({ notes: { a: { text: '1', updatedAt: at }, b: { text: '2', updatedAt: at } } });
    expect(encode(a)).toBe(encode(b));
    expect(JSON.parse(encode(a))).toMatchObject({ version: PROGRESS_VERSION });
  });
});

describe('decode: SQL lab handlers', () => {
  const sql = "INSERT INTO processed (message_id) VALUES ($1)\n  ON CONFLICT DO NOTHING; -- 'café' <b>\u2014</b>\n";
  const withLabs = progressWith({ sqllabs: { outbox: { sql, previous: 'SELECT 1;', updatedAt: at }, relay: { sql: '', updatedAt: at } } });

  it('reads a saved handler back byte for byte, the text kept to bring back included', () => {
    const { state, problem } = decode(encode(withLabs));
    expect(problem).toBeUndefined();
    expect(state.sqllabs?.['outbox']).toEqual({ sql, previous: 'SELECT 1;', updatedAt: at });
    expect(state.sqllabs?.['relay']).toEqual({ sql: '', updatedAt: at });
    expect(encode(state)).toBe(encode(withLabs));
  });

  it('reads progress saved before SQL labs existed, with no handlers', () => {
    const { sqllabs: _, ...before } = emptyProgress();
    const { state, problem } = decode(envelope(before));
    expect(problem).toBeUndefined();
    expect(state.sqllabs).toEqual({});
  });

  it('keeps a fixture of stored progress with handlers', () => {
    expect(readdirSync(fixtures)).toContain('stored-v1-sqllabs.json');
    const { state } = decode(readFixture('stored-v1-sqllabs.json'));
    expect(Object.keys(state.sqllabs ?? {})).toEqual(['idempotency', 'outbox']);
  });

  it('says which handler is too long when the saved SQL is over the limit', () => {
    const over = envelope({ ...emptyProgress(), sqllabs: { outbox: { sql: 'x'.repeat(PROGRESS_LIMITS.sqlLength + 1), updatedAt: at } } });
    const { state, problem } = decode(over);
    expect(state).toEqual(emptyProgress());
    expect(problem?.kind).toBe('wrong-shape');
    expect(problem?.message).toContain('at sqllabs › outbox › sql: the SQL is 20,001 characters long; the limit is 20,000');
  });
});

describe('decode: unreadable storage starts clean and says what happened', () => {
  const cases: [string, string, string, string][] = [
    ['text that is not JSON', 'hello, world', 'not-json', 'The saved progress isn’t readable data (it is not valid JSON).'],
    ['JSON cut off part-way', encode(sample).slice(0, 60), 'truncated', 'The saved progress is cut off part-way through'],
    ['a string cut off inside a note', '{"version":1,"data":{"notes":{"a":{"text":"half a sen', 'truncated', 'cut off part-way'],
    ['JSON null', 'null', 'wrong-shape', 'expected an object with a version and data, found null'],
    ['a number', '42', 'wrong-shape', 'found 42'],
    ['a string', '"progress"', 'wrong-shape', 'found "progress"'],
    ['true', 'true', 'wrong-shape', 'found true'],
    ['an array', '[{"version":1}]', 'wrong-shape', 'found a list'],
    ['an object without a version', JSON.stringify({ data: {} }), 'wrong-shape', 'it has no version number'],
    ['a version that is text', JSON.stringify({ version: '1', data: {} }), 'wrong-shape', 'its version "1" is not a whole number of 1 or more'],
    ['version 0', envelope(emptyProgress(), 0), 'wrong-shape', 'its version 0 is not a whole number'],
    ['an unexpected top-level field', JSON.stringify({ version: 1, data: emptyProgress(), extra: 1 }), 'wrong-shape', 'unexpected field "extra"'],
    ['a future version', envelope(emptyProgress(), 7), 'future-version', 'written by a newer version of this course (version 7; this page reads up to version 1)'],
    [
      'a field of the wrong type',
      envelope({ ...emptyProgress(), lessons: { intro: { completed: 'yes', updatedAt: at } } }),
      'wrong-shape',
      'at lessons › intro › completed: expected true or false, found "yes"',
    ],
    ['a missing record', envelope({ generation: 0, lessons: {} }), 'wrong-shape', 'at notes: this field is missing (expected an object)'],
    [
      'a __proto__ key',
      envelope({ ...emptyProgress(), lessons: JSON.parse('{"__proto__": {"completed": true}}') }),
      'wrong-shape',
      'it contains a field named "__proto__" at lessons, which is never allowed',
    ],
  ];

  for (const [name, raw, kind, message] of cases) {
    it(`${name} → ${kind}`, () => {
      const result = decode(raw);
      expect(result.state).toEqual(emptyProgress());
      expect(result.problem?.kind).toBe(kind);
      expect(result.problem?.message).toContain(message);
    });
  }

  it('describes a wrong shape in a full sentence a learner can read', () => {
    expect(decode(envelope({ ...emptyProgress(), notes: { intro: { text: 5, updatedAt: at } } })).problem?.message).toBe(
      'The saved progress isn’t in the shape this course expects (at notes › intro › text: expected text, found 5).',
    );
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ version: 1, data: v }))), (raw) => {
        expect(() => decode(raw)).not.toThrow();
      }),
    );
  });
});

describe('migrations', () => {
  it('has one migration for every older version, and none while version 1 is current', () => {
    const expected = Array.from({ length: PROGRESS_VERSION - 1 }, (_, i) => String(i + 1));
    expect(Object.keys(migrations)).toEqual(expected);
  });

  // Rehearses the next version: a fake v1 → v2 migration injected through the registry.
  const renameRetiredLesson = (data: unknown) => {
    const d = data as ProgressData;
    const { 'eda-intro': old, ...rest } = d.lessons;
    return { ...d, lessons: old === undefined ? rest : { ...rest, 'what-is-eda': old } };
  };
  const v1 = envelope(progressWith({ lessons: { 'eda-intro': { completed: true, updatedAt: at, completedAt: at } } }), 1);

  it('runs the migration from an older stored version up to the current one', () => {
    const calls: unknown[] = [];
    const registry: MigrationRegistry = {
      1: (data) => {
        calls.push(data);
        return renameRetiredLesson(data);
      },
    };
    const { state, problem } = decode(v1, { migrations: registry, currentVersion: 2 });
    expect(problem).toBeUndefined();
    expect(calls).toHaveLength(1);
    expect(Object.keys(state.lessons)).toEqual(['what-is-eda']);
  });

  it('does not migrate data already at the current version', () => {
    let called = false;
    const registry: MigrationRegistry = { 1: (data) => ((called = true), data) };
    expect(decode(envelope(emptyProgress(), 2), { migrations: registry, currentVersion: 2 }).problem).toBeUndefined();
    expect(called).toBe(false);
  });

  it('reports a missing, failing or bad migration instead of guessing', () => {
    const missing = decode(v1, { migrations: {}, currentVersion: 2 }).problem;
    expect(missing).toEqual({
      kind: 'migration-failed',
      message:
        'The saved progress is from an older version of this course (version 1) and couldn’t be brought up to date (there is no upgrade from version 1).',
    });
    const throwing = decode(v1, { migrations: { 1: () => { throw new Error('boom'); } }, currentVersion: 2 }).problem;
    expect(throwing?.message).toContain('the upgrade from version 1 failed');
    const bad = decode(v1, { migrations: { 1: () => ({ lessons: [] }) }, currentVersion: 2 }).problem;
    expect(bad?.kind).toBe('migration-failed');
    expect(bad?.message).toContain('at generation: this field is missing');
  });

  it('treats a version beyond the current one as written by a newer site', () => {
    expect(decode(envelope(emptyProgress(), 3), { migrations: { 1: renameRetiredLesson }, currentVersion: 2 }).problem?.kind).toBe('future-version');
  });
});

describe('stored fixtures: every version ever written still reads', () => {
  // `stored-vN.json`, plus `stored-vN-<what>.json` for a record added to version N without a bump (e.g. `sqllabs`).
  const stored = readdirSync(fixtures).filter((name) => /^stored-v\d+(-[a-z0-9-]+)?\.json$/.test(name));

  it('has a fixture for every version from 1 to the current one', () => {
    const versions = [...new Set(stored.map((name) => Number(/\d+/.exec(name)?.[0])))].sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: PROGRESS_VERSION }, (_, i) => i + 1));
  });

  for (const name of stored) {
    it(`${name} reads as ${name.replace('.json', '.expected.json')}`, () => {
      const { state, problem } = decode(readFixture(name));
      expect(problem).toBeUndefined();
      expect(JSON.parse(encode(state)).data).toEqual(JSON.parse(readFixture(name.replace('.json', '.expected.json'))));
    });
  }
});
