import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../../../src/lib/progress/model.ts';
import { reduceProgress, type ProgressAction } from '../../../../src/lib/progress/reducer.ts';
import { promptAttempts } from '../../../../src/lib/practice/history.ts';
import { completionSummary, continueLesson, exportFileName, filterNotes, importSummaryText, notesList, keptCopyLabel, practiceHistory, resetMessage, savedLabel } from '../../../../src/lib/progress/views.ts';
import { summarizeProgress } from '../../../../src/lib/progress/transfer.ts';

const lessons = ['intro', 'why', 'costs', 'gotchas'].map((id) => ({ id, title: id.toUpperCase(), href: `/lessons/${id}/` }));

/** Applies actions one minute apart, from a fixed start. */
function after(...actions: ProgressAction[]) {
  return actions.reduce((state, action, i) => reduceProgress(state, action, new Date(Date.UTC(2026, 10, 28, 9, i))), emptyProgress());
}

describe('completion summary', () => {
  it('counts only current lessons marked done', () => {
    const state = after({ type: 'lesson/complete', lessonId: 'intro' }, { type: 'lesson/complete', lessonId: 'retired-lesson' });
    expect(completionSummary(lessons, state)).toEqual({ done: 1, total: 4, percent: 25 });
  });

  it('does not count a lesson that was un-completed', () => {
    const state = after({ type: 'lesson/complete', lessonId: 'intro' }, { type: 'lesson/uncomplete', lessonId: 'intro' });
    expect(completionSummary(lessons, state).done).toBe(0);
  });

  it('is 0 % for an empty course rather than dividing by zero', () => {
    expect(completionSummary([], emptyProgress())).toEqual({ done: 0, total: 0, percent: 0 });
  });
});

describe('continue where you left off', () => {
  it('offers nothing before the learner has started', () => {
    expect(continueLesson(lessons, emptyProgress())).toBeUndefined();
  });

  it('goes to the next lesson not yet done after the one touched last', () => {
    const state = after({ type: 'lesson/complete', lessonId: 'intro' }, { type: 'lesson/complete', lessonId: 'why' });
    expect(continueLesson(lessons, state)?.id).toBe('costs');
  });

  it('stays on a lesson the learner wrote notes on but has not finished', () => {
    const state = after({ type: 'lesson/complete', lessonId: 'intro' }, { type: 'note/set', lessonId: 'costs', text: 'halfway' });
    expect(continueLesson(lessons, state)?.id).toBe('costs');
  });

  it('wraps round to an earlier gap when the later lessons are done', () => {
    const state = after({ type: 'lesson/complete', lessonId: 'costs' }, { type: 'lesson/complete', lessonId: 'gotchas' });
    expect(continueLesson(lessons, state)?.id).toBe('intro');
  });

  it('offers nothing once every lesson is done', () => {
    const state = after(...lessons.map((l) => ({ type: 'lesson/complete', lessonId: l.id }) as const));
    expect(continueLesson(lessons, state)).toBeUndefined();
  });
});

describe('notes list', () => {
  const state = after(
    { type: 'note/set', lessonId: 'costs', text: 'Outbox <b>not</b> 2PC' },
    { type: 'note/set', lessonId: 'intro', text: 'Events are facts' },
    { type: 'note/set', lessonId: 'why', text: '   ' },
    { type: 'note/set', lessonId: 'old-lesson', text: 'kept from a retired lesson' },
  );

  it('lists non-empty notes in course order, then notes of lessons that no longer exist', () => {
    const items = notesList(lessons, state);
    expect(items.map((n) => n.lessonId)).toEqual(['intro', 'costs', 'old-lesson']);
    expect(items[1]).toMatchObject({ title: 'COSTS', href: '/lessons/costs/', text: 'Outbox <b>not</b> 2PC' });
    expect(items[2]).toMatchObject({ title: 'old-lesson', href: undefined });
  });

  it('filters by every word of the query, in titles and text, ignoring case', () => {
    const items = notesList(lessons, state);
    expect(filterNotes(items, 'OUTBOX').map((n) => n.lessonId)).toEqual(['costs']);
    expect(filterNotes(items, 'events intro').map((n) => n.lessonId)).toEqual(['intro']);
    expect(filterNotes(items, 'events costs')).toEqual([]);
    expect(filterNotes(items, '  ')).toHaveLength(3);
  });
});

describe('saved label', () => {
  const now = new Date(2026, 10, 28, 14, 30, 0);
  it('says "just now" for a save within ten seconds', () => {
    expect(savedLabel(new Date(2026, 10, 28, 14, 29, 55).toISOString(), now, 'en-GB')).toBe('Saved just now');
  });
  it('gives the time for a save earlier today and the date for an older one', () => {
    expect(savedLabel(new Date(2026, 10, 28, 9, 5).toISOString(), now, 'en-GB')).toBe('Saved at 09:05');
    expect(savedLabel(new Date(2026, 10, 3, 9, 5).toISOString(), now, 'en-GB')).toBe('Saved on 3 Nov 2026, 09:05');
  });
});

describe('practice history', () => {
  it('lists every attempt of every prompt, newest first', () => {
    const attempt = (id: string, startedAt: string) => ({ id, startedAt, elapsedMs: 60_000, hintsUsed: 1 });
    const state = after(
      { type: 'practice/record', promptId: 'orders', attempt: attempt('a1', '2026-11-01T10:00:00.000Z') },
      { type: 'practice/record', promptId: 'firehose', attempt: attempt('b1', '2026-11-20T10:00:00.000Z') },
      { type: 'practice/record', promptId: 'orders', attempt: { ...attempt('a2', '2026-11-10T10:00:00.000Z'), submittedAt: '2026-11-10T10:40:00.000Z', score: 70 } },
    );
    expect(practiceHistory(state).map((p) => `${p.promptId}/${p.attemptId}`)).toEqual(['firehose/b1', 'orders/a2', 'orders/a1']);
    expect(practiceHistory(state)[1]).toMatchObject({ score: 70, submittedAt: '2026-11-10T10:40:00.000Z' });
  });

  it('keeps attempts saved under a prompt’s former id with the prompt', () => {
    const attempt = (id: string, startedAt: string) => ({ id, startedAt, elapsedMs: 60_000, hintsUsed: 1 });
    const state = after(
      { type: 'practice/record', promptId: 'checkout-keep-it-sync', attempt: attempt('a1', '2026-11-01T10:00:00.000Z') },
      { type: 'practice/record', promptId: 'checkout', attempt: attempt('a2', '2026-12-01T10:00:00.000Z') },
      { type: 'practice/record', promptId: 'orders', attempt: attempt('a3', '2026-12-02T10:00:00.000Z') },
    );
    expect(promptAttempts(state, 'checkout', ['checkout-keep-it-sync']).map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(promptAttempts(state, 'checkout').map((a) => a.id)).toEqual(['a2']);
    expect(practiceHistory(state, { 'checkout-keep-it-sync': 'checkout' }).map((p) => `${p.promptId}/${p.attemptId}`)).toEqual([
      'orders/a3',
      'checkout/a2',
      'checkout/a1',
    ]);
  });
});

describe('export file name', () => {
  it('carries the date of the export', () => {
    expect(exportFileName(new Date('2026-11-28T23:59:00Z'))).toBe('eda-course-progress-2026-11-28.json');
  });
});

describe('resetMessage', () => {
  const keys = { progress: 'eda-course:progress', backup: 'eda-course:progress-backup' };
  it('names what was removed and what was kept', () => {
    const text = resetMessage(
      { removed: ['eda-course:progress', 'eda-course:progress-backup', 'eda-course:progress-backup:2026-01-01T00:00:00.000Z', 'eda-course:practice:x'], kept: ['eda-course:theme'], saved: true },
      keys,
    );
    expect(text).toBe(
      'All progress in this browser was reset. Removed your progress, 2 kept copies and 1 other saved item (older practice drafts) from this browser. Your light or dark theme choice was kept. You are starting fresh.',
    );
  });
  it('says when nothing was saved and when the fresh start cannot be saved', () => {
    expect(resetMessage({ removed: [], kept: [], saved: false }, keys)).toBe(
      'All progress in this browser was reset. There was nothing saved to remove. The browser isn’t saving right now, so the fresh start lasts only while this page is open.',
    );
  });
});

describe('keptCopyLabel', () => {
  it('says when a copy was kept, its size, and whether this version can read it', () => {
    expect(keptCopyLabel({ keptAt: '2026-11-02T09:30:00.000Z', size: 4096, readable: true })).toBe('Kept 2 Nov 2026 · 4 KB · this version can read it');
    expect(keptCopyLabel({ size: 10, readable: false, problem: 'The saved progress isn’t readable data.' })).toBe('Kept earlier · 1 KB · The saved progress isn’t readable data.');
  });
});

describe('importSummaryText', () => {
  it('counts every kind of progress in the file, SQL lab handlers included', () => {
    const state = after(
      { type: 'lesson/complete', lessonId: 'intro' },
      { type: 'note/set', lessonId: 'intro', text: 'n' },
      { type: 'sqllab/save', labId: 'idempotency', sql: 'SELECT 1;' },
      { type: 'sqllab/save', labId: 'outbox', sql: 'SELECT 2;' },
    );
    expect(importSummaryText('mine.json', summarizeProgress(state))).toBe(
      '“mine.json” holds 1 completed lessons, 1 notes, 0 answered quiz questions, 0 practice prompts, 0 answered follow-ups, 0 mock rounds, 0 review cards, 0 passed challenges and 2 saved SQL lab handlers.',
    );
  });

  it('says how many entries belong to content this version lacks, and that they are kept', () => {
    const state = after({ type: 'lesson/complete', lessonId: 'retired' });
    expect(importSummaryText('old.json', summarizeProgress(state, { lessons: ['intro'] }))).toMatch(
      /^“old\.json” holds 1 completed lessons, .* and 0 saved SQL lab handlers\. 1 of its entries belong to lessons this version of the course doesn’t have; they are kept\.$/,
    );
  });
});
