import { describe, expect, it } from 'vitest';
import { usePglite } from '../../../helpers/pglite.ts';
import { grade, passes, runLab, type RunResult, type Schedule } from '../../../../src/lib/sql/driver.ts';
import { labs, relayLab } from '../../../../src/lib/sql/labs.ts';

/** One PGlite for the whole file (start-up is slow); every run rebuilds the lab's fixture itself. */
const db = usePglite();

const schedule = (name: string, statementCount = 4): Schedule => {
  const found = relayLab.challengeSchedules(statementCount).find((s) => s.name === name);
  if (found === undefined) throw new Error(`no schedule ${name}`);
  return found;
};
/** Every seq a run handed to the broker, in order. */
const publishedSeqs = (run: RunResult): number[] => run.trace.flatMap((t) => (t.published ?? []).map((p) => p.seq));

/** Mark first, publish after: one autocommit UPDATE … RETURNING marks the rows, then they are sent. */
const markFirst = `UPDATE outbox SET published_at = now() WHERE published_at IS NULL
RETURNING seq, id, aggregatetype, aggregateid, type, payload;`;
/** Per row, but newest first: an order's OrderCancelled overtakes its OrderPlaced. */
const newestFirst = relayLab.correctHandler.replace('ORDER BY seq', 'ORDER BY seq DESC');
/** The lesson's other per-row form: delete what was published. */
const deletePublished = `BEGIN;
SELECT seq, id, aggregatetype, aggregateid, type, payload FROM outbox ORDER BY seq LIMIT 100 FOR UPDATE SKIP LOCKED;
DELETE FROM outbox WHERE seq = ANY(:published);
COMMIT;`;
/** Publish then mark, without a transaction: a crash in between republishes, which is allowed. */
const publishThenMarkAutocommit = `SELECT seq, id, aggregatetype, aggregateid, type, payload FROM outbox WHERE published_at IS NULL ORDER BY seq;
UPDATE outbox SET published_at = now() WHERE seq = ANY(:published);`;

describe('relay lab: shape', () => {
  it('is in the labs map, publishes, and its challenge is steady polls, the late commit, then a crash after every statement of poll 1', () => {
    expect(labs.relay).toBe(relayLab);
    expect(relayLab.publishes).toBe(true);
    expect(relayLab.fixtureTables).toEqual(['outbox', 'relay_state']);
    const names = relayLab.challengeSchedules(4).map((s) => s.name);
    expect(names).toEqual(['steady polls', 'the late commit', ...[1, 2, 3, 4].map((k) => `crash after statement ${k} of poll-1`)]);
  });

  it('every challenge schedule ends with a poll that commits nothing, so a correct relay can catch up', () => {
    for (const s of relayLab.challengeSchedules(4)) {
      const last = s.deliveries.at(-1);
      expect(last?.event).toBe('poll-final');
      expect(last?.crashAfter).toBeUndefined();
      expect(relayLab.events.find((e) => e.id === last?.event)?.before ?? []).toEqual([]);
    }
  });

  it('the late commit inserts seq 3 after seq 4 has committed and been polled', () => {
    const late = schedule('the late commit').deliveries.map((d) => relayLab.events.find((e) => e.id === d.event));
    const commits = late.flatMap((e) => (e?.before ?? []).map((c) => /VALUES \((\d+),/.exec(c.sql)?.[1]));
    expect(commits).toEqual(['1', '2', '4', '3']);
  });
});

describe('relay lab against PostgreSQL', () => {
  it('the high-water-mark relay loses the late commit and names the step that moved past it', async () => {
    const run = await runLab(db(), relayLab, relayLab.brokenHandler, schedule('the late commit'));
    expect(run.problem).toBeNull();
    expect(publishedSeqs(run)).toEqual([1, 2, 4]);
    const v = run.verdict;
    expect(v?.ok).toBe(false);
    const seq4 = run.trace.find((t) => t.published?.some((p) => p.seq === 4));
    const seq3Commit = run.trace.find((t) => t.kind === 'world' && t.note?.includes('(seq 3)'));
    expect(seq4?.event).toBe('poll-2-gap');
    expect(seq3Commit?.event).toBe('poll-3-late');
    expect(seq4 !== undefined && seq3Commit !== undefined && seq4.step < seq3Commit.step).toBe(true);
    expect(v?.findings).toEqual([expect.objectContaining({ kind: 'missing', event: 'poll-3-late', step: seq4?.step })]);
    expect(v?.findings[0]?.message).toContain("Seq 3, ord_48214's OrderPlaced, was never published");
    expect(v?.findings[0]?.message).toContain(`at step ${seq4?.step} the relay published seq 4`);
    expect(v?.findings[0]?.message).toContain('a lower seq can commit after a higher one');
    // It says what went wrong, not the fix the challenge's hint holds back.
    expect(v?.findings[0]?.message).not.toMatch(/per row|published_at|high-water/i);
    expect(v?.firstBrokenStep).toBe(seq4?.step);
    // Steady polls hide the bug: the starting relay passes them and fails only the late commit.
    const g = await grade(db(), relayLab, relayLab.brokenHandler);
    expect(g.passed).toBe(false);
    expect(g.runs.map((r) => [r.schedule, r.verdict?.ok])).toEqual([
      ['steady polls', true],
      ['the late commit', false],
    ]);
  }, 60_000);

  it('the lesson’s relay passes every challenge schedule', async () => {
    const g = await grade(db(), relayLab, relayLab.correctHandler);
    expect(g.runs.map((r) => [r.schedule, r.verdict?.ok])).toEqual(relayLab.challengeSchedules(4).map((s) => [s.name, true]));
    expect(g.passed).toBe(true);
    expect(await passes(db(), relayLab, relayLab.correctHandler)).toBe(true);
  }, 60_000);

  it('the trace says what was committed and what was published, in plain words', async () => {
    const run = await runLab(db(), relayLab, relayLab.correctHandler, schedule('steady polls'));
    const world = run.trace.filter((t) => t.kind === 'world');
    expect(world.map((t) => [t.event, t.statement, t.line, t.outcome, t.note])).toEqual([
      ['poll-1', 0, 0, 'ok', "The Order service commits ord_48213's OrderPlaced (seq 1)."],
      ['poll-1', 0, 0, 'ok', "The Order service commits ord_48213's OrderCancelled (seq 2)."],
      ['poll-2', 0, 0, 'ok', "The Order service commits ord_48214's OrderPlaced (seq 3)."],
      ['poll-2', 0, 0, 'ok', "The Order service commits ord_48215's OrderPlaced (seq 4)."],
    ]);
    const select = run.trace.find((t) => t.published !== undefined);
    expect(select).toMatchObject({ event: 'poll-1', statement: 2, rows: 2, note: 'Published seq 1 (ord_48213 OrderPlaced), seq 2 (ord_48213 OrderCancelled) to the broker.' });
    expect(select?.published).toEqual([
      { seq: 1, id: '4d47e190-0402-4048-bc2c-89dd54343cdc', aggregateid: 'ord_48213', type: 'OrderPlaced' },
      { seq: 2, id: 'c3a5f1e8-2b7d-4f09-9e61-7d2c4b8a0f15', aggregateid: 'ord_48213', type: 'OrderCancelled' },
    ]);
    expect(publishedSeqs(run)).toEqual([1, 2, 3, 4]);
    expect(run.verdict?.summary).toBe('Every committed outbox row was published at least once, and each order’s events in seq order.');
  });

  it(':published holds the seqs this poll has published so far, and starts empty in every poll', async () => {
    const probe = `UPDATE outbox SET published_at = now() WHERE seq = ANY(:published);
SELECT seq, aggregateid, type FROM outbox WHERE published_at IS NULL ORDER BY seq;
UPDATE outbox SET published_at = now() WHERE seq = ANY(:published);`;
    const run = await runLab(db(), relayLab, probe, schedule('steady polls', 3));
    const rowsOf = (statement: number): (number | undefined)[] => run.trace.filter((t) => t.kind === 'statement' && t.statement === statement).map((t) => t.rows);
    expect(rowsOf(1)).toEqual([0, 0, 0]);
    expect(rowsOf(3)).toEqual([2, 2, 0]);
    expect(run.verdict?.ok).toBe(true);
  });

  it('a crash after the claim SELECT publishes nothing; the next poll publishes', async () => {
    const run = await runLab(db(), relayLab, relayLab.correctHandler, schedule('crash after statement 2 of poll-1'));
    const claim = run.trace.find((t) => t.delivery === 1 && t.statement === 2);
    expect(claim?.published).toBeUndefined();
    expect(claim?.unsent?.map((p) => p.seq)).toEqual([1, 2]);
    expect(claim?.note).toContain('crashed before handing them to the broker: nothing published');
    expect(run.trace.find((t) => t.kind === 'crash')?.message).toContain('the open transaction rolls back; the relay restarts and polls again');
    expect(publishedSeqs(run)).toEqual([1, 2, 3, 4]);
    expect(run.verdict?.ok).toBe(true);
    expect(run.verdict?.summary).not.toContain('Duplicates');
  });

  it('a crash after the mark, inside the transaction: published, rolled back, republished — a duplicate, which passes', async () => {
    const run = await runLab(db(), relayLab, relayLab.correctHandler, schedule('crash after statement 3 of poll-1'));
    expect(publishedSeqs(run)).toEqual([1, 2, 1, 2, 3, 4]);
    // The world commits once per run: the re-poll after the crash does not insert poll 1's rows again.
    expect(run.trace.filter((t) => t.kind === 'world').map((t) => t.delivery)).toEqual([1, 1, 3, 3]);
    expect(run.verdict?.ok).toBe(true);
    expect(run.verdict?.findings).toEqual([]);
    expect(run.verdict?.summary).toContain('seq 1 and 2 published twice');
    expect(run.verdict?.summary).toContain('consumers de-duplicate on the outbox id');
  });

  it('mark first, publish after (UPDATE … RETURNING in autocommit) loses the events when the relay crashes in between', async () => {
    const g = await grade(db(), relayLab, markFirst);
    expect(g.passed).toBe(false);
    expect(g.failed?.schedule).toBe('crash after statement 1 of poll-1');
    const run = g.failed as RunResult;
    const update = run.trace.find((t) => t.delivery === 1 && t.statement === 1);
    expect(run.verdict?.findings.map((f) => [f.kind, f.event, f.step])).toEqual([
      ['missing', 'poll-1', update?.step],
      ['missing', 'poll-1', update?.step],
    ]);
    expect(run.verdict?.findings[0]?.message).toContain('Its published_at is set, so no poll will pick it up again');
    expect(publishedSeqs(run)).toEqual([3, 4]);
  }, 60_000);

  it('publishing newest first puts an order’s OrderCancelled before its OrderPlaced', async () => {
    const run = await runLab(db(), relayLab, newestFirst, schedule('steady polls'));
    expect(run.verdict?.findings.map((f) => [f.kind, f.event])).toEqual([['out of order', 'poll-1']]);
    expect(run.verdict?.findings[0]?.message).toBe(
      "ord_48213's OrderCancelled (seq 2) reached the broker before its OrderPlaced (seq 1) in the same statement (step 4): consumers of ord_48213's key see them out of order.",
    );
  });

  it('other per-row relays pass: deleting published rows, or publish-then-mark without a transaction', async () => {
    expect(await passes(db(), relayLab, deletePublished)).toBe(true);
    expect(await passes(db(), relayLab, publishThenMarkAutocommit)).toBe(true);
  }, 60_000);

  it('a published seq that no committed row has is a phantom event', async () => {
    const run = await runLab(db(), relayLab, 'SELECT 9 AS seq;', schedule('steady polls', 1));
    expect(run.verdict?.findings.map((f) => f.kind)).toEqual(['phantom event', 'missing', 'missing', 'missing', 'missing']);
    expect(run.verdict?.findings[0]?.message).toContain('seq 9, which no committed outbox row has');
  });

  it('an unknown :name lists :published among the lab’s parameters', async () => {
    const run = await runLab(db(), relayLab, 'UPDATE outbox SET published_at = now() WHERE seq = ANY(:sent);', schedule('steady polls', 1));
    expect(run.trace.find((t) => t.kind === 'statement')).toMatchObject({ outcome: 'error', hint: ':sent is not a parameter of this lab; use :published.' });
  });

  it('a poll that changes search_path does not stop the Order service committing', async () => {
    const run = await runLab(db(), relayLab, `SET search_path TO pg_catalog;\n${publishThenMarkAutocommit.replaceAll('outbox', 'public.outbox')}`, schedule('steady polls', 3));
    expect(run.trace.filter((t) => t.kind === 'world').every((t) => t.outcome === 'ok')).toBe(true);
    expect(run.verdict?.ok).toBe(true);
  });
});
