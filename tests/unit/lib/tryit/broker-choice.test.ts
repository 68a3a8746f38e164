import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BROKERS, judgeBroker, outcomeFor, PREDICTIONS, rank, WORKLOADS, type Requirements } from '../../../../src/lib/tryit/broker-choice.ts';

const requirements: fc.Arbitrary<Requirements> = fc.record({
  ordering: fc.boolean(),
  replayDays: fc.constantFrom(0 as const, 7 as const, 30 as const, 365 as const),
  readers: fc.constantFrom(1 as const, 3 as const, 10 as const, 100 as const),
  hotKey: fc.boolean(),
  jobs: fc.boolean(),
  highVolume: fc.boolean(),
  serverlessOnly: fc.boolean(),
  routing: fc.boolean(),
});

const NONE: Requirements = { ordering: false, replayDays: 0, readers: 1, hotKey: false, jobs: false, highVolume: false, serverlessOnly: false, routing: false };
const fits = (r: Requirements) => rank(r).verdicts.filter((v) => v.ruledOut.length === 0).map((v) => v.id);

describe('choosing a broker Try-it', () => {
  it('picks for each workload what the lesson argues', () => {
    expect(Object.fromEntries(WORKLOADS.map((w) => [w.id, rank(w.requirements).best]))).toEqual({
      ledger: ['kafka'],
      notifications: ['sqs-standard'],
      'order-jobs': ['sqs-fifo'],
      firehose: ['kafka'],
      saas: ['eventbridge'],
    });
  });

  it('never keeps SQS standard or EventBridge rules when one key’s events must stay in order', () => {
    fc.assert(
      fc.property(requirements, (r) => {
        const ok = fits({ ...r, ordering: true });
        expect(ok).not.toContain('sqs-standard');
        expect(ok).not.toContain('eventbridge');
      }),
    );
  });

  it('never keeps an SQS queue when consumers must replay history', () => {
    fc.assert(
      fc.property(requirements, fc.constantFrom(7 as const, 30 as const, 365 as const), (r, replayDays) => {
        const ok = fits({ ...r, replayDays });
        expect(ok).not.toContain('sqs-standard');
        expect(ok).not.toContain('sqs-fifo');
      }),
    );
  });

  it('keeps only serverless AWS services when nothing may be run in-house', () => {
    fc.assert(
      fc.property(requirements, (r) => {
        for (const id of fits({ ...r, serverlessOnly: true })) expect(['sqs-standard', 'sqs-fifo', 'eventbridge', 'kinesis']).toContain(id);
      }),
    );
  });

  it('never keeps Kinesis for per-message jobs or an ordered key above its shard limit', () => {
    fc.assert(
      fc.property(requirements, (r) => {
        expect(fits({ ...r, jobs: true })).not.toContain('kinesis');
        expect(fits({ ...r, ordering: true, hotKey: true })).not.toContain('kinesis');
      }),
    );
    expect(judgeBroker('kinesis', { ...NONE, ordering: true, hotKey: true }).ruledOut.join(' ')).toContain('1,000 records');
  });

  it('adding a requirement never brings back a broker it ruled out', () => {
    fc.assert(
      fc.property(requirements, requirements, (a, b) => {
        // `more` asks for everything `a` asks for, and whatever `b` adds.
        const more: Requirements = {
          ordering: a.ordering || b.ordering,
          replayDays: Math.max(a.replayDays, b.replayDays) as Requirements['replayDays'],
          readers: Math.max(a.readers, b.readers) as Requirements['readers'],
          hotKey: a.hotKey || b.hotKey,
          jobs: a.jobs || b.jobs,
          highVolume: a.highVolume || b.highVolume,
          serverlessOnly: a.serverlessOnly || b.serverlessOnly,
          routing: a.routing || b.routing,
        };
        const before = fits(a);
        for (const id of fits(more)) expect(before).toContain(id);
      }),
    );
  });

  it('ranks every broker once, fits first, and gives each ruled-out broker a reason', () => {
    fc.assert(
      fc.property(requirements, (r) => {
        const { verdicts, best } = rank(r);
        expect(verdicts.map((v) => v.id).sort()).toEqual(BROKERS.map((b) => b.id).sort());
        const firstOut = verdicts.findIndex((v) => v.ruledOut.length > 0);
        if (firstOut >= 0) expect(verdicts.slice(firstOut).every((v) => v.ruledOut.length > 0)).toBe(true);
        if (best.length > 0) expect(best[0]).toBe(verdicts[0]?.id);
        else expect(verdicts.every((v) => v.ruledOut.length > 0)).toBe(true);
      }),
    );
  });

  it('says when nothing fits, and judges a prediction tied for the top as right', () => {
    const impossible: Requirements = { ...NONE, jobs: true, replayDays: 30, serverlessOnly: true };
    const none = rank(impossible);
    expect(none.best).toEqual([]);
    expect(none.why).toMatch(/two brokers/);
    expect(outcomeFor(none, 'kafka')).toBe('none');
    expect(PREDICTIONS.map((p) => p.id)).toContain('none');

    const ledger = rank(WORKLOADS[0]?.requirements ?? NONE);
    expect(outcomeFor(ledger, 'pulsar')).toBe('kafka');
    expect(outcomeFor({ ...ledger, best: ['kafka', 'pulsar'] }, 'pulsar')).toBe('pulsar');
    const pulsar = ledger.verdicts.find((v) => v.id === 'pulsar');
    expect(pulsar?.ruledOut).toEqual([]);
  });
});
