import { decode } from './codec.ts';
import { notesList, type NoteItem, type OutlineLesson } from './views.ts';

/** What the Notes page asks the decode worker (src/lib/progress/decode-worker.ts): read this stored text. */
export interface NotesRequest {
  /** Numbers the requests, so the page only draws the answer to its latest one. */
  readonly id: number;
  /** The progress key's stored text (`null` when nothing is saved). */
  readonly raw: string | null;
  /** The course outline, so notes are titled and ordered as the course is. */
  readonly lessons: readonly OutlineLesson[];
}

/**
 * The worker's answer: the notes to list, or `ok: false` when the stored text cannot be used as it
 * is (unreadable, wrong shape, or from a newer version), and the full progress store must read it to
 * keep a copy and tell the learner.
 */
export type NotesReply = { readonly id: number; readonly ok: true; readonly notes: NoteItem[] } | { readonly id: number; readonly ok: false };

/**
 * The notes listed on the Notes page, read from stored progress with the same validation as the
 * progress store (`decode`), or `undefined` when the text has a problem only the store may handle.
 * Pure, so it runs alike in the decode worker and, where workers are unavailable, on the page.
 */
export function readNotes(raw: string | null, lessons: readonly OutlineLesson[]): NoteItem[] | undefined {
  const decoded = decode(raw);
  return decoded.problem === undefined ? notesList(lessons, decoded.state) : undefined;
}

/** Answers one request (what the worker does with each message). */
export function answerNotesRequest(request: NotesRequest): NotesReply {
  const notes = readNotes(request.raw, request.lessons);
  return notes === undefined ? { id: request.id, ok: false } : { id: request.id, ok: true, notes };
}
