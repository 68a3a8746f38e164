import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addGrade,
  adoptLegacyScratchpad,
  advancePhase,
  appendConflict,
  askQuestion,
  attemptDiagram,
  attemptStage,
  isModelAnswerOpen,
  OTHER_TAB_MARK,
  scratchpadView,
  setDiagram,
  setEstimates,
  stampAfter,
  startAttempt,
  submitAttempt,
  takeHint,
  writeScratchpad,
} from '../../../../src/lib/practice/attempt.ts';
import { joinAttempts } from '../../../../src/lib/progress/merge.ts';
import { practiceAttemptSchema, type PracticeAttempt } from '../../../../src/schemas/progress.ts';

const T0 = Date.UTC(2026, 11, 7, 10, 0, 0);
const min = 60_000;
const grade = (at: number, score: number, regrade = false) => ({ at: new Date(at).toISOString(), levels: { outbox: 2 as const }, flags: [], score, regrade });

describe('attempt: phases and stages', () => {
  it('moves clarify → high-level → deep-dive → wrap-up → submitted → graded → regraded, recording time per phase', () => {
    let a = startAttempt(T0);
    expect(attemptStage(a)).toBe('clarify');
    a = advancePhase(a, T0 + 4 * min);
    expect(attemptStage(a)).toBe('high-level');
    a = advancePhase(a, T0 + 14 * min);
    a = advancePhase(a, T0 + 30 * min);
    expect(attemptStage(a)).toBe('wrap-up');
    expect(advancePhase(a, T0 + 31 * min)).toBe(a);
    a = submitAttempt(a, T0 + 40 * min);
    expect(attemptStage(a)).toBe('submitted');
    expect(a.clock?.spentMs).toEqual({ clarify: 4 * min, 'high-level': 10 * min, 'deep-dive': 16 * min, 'wrap-up': 10 * min });
    expect(a.elapsedMs).toBe(40 * min);
    expect(isModelAnswerOpen(a)).toBe(false);
    a = addGrade(a, grade(T0 + 41 * min, 55));
    expect([attemptStage(a), a.score, isModelAnswerOpen(a)]).toEqual(['graded', 55, true]);
    a = addGrade(a, grade(T0 + 45 * min, 62, true));
    expect([attemptStage(a), a.score, a.grades?.length]).toEqual(['regraded', 62, 2]);
    expect(practiceAttemptSchema.safeParse(a).success).toBe(true);
  });

  it('cannot be graded before it is submitted, nor changed after', () => {
    const a = startAttempt(T0);
    expect(addGrade(a, grade(T0, 50))).toBe(a);
    const done = submitAttempt(a, T0 + min);
    expect(askQuestion(done, 'q-a')).toBe(done);
    expect(takeHint(done, 'h-a')).toBe(done);
    expect(advancePhase(done, T0 + 2 * min)).toBe(done);
    expect(submitAttempt(done, T0 + 3 * min)).toBe(done);
  });

  it('records questions asked and hints taken once each; hintsUsed counts them', () => {
    let a = askQuestion(askQuestion(startAttempt(T0), 'q-b'), 'q-a');
    expect(askQuestion(a, 'q-a')).toBe(a);
    a = takeHint(takeHint(a, 'h-scale-1'), 'h-scale-1');
    expect([a.asked, a.hints, a.hintsUsed]).toEqual([['q-a', 'q-b'], ['h-scale-1'], 1]);
  });

  it('keeps the worksheet as typed and the diagram, stamping each change after the last', () => {
    let a = setEstimates(startAttempt(T0), { partitions: '12', consumers: 'lots' }, T0);
    expect(a.estimates?.values).toEqual({ partitions: '12', consumers: 'lots' });
    const again = setEstimates(a, { partitions: '12', consumers: 'lots' }, T0 + 5);
    expect(again).toBe(a);
    a = setEstimates(a, { partitions: '24' }, T0 - 10_000);
    expect(a.estimates?.at).toBe(new Date(T0 + 1).toISOString());
    const diagram = { nodes: [{ id: 'n1', kind: 'service' as const, label: 'Orders', x: 0, y: 0 }], edges: [] };
    a = setDiagram(a, diagram, T0 + 1000);
    expect(a.diagram?.value).toEqual(diagram);
    expect(setDiagram(a, diagram, T0 + 2000)).toBe(a);
    expect(attemptDiagram(a)).toEqual(diagram);
  });

  it('reads a stored diagram that is not sound as an empty whiteboard', () => {
    const at = new Date(T0).toISOString();
    const broken = { ...startAttempt(T0), diagram: { at, value: { nodes: [], edges: [{ id: 'e1', from: 'n1', to: 'n2', kind: 'event' as const, label: '' }] } } };
    expect(attemptDiagram(broken)).toEqual({ nodes: [], edges: [] });
  });

  it('stamps are always after the previous one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2e12 }), fc.integer({ min: 0, max: 2e12 }), (now, prev) => {
        const previous = new Date(prev).toISOString();
        expect(stampAfter(now, previous) > previous).toBe(true);
      }),
    );
  });
});

describe('attempt: the scratchpad across tabs', () => {
  const base = startAttempt(T0);

  it('one tab typing has no conflicts; another tab continuing its text has none either', () => {
    let a = writeScratchpad(base, 'tab-a', 'first', T0 + 1);
    a = writeScratchpad(a, 'tab-a', 'first draft', T0 + 2);
    expect(scratchpadView(a, 'tab-a')).toEqual({ text: 'first draft', conflicts: [] });
    a = writeScratchpad(a, 'tab-b', 'first draft, more', T0 + 3);
    expect(scratchpadView(a, 'tab-a')).toEqual({ text: 'first draft, more', conflicts: [] });
    expect(scratchpadView(a)).toEqual({ text: 'first draft, more', conflicts: [] });
  });

  it('two tabs typing at once keep both texts, each tab editing its own with the other shown', () => {
    const start = writeScratchpad(base, 'tab-a', 'shared', T0 + 1);
    const inA = writeScratchpad(start, 'tab-a', 'shared + A', T0 + 2);
    const inB = writeScratchpad(start, 'tab-b', 'shared + B', T0 + 3);
    const merged = joinAttempts(inA, inB);
    expect(scratchpadView(merged, 'tab-a')).toMatchObject({ text: 'shared + A', conflicts: [{ tab: 'tab-b', text: 'shared + B' }] });
    expect(scratchpadView(merged, 'tab-b')).toMatchObject({ text: 'shared + B', conflicts: [{ tab: 'tab-a', text: 'shared + A' }] });
    // A keeps typing: still both texts.
    const more = joinAttempts(writeScratchpad(merged, 'tab-a', 'shared + A, more', T0 + 4), inB);
    expect(scratchpadView(more, 'tab-b').conflicts.map((c) => c.text)).toEqual(['shared + A, more']);
    // A settles by appending B's text under a marked line: one text, no conflict anywhere.
    const conflict = scratchpadView(more, 'tab-a').conflicts[0];
    expect(conflict).toBeDefined();
    if (!conflict) return;
    const text = appendConflict('shared + A, more', conflict);
    expect(text).toBe(`shared + A, more\n\n${OTHER_TAB_MARK}\nshared + B`);
    const settled = writeScratchpad(more, 'tab-a', text, T0 + 5, true);
    expect(scratchpadView(settled, 'tab-a')).toEqual({ text, conflicts: [] });
    expect(scratchpadView(settled, 'tab-b')).toEqual({ text, conflicts: [] });
  });

  it('never loses a tab’s latest text, whatever order saves from two tabs arrive in', () => {
    const step = fc.record({ tab: fc.constantFrom('tab-a', 'tab-b'), text: fc.string({ minLength: 1, maxLength: 6 }).filter((t) => t.trim() !== ''), sync: fc.boolean() });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const tabs: Record<string, PracticeAttempt> = { 'tab-a': base, 'tab-b': base };
        let stored = base;
        const latest: Record<string, string> = {};
        steps.forEach(({ tab, text, sync }, i) => {
          const own = tabs[tab] ?? base;
          const next = writeScratchpad(own, tab, text, T0 + i + 1);
          stored = joinAttempts(stored, next);
          tabs[tab] = sync ? stored : next;
          latest[tab] = text;
        });
        const view = scratchpadView(stored, 'tab-a');
        const shown = [view.text, ...view.conflicts.map((c) => c.text)];
        for (const text of Object.values(latest)) expect(shown).toContain(text);
      }),
    );
  });

  it('takes in the first version’s scratchpad once', () => {
    const a = adoptLegacyScratchpad(base, 'old text', T0);
    expect(scratchpadView(a).text).toBe('old text');
    expect(adoptLegacyScratchpad(a, 'again', T0)).toBe(a);
    expect(adoptLegacyScratchpad(base, '', T0)).toBe(base);
  });
});
