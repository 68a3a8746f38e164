import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { progressDataSchema, type ProgressData } from '../../../../src/schemas/progress.ts';
import { canonicalJson } from '../../../../src/lib/progress/canonical-json.ts';
import { encode } from '../../../../src/lib/progress/codec.ts';
import { joinAttempts, mergeProgress } from '../../../../src/lib/progress/merge.ts';
import { emptyProgress } from '../../../../src/lib/progress/model.ts';
import { progressArb, progressWith } from './helpers.ts';

const same = (a: ProgressData, b: ProgressData): void => {
  expect(encode(a)).toBe(encode(b));
};

describe('merge: algebra (any order of tabs and imports gives the same result)', () => {
  it('is commutative', () => {
    fc.assert(fc.property(progressArb, progressArb, (a, b) => {
        same(mergeProgress(a, b), mergeProgress(b, a));
      }));
  });

  it('is associative', () => {
    fc.assert(
      fc.property(progressArb, progressArb, progressArb, (a, b, c) => {
        same(mergeProgress(mergeProgress(a, b), c), mergeProgress(a, mergeProgress(b, c)));
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(progressArb, (a) => {
        same(mergeProgress(a, a), a);
      }),
    );
  });

  it('always produces valid progress', () => {
    fc.assert(fc.property(progressArb, progressArb, (a, b) => {
      expect(progressDataSchema.safeParse(mergeProgress(a, b)).success).toBe(true);
    }));
  });
});

describe('merge: what wins', () => {
  it('takes the newer version of each lesson, note, review card, challenge, mock round and SQL lab handler', () => {
    fc.assert(
      fc.property(progressArb, progressArb, (a, b) => {
        fc.pre(a.generation === b.generation);
        const merged = mergeProgress(a, b);
        for (const name of ['lessons', 'notes', 'review', 'challenges', 'drills', 'sqllabs'] as const) {
          const left: Record<string, { updatedAt: string }> = a[name] ?? {};
          const right: Record<string, { updatedAt: string }> = b[name] ?? {};
          for (const id of Object.keys(left)) {
            const x = left[id];
            const y = right[id];
            if (x === undefined) continue;
            const expected = y === undefined || x.updatedAt > y.updatedAt ? x : y.updatedAt > x.updatedAt ? y : undefined;
            if (expected !== undefined) expect((merged[name] as Record<string, unknown> | undefined)?.[id]).toEqual(expected);
          }
        }
      }),
    );
  });

  it('never loses a quiz answer or a practice attempt from either side', () => {
    fc.assert(
      fc.property(progressArb, progressArb, (a, b) => {
        fc.pre(a.generation === b.generation);
        const merged = mergeProgress(a, b);
        for (const side of [a, b]) {
          for (const [id, entry] of Object.entries(side.quiz)) {
            const kept = new Set((merged.quiz[id]?.attempts ?? []).map((x) => canonicalJson(x)));
            for (const attempt of entry.attempts) expect(kept.has(canonicalJson(attempt))).toBe(true);
          }
          for (const [id, entry] of Object.entries(side.practice)) {
            const kept = merged.practice[id]?.attempts ?? [];
            for (const attempt of entry.attempts) {
              const match = kept.find((x) => x.id === attempt.id);
              expect(match).toBeDefined();
              if (match) expect(canonicalJson(joinAttempts(match, attempt))).toBe(canonicalJson(match));
            }
          }
        }
      }),
    );
  });

  it('keeps every id, including ids of content that no longer exists', () => {
    fc.assert(
      fc.property(progressArb, progressArb, (a, b) => {
        fc.pre(a.generation === b.generation);
        const merged = mergeProgress(a, b);
        for (const name of ['lessons', 'notes', 'quiz', 'practice', 'review', 'challenges', 'followups', 'drills', 'sqllabs'] as const) {
          const keys = (data: ProgressData) => Object.keys(data[name] ?? {});
          expect(keys(merged).sort()).toEqual([...new Set([...keys(a), ...keys(b)])].sort());
        }
      }),
    );
  });

  it('lets a copy wiped more recently (higher generation) win outright', () => {
    fc.assert(
      fc.property(progressArb, progressArb, (a, b) => {
        const older = { ...a, generation: 0 };
        const newer = { ...b, generation: 1 };
        expect(mergeProgress(older, newer)).toBe(newer);
        expect(mergeProgress(newer, older)).toBe(newer);
      }),
    );
  });

  it('settles two edits at the same moment the same way from both sides', () => {
    const at = '2025-01-01T00:00:00.000Z';
    const a = progressWith({ notes: { intro: { text: 'from tab A', updatedAt: at } } });
    const b = progressWith({ notes: { intro: { text: 'from tab B', updatedAt: at } } });
    expect(mergeProgress(a, b).notes['intro']?.text).toBe('from tab B');
    expect(mergeProgress(b, a).notes['intro']?.text).toBe('from tab B');
  });

  it('joins quiz answers from two tabs into one list, oldest first, without duplicates', () => {
    const answer = (at: string, correct: boolean) => ({ at, correct, chosen: ['a'], bankId: 'delivery' });
    const a = progressWith({ quiz: { 'idem-03': { attempts: [answer('2025-01-01T00:00:00.000Z', false), answer('2025-01-03T00:00:00.000Z', true)], updatedAt: '2025-01-03T00:00:00.000Z' } } });
    const b = progressWith({ quiz: { 'idem-03': { attempts: [answer('2025-01-02T00:00:00.000Z', true), answer('2025-01-03T00:00:00.000Z', true)], updatedAt: '2025-01-02T00:00:00.000Z' } } });
    expect(mergeProgress(a, b).quiz['idem-03']).toEqual({
      attempts: [answer('2025-01-01T00:00:00.000Z', false), answer('2025-01-02T00:00:00.000Z', true), answer('2025-01-03T00:00:00.000Z', true)],
      updatedAt: '2025-01-03T00:00:00.000Z',
    });
  });

  it('keeps the newer SQL lab handler, and what it keeps to bring back, from either side', () => {
    const older = { sql: 'INSERT INTO outbox VALUES ($1);', updatedAt: '2025-01-01T00:00:00.000Z' };
    const newer = { sql: 'SELECT 1;', previous: 'my first go', updatedAt: '2025-01-02T00:00:00.000Z' };
    const a = progressWith({ sqllabs: { outbox: older, relay: older } });
    const b = progressWith({ sqllabs: { outbox: newer } });
    expect(mergeProgress(a, b).sqllabs).toEqual({ outbox: newer, relay: older });
    expect(mergeProgress(b, a).sqllabs).toEqual({ outbox: newer, relay: older });
  });

  it('merging with nothing changes nothing', () => {
    fc.assert(
      fc.property(progressArb, (a) => {
        same(mergeProgress(a, emptyProgress(a.generation)), a);
      }),
    );
  });
});
