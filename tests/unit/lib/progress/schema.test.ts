import { describe, expect, it } from 'vitest';
import {
  isoTimestamp,
  progressDataSchema,
  progressId,
  reviewCardSchema,
  PROGRESS_LIMITS,
  ATTEMPT_LIMITS,
  storedDiagramSchema,
  sqlLabEntrySchema,
} from '../../../../src/schemas/progress.ts';
import { DIAGRAM_LIMITS } from '../../../../src/lib/practice/diagram/model.ts';

const at = '2025-02-01T08:00:00.000Z';

const valid = {
  generation: 0,
  lessons: { 'what-is-eda': { completed: true, updatedAt: at, completedAt: at }, outbox: { completed: false, updatedAt: at } },
  notes: { 'what-is-eda': { text: 'Events are facts.', updatedAt: at } },
  quiz: { 'idem-03': { attempts: [{ at, correct: false, chosen: ['b'], bankId: 'delivery' }], updatedAt: at } },
  practice: { 'design-checkout': { attempts: [{ id: 'try-1', startedAt: at, elapsedMs: 60_000, hintsUsed: 1 }], updatedAt: at } },
  review: { 'idem-03': { card: { due: at, stability: 2.5, reps: 1, last_review: null }, updatedAt: at } },
  challenges: { 'consumer-lag': { passedAt: at, updatedAt: at } },
};

describe('progress schema', () => {
  it('accepts progress of every kind keyed by content ids', () => {
    expect(progressDataSchema.safeParse(valid).success).toBe(true);
  });

  it('accepts ids of lowercase letters, digits and hyphens up to 100 characters, like idem-03', () => {
    for (const id of ['idem-03', 'what-is-eda', '42', 'a', `a${'b'.repeat(99)}`]) expect(progressId.safeParse(id).success, id).toBe(true);
  });

  it('rejects ids that are titles, URLs, too long, or could reach a prototype', () => {
    const bad = ['What is EDA', '/lessons/intro/', '-intro', 'Intro', '', `a${'b'.repeat(100)}`, '__proto__', 'constructor', 'prototype'];
    for (const id of bad) expect(progressId.safeParse(id).success, id).toBe(false);
  });

  it('rejects a record keyed by "constructor" or "prototype"', () => {
    for (const key of ['constructor', 'prototype']) {
      const data = { ...valid, lessons: { [key]: { completed: true, updatedAt: at } } };
      expect(progressDataSchema.safeParse(data).success, key).toBe(false);
    }
  });

  it('accepts timestamps exactly as toISOString writes them and nothing looser', () => {
    expect(isoTimestamp.safeParse(new Date(Date.UTC(2025, 0, 31, 9, 30)).toISOString()).success).toBe(true);
    for (const bad of ['2025-01-31', '2025-01-31T09:30:00Z', '2025-01-31T09:30:00.000+01:00', '2025-02-30T00:00:00.000Z', '1969-12-31T23:59:59.999Z', 'yesterday']) {
      expect(isoTimestamp.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('holds a note up to the length limit and not one character more', () => {
    const note = (length: number) => ({ ...valid, notes: { intro: { text: 'x'.repeat(length), updatedAt: at } } });
    expect(progressDataSchema.safeParse(note(PROGRESS_LIMITS.noteLength)).success).toBe(true);
    expect(progressDataSchema.safeParse(note(PROGRESS_LIMITS.noteLength + 1)).success).toBe(false);
  });

  it('keeps review cards to flat JSON of numbers, short strings and null', () => {
    expect(reviewCardSchema.safeParse({ due: at, reps: 0, last_review: null }).success).toBe(true);
    expect(reviewCardSchema.safeParse({ nested: { a: 1 } }).success).toBe(false);
    expect(reviewCardSchema.safeParse({ flag: true }).success).toBe(false);
    expect(reviewCardSchema.safeParse({ reps: Number.POSITIVE_INFINITY }).success).toBe(false);
    expect(reviewCardSchema.safeParse(JSON.parse('{"constructor": 1}')).success).toBe(false);
  });

  it('rejects unknown fields, negative counts and fractional milliseconds', () => {
    expect(progressDataSchema.safeParse({ ...valid, extra: {} }).success).toBe(false);
    const attempt = (patch: object) => ({
      ...valid,
      practice: { p: { attempts: [{ id: 'try-1', startedAt: at, elapsedMs: 1, hintsUsed: 0, ...patch }], updatedAt: at } },
    });
    expect(progressDataSchema.safeParse(attempt({})).success).toBe(true);
    expect(progressDataSchema.safeParse(attempt({ elapsedMs: -1 })).success).toBe(false);
    expect(progressDataSchema.safeParse(attempt({ elapsedMs: 1.5 })).success).toBe(false);
    expect(progressDataSchema.safeParse(attempt({ hintsUsed: -1 })).success).toBe(false);
    expect(progressDataSchema.safeParse(attempt({ score: -0.5 })).success).toBe(false);
  });
});

describe('SQL lab handlers', () => {
  const labs = (sqllabs: unknown) => ({ ...valid, sqllabs });

  it('accepts progress without any (saved before SQL labs existed) and handlers keyed by lab id', () => {
    expect(progressDataSchema.safeParse(valid).success).toBe(true);
    expect(progressDataSchema.safeParse(labs({})).success).toBe(true);
    const entries = { idempotency: { sql: 'SELECT 1;', updatedAt: at }, outbox: { sql: '', previous: 'INSERT INTO outbox VALUES ($1);', updatedAt: at } };
    expect(progressDataSchema.safeParse(labs(entries)).success).toBe(true);
  });

  it('holds SQL, and the text kept to bring back, up to the length limit and not one character more', () => {
    expect(PROGRESS_LIMITS.sqlLength).toBe(20_000);
    const entry = (sql: number, previous: number) => ({ sql: 'x'.repeat(sql), previous: 'y'.repeat(previous), updatedAt: at });
    expect(sqlLabEntrySchema.safeParse(entry(PROGRESS_LIMITS.sqlLength, PROGRESS_LIMITS.sqlLength)).success).toBe(true);
    expect(sqlLabEntrySchema.safeParse(entry(PROGRESS_LIMITS.sqlLength + 1, 0)).success).toBe(false);
    expect(sqlLabEntrySchema.safeParse(entry(0, PROGRESS_LIMITS.sqlLength + 1)).success).toBe(false);
  });

  it('is strict: no unknown field, no missing SQL or time, no text that is not text, no bad lab id', () => {
    expect(sqlLabEntrySchema.safeParse({ sql: 'SELECT 1;', updatedAt: at, result: 'ok' }).success).toBe(false);
    expect(sqlLabEntrySchema.safeParse({ updatedAt: at }).success).toBe(false);
    expect(sqlLabEntrySchema.safeParse({ sql: 'SELECT 1;' }).success).toBe(false);
    expect(sqlLabEntrySchema.safeParse({ sql: ['SELECT 1;'], updatedAt: at }).success).toBe(false);
    expect(sqlLabEntrySchema.safeParse({ sql: 'SELECT 1;', previous: null, updatedAt: at }).success).toBe(false);
    expect(sqlLabEntrySchema.safeParse({ sql: 'SELECT 1;', updatedAt: 'yesterday' }).success).toBe(false);
    for (const id of ['Outbox', 'constructor', 'sql lab']) {
      expect(progressDataSchema.safeParse(labs(JSON.parse(`{${JSON.stringify(id)}: {"sql": "", "updatedAt": "${at}"}}`))).success, id).toBe(false);
    }
    expect(progressDataSchema.safeParse(labs([])).success).toBe(false);
  });
});

describe('stored practice diagrams', () => {
  it('bounds a stored diagram as the diagram model does', () => {
    expect(ATTEMPT_LIMITS.diagramNodes).toBe(DIAGRAM_LIMITS.nodes);
    expect(ATTEMPT_LIMITS.diagramEdges).toBe(DIAGRAM_LIMITS.edges);
    expect(storedDiagramSchema.safeParse({ nodes: [], edges: [] }).success).toBe(true);
    expect(storedDiagramSchema.safeParse({ nodes: 'x', edges: [] }).success).toBe(false);
    expect(storedDiagramSchema.safeParse({ nodes: Array.from({ length: 81 }, () => ({})), edges: [] }).success).toBe(false);
  });
});
