import { describe, expect, it } from 'vitest';
import { decode, encode } from '../../../../src/lib/progress/codec.ts';
import { emptyProgress, isLessonComplete, noteText } from '../../../../src/lib/progress/model.ts';
import {
  createProgressStore,
  DEFAULT_BACKUP_KEY,
  DEFAULT_PROGRESS_KEY,
  NOTICE_MESSAGES,
  type ProgressSnapshot,
} from '../../../../src/lib/progress/store.ts';
import { envelope, FakeStorage, manualClock, progressWith, quotaError, securityError } from './helpers.ts';

const KEY = DEFAULT_PROGRESS_KEY;
const BACKUP = DEFAULT_BACKUP_KEY;
const stored = (storage: FakeStorage) => decode(storage.items.get(KEY) ?? null);

describe('progress store: saving and reading back', () => {
  it('writes nothing on a first visit and saves each change immediately', () => {
    const storage = new FakeStorage();
    const store = createProgressStore({ storage, now: manualClock().now });
    expect(storage.writes).toEqual([]);
    expect(store.notices).toEqual([]);
    expect(store.dispatch({ type: 'lesson/complete', lessonId: 'what-is-eda' })).toBe(true);
    expect(isLessonComplete(stored(storage).state, 'what-is-eda')).toBe(true);
  });

  it('survives a reload: a new store over the same storage reads the same progress', () => {
    const storage = new FakeStorage();
    const first = createProgressStore({ storage, now: manualClock().now });
    first.dispatch({ type: 'note/set', lessonId: 'outbox', text: 'write the row and the event together' });
    const second = createProgressStore({ storage });
    expect(noteText(second.state, 'outbox')).toBe('write the row and the event together');
  });

  it('keeps ids of content that no longer exists through load and save', () => {
    const at = '2025-01-01T00:00:00.000Z';
    const storage = new FakeStorage({ [KEY]: envelope(progressWith({ lessons: { 'retired-lesson': { completed: true, updatedAt: at, completedAt: at } } })) });
    const store = createProgressStore({ storage, now: manualClock().now });
    store.dispatch({ type: 'lesson/complete', lessonId: 'what-is-eda' });
    expect(Object.keys(stored(storage).state.lessons).sort()).toEqual(['retired-lesson', 'what-is-eda']);
  });

  it('reports whether an action changed anything, and does not notify for no-ops', () => {
    const store = createProgressStore({ storage: new FakeStorage(), now: manualClock().now });
    const seen: ProgressSnapshot[] = [];
    const stop = store.subscribe((snapshot) => seen.push(snapshot));
    expect(seen).toHaveLength(1);
    expect(store.dispatch({ type: 'lesson/uncomplete', lessonId: 'never-done' })).toBe(false);
    expect(seen).toHaveLength(1);
    store.dispatch({ type: 'lesson/complete', lessonId: 'intro' });
    expect(seen).toHaveLength(2);
    expect(isLessonComplete(seen[1]?.state ?? emptyProgress(), 'intro')).toBe(true);
    stop();
    store.dispatch({ type: 'lesson/uncomplete', lessonId: 'intro' });
    expect(seen).toHaveLength(2);
  });
});

describe('progress store: unreadable storage', () => {
  it('keeps the unreadable text under the backup key before starting clean, and says so', () => {
    const storage = new FakeStorage({ [KEY]: '{"version":1,"data":{"lessons":{"intro":{"comple' });
    const store = createProgressStore({ storage, now: manualClock().now });
    expect(storage.writes).toEqual([BACKUP, KEY]);
    expect(storage.items.get(BACKUP)).toBe('{"version":1,"data":{"lessons":{"intro":{"comple');
    expect(stored(storage)).toEqual({ state: emptyProgress() });
    expect(store.notices).toEqual([
      {
        kind: 'recovered',
        backupKey: BACKUP,
        message:
          'The saved progress is cut off part-way through, so it can’t be read. This can happen if the browser closed while saving. A copy of it is kept in this browser and you can download it; the course has started fresh from here.',
      },
    ]);
    expect(store.readBackup()).toBe('{"version":1,"data":{"lessons":{"intro":{"comple');
  });

  it('never overwrites an earlier backup: a second unreadable text gets its own time-stamped key', () => {
    const clock = manualClock('2025-03-01T10:00:00.000Z');
    const storage = new FakeStorage({ [KEY]: 'first bad text' });
    createProgressStore({ storage, now: clock.now });
    storage.items.set(KEY, 'second bad text');
    const store = createProgressStore({ storage, now: clock.now });
    const second = `${BACKUP}:2025-03-01T10:00:00.000Z`;
    expect(storage.items.get(BACKUP)).toBe('first bad text');
    expect(storage.items.get(second)).toBe('second bad text');
    expect(store.notices[0]).toMatchObject({ kind: 'recovered', backupKey: second });
    expect(store.readBackup()).toBe('second bad text');
    expect(store.readBackup(BACKUP)).toBe('first bad text');
  });

  it('does not make a second copy of text it has already backed up', () => {
    const storage = new FakeStorage({ [KEY]: 'bad', [BACKUP]: 'bad' });
    const store = createProgressStore({ storage, now: manualClock().now });
    expect(storage.writes).toEqual([KEY]);
    expect(store.notices[0]).toMatchObject({ kind: 'recovered', backupKey: BACKUP });
  });

  it('keeps the unreadable text in place when there is no room for a copy, and catches up once there is', () => {
    const storage = new FakeStorage({ [KEY]: 'not json at all' });
    storage.failWrites = quotaError();
    const store = createProgressStore({ storage, now: manualClock().now });
    expect(storage.items.get(KEY)).toBe('not json at all');
    expect(store.notices[0]?.message).toContain('Download the copy now');
    expect(store.readBackup()).toBe('not json at all');
    store.dispatch({ type: 'lesson/complete', lessonId: 'intro' });
    expect(storage.items.get(KEY)).toBe('not json at all');
    expect(isLessonComplete(store.state, 'intro')).toBe(true);

    storage.failWrites = undefined;
    store.dispatch({ type: 'note/set', lessonId: 'intro', text: 'n' });
    expect(storage.items.get(BACKUP)).toBe('not json at all');
    expect(isLessonComplete(stored(storage).state, 'intro')).toBe(true);
    expect(store.notices[0]?.message).toContain('A copy of it is kept in this browser');
  });
});

describe('progress store: storage refused (private mode, SecurityError)', () => {
  it('works in memory and says progress cannot be saved when every access throws', () => {
    const storage = new FakeStorage();
    storage.failEverything = securityError();
    const store = createProgressStore({ storage, now: manualClock().now });
    expect(store.notices).toEqual([{ kind: 'unavailable', message: NOTICE_MESSAGES.unavailable }]);
    expect(store.dispatch({ type: 'note/set', lessonId: 'intro', text: 'kept in memory' })).toBe(true);
    expect(noteText(store.state, 'intro')).toBe('kept in memory');
    expect(storage.items.size).toBe(0);
  });

  it('works in memory when even reaching storage throws, or there is none', () => {
    const throwing = createProgressStore({
      storage: () => {
        throw securityError();
      },
    });
    const missing = createProgressStore({ storage: undefined });
    for (const store of [throwing, missing]) {
      expect(store.notices.map((n) => n.kind)).toEqual(['unavailable']);
      store.dispatch({ type: 'lesson/complete', lessonId: 'intro' });
      expect(isLessonComplete(store.state, 'intro')).toBe(true);
      expect(store.readBackup()).toBeNull();
    }
  });

  it('switches to memory if storage starts refusing part-way through a visit', () => {
    const storage = new FakeStorage();
    const store = createProgressStore({ storage, now: manualClock().now });
    storage.failEverything = securityError();
    store.dispatch({ type: 'lesson/complete', lessonId: 'intro' });
    expect(isLessonComplete(store.state, 'intro')).toBe(true);
    expect(store.notices.map((n) => n.kind)).toEqual(['unavailable']);
  });
});

describe('progress store: storage full (QuotaExceededError)', () => {
  it('keeps everything typed in memory, says so, and saves it all on the next successful write', () => {
    const clock = manualClock();
    const storage = new FakeStorage();
    const store = createProgressStore({ storage, now: clock.now });
    storage.failWrites = quotaError();
    store.dispatch({ type: 'note/set', lessonId: 'intro', text: 'a long note the learner must not lose' });
    expect(store.notices).toEqual([{ kind: 'full', message: NOTICE_MESSAGES.full }]);
    expect(noteText(store.state, 'intro')).toBe('a long note the learner must not lose');
    expect(storage.items.has(KEY)).toBe(false);

    storage.failWrites = undefined;
    clock.advance();
    store.dispatch({ type: 'lesson/complete', lessonId: 'intro' });
    expect(store.notices).toEqual([]);
    expect(noteText(stored(storage).state, 'intro')).toBe('a long note the learner must not lose');
    expect(isLessonComplete(stored(storage).state, 'intro')).toBe(true);
  });

  it('recognises the quota errors of other browsers', () => {
    const storage = new FakeStorage();
    const store = createProgressStore({ storage, now: manualClock().now });
    storage.failWrites = Object.assign(new Error('quota'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' });
    store.dispatch({ type: 'lesson/complete', lessonId: 'intro' });
    expect(store.notices.map((n) => n.kind)).toEqual(['full']);
  });
});

describe('progress store: other tabs', () => {
  /** Two tabs over one storage; `deliver` plays the storage event the browser sends the other tab. */
  function twoTabs() {
    const storage = new FakeStorage();
    const clockA = manualClock('2025-03-01T10:00:00.000Z');
    const clockB = manualClock('2025-03-01T10:00:00.000Z');
    const a = createProgressStore({ storage, now: clockA.now });
    const b = createProgressStore({ storage, now: clockB.now });
    const deliver = (to: typeof a) => to.receiveExternal(storage.items.get(KEY) ?? null);
    return { storage, a, b, clockA, clockB, deliver };
  }

  it('keeps both tabs’ notes on different lessons', () => {
    const { a, b, deliver } = twoTabs();
    a.dispatch({ type: 'note/set', lessonId: 'intro', text: 'from A' });
    deliver(b);
    b.dispatch({ type: 'note/set', lessonId: 'outbox', text: 'from B' });
    deliver(a);
    for (const tab of [a, b]) {
      expect(noteText(tab.state, 'intro')).toBe('from A');
      expect(noteText(tab.state, 'outbox')).toBe('from B');
    }
  });

  it('keeps the newest edit of the same note, whichever order the tabs hear about each other', () => {
    // Separate storages, so neither tab sees the other's write before making its own edit.
    for (const newer of ['A', 'B'] as const) {
      const clock = manualClock('2025-03-01T10:00:00.000Z');
      const a = createProgressStore({ storage: new FakeStorage(), now: clock.now });
      const b = createProgressStore({ storage: new FakeStorage(), now: clock.now });
      const [first, second] = newer === 'A' ? [b, a] : [a, b];
      first.dispatch({ type: 'note/set', lessonId: 'intro', text: 'older' });
      clock.advance(5000);
      second.dispatch({ type: 'note/set', lessonId: 'intro', text: `newer, from ${newer}` });
      a.receiveExternal(encode(b.state));
      b.receiveExternal(encode(a.state));
      expect(noteText(a.state, 'intro')).toBe(`newer, from ${newer}`);
      expect(noteText(b.state, 'intro')).toBe(`newer, from ${newer}`);
    }
  });

  it('does not roll a note back when a stale copy arrives late', () => {
    const { a, clockA } = twoTabs();
    a.dispatch({ type: 'note/set', lessonId: 'intro', text: 'first draft' });
    const stale = encode(a.state);
    clockA.advance();
    a.dispatch({ type: 'note/set', lessonId: 'intro', text: 'second draft' });
    a.receiveExternal(stale);
    expect(noteText(a.state, 'intro')).toBe('second draft');
  });

  it('does not lose another tab’s write that this tab has not heard about yet', () => {
    const { storage, a, b } = twoTabs();
    a.dispatch({ type: 'note/set', lessonId: 'intro', text: 'from A' });
    b.dispatch({ type: 'note/set', lessonId: 'outbox', text: 'from B' });
    expect(noteText(stored(storage).state, 'intro')).toBe('from A');
    expect(noteText(stored(storage).state, 'outbox')).toBe('from B');
  });

  it('reads storage before writing after an event, in case storage moved on since it was sent', () => {
    const { storage, a, b } = twoTabs();
    a.dispatch({ type: 'note/set', lessonId: 'intro', text: 'from A' });
    b.receiveExternal(null);
    expect(noteText(stored(storage).state, 'intro')).toBe('from A');
    expect(noteText(b.state, 'intro')).toBe('from A');
  });

  it('merges, never overwrites: what only this tab has is kept and written back', () => {
    const { storage, a } = twoTabs();
    a.dispatch({ type: 'lesson/complete', lessonId: 'intro' });
    const other = progressWith({ notes: { outbox: { text: 'other tab', updatedAt: '2025-03-01T09:00:00.000Z' } } });
    storage.items.set(KEY, encode(other));
    a.receiveExternal(encode(other));
    expect(isLessonComplete(a.state, 'intro')).toBe(true);
    expect(noteText(a.state, 'outbox')).toBe('other tab');
    expect(isLessonComplete(stored(storage).state, 'intro')).toBe(true);
  });

  it('keeps its progress when another tab removes the key, and saves it again', () => {
    const { storage, a } = twoTabs();
    a.dispatch({ type: 'lesson/complete', lessonId: 'intro' });
    storage.items.delete(KEY);
    a.receiveExternal(null);
    expect(isLessonComplete(a.state, 'intro')).toBe(true);
    expect(isLessonComplete(stored(storage).state, 'intro')).toBe(true);
  });

  it('backs up unreadable text written by something else and puts a healthy copy back', () => {
    const { storage, a } = twoTabs();
    a.dispatch({ type: 'lesson/complete', lessonId: 'intro' });
    storage.items.set(KEY, '<<garbage>>');
    a.receiveExternal('<<garbage>>');
    expect(isLessonComplete(a.state, 'intro')).toBe(true);
    expect(a.readBackup()).toBe('<<garbage>>');
    expect(storage.items.get(BACKUP)).toBe('<<garbage>>');
    expect(isLessonComplete(stored(storage).state, 'intro')).toBe(true);
    expect(a.notices.map((n) => n.kind)).toEqual(['recovered']);
  });

  it('a reset in one tab is not undone by another tab’s older copy', () => {
    const { storage, a, b, deliver } = twoTabs();
    a.dispatch({ type: 'lesson/complete', lessonId: 'intro' });
    deliver(b);
    b.dispatch({ type: 'reset' });
    a.dispatch({ type: 'note/set', lessonId: 'outbox', text: 'after the reset' });
    deliver(b);
    for (const state of [a.state, b.state, stored(storage).state]) {
      expect(isLessonComplete(state, 'intro')).toBe(false);
      expect(noteText(state, 'outbox')).toBe('after the reset');
    }
  });

  it('reload() picks up writes made while the page was in the back/forward cache', () => {
    const { a, b } = twoTabs();
    const seen: ProgressSnapshot[] = [];
    b.subscribe((snapshot) => seen.push(snapshot));
    a.dispatch({ type: 'lesson/complete', lessonId: 'intro' });
    expect(isLessonComplete(b.state, 'intro')).toBe(false);
    b.reload();
    expect(isLessonComplete(b.state, 'intro')).toBe(true);
    expect(seen).toHaveLength(2);
  });
});

describe('progress store: notices', () => {
  it('can be dismissed, and come back if the situation happens again', () => {
    const storage = new FakeStorage();
    const store = createProgressStore({ storage, now: manualClock().now });
    storage.failWrites = quotaError();
    store.dispatch({ type: 'lesson/complete', lessonId: 'intro' });
    store.dismissNotice('full');
    expect(store.notices).toEqual([]);
    store.dispatch({ type: 'lesson/complete', lessonId: 'outbox' });
    expect(store.notices.map((n) => n.kind)).toEqual(['full']);
  });
});

describe('progress store: progress saved by a newer version of the course', () => {
  const newer = envelope(progressWith({ notes: { outbox: { text: 'written by version 7', updatedAt: '2025-01-01T00:00:00.000Z' } } }), 7);

  it('never overwrites it: the page works in memory, says so, and saves nothing', () => {
    const storage = new FakeStorage({ [KEY]: newer });
    const store = createProgressStore({ storage, now: manualClock().now });
    expect(store.readOnly).toBe(true);
    expect(store.notices.map((n) => n.kind)).toEqual(['newer']);
    expect(store.dispatch({ type: 'lesson/complete', lessonId: 'outbox' })).toBe(true);
    expect(isLessonComplete(store.state, 'outbox')).toBe(true);
    expect(storage.items.get(KEY)).toBe(newer);
    expect(storage.writes).toEqual([]);
    expect(store.backups()).toEqual([]);
  });

  it('turns read-only when another tab of a newer version writes it', () => {
    const storage = new FakeStorage();
    const store = createProgressStore({ storage, now: manualClock().now });
    store.dispatch({ type: 'lesson/complete', lessonId: 'intro' });
    storage.items.set(KEY, newer);
    store.receiveExternal(newer);
    store.dispatch({ type: 'lesson/complete', lessonId: 'outbox' });
    expect(store.readOnly).toBe(true);
    expect(storage.items.get(KEY)).toBe(newer);
  });
});

describe('progress store: kept copies', () => {
  const readable = envelope(progressWith({ notes: { outbox: { text: 'from the kept copy', updatedAt: '2025-01-01T00:00:00.000Z' } } }));

  it('lists each kept copy with whether it can be read now', () => {
    const storage = new FakeStorage({ [KEY]: '{"version":1,"data":{"lessons":', [`${BACKUP}:2025-02-01T00:00:00.000Z`]: readable, 'other-site:key': 'x' });
    const store = createProgressStore({ storage, now: manualClock().now });
    const copies = store.backups();
    expect(copies.map((c) => [c.key, c.readable])).toEqual([
      [BACKUP, false],
      [`${BACKUP}:2025-02-01T00:00:00.000Z`, true],
    ]);
    expect(copies[0]?.problem).toMatch(/cut off/);
    expect(copies[1]?.keptAt).toBe('2025-02-01T00:00:00.000Z');
  });

  it('restores a readable copy by merging it in, then removes the copy', () => {
    const name = `${BACKUP}:2025-02-01T00:00:00.000Z`;
    const storage = new FakeStorage({ [name]: readable });
    const store = createProgressStore({ storage, now: manualClock().now });
    store.dispatch({ type: 'note/set', lessonId: 'intro', text: 'mine' });
    const result = store.restoreBackup(name);
    expect(result.ok).toBe(true);
    expect(noteText(stored(storage).state, 'outbox')).toBe('from the kept copy');
    expect(noteText(stored(storage).state, 'intro')).toBe('mine');
    expect(storage.items.has(name)).toBe(false);
  });

  it('refuses, changing nothing, a copy it cannot read or one a newer version wrote', () => {
    const storage = new FakeStorage({ [BACKUP]: 'not json at all', [`${BACKUP}:x`]: envelope(emptyProgress(), 9) });
    const store = createProgressStore({ storage, now: manualClock().now });
    const before = new Map(storage.items);
    const unreadable = store.restoreBackup(BACKUP);
    const future = store.restoreBackup(`${BACKUP}:x`);
    expect(unreadable).toEqual({ ok: false, message: expect.stringMatching(/isn’t readable data[\s\S]*Nothing was changed/) });
    expect(future).toEqual({ ok: false, message: expect.stringMatching(/newer version[\s\S]*Nothing was changed/) });
    expect(storage.items).toEqual(before);
  });

  it('deletes a copy to free space, and what waited for room is then saved', () => {
    const storage = new FakeStorage({ [BACKUP]: 'old unreadable' });
    const store = createProgressStore({ storage, now: manualClock().now });
    storage.failWrites = quotaError();
    store.dispatch({ type: 'note/set', lessonId: 'intro', text: 'typed while full' });
    expect(store.notices.map((n) => n.kind)).toContain('full');
    storage.failWrites = undefined;
    expect(store.deleteBackup(BACKUP)).toBe(true);
    expect(store.deleteBackup('eda-course:theme')).toBe(false);
    expect(storage.items.has(BACKUP)).toBe(false);
    expect(noteText(stored(storage).state, 'intro')).toBe('typed while full');
    expect(store.notices.map((n) => n.kind)).not.toContain('full');
  });
});

describe('progress store: reset everything', () => {
  it('removes every key the course owns except the theme, keeps other sites’ keys, and says what it did', () => {
    const storage = new FakeStorage({
      [KEY]: envelope(progressWith({ notes: { outbox: { text: 'gone', updatedAt: '2025-01-01T00:00:00.000Z' } } })),
      [BACKUP]: 'unreadable',
      [`${BACKUP}:2025-02-01T00:00:00.000Z`]: 'unreadable too',
      'eda-course:practice:order-pipeline': '{"version":2}',
      'eda-course:theme': 'dark',
      'someone-else': 'untouched',
    });
    const store = createProgressStore({ storage, now: manualClock().now });
    const report = store.resetAll();
    expect([...report.removed].sort()).toEqual([BACKUP, `${BACKUP}:2025-02-01T00:00:00.000Z`, KEY, 'eda-course:practice:order-pipeline'].sort());
    expect(report.kept).toEqual(['eda-course:theme']);
    expect(report.saved).toBe(true);
    expect([...storage.items.keys()].sort()).toEqual([KEY, 'eda-course:theme', 'someone-else']);
    expect(noteText(stored(storage).state, 'outbox')).toBe('');
    expect(store.notices).toEqual([]);
  });

  it('gets out of a full storage held by an unreadable copy: saving works again after the reset', () => {
    const huge = `{"version":1,"data":${'x'.repeat(1000)}`;
    const storage = new FakeStorage({ [KEY]: huge });
    storage.failWrites = quotaError();
    const store = createProgressStore({ storage, now: manualClock().now });
    expect(store.notices.map((n) => n.kind)).toEqual(['recovered']);
    storage.failWrites = undefined;
    const report = store.resetAll();
    expect(report.saved).toBe(true);
    store.dispatch({ type: 'lesson/complete', lessonId: 'intro' });
    expect(isLessonComplete(createProgressStore({ storage }).state, 'intro')).toBe(true);
    expect(createProgressStore({ storage }).notices).toEqual([]);
  });

  it('leaves a newer version’s progress read-only no more: the learner chose to reset it', () => {
    const storage = new FakeStorage({ [KEY]: envelope(emptyProgress(), 7) });
    const store = createProgressStore({ storage, now: manualClock().now });
    store.resetAll();
    expect(store.readOnly).toBe(false);
    expect(stored(storage).problem).toBeUndefined();
  });

  it('writes a generation it can read back, even from the largest one', () => {
    const storage = new FakeStorage({ [KEY]: envelope({ ...emptyProgress(), generation: Number.MAX_SAFE_INTEGER }) });
    const store = createProgressStore({ storage, now: manualClock().now });
    store.resetAll();
    store.dispatch({ type: 'reset' });
    expect(stored(storage).problem).toBeUndefined();
    expect(stored(storage).state.generation).toBe(Number.MAX_SAFE_INTEGER);
  });
});
