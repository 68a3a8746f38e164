import { describe, expect, it } from 'vitest';
import { runFirehose, SCENARIO } from '../../../../src/lib/tryit/firehose.ts';

const fatesOf = (run: ReturnType<typeof runFirehose>, fate: string) => run.fates.filter((f) => f.fate === fate).map((f) => f.seq);

describe('firehose cursor Try-it', () => {
  it('saves the cursor only every few events, so it lags what was applied', () => {
    expect(runFirehose('cursor').savedCursor).toBe(110);
    expect(SCENARIO.appliedBeforeDrop).toBe(113);
  });

  it('no cursor: the live tail misses what was published while away', () => {
    const run = runFirehose('live');
    expect(run.resumeAfter).toBeNull();
    expect(fatesOf(run, 'missed')).toEqual([114, 115, 116, 117, 118, 119]);
    expect(run.outcome).toBe('gap');
  });

  it('the saved cursor: no gap, but the events after it are applied twice', () => {
    const run = runFirehose('cursor');
    expect(fatesOf(run, 'missed')).toEqual([]);
    expect(fatesOf(run, 'twice')).toEqual([111, 112, 113]);
    expect(run.outcome).toBe('twice');
  });

  it('rewind and de-duplicate: every event applied exactly once', () => {
    const run = runFirehose('rewind-dedupe');
    expect(run.resumeAfter).toBe(105);
    expect(run).toMatchObject({ missed: 0, twice: 0, outcome: 'once' });
    expect(fatesOf(run, 'skipped-duplicate')).toEqual([106, 107, 108, 109, 110, 111, 112, 113]);
    expect(run.fates).toHaveLength(SCENARIO.last - SCENARIO.first + 1);
  });
});
