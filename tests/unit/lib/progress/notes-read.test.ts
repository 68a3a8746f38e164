import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decode, encode } from '../../../../src/lib/progress/codec.ts';
import { answerNotesRequest, readNotes } from '../../../../src/lib/progress/notes-read.ts';
import { notesList, type OutlineLesson } from '../../../../src/lib/progress/views.ts';
import { PROGRESS_VERSION } from '../../../../src/schemas/progress.ts';
import { progressArb, progressWith } from './helpers.ts';

const at = '2025-02-01T08:00:00.000Z';
const lessons: OutlineLesson[] = [
  { id: 'what-is-eda', title: 'What is EDA', href: '/lessons/what-is-eda/' },
  { id: 'outbox', title: 'The outbox', href: '/lessons/outbox/' },
];

describe('readNotes: what the decode worker answers the Notes page', () => {
  it('lists the notes of readable progress in course order, retired lessons after', () => {
    const raw = encode(
      progressWith({
        notes: {
          retired: { text: 'from a retired lesson', updatedAt: at },
          outbox: { text: 'same transaction', updatedAt: at },
          'what-is-eda': { text: '<b>literal</b>', updatedAt: at },
        },
      }),
    );
    expect(readNotes(raw, lessons)?.map((n) => [n.lessonId, n.title, n.href, n.text])).toEqual([
      ['what-is-eda', 'What is EDA', '/lessons/what-is-eda/', '<b>literal</b>'],
      ['outbox', 'The outbox', '/lessons/outbox/', 'same transaction'],
      ['retired', 'retired', undefined, 'from a retired lesson'],
    ]);
  });

  it('lists nothing when nothing is saved', () => {
    expect(readNotes(null, lessons)).toEqual([]);
  });

  it('gives the same list as the progress store would show, for any progress', () => {
    fc.assert(
      fc.property(progressArb, (state) => {
        const raw = encode(state);
        expect(readNotes(raw, lessons)).toEqual(notesList(lessons, decode(raw).state));
      }),
      { numRuns: 20 },
    );
  });

  it.each([
    ['text that is not JSON', '{{{ not json'],
    ['cut-off text', encode(progressWith({ notes: { outbox: { text: 'x', updatedAt: at } } })).slice(0, 30)],
    ['the wrong shape', JSON.stringify({ version: PROGRESS_VERSION, data: { notes: 'nope' } })],
    ['a forbidden key', `{"version":${PROGRESS_VERSION},"data":{"__proto__":{}}}`],
    ['progress from a newer version', JSON.stringify({ version: PROGRESS_VERSION + 1, data: {} })],
  ])('hands %s to the full store (undefined), which keeps a copy and tells the learner', (_label, raw) => {
    expect(decode(raw).problem).toBeDefined();
    expect(readNotes(raw, lessons)).toBeUndefined();
  });
});

describe('answerNotesRequest', () => {
  it('answers with the request number, the notes or ok: false', () => {
    const raw = encode(progressWith({ notes: { outbox: { text: 'kept', updatedAt: at } } }));
    expect(answerNotesRequest({ id: 7, raw, lessons })).toEqual({ id: 7, ok: true, notes: readNotes(raw, lessons) });
    expect(answerNotesRequest({ id: 8, raw: 'nope', lessons })).toEqual({ id: 8, ok: false });
  });
});
