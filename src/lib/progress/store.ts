import type { ProgressData } from '../../schemas/progress.ts';
import { decode, encode, type CodecOptions, type ProgressProblem } from './codec.ts';
import { mergeProgress } from './merge.ts';
import { emptyProgress, nextGeneration } from './model.ts';
import { nextStamp, reduceProgress, type ProgressAction } from './reducer.ts';

/** The part of the Web Storage API the store uses; `localStorage` fits, and so does a test double. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  /** Removes a key; without it (a minimal test double) a reset can only overwrite the progress key. */
  removeItem?(key: string): void;
  /** How many keys there are, and the name of the i-th: with both, a reset finds every key the course owns. */
  readonly length?: number;
  key?(index: number): string | null;
}

/**
 * Where progress is kept: a storage object, nothing (memory only), or a function returning one,
 * which may throw (reading `window.localStorage` throws in some locked-down browsers).
 */
export type StorageSource = StorageLike | undefined | (() => StorageLike | undefined);

/** Something the learner should be told about where their progress is kept. */
export type ProgressNotice =
  /** Saved progress could not be read; the unreadable text was kept under `backupKey` and the course started fresh. */
  | { kind: 'recovered'; backupKey: string; message: string }
  /** The browser refuses storage: progress lives on this page only. */
  | { kind: 'unavailable'; message: string }
  /** Storage is full: the latest changes live on this page only until a write succeeds. */
  | { kind: 'full'; message: string }
  /** A newer version of the course saved the progress: this page leaves it untouched and saves nothing until reloaded. */
  | { kind: 'newer'; message: string };

/** What subscribers receive: the progress and the notices to show. */
export interface ProgressSnapshot {
  /** The learner's progress. */
  readonly state: ProgressData;
  /** Notices to show, oldest first, at most one of each kind. */
  readonly notices: readonly ProgressNotice[];
}

/** Settings of {@link createProgressStore}. */
export interface ProgressStoreOptions extends CodecOptions {
  /** Where progress is kept (usually `() => window.localStorage`). */
  storage: StorageSource;
  /** The storage key of the progress envelope. */
  key?: string;
  /** The storage key unreadable progress is copied to before starting fresh. */
  backupKey?: string;
  /** The clock that stamps every change. */
  now?: () => Date;
  /** Keys starting with this belong to the course, and "Reset everything" removes them (default `eda-course:`). */
  ownedPrefix?: string;
  /** Owned keys a reset leaves in place: settings, not progress (default: the theme choice). */
  keepOnReset?: readonly string[];
}

/** A copy of unreadable progress kept in this browser, as the Progress page lists it. */
export interface BackupCopy {
  /** Its storage key. */
  readonly key: string;
  /** Its length in characters. */
  readonly size: number;
  /** When it was kept, if its key says so (ISO time). */
  readonly keptAt?: string;
  /** Whether this version of the course can read it now, and if not, why. */
  readonly readable: boolean;
  readonly problem?: string;
}

/** What {@link ProgressStore.restoreBackup} did. */
export type RestoreResult = { ok: true; message: string } | { ok: false; message: string };

/** What {@link ProgressStore.resetAll} did, for the page to say. */
export interface ResetReport {
  /** The storage keys removed (progress, backups, per-prompt data). */
  readonly removed: readonly string[];
  /** Whether the fresh, empty progress was saved (false when storage refuses). */
  readonly saved: boolean;
  /** Owned keys left in place on purpose (the theme choice). */
  readonly kept: readonly string[];
}

/** A learner's progress, kept in storage and in step with other tabs. */
export interface ProgressStore {
  /** The storage key this store reads and writes; compare it with a `storage` event's `key`. */
  readonly key: string;
  /** The current progress. */
  readonly state: ProgressData;
  /** Notices the learner should see. */
  readonly notices: readonly ProgressNotice[];
  /**
   * Applies an action and saves at once (after merging in whatever other tabs saved). Returns
   * whether the progress changed.
   */
  dispatch(action: ProgressAction): boolean;
  /**
   * Calls `listener` now and after every change of progress or notices; returns the function that
   * stops it. Matches Svelte's store contract, so `$store` works in a component.
   */
  subscribe(listener: (snapshot: ProgressSnapshot) => void): () => void;
  /** Hides the notice of the given kind (it comes back if the situation happens again). */
  dismissNotice(kind: ProgressNotice['kind']): void;
  /**
   * The unreadable text kept under a backup key (default: the latest one this page kept, else the
   * default backup key), for the learner to download; `null` when there is none.
   */
  readBackup(backupKey?: string): string | null;
  /**
   * Takes in another tab's write (pass a `storage` event's `newValue` when its key is this store's
   * `key`). It is merged with this tab's progress, never replacing it.
   */
  receiveExternal(newValue: string | null): void;
  /** Reads storage again and merges it in, e.g. when a page comes back from the back/forward cache. */
  reload(): void;
  /**
   * True while the stored progress was written by a newer version of the course: this page then
   * shows and changes progress in memory only and never overwrites what the newer version saved.
   */
  readonly readOnly: boolean;
  /** The copies of unreadable progress kept in this browser, oldest key first. */
  backups(): BackupCopy[];
  /**
   * Merges a kept copy back into the progress when this version can read it (the copy is then
   * removed); otherwise says why it cannot, and changes nothing.
   */
  restoreBackup(backupKey: string): RestoreResult;
  /** Removes one kept copy (to free space once it is downloaded). Returns whether it was removed. */
  deleteBackup(backupKey: string): boolean;
  /**
   * "Reset everything": removes every key the course owns (progress, kept copies, per-prompt data)
   * except settings such as the theme, frees a full storage, starts a new generation so other tabs
   * follow, clears the notices and says what it did.
   */
  resetAll(): ResetReport;
}

/** The storage key of the progress envelope unless another is given. */
export const DEFAULT_PROGRESS_KEY = 'eda-course:progress';
/** The storage key of the first copy of unreadable progress unless another is given. */
export const DEFAULT_BACKUP_KEY = 'eda-course:progress-backup';

/** What the notices say. */
export const NOTICE_MESSAGES = {
  unavailable:
    'This browser isn’t letting the course save anything right now (private browsing or strict privacy settings can do this). Your progress works on this page, but it will be gone when you close or reload it. Export your progress to keep a copy.',
  full: 'This browser’s storage for the course is full, so your latest changes are kept on this page only for now. Nothing is lost while the page stays open, and the course tries to save again with every change. Exporting your progress keeps a copy safe.',
  recovered: (problem: ProgressProblem): string =>
    `${problem.message} A copy of it is kept in this browser and you can download it; the course has started fresh from here.`,
  newer:
    'Your progress in this browser was saved by a newer version of the course than this page. To keep it safe, this page saves nothing: anything you do here lasts only until you leave the page. Reload to get the newer version and your progress.',
  recoveredNotKept: (problem: ProgressProblem): string =>
    `${problem.message} The course couldn’t keep a copy of it in this browser (storage may be full), so nothing new is saved until it can; it tries again with every change. Download the copy now to keep it.`,
} as const;

const MAX_BACKUP_KEYS = 100;

/** Whether a storage error means "out of space" (names and codes differ between browsers). */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

/**
 * The learner's progress store: reads storage once (keeping a copy of anything unreadable before
 * starting fresh), saves every change immediately, merges other tabs' writes in, and keeps working
 * in memory when storage is refused or full, with a notice saying so. Every storage access is guarded.
 */
export function createProgressStore(options: ProgressStoreOptions): ProgressStore {
  const key = options.key ?? DEFAULT_PROGRESS_KEY;
  const backupKey = options.backupKey ?? DEFAULT_BACKUP_KEY;
  const now = options.now ?? (() => new Date());
  const ownedPrefix = options.ownedPrefix ?? 'eda-course:';
  const keepOnReset = new Set(options.keepOnReset ?? ['eda-course:theme']);
  /** Set when the stored progress is from a newer version: it is never overwritten from this page. */
  let readOnly = false;
  const codec: CodecOptions = {};
  if (options.migrations !== undefined) codec.migrations = options.migrations;
  if (options.currentVersion !== undefined) codec.currentVersion = options.currentVersion;

  let storage: StorageLike | undefined;
  let state = emptyProgress();
  let encoded = encode(state);
  let notices: readonly ProgressNotice[] = [];
  /** The progress key's value as last read or written here; `undefined` until first read. */
  let lastRaw: string | null | undefined;
  /** Unreadable texts seen during this visit, by the backup key they belong under. */
  const kept = new Map<string, string>();
  /** Backups storage had no room for yet, with why each was unreadable. The progress key is not written while any wait. */
  const pendingBackups = new Map<string, ProgressProblem>();
  const listeners = new Set<(snapshot: ProgressSnapshot) => void>();
  let changed = false;

  const setNotice = (notice: ProgressNotice) => {
    notices = [...notices.filter((n) => n.kind !== notice.kind), notice];
    changed = true;
  };
  const clearNotice = (kind: ProgressNotice['kind']) => {
    if (!notices.some((n) => n.kind === kind)) return;
    notices = notices.filter((n) => n.kind !== kind);
    changed = true;
  };
  /** Adopts `next` if it holds different progress; returns whether it did. */
  const setState = (next: ProgressData): boolean => {
    if (next === state) return false;
    const text = encode(next);
    if (text === encoded) return false;
    state = next;
    encoded = text;
    changed = true;
    return true;
  };
  const snapshot = (): ProgressSnapshot => ({ state, notices });
  const emit = () => {
    if (!changed) return;
    changed = false;
    const current = snapshot();
    for (const listener of [...listeners]) listener(current);
  };

  const goOffline = () => {
    storage = undefined;
    clearNotice('full');
    setNotice({ kind: 'unavailable', message: NOTICE_MESSAGES.unavailable });
  };
  const read = (name: string): { ok: true; value: string | null } | { ok: false } => {
    if (storage === undefined) return { ok: false };
    try {
      return { ok: true, value: storage.getItem(name) };
    } catch {
      goOffline();
      return { ok: false };
    }
  };
  const write = (name: string, value: string): 'ok' | 'full' | 'failed' => {
    if (storage === undefined) return 'failed';
    try {
      storage.setItem(name, value);
      return 'ok';
    } catch (error) {
      if (isQuotaError(error)) return 'full';
      goOffline();
      return 'failed';
    }
  };

  /** The backup key for `raw`: the default one, or a time-stamped one if that already holds other text. */
  const chooseBackupKey = (raw: string): { name: string; alreadyStored: boolean } => {
    const stamp = nextStamp(now());
    let name = backupKey;
    for (let n = 1; n <= MAX_BACKUP_KEYS; n += 1) {
      const existing = read(name);
      if (!existing.ok || existing.value === null) return { name, alreadyStored: false };
      if (existing.value === raw) return { name, alreadyStored: true };
      name = n === 1 ? `${backupKey}:${stamp}` : `${backupKey}:${stamp}:${n}`;
    }
    return { name, alreadyStored: false };
  };

  const keepUnreadable = (raw: string, problem: ProgressProblem) => {
    if ([...kept.values()].includes(raw)) return;
    const { name, alreadyStored } = chooseBackupKey(raw);
    kept.set(name, raw);
    const stored = alreadyStored || write(name, raw) === 'ok';
    if (!stored) pendingBackups.set(name, problem);
    const message = stored ? NOTICE_MESSAGES.recovered(problem) : NOTICE_MESSAGES.recoveredNotKept(problem);
    setNotice({ kind: 'recovered', backupKey: name, message });
  };

  /** Merges in saved progress text; unreadable text is kept as a backup and changes nothing. */
  const absorb = (raw: string | null) => {
    const decoded = decode(raw, codec);
    if (decoded.problem?.kind === 'future-version') {
      // Not unreadable, only newer than this page: leave it where it is, untouched, for the newer version.
      readOnly = true;
      setNotice({ kind: 'newer', message: NOTICE_MESSAGES.newer });
      return;
    }
    if (decoded.problem !== undefined) {
      if (raw !== null) keepUnreadable(raw, decoded.problem);
      return;
    }
    setState(mergeProgress(state, decoded.state));
  };

  /** The text under a key, or null when there is none or storage refuses. */
  const readValue = (name: string): string | null => {
    const found = read(name);
    return found.ok ? found.value : null;
  };
  /** Every key in storage that belongs to the course (empty when storage cannot list its keys). */
  const ownedKeys = (): string[] => {
    if (storage === undefined || typeof storage.key !== 'function' || typeof storage.length !== 'number') {
      return [key, backupKey, ...kept.keys()].filter((name, i, all) => all.indexOf(name) === i && readValue(name) !== null).sort();
    }
    try {
      const names: string[] = [];
      for (let i = 0; i < storage.length; i += 1) {
        const name = storage.key(i);
        if (name !== null && name.startsWith(ownedPrefix)) names.push(name);
      }
      return names.sort();
    } catch {
      goOffline();
      return [];
    }
  };
  /** Removes a key (or, where storage cannot remove, nothing); returns whether it is gone. */
  const remove = (name: string): boolean => {
    if (storage === undefined || typeof storage.removeItem !== 'function') return false;
    try {
      storage.removeItem(name);
      return true;
    } catch {
      goOffline();
      return false;
    }
  };
  const describeBackup = (name: string): BackupCopy | undefined => {
    const raw = kept.get(name) ?? readValue(name);
    if (raw === null) return undefined;
    const stamp = /:(\d{4}-\d\d-\d\dT[\d:.]+Z)/.exec(name.slice(backupKey.length))?.[1];
    const problem = decode(raw, codec).problem;
    return {
      key: name,
      size: raw.length,
      ...(stamp === undefined ? {} : { keptAt: stamp }),
      readable: problem === undefined,
      ...(problem === undefined ? {} : { problem: problem.message }),
    };
  };

  const pull = () => {
    const raw = read(key);
    if (!raw.ok || raw.value === lastRaw) return;
    lastRaw = raw.value;
    absorb(raw.value);
  };

  const flush = () => {
    for (const [name, problem] of pendingBackups) {
      const raw = kept.get(name);
      if (raw === undefined || write(name, raw) !== 'ok') return;
      pendingBackups.delete(name);
      setNotice({ kind: 'recovered', backupKey: name, message: NOTICE_MESSAGES.recovered(problem) });
    }
    if (storage === undefined || readOnly) return;
    if (encoded !== lastRaw) {
      const result = write(key, encoded);
      if (result === 'full') setNotice({ kind: 'full', message: NOTICE_MESSAGES.full });
      if (result !== 'ok') return;
      lastRaw = encoded;
    }
    clearNotice('full');
  };

  try {
    storage = typeof options.storage === 'function' ? options.storage() : options.storage;
  } catch {
    storage = undefined;
  }
  if (storage === undefined) goOffline();
  pull();
  // Replace unreadable text (now backed up) with a clean copy straight away.
  if (notices.some((n) => n.kind === 'recovered')) flush();
  changed = false;

  return {
    key,
    get state() {
      return state;
    },
    get notices() {
      return notices;
    },
    dispatch(action) {
      pull();
      const applied = setState(reduceProgress(state, action, now()));
      flush();
      emit();
      return applied;
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(snapshot());
      return () => {
        listeners.delete(listener);
      };
    },
    dismissNotice(kind) {
      clearNotice(kind);
      emit();
    },
    readBackup(name) {
      const latest = [...notices].reverse().find((n) => n.kind === 'recovered');
      const target = name ?? (latest?.kind === 'recovered' ? latest.backupKey : backupKey);
      const inMemory = kept.get(target);
      if (inMemory !== undefined) return inMemory;
      const stored = read(target);
      return stored.ok ? stored.value : null;
    },
    receiveExternal(newValue) {
      if (newValue !== null) {
        lastRaw = newValue;
        absorb(newValue);
      }
      // Storage may have moved on since the event was sent (or the key was removed): read it before writing.
      pull();
      flush();
      emit();
    },
    reload() {
      pull();
      flush();
      emit();
    },
    get readOnly() {
      return readOnly;
    },
    backups() {
      return ownedKeys()
        .filter((name) => name === backupKey || name.startsWith(`${backupKey}:`))
        .map((name) => describeBackup(name))
        .filter((copy): copy is BackupCopy => copy !== undefined);
    },
    restoreBackup(name) {
      const raw = kept.get(name) ?? readValue(name);
      if (raw === null) return { ok: false, message: 'That copy is no longer in this browser.' };
      const decoded = decode(raw, codec);
      if (decoded.problem?.kind === 'future-version') {
        return { ok: false, message: 'This copy was saved by a newer version of the course, which this page cannot read. Reload to get the newer version, then restore it there. Nothing was changed.' };
      }
      if (decoded.problem !== undefined) {
        return { ok: false, message: `${decoded.problem.message} It can’t be restored; download it to keep it. Nothing was changed.` };
      }
      if (readOnly) return { ok: false, message: 'This page can’t save right now (a newer version of the course saved your progress). Reload, then try again. Nothing was changed.' };
      pull();
      setState(mergeProgress(state, decoded.state));
      flush();
      const saved = storage !== undefined && lastRaw === encoded;
      if (saved) {
        remove(name);
        kept.delete(name);
        pendingBackups.delete(name);
        const latest = notices.find((n) => n.kind === 'recovered');
        if (latest?.kind === 'recovered' && latest.backupKey === name) clearNotice('recovered');
      }
      emit();
      return {
        ok: true,
        message: saved
          ? 'The copy was merged into your progress (the newest of each item kept) and removed from the kept copies.'
          : 'The copy was merged into your progress on this page, but the browser isn’t saving right now, so the copy is kept too.',
      };
    },
    deleteBackup(name) {
      if (name !== backupKey && !name.startsWith(`${backupKey}:`)) return false;
      const removed = remove(name);
      if (removed) {
        kept.delete(name);
        pendingBackups.delete(name);
        const latest = notices.find((n) => n.kind === 'recovered');
        if (latest?.kind === 'recovered' && latest.backupKey === name) clearNotice('recovered');
        // Space freed: what waited for room can be saved now.
        flush();
        emit();
      }
      return removed;
    },
    resetAll() {
      const removed: string[] = [];
      const keptKeys: string[] = [];
      for (const name of ownedKeys()) {
        if (keepOnReset.has(name)) keptKeys.push(name);
        else if (remove(name)) removed.push(name);
      }
      kept.clear();
      pendingBackups.clear();
      readOnly = false;
      for (const kind of ['recovered', 'full', 'newer'] as const) clearNotice(kind);
      const fresh = emptyProgress(nextGeneration(state.generation));
      state = fresh;
      encoded = encode(fresh);
      changed = true;
      // Whatever is left under the key (nothing, unless storage refused to remove it) is overwritten now.
      lastRaw = readValue(key);
      flush();
      const saved = storage !== undefined && lastRaw === encoded;
      emit();
      return { removed, saved, kept: keptKeys };
    },
  };
}
