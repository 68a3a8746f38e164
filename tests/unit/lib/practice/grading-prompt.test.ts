import { describe, expect, it } from 'vitest';
import { buildGradingPrompt } from '../../../../src/lib/practice/grading-prompt.ts';

describe('copy a grading prompt', () => {
  const text = buildGradingPrompt({
    title: 'Design a notification system',
    scenario: 'We send email and push when things happen.',
    clarified: [{ ask: 'How many users?', answer: '50 million' }],
    scratchpad: 'Use a topic keyed by userId.\n<b>not html</b>',
    diagram: 'service Orders\ntopic order-events partitions=12 key=orderId\n\nOrders -> order-events: OrderPlaced',
    estimates: [{ label: 'Partitions', typed: '12' }, { label: 'Consumer instances', typed: '' }],
    rubric: [
      { id: 'key', text: 'Partition by user', weight: 3, mustHave: true, explained: 'Says why per-user order matters and the hot-key cost' },
      { id: 'dlq', text: 'A DLQ', weight: 2 },
    ],
    redFlags: [{ id: 'f-sync', text: 'Sends email inside the request', cost: 5 }],
    selfGrade: { key: 1, dlq: 0 },
  });

  it('holds the question, what was revealed, the answer, the diagram text, the figures, the rubric and the red flags', () => {
    expect(text).toContain('# Grade this system-design interview answer: Design a notification system');
    expect(text).toContain('We send email and push when things happen.');
    expect(text).toContain('- Q: How many users?\n  A: 50 million');
    expect(text).toContain('Use a topic keyed by userId.\n<b>not html</b>');
    expect(text).toContain('```\nservice Orders\ntopic order-events partitions=12 key=orderId\n\nOrders -> order-events: OrderPlaced\n```');
    expect(text).toContain('- Partitions: 12\n- Consumer instances: (left blank)');
    expect(text).toContain('- [key] Partition by user (weight 3, must-have)\n  Explained means: Says why per-user order matters and the hot-key cost\n  Candidate’s self-grade: mentioned');
    expect(text).toContain('- [dlq] A DLQ (weight 2)\n  Candidate’s self-grade: missed');
    expect(text).toContain('- [f-sync] Sends email inside the request (costs 5 points)');
  });

  it('tells the assistant to grade each item on the three levels and say what is missing', () => {
    expect(text).toContain('0 = missed, 1 = mentioned, 2 = explained with its trade-off');
    expect(text).toContain('what is missing or wrong');
  });

  it('says so when nothing was asked or drawn', () => {
    const empty = buildGradingPrompt({ title: 't', scenario: 's', clarified: [], scratchpad: '', diagram: '', estimates: [], rubric: [], redFlags: [] });
    expect(empty).toContain('The candidate asked no clarifying questions.');
    expect(empty).toMatch(/## The candidate’s diagram[^\n]*\n\n\(nothing\)/);
  });
});
