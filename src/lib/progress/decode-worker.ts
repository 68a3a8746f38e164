/**
 * A module Web Worker that validates stored progress off the page's main thread, so the Notes page
 * stays responsive with thousands of notes (parsing, validating and normalising megabytes of JSON is
 * one long task). It receives a {@link NotesRequest} and posts back a {@link NotesReply}; it never
 * touches storage. Started by src/client/notes-page.ts.
 */
import { answerNotesRequest, type NotesReply, type NotesRequest } from './notes-read.ts';

/** The part of a dedicated worker's global scope used here (the project's types are the page's DOM). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<NotesRequest>) => void): void;
  postMessage(message: NotesReply): void;
}

const scope = self as unknown as WorkerScope;
scope.addEventListener('message', (event) => {
  scope.postMessage(answerNotesRequest(event.data));
});
