import type { ProgressData, SqlLabEntry } from '../../schemas/progress.ts';

/** A record with no prototype, so a lookup by any id can only ever find an entry stored under it. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Progress of a learner who has done nothing yet (in the given wipe generation). */
export function emptyProgress(generation = 0): ProgressData {
  return {
    generation,
    lessons: emptyRecord(),
    notes: emptyRecord(),
    quiz: emptyRecord(),
    practice: emptyRecord(),
    review: emptyRecord(),
    challenges: emptyRecord(),
    followups: emptyRecord(),
    drills: emptyRecord(),
    sqllabs: emptyRecord(),
  };
}

/**
 * The entry stored under `id`, or `undefined`. Only own entries count, so an id such as
 * `constructor` can never find something inherited.
 */
export function readEntry<T>(record: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

/** A copy of `record` (without a prototype) with `id` set to `entry`. */
export function withEntry<T>(record: Readonly<Record<string, T>>, id: string, entry: NoInfer<T>): Record<string, T> {
  const out = Object.assign(emptyRecord<T>(), record);
  Object.defineProperty(out, id, { value: entry, enumerable: true, writable: true, configurable: true });
  return out;
}

/** Whether the learner has marked the lesson done. */
export function isLessonComplete(state: ProgressData, lessonId: string): boolean {
  return readEntry(state.lessons, lessonId)?.completed === true;
}

/** The learner's note on a lesson; empty when there is none. */
export function noteText(state: ProgressData, lessonId: string): string {
  return readEntry(state.notes, lessonId)?.text ?? '';
}

/**
 * The learner's saved handler in a SQL lab (`sql`, and `previous` when "start over" can be undone),
 * or `undefined` when they have not changed the lab's starting handler yet.
 */
export function sqlLabEntry(state: ProgressData, labId: string): SqlLabEntry | undefined {
  return readEntry(state.sqllabs ?? {}, labId);
}

/** The generation after `generation`, held at the largest the schema accepts so a reset never writes a value it would reject. */
export function nextGeneration(generation: number): number {
  return Math.min(generation + 1, Number.MAX_SAFE_INTEGER);
}
