import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, PROGRESS_LIMITS, progressExportSchema, type ProgressData } from '../../../../src/schemas/progress.ts';
import { decode, encode } from '../../../../src/lib/progress/codec.ts';
import { emptyProgress, isLessonComplete, noteText } from '../../../../src/lib/progress/model.ts';
import { applyImport, reduceProgress } from '../../../../src/lib/progress/reducer.ts';
import { createProgressStore, DEFAULT_PROGRESS_KEY } from '../../../../src/lib/progress/store.ts';
import { exportProgress, futureTime, MAX_IMPORT_BYTES, parseImport, summarizeProgress } from '../../../../src/lib/progress/transfer.ts';
import { FakeStorage, manualClock, progressWith } from './helpers.ts';

const at = '2025-02-01T08:00:00.000Z';
const exportedAt = '2025-03-01T10:00:00.000Z';
const sample = progressWith({
  lessons: {
    'what-is-eda': { completed: true, updatedAt: at, completedAt: at },
    outbox: { completed: false, updatedAt: at },
    'retired-lesson': { completed: true, updatedAt: at, completedAt: at },
  },
  notes: { 'what-is-eda': { text: '<img src=x onerror=alert(1)>', updatedAt: at }, outbox: { text: '', updatedAt: at } },
  quiz: { 'idem-03': { attempts: [{ at, correct: true, chosen: ['a'], bankId: 'delivery' }], updatedAt: at } },
  practice: { checkout: { attempts: [{ id: 'try-1', startedAt: at, elapsedMs: 1000, hintsUsed: 0 }], updatedAt: at } },
  review: { 'idem-03': { card: { due: at, reps: 1 }, updatedAt: at } },
  challenges: { 'consumer-lag': { passedAt: at, updatedAt: at } },
});

/** A valid export file with `patch` applied to its parsed form. */
function file(patch: (value: Record<string, unknown> & { data: ProgressData }) => unknown = (v) => v): string {
  const value = JSON.parse(exportProgress(sample, new Date(exportedAt))) as Record<string, unknown> & { data: ProgressData };
  return JSON.stringify(patch(value));
}

/** Goes through the import the way the page does (parse, and apply only if it parsed) and reports what storage held before and after. */
function importIntoStore(text: string, sizeBytes?: number) {
  const storage = new FakeStorage();
  const store = createProgressStore({ storage, now: manualClock().now });
  store.dispatch({ type: 'lesson/complete', lessonId: 'already-here' });
  const before = storage.items.get(DEFAULT_PROGRESS_KEY);
  const result = parseImport(text, sizeBytes);
  if (result.ok) store.dispatch({ type: 'import/apply', data: result.data, mode: 'replace' });
  return { result, before, after: storage.items.get(DEFAULT_PROGRESS_KEY), state: store.state };
}

describe('export', () => {
  it('writes a marked, versioned, dated file of the progress', () => {
    const parsed = JSON.parse(exportProgress(sample, new Date(exportedAt))) as Record<string, unknown>;
    expect(progressExportSchema.safeParse(parsed).success).toBe(true);
    expect(Object.keys(parsed).sort()).toEqual(['data', 'exportedAt', 'format', 'formatVersion']);
    expect(parsed).toMatchObject({ format: EXPORT_FORMAT, formatVersion: 1, exportedAt });
    expect(parsed['data']).toEqual(JSON.parse(encode(sample)).data);
  });

  it('reads back through import exactly, unknown ids and HTML in notes included', () => {
    const result = parseImport(exportProgress(sample, new Date(exportedAt)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(encode(result.data)).toBe(encode(sample));
    expect(result.data.notes['what-is-eda']?.text).toBe('<img src=x onerror=alert(1)>');
    expect(Object.keys(result.data.lessons)).toContain('retired-lesson');
  });
});

describe('import summary', () => {
  it('counts what the file would bring in', () => {
    const result = parseImport(file());
    expect(result.ok && result.summary).toEqual({
      lessonsCompleted: 2,
      notes: 1,
      quizQuestions: 1,
      practicePrompts: 1,
      reviewCards: 1,
      challenges: 1,
      followUps: 0,
      mockRounds: 0,
      sqlLabs: 0,
    });
  });

  it('counts answered follow-ups and mock rounds', () => {
    let state = reduceProgress(emptyProgress(), { type: 'drill/start', roundId: 'round-1', topics: ['outbox'], items: ['fu-outbox-01'] }, new Date('2026-12-01T10:00:00Z'));
    state = reduceProgress(state, { type: 'followup/draft', followUpId: 'fu-outbox-02', text: 'half', aloud: false }, new Date('2026-12-01T10:01:00Z'));
    state = reduceProgress(state, { type: 'followup/record', followUpId: 'fu-outbox-01', attempt: { answer: 'x', aloud: false, made: [], flags: [], grade: 'again', round: 'round-1' } }, new Date('2026-12-01T10:02:00Z'));
    expect(summarizeProgress(state)).toMatchObject({ followUps: 1, mockRounds: 1 });
    expect(summarizeProgress(state, { questions: ['fu-outbox-01'] }).unknownIds).toBe(1);
  });

  it('counts saved SQL lab handlers, and those of labs that no longer exist', () => {
    let state = reduceProgress(emptyProgress(), { type: 'sqllab/save', labId: 'idempotency', sql: 'SELECT 1;' }, new Date('2026-12-01T10:00:00Z'));
    state = reduceProgress(state, { type: 'sqllab/save', labId: 'retired-lab', sql: '' }, new Date('2026-12-01T10:01:00Z'));
    expect(summarizeProgress(state)).toMatchObject({ sqlLabs: 2 });
    expect(summarizeProgress(state).unknownIds).toBeUndefined();
    expect(summarizeProgress(state, { sqlLabs: ['idempotency', 'outbox', 'relay'] }).unknownIds).toBe(1);
    expect(summarizeProgress(state, { sqlLabs: [] }).unknownIds).toBe(2);
    // Handlers are only checked against lab ids: other kinds of ids passed in do not count them.
    expect(summarizeProgress(state, { lessons: ['idempotency'] }).unknownIds).toBe(0);
    const result = parseImport(exportProgress(state, new Date('2026-12-01T10:02:00Z')), undefined, { sqlLabs: ['idempotency'] }, { now: new Date('2026-12-01T10:02:00Z') });
    expect(result.ok && result.summary).toMatchObject({ sqlLabs: 2, unknownIds: 1 });
  });

  it('counts ids of content that no longer exists, which are still kept', () => {
    const known = { lessons: ['what-is-eda', 'outbox'], questions: ['idem-03'], prompts: [], challenges: ['consumer-lag'] };
    const result = parseImport(file(), undefined, known);
    expect(result.ok && result.summary.unknownIds).toBe(2);
    expect(result.ok && Object.keys(result.data.lessons)).toContain('retired-lesson');
    expect(summarizeProgress(emptyProgress(), known).unknownIds).toBe(0);
  });
});

describe('import: hostile and broken files are refused whole, with a clear message', () => {
  const N = ' Nothing was changed.';
  const hugeLessons = Object.fromEntries(
    Array.from({ length: PROGRESS_LIMITS.entriesPerRecord + 1 }, (_, i) => [`l${i}`, { completed: true, updatedAt: at, completedAt: at }]),
  );
  const cases: [string, string, string, number?][] = [
    ['a file over 5 MB (by its reported size)', file(), `This file is 6.2 MB; the limit is 5 MB.${N}`, Math.round(6.2 * 1024 * 1024)],
    ['a file over 5 MB (by its text)', `{"pad":"${'x'.repeat(MAX_IMPORT_BYTES)}"}`, `This file is 5.1 MB; the limit is 5 MB.${N}`],
    ['a file just over 5 MB counted in UTF-8 bytes', `"${'é'.repeat(MAX_IMPORT_BYTES / 2)}"`, `This file is 5.1 MB; the limit is 5 MB.${N}`],
    ['not JSON', 'this is my progress, promise', `This file isn’t a progress export from this course: it isn’t valid JSON.${N}`],
    ['JSON cut off part-way', file().slice(0, 80), `This file isn’t a progress export from this course that can be read: it is cut off part-way through.${N}`],
    ['an array instead of an object', '[]', `This file isn’t a progress export from this course: it holds a list instead of an export.${N}`],
    ['null', 'null', `This file isn’t a progress export from this course: it holds null instead of an export.${N}`],
    ['a wrong format marker', file((v) => ({ ...v, format: 'other-app-backup' })), `This file isn’t a progress export from this course (its "format" is "other-app-backup"; expected "eda-course-progress").${N}`],
    ['no format marker', file(({ format: _, ...rest }) => rest), `This file isn’t a progress export from this course (it has no "format" field; expected "eda-course-progress").${N}`],
    [
      'a future formatVersion',
      file((v) => ({ ...v, formatVersion: 2 })),
      `This file was exported by a newer version of the course (format version 2); this version reads format version 1 and older. Reload the page to get the latest version, then try again.${N}`,
    ],
    ['a formatVersion that is text', file((v) => ({ ...v, formatVersion: '1' })), `This file has an unsupported format version ("1").${N}`],
    ['an invalid export time', file((v) => ({ ...v, exportedAt: 'last Tuesday' })), `This file can’t be imported: its export time "last Tuesday" is not a valid date and time.${N}`],
    ['an unexpected top-level field', file((v) => ({ ...v, extra: true })), `This file can’t be imported: it has an unexpected field "extra".${N}`],
    [
      'a wrong type',
      file((v) => ({ ...v, data: { ...v.data, lessons: { intro: { completed: 'yes', updatedAt: at } } } })),
      `This file can’t be imported: at data › lessons › intro › completed: expected true or false, found "yes".${N}`,
    ],
    [
      'a list where an object belongs',
      file((v) => ({ ...v, data: { ...v.data, notes: [] } })),
      `This file can’t be imported: at data › notes: expected an object, found a list.${N}`,
    ],
    [
      '__proto__ at the top level',
      file().replace('{', '{"__proto__":{"polluted":true},'),
      `This file can’t be imported: it contains a field named "__proto__" at the top level, which is never allowed.${N}`,
    ],
    [
      '__proto__ nested in a record',
      file().replace('"lessons":{', '"lessons":{"__proto__":{"completed":true},'),
      `This file can’t be imported: it contains a field named "__proto__" at data › lessons, which is never allowed.${N}`,
    ],
    [
      '__proto__ deep in a quiz answer',
      file().replace('"chosen":[', '"chosen":[{"__proto__":{"polluted":true}},'),
      `This file can’t be imported: it contains a field named "__proto__" at data › quiz › idem-03 › attempts[0] › chosen[0], which is never allowed.${N}`,
    ],
    [
      'constructor as an id',
      file((v) => ({ ...v, data: { ...v.data, notes: { constructor: { text: 'x', updatedAt: at } } } })),
      `This file can’t be imported: it contains a field named "constructor" at data › notes, which is never allowed.${N}`,
    ],
    [
      'prototype inside a review card',
      file((v) => ({ ...v, data: { ...v.data, review: { q: { card: { prototype: 1 }, updatedAt: at } } } })),
      `This file can’t be imported: it contains a field named "prototype" at data › review › q › card, which is never allowed.${N}`,
    ],
    [
      'an enormous note',
      file((v) => ({ ...v, data: { ...v.data, notes: { intro: { text: 'x'.repeat(25_000), updatedAt: at } } } })),
      `This file can’t be imported: at data › notes › intro › text: the note is 25,000 characters long; the limit is 20,000.${N}`,
    ],
    [
      'an enormous id',
      file((v) => ({ ...v, data: { ...v.data, lessons: { ['a'.repeat(150)]: { completed: true, updatedAt: at } } } })),
      `This file can’t be imported: at data › lessons: the id "${'a'.repeat(40)}…" is 150 characters long; the limit is 100.${N}`,
    ],
    [
      'an id that is not an id',
      file((v) => ({ ...v, data: { ...v.data, lessons: { 'What Is EDA?': { completed: true, updatedAt: at } } } })),
      `This file can’t be imported: at data › lessons: "What Is EDA?" is not a valid id (lowercase letters, digits and hyphens, at most 100 characters).${N}`,
    ],
    [
      'too many entries',
      file((v) => ({ ...v, data: { ...v.data, lessons: hugeLessons } })),
      `This file can’t be imported: at data › lessons: there are 10,001 entries; the limit is 10,000.${N}`,
    ],
    [
      'an invalid date',
      file((v) => ({ ...v, data: { ...v.data, challenges: { lag: { passedAt: '2025-02-30T00:00:00.000Z', updatedAt: at } } } })),
      `This file can’t be imported: at data › challenges › lag › passedAt: "2025-02-30T00:00:00.000Z" is not a date and time like 2025-01-31T09:30:00.000Z.${N}`,
    ],
    [
      'a negative elapsedMs',
      file((v) => ({ ...v, data: { ...v.data, practice: { p: { attempts: [{ id: 't', startedAt: at, elapsedMs: -1, hintsUsed: 0 }], updatedAt: at } } } })),
      `This file can’t be imported: at data › practice › p › attempts[0] › elapsedMs: -1 is not allowed; it must be 0 or more.${N}`,
    ],
    [
      'a practice diagram with a connection to a missing part',
      file((v) => ({
        ...v,
        data: {
          ...v.data,
          practice: {
            p: {
              attempts: [
                {
                  id: 't',
                  startedAt: at,
                  elapsedMs: 1,
                  hintsUsed: 0,
                  diagram: { at, value: { nodes: [{ id: 'n1', kind: 'service', label: 'Orders', x: 0, y: 0 }], edges: [{ id: 'e1', from: 'n1', to: 'n9', kind: 'event', label: '' }] } },
                },
              ],
              updatedAt: at,
            },
          },
        },
      })),
      `This file can’t be imported: at data › practice › p › attempts[0] › diagram: connection "e1" ends at a missing part "n9".${N}`,
    ],
    [
      'a practice diagram part of an unknown kind',
      file((v) => ({
        ...v,
        data: {
          ...v.data,
          practice: { p: { attempts: [{ id: 't', startedAt: at, elapsedMs: 1, hintsUsed: 0, diagram: { at, value: { nodes: [{ id: 'n1', kind: 'blob', label: 'X', x: 0, y: 0 }], edges: [] } } }], updatedAt: at } },
        },
      })),
      expect.stringMatching(/^This file can’t be imported: at data › practice › p › attempts\[0\] › diagram: /),
    ],
    [
      'nesting deeper than progress ever goes',
      file((v) => ({ ...v, data: { ...v.data, lessons: JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`) } })),
      `This file can’t be imported: it is nested too deeply at data › lessons[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0].${N}`,
    ],
  ];

  it('covers at least ten hostile cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const [name, text, message, sizeBytes] of cases) {
    it(`refuses ${name}`, () => {
      const { result, before, after, state } = importIntoStore(text, sizeBytes);
      expect(result).toEqual({ ok: false, message });
      expect(after).toBe(before);
      expect(Object.keys(state.lessons)).toEqual(['already-here']);
    });
  }

  it('leaves Object.prototype untouched after every hostile file', () => {
    for (const [, text] of cases) parseImport(text);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('completed');
  });

  it('accepts a file of exactly 5 MB', () => {
    expect(parseImport(file(), MAX_IMPORT_BYTES).ok).toBe(true);
  });
});

describe('applying an import', () => {
  const here = progressWith({
    lessons: { intro: { completed: true, updatedAt: at, completedAt: at } },
    notes: { 'what-is-eda': { text: 'newer note here', updatedAt: '2025-02-09T00:00:00.000Z' } },
  });

  it('merge keeps both sides, newest per item', () => {
    const merged = applyImport(here, sample, 'merge');
    expect(isLessonComplete(merged, 'intro')).toBe(true);
    expect(isLessonComplete(merged, 'what-is-eda')).toBe(true);
    expect(noteText(merged, 'what-is-eda')).toBe('newer note here');
    expect(merged.generation).toBe(here.generation);
  });

  it('merge ignores the generation written in the file', () => {
    const merged = applyImport(here, { ...sample, generation: 9 }, 'merge');
    expect(isLessonComplete(merged, 'intro')).toBe(true);
  });

  it('replace keeps only the file, in a new generation so older copies in other tabs cannot merge back', () => {
    const replaced = applyImport(here, sample, 'replace');
    expect(isLessonComplete(replaced, 'intro')).toBe(false);
    expect(noteText(replaced, 'what-is-eda')).toBe('<img src=x onerror=alert(1)>');
    expect(replaced.generation).toBe(here.generation + 1);
  });

  it('does not change either input', () => {
    const hereText = encode(here);
    const sampleText = encode(sample);
    applyImport(here, sample, 'merge');
    applyImport(here, sample, 'replace');
    expect(encode(here)).toBe(hereText);
    expect(encode(sample)).toBe(sampleText);
  });

  it('through the store, an HTML note is stored and read back literally', () => {
    const { result, after } = importIntoStore(file());
    expect(result.ok).toBe(true);
    expect(noteText(decode(after ?? null).state, 'what-is-eda')).toBe('<img src=x onerror=alert(1)>');
    expect(after).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('import: what a hostile or damaged file may not bring in', () => {
  const now = new Date('2026-12-07T10:00:00.000Z');
  const file = (data: unknown) => JSON.stringify({ format: EXPORT_FORMAT, formatVersion: 1, exportedAt: '2026-12-07T09:00:00.000Z', data });

  it('refuses a time in the future, naming where it is, but accepts a review card due later', () => {
    const future = progressWith({ notes: { outbox: { text: 'old text', updatedAt: '9999-12-31T23:59:59.999Z' } } });
    const refused = parseImport(file(future), undefined, undefined, { now });
    expect(refused).toEqual({ ok: false, message: expect.stringContaining('at data › notes › outbox › updatedAt the time 9999-12-31T23:59:59.999Z is in the future') });
    const aheadByAnHour = progressWith({ lessons: { intro: { completed: true, updatedAt: '2026-12-07T11:00:00.000Z', completedAt: '2026-12-07T11:00:00.000Z' } } });
    expect(parseImport(file(aheadByAnHour), undefined, undefined, { now }).ok).toBe(true);
  });

  it('finds a future time at any depth', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 0, 1), { maxLength: 5 }), (path) => {
        let value: unknown = '2999-01-01T00:00:00.000Z';
        for (const step of [...path].reverse()) value = typeof step === 'number' ? [value] : { [step]: value };
        expect(futureTime({ x: value }, now.getTime())?.value).toBe('2999-01-01T00:00:00.000Z');
      }),
    );
  });

  it('refuses a practice score above 100', () => {
    const at = '2026-11-01T10:00:00.000Z';
    const data = progressWith({ practice: { 'order-pipeline': { attempts: [{ id: 'a1', startedAt: at, submittedAt: at, elapsedMs: 1000, hintsUsed: 0, score: 1e308 }], updatedAt: at } } });
    const result = parseImport(file(data), undefined, undefined, { now });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(/score/);
  });

  it('reads a downloaded copy of stored progress ({ version, data }) like an export', () => {
    const data = progressWith({ notes: { outbox: { text: 'kept copy', updatedAt: '2026-01-01T00:00:00.000Z' } } });
    const result = parseImport(JSON.stringify({ version: 1, data }), undefined, undefined, { now });
    expect(result.ok && result.summary.notes).toBe(1);
    const newer = parseImport(JSON.stringify({ version: 4, data }), undefined, undefined, { now });
    expect(newer).toEqual({ ok: false, message: expect.stringMatching(/newer version of the course \(version 4\)[\s\S]*Nothing was changed/) });
  });
});
