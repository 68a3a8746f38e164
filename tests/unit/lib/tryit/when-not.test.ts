import { describe, expect, it } from 'vitest';
import { recommend, USE_CASES, type Answers } from '../../../../src/lib/tryit/when-not.ts';

const NO: Answers = { needsAnswerNow: false, invariant: false, otherReaders: false, independentTeams: false, observability: false };

describe('when not to use EDA Try-it', () => {
  it('recommends for each use case as the lesson argues', () => {
    expect(Object.fromEntries(USE_CASES.map((u) => [u.id, recommend(u.answers).id]))).toEqual({
      'admin-crud': 'request',
      'authorise-card': 'request-then-event',
      'order-followups': 'events',
      'ledger-transfer': 'request-then-event',
    });
  });

  it('never recommends events for a step whose caller needs the answer or whose rule must always hold', () => {
    for (const needsAnswerNow of [true, false]) {
      for (const invariant of [true, false]) {
        for (const otherReaders of [true, false]) {
          for (const independentTeams of [true, false]) {
            const r = recommend({ ...NO, needsAnswerNow, invariant, otherReaders, independentTeams });
            if (needsAnswerNow || invariant) expect(r.id).not.toBe('events');
            if (!otherReaders || !independentTeams) expect(r.id).toBe('request');
          }
        }
      }
    }
  });

  it('gives reasons, and a caveat when events come without observability', () => {
    const ledger = recommend(USE_CASES.find((u) => u.id === 'ledger-transfer')?.answers ?? NO);
    expect(ledger.reasons[1]).toContain('one transaction');
    expect(ledger.reasons.at(-1)).toMatch(/^Caveat/);
    const oneTeam = recommend({ ...NO, otherReaders: true });
    expect(oneTeam.reasons).toEqual(['Other readers, but one team: an in-process call is cheaper, faster and visible in a stack trace.']);
  });
});
