import { describe, expect, it } from 'vitest';
import { PROGRESS_LIMITS, progressDataSchema, type ProgressData } from '../../../../src/schemas/progress.ts';
import { decode, encode } from '../../../../src/lib/progress/codec.ts';
import { mergeProgress } from '../../../../src/lib/progress/merge.ts';
import { emptyProgress, sqlLabEntry } from '../../../../src/lib/progress/model.ts';
import { reduceProgress, type ProgressAction } from '../../../../src/lib/progress/reducer.ts';
import { createProgressStore, DEFAULT_PROGRESS_KEY } from '../../../../src/lib/progress/store.ts';
import { exportProgress, parseImport } from '../../../../src/lib/progress/transfer.ts';
import { FakeStorage, manualClock } from './helpers.ts';

const t0 = new Date('2026-12-01T10:00:00.000Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const run = (actions: [ProgressAction, Date][], from: ProgressData = emptyProgress()) =>
  actions.reduce((state, [action, when]) => reduceProgress(state, action, when), from);

/** The lab's starting handler: the effect before the de-dup insert, so a crash between them credits twice. */
const BROKEN = 'UPDATE accounts SET balance = balance + $2 WHERE id = $3;\nINSERT INTO processed (message_id) VALUES ($1);\n';
const MINE = 'INSERT INTO processed (message_id) VALUES ($1) ON CONFLICT DO NOTHING;\n-- then the effect, in the same transaction\n';
const save = (sql: string, labId = 'idempotency'): ProgressAction => ({ type: 'sqllab/save', labId, sql });
const startOver = (labId = 'idempotency'): ProgressAction => ({ type: 'sqllab/start-over', labId, sql: BROKEN });
const bringBack = (labId = 'idempotency'): ProgressAction => ({ type: 'sqllab/bring-back', labId });

describe('SQL lab handlers: save', () => {
  it('keeps the learner’s SQL byte for byte, stamped with the time passed in, without touching the old state', () => {
    const before = emptyProgress();
    const after = reduceProgress(before, save(MINE), t0);
    expect(after.sqllabs?.['idempotency']).toEqual({ sql: MINE, updatedAt: t0.toISOString() });
    expect(sqlLabEntry(after, 'idempotency')?.sql).toBe(MINE);
    expect(before.sqllabs).toEqual({});
    expect(progressDataSchema.safeParse(after).success).toBe(true);
  });

  it('keeps an empty editor as an empty handler, not as “nothing saved”', () => {
    const cleared = run([[save(MINE), at(0)], [save(''), at(1)]]);
    expect(cleared.sqllabs?.['idempotency']).toEqual({ sql: '', updatedAt: at(1).toISOString() });
  });

  it('does nothing when the text is unchanged: the very same state comes back', () => {
    const saved = run([[save(MINE), at(0)]]);
    expect(reduceProgress(saved, save(MINE), at(1))).toBe(saved);
  });

  it('keeps the text to bring back while the learner edits after starting over', () => {
    const state = run([[save(MINE), at(0)], [startOver(), at(1)], [save(`${BROKEN}-- trying again\n`), at(2)]]);
    expect(state.sqllabs?.['idempotency']).toEqual({ sql: `${BROKEN}-- trying again\n`, previous: MINE, updatedAt: at(2).toISOString() });
  });

  it('accepts SQL of exactly the length limit and refuses one character more', () => {
    const state = emptyProgress();
    const longest = 'x'.repeat(PROGRESS_LIMITS.sqlLength);
    expect(reduceProgress(state, save(longest), t0).sqllabs?.['idempotency']?.sql).toBe(longest);
    expect(reduceProgress(state, save(`${longest}x`), t0)).toBe(state);
    const saved = run([[save(MINE), at(0)]]);
    expect(reduceProgress(saved, save(`${longest}x`), at(1))).toBe(saved);
  });

  it('refuses malformed and prototype-reaching lab ids, and text that is not text', () => {
    const state = emptyProgress();
    for (const labId of ['__proto__', 'constructor', 'Outbox', 'sql lab', '/lessons/outbox/', 'a'.repeat(101), '']) {
      expect(reduceProgress(state, save(MINE, labId), t0), labId).toBe(state);
    }
    expect(reduceProgress(state, { type: 'sqllab/save', labId: 'outbox', sql: 42 as unknown as string }, t0)).toBe(state);
    expect(Object.prototype).not.toHaveProperty('sql');
  });

  it('adds no new lab to a full record but still saves labs already in it', () => {
    const stamp = t0.toISOString();
    const sqllabs = Object.fromEntries(Array.from({ length: PROGRESS_LIMITS.entriesPerRecord }, (_, i) => [`lab-${i}`, { sql: 'x', updatedAt: stamp }]));
    const state = { ...emptyProgress(), sqllabs };
    expect(reduceProgress(state, save(MINE, 'one-more'), at(1))).toBe(state);
    expect(reduceProgress(state, save(MINE, 'lab-7'), at(1)).sqllabs?.['lab-7']?.sql).toBe(MINE);
  });

  it('stamps a save after the version it replaces even when the clock went backwards', () => {
    const state = run([[save(MINE), at(5)], [save('SELECT 1;'), at(1)]]);
    expect(state.sqllabs?.['idempotency']?.updatedAt).toBe('2026-12-01T10:05:00.001Z');
  });
});

describe('SQL lab handlers: start over and bring back', () => {
  it('starting over puts the starting handler in and keeps the learner’s SQL to bring back', () => {
    const state = run([[save(MINE), at(0)], [startOver(), at(1)]]);
    expect(state.sqllabs?.['idempotency']).toEqual({ sql: BROKEN, previous: MINE, updatedAt: at(1).toISOString() });
  });

  it('bringing back swaps the SQL and the kept text, so it can be undone in turn', () => {
    const over = run([[save(MINE), at(0)], [startOver(), at(1)]]);
    const back = reduceProgress(over, bringBack(), at(2));
    expect(back.sqllabs?.['idempotency']).toEqual({ sql: MINE, previous: BROKEN, updatedAt: at(2).toISOString() });
    const again = reduceProgress(back, bringBack(), at(3));
    expect(again.sqllabs?.['idempotency']).toEqual({ sql: BROKEN, previous: MINE, updatedAt: at(3).toISOString() });
  });

  it('starting over from the starting handler, or before any save, changes nothing and keeps what can be brought back', () => {
    const fresh = emptyProgress();
    expect(reduceProgress(fresh, startOver(), t0)).toBe(fresh);
    const over = run([[save(MINE), at(0)], [startOver(), at(1)]]);
    expect(reduceProgress(over, startOver(), at(2))).toBe(over);
    expect(reduceProgress(over, startOver(), at(2)).sqllabs?.['idempotency']?.previous).toBe(MINE);
  });

  it('starting over again replaces the kept text with the learner’s latest SQL', () => {
    const state = run([[save(MINE), at(0)], [startOver(), at(1)], [save('SELECT 2;'), at(2)], [startOver(), at(3)]]);
    expect(state.sqllabs?.['idempotency']).toEqual({ sql: BROKEN, previous: 'SELECT 2;', updatedAt: at(3).toISOString() });
  });

  it('bringing back with nothing kept, or with no entry at all, changes nothing', () => {
    const fresh = emptyProgress();
    expect(reduceProgress(fresh, bringBack(), t0)).toBe(fresh);
    const saved = run([[save(MINE), at(0)]]);
    expect(reduceProgress(saved, bringBack(), at(1))).toBe(saved);
    expect(reduceProgress(saved, bringBack('outbox'), at(1))).toBe(saved);
  });

  it('refuses a starting handler over the length limit', () => {
    const saved = run([[save(MINE), at(0)]]);
    expect(reduceProgress(saved, { type: 'sqllab/start-over', labId: 'idempotency', sql: 'x'.repeat(PROGRESS_LIMITS.sqlLength + 1) }, at(1))).toBe(saved);
  });

  it('each lab keeps its own handler', () => {
    const state = run([[save(MINE), at(0)], [save('SELECT 1;', 'outbox'), at(1)], [startOver('outbox'), at(2)]]);
    expect(state.sqllabs?.['idempotency']).toEqual({ sql: MINE, updatedAt: at(0).toISOString() });
    expect(state.sqllabs?.['outbox']).toEqual({ sql: BROKEN, previous: 'SELECT 1;', updatedAt: at(2).toISOString() });
  });

  it('reset forgets every handler', () => {
    const state = run([[save(MINE), at(0)], [{ type: 'reset' }, at(1)]]);
    expect(state.sqllabs).toEqual({});
    expect(state.generation).toBe(1);
  });
});

describe('SQL lab handlers: merge', () => {
  it('keeps the newest save of the same lab from either tab, and every lab only one side has', () => {
    const base = run([[save(MINE), at(0)]]);
    const tabA = reduceProgress(base, save('from A'), at(2));
    const tabB = run([[save('from B'), at(3)], [save('outbox B', 'outbox'), at(3)]], base);
    for (const merged of [mergeProgress(tabA, tabB), mergeProgress(tabB, tabA)]) {
      expect(merged.sqllabs?.['idempotency']).toEqual({ sql: 'from B', updatedAt: at(3).toISOString() });
      expect(merged.sqllabs?.['outbox']?.sql).toBe('outbox B');
    }
  });

  it('a start-over in one tab wins against that tab’s older save, and what it kept comes along', () => {
    const base = run([[save(MINE), at(0)]]);
    const over = reduceProgress(base, startOver(), at(1));
    expect(mergeProgress(base, over).sqllabs?.['idempotency']).toEqual({ sql: BROKEN, previous: MINE, updatedAt: at(1).toISOString() });
  });

  it('settles two saves at the same moment the same way from both sides', () => {
    const a = reduceProgress(emptyProgress(), save('tab A'), t0);
    const b = reduceProgress(emptyProgress(), save('tab B'), t0);
    expect(mergeProgress(a, b).sqllabs?.['idempotency']?.sql).toBe(mergeProgress(b, a).sqllabs?.['idempotency']?.sql);
  });

  it('reads progress without any handlers (saved before SQL labs) as having none', () => {
    const { sqllabs: _, ...old } = emptyProgress();
    const mine = reduceProgress(emptyProgress(), save(MINE), t0);
    expect(mergeProgress(old, mine).sqllabs).toEqual(mine.sqllabs);
    expect(mergeProgress(old, old).sqllabs).toEqual({});
  });
});

describe('SQL lab handlers through the store: reload, another tab, export and import', () => {
  it('survives a reload', () => {
    const storage = new FakeStorage();
    createProgressStore({ storage, now: manualClock().now }).dispatch(save(MINE));
    expect(sqlLabEntry(createProgressStore({ storage }).state, 'idempotency')?.sql).toBe(MINE);
  });

  it('reaches another tab, and that tab’s undo reaches back', () => {
    const storage = new FakeStorage();
    const clock = manualClock('2026-12-01T10:00:00.000Z');
    const a = createProgressStore({ storage, now: clock.now });
    const b = createProgressStore({ storage, now: clock.now });
    a.dispatch(save(MINE));
    clock.advance();
    a.dispatch(startOver());
    b.receiveExternal(storage.items.get(DEFAULT_PROGRESS_KEY) ?? null);
    expect(sqlLabEntry(b.state, 'idempotency')).toMatchObject({ sql: BROKEN, previous: MINE });
    clock.advance();
    expect(b.dispatch(bringBack())).toBe(true);
    a.receiveExternal(storage.items.get(DEFAULT_PROGRESS_KEY) ?? null);
    expect(sqlLabEntry(a.state, 'idempotency')).toMatchObject({ sql: MINE, previous: BROKEN });
  });

  it('goes out in an export file and comes back in through import, merged or replacing', () => {
    const state = run([[save(MINE), at(0)], [startOver(), at(1)], [save('SELECT 1;', 'relay'), at(2)]]);
    const result = parseImport(exportProgress(state, at(3)), undefined, undefined, { now: at(3) });
    if (!result.ok) throw new Error(result.message);
    expect(result.data.sqllabs).toEqual(state.sqllabs);
    expect(result.summary.sqlLabs).toBe(2);
    const here = reduceProgress(emptyProgress(), save('mine here', 'outbox'), at(0));
    const merged = reduceProgress(here, { type: 'import/apply', data: result.data, mode: 'merge' }, at(4));
    expect(Object.keys(merged.sqllabs ?? {})).toEqual(['idempotency', 'outbox', 'relay']);
    const replaced = reduceProgress(here, { type: 'import/apply', data: result.data, mode: 'replace' }, at(4));
    expect(Object.keys(replaced.sqllabs ?? {})).toEqual(['idempotency', 'relay']);
    expect(encode(decode(encode(replaced)).state)).toBe(encode(replaced));
  });

  it('an import with a handler over the limit, an unknown field or a future time is refused whole', () => {
    const file = (entry: unknown) =>
      JSON.stringify({ format: 'eda-course-progress', formatVersion: 1, exportedAt: at(0).toISOString(), data: { ...emptyProgress(), sqllabs: { outbox: entry } } });
    const stamp = at(0).toISOString();
    const over = parseImport(file({ sql: 'x'.repeat(PROGRESS_LIMITS.sqlLength + 1), updatedAt: stamp }), undefined, undefined, { now: at(0) });
    expect(over).toEqual({ ok: false, message: 'This file can’t be imported: at data › sqllabs › outbox › sql: the SQL is 20,001 characters long; the limit is 20,000. Nothing was changed.' });
    const extra = parseImport(file({ sql: 'SELECT 1;', updatedAt: stamp, ran: true }), undefined, undefined, { now: at(0) });
    expect(extra.ok).toBe(false);
    const future = parseImport(file({ sql: 'SELECT 1;', updatedAt: '2099-01-01T00:00:00.000Z' }), undefined, undefined, { now: at(0) });
    expect(future.ok === false && future.message).toContain('at data › sqllabs › outbox › updatedAt the time 2099-01-01T00:00:00.000Z is in the future');
  });
});
