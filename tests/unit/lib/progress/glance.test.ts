import { describe, expect, it } from 'vitest';
import { encode } from '../../../../src/lib/progress/codec.ts';
import { PROGRESS_KEY, glanceAtProgress } from '../../../../src/lib/progress/glance.ts';
import { DEFAULT_PROGRESS_KEY } from '../../../../src/lib/progress/store.ts';
import { emptyProgress, sqlLabEntry } from '../../../../src/lib/progress/model.ts';
import { reduceProgress, type ProgressAction } from '../../../../src/lib/progress/reducer.ts';
import { completionSummary, continueLesson } from '../../../../src/lib/progress/views.ts';
import { dueCount } from '../../../../src/lib/review/due.ts';

const lessons = ['intro', 'why', 'costs'].map((id) => ({ id, title: id, href: `/lessons/${id}/` }));

function after(...actions: ProgressAction[]) {
  return actions.reduce((state, action, i) => reduceProgress(state, action, new Date(Date.UTC(2026, 10, 28, 9, i))), emptyProgress());
}

const card = (due: string) => ({ due, stability: 1, difficulty: 5, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 1, lapses: 1, state: 1, last_review: '2026-11-28T09:00:00.000Z' });

describe('a glance at saved progress', () => {
  it('reads the key the store writes', () => {
    expect(PROGRESS_KEY).toBe(DEFAULT_PROGRESS_KEY);
  });

  it('reads nothing saved as a clean start', () => {
    expect(glanceAtProgress(null)).toEqual({ readable: true, state: emptyProgress() });
  });

  it('sees what the store wrote: completion, notes and the lesson to continue', () => {
    const state = after({ type: 'lesson/complete', lessonId: 'intro' }, { type: 'note/set', lessonId: 'why', text: 'half way' });
    const glance = glanceAtProgress(encode(state));
    if (!glance.readable) throw new Error('unreadable');
    expect(completionSummary(lessons, glance.state)).toEqual(completionSummary(lessons, state));
    expect(continueLesson(lessons, glance.state)?.id).toBe('why');
    expect(glance.state.lessons).toEqual(state.lessons);
    expect(glance.state.notes).toEqual(state.notes);
  });

  it('sees passed challenges', () => {
    const state = after({ type: 'challenge/pass', challengeId: 'dedupe-ledger' });
    const glance = glanceAtProgress(encode(state));
    if (!glance.readable) throw new Error('unreadable');
    expect(glance.state.challenges).toEqual(state.challenges);
  });

  it('sees follow-up answers, drafts and mock rounds as the store wrote them', () => {
    const state = after(
      { type: 'drill/start', roundId: 'round-1', topics: ['intro', 'why'], items: ['f-a', 'f-b'] },
      { type: 'followup/record', followUpId: 'f-a', attempt: { answer: 'idempotent consumer', aloud: false, made: ['k1'], flags: ['f2'], grade: 'hard', round: 'round-1' } },
      { type: 'drill/next', roundId: 'round-1' },
      { type: 'followup/draft', followUpId: 'f-b', text: 'half an answer', aloud: false },
      { type: 'followup/record', followUpId: 'f-c', attempt: { answer: '', aloud: true, made: [], flags: [], grade: 'again' } },
      { type: 'drill/start', roundId: 'round-2', topics: ['costs'], items: ['f-c'] },
      { type: 'drill/stop', roundId: 'round-2' },
    );
    const glance = glanceAtProgress(encode(state));
    if (!glance.readable) throw new Error('unreadable');
    expect(Object.keys(glance.state.followups ?? {})).toEqual(['f-a', 'f-b', 'f-c']);
    expect(glance.state.followups).toEqual(state.followups);
    expect(glance.state.drills).toEqual(state.drills);
    expect(glance.state.drills?.['round-2']?.finishedAt).toMatch(/Z$/);
    expect(glance.state.followups?.['f-b']?.draft?.text).toBe('half an answer');
  });

  it('keeps the well-formed follow-up answers and rounds and leaves out the rest', () => {
    const at = '2026-11-28T09:00:00.000Z';
    const good = { at, answer: 'dedupe by key', aloud: false, made: ['k1'], flags: [], grade: 'good', round: 'r1' };
    const raw = JSON.stringify({
      version: 1,
      data: {
        followups: {
          mixed: {
            attempts: [good, { ...good, grade: 'perfect' }, { ...good, made: 'k1' }, { ...good, at: 'today' }, { ...good, aloud: 'no' }, 7],
            draft: { text: 12, aloud: false, at },
            updatedAt: at,
          },
          'no-attempts': { attempts: 'none', updatedAt: at },
          'no-stamp': { attempts: [], updatedAt: 'later' },
          listed: [good],
        },
        drills: {
          r1: { startedAt: at, topics: ['intro'], items: ['f-a'], itemStartedAt: at, finishedAt: 'soon', updatedAt: at },
          'no-items': { startedAt: at, topics: ['intro'], items: [], itemStartedAt: at, updatedAt: at },
          'bad-topic': { startedAt: at, topics: [3], items: ['f-a'], itemStartedAt: at, updatedAt: at },
          'no-clock': { startedAt: at, topics: ['intro'], items: ['f-a'], updatedAt: at },
        },
      },
    });
    const glance = glanceAtProgress(raw);
    if (!glance.readable) throw new Error('unreadable');
    expect(glance.state.followups).toEqual({ mixed: { attempts: [good], updatedAt: at } });
    expect(Object.keys(glance.state.drills ?? {})).toEqual(['r1']);
    expect(glance.state.drills?.['r1']).toEqual({ startedAt: at, topics: ['intro'], items: ['f-a'], itemStartedAt: at, updatedAt: at });
  });

  it('sees each SQL lab’s saved handler, and the text kept to bring back, as the store wrote them', () => {
    const state = after(
      { type: 'sqllab/save', labId: 'idempotency', sql: 'INSERT INTO processed VALUES ($1) ON CONFLICT DO NOTHING;' },
      { type: 'sqllab/start-over', labId: 'idempotency', sql: 'UPDATE accounts SET balance = balance + 1;' },
      { type: 'sqllab/save', labId: 'relay', sql: 'SELECT * FROM outbox ORDER BY id FOR UPDATE SKIP LOCKED;' },
    );
    const glance = glanceAtProgress(encode(state));
    if (!glance.readable) throw new Error('unreadable');
    expect(glance.state.sqllabs).toEqual(state.sqllabs);
    expect(sqlLabEntry(glance.state, 'idempotency')?.previous).toBe('INSERT INTO processed VALUES ($1) ON CONFLICT DO NOTHING;');
    expect(sqlLabEntry(glance.state, 'outbox')).toBeUndefined();
  });

  it('keeps the well-formed SQL lab handlers and leaves out the rest', () => {
    const at = '2026-11-28T09:00:00.000Z';
    const raw = JSON.stringify({
      version: 1,
      data: {
        sqllabs: {
          good: { sql: 'SELECT 1;', updatedAt: at },
          'odd-previous': { sql: 'SELECT 2;', previous: 7, updatedAt: at },
          'no-sql': { previous: 'SELECT 3;', updatedAt: at },
          'sql-not-text': { sql: ['SELECT 4;'], updatedAt: at },
          'no-stamp': { sql: 'SELECT 5;', updatedAt: 'just now' },
          listed: ['SELECT 6;'],
        },
      },
    });
    const glance = glanceAtProgress(raw);
    if (!glance.readable) throw new Error('unreadable');
    expect(glance.state.sqllabs).toEqual({ good: { sql: 'SELECT 1;', updatedAt: at }, 'odd-previous': { sql: 'SELECT 2;', updatedAt: at } });
    expect(Object.getPrototypeOf(glance.state.sqllabs)).toBeNull();
  });

  it('reads progress saved before SQL labs as having no handlers', () => {
    const glance = glanceAtProgress('{"version":1,"data":{"lessons":{}}}');
    if (!glance.readable) throw new Error('unreadable');
    expect(glance.state.sqllabs).toEqual({});
    expect(sqlLabEntry(glance.state, 'outbox')).toBeUndefined();
  });

  it('counts review cards that are due', () => {
    const raw = JSON.stringify({
      version: 1,
      data: {
        review: {
          'q-due': { card: card('2026-11-28T08:00:00.000Z'), updatedAt: '2026-11-28T07:00:00.000Z' },
          'q-later': { card: card('2026-11-30T08:00:00.000Z'), updatedAt: '2026-11-28T07:00:00.000Z' },
        },
      },
    });
    const glance = glanceAtProgress(raw);
    if (!glance.readable) throw new Error('unreadable');
    expect(dueCount(glance.state.review, new Date('2026-11-28T09:00:00.000Z'))).toBe(1);
  });

  it('skips malformed entries instead of trusting them', () => {
    const raw = JSON.stringify({
      version: 1,
      data: {
        lessons: { good: { completed: true, updatedAt: '2026-11-28T09:00:00.000Z' }, bad: { completed: 'yes', updatedAt: '2026-11-28T09:00:00.000Z' }, old: { completed: true, updatedAt: 'yesterday' } },
        notes: { n: { text: 42, updatedAt: '2026-11-28T09:00:00.000Z' } },
        review: { r: { card: 'soon', updatedAt: '2026-11-28T09:00:00.000Z' } },
      },
    });
    const glance = glanceAtProgress(raw);
    if (!glance.readable) throw new Error('unreadable');
    expect(Object.keys(glance.state.lessons)).toEqual(['good']);
    expect(Object.keys(glance.state.notes)).toEqual([]);
    expect(Object.keys(glance.state.review)).toEqual([]);
  });

  it('keeps a hostile id as a plain entry, never as a prototype', () => {
    const raw = '{"version":1,"data":{"lessons":{"__proto__":{"completed":true,"updatedAt":"2026-11-28T09:00:00.000Z"}}}}';
    const glance = glanceAtProgress(raw);
    if (!glance.readable) throw new Error('unreadable');
    expect(Object.getPrototypeOf(glance.state.lessons)).toBeNull();
    expect(Object.keys(glance.state.lessons)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['completed']).toBeUndefined();
  });

  it.each([
    ['truncated JSON', '{"version":1,"data":{"lessons":{"intro":{"completed":tru'],
    ['not an envelope', '{"lessons":{}}'],
    ['a list', '[1,2]'],
    ['data that is not an object', '{"version":1,"data":"x"}'],
  ])('calls %s unreadable, for the full store to recover', (_name, raw) => {
    expect(glanceAtProgress(raw)).toEqual({ readable: false });
  });
});
