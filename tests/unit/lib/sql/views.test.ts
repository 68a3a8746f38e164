import { describe, expect, it } from 'vitest';
import { grade, runLab } from '../../../../src/lib/sql/driver.ts';
import { idempotencyLab, labs, outboxLab } from '../../../../src/lib/sql/labs.ts';
import { brokenSteps, challengeOutcome, errorRuns, errorsByLine, outcomeText, runSummary, sentence, statementHead, traceByDelivery } from '../../../../src/lib/sql/views.ts';
import type { TraceEntry } from '../../../../src/lib/sql/driver.ts';
import { usePglite } from '../../../helpers/pglite.ts';

const db = usePglite();

const entry = (over: Partial<TraceEntry>): TraceEntry => ({ step: 1, delivery: 1, event: 'evt-1', cause: 'first', kind: 'statement', statement: 1, line: 1, sql: 'SELECT 1', outcome: 'ok', ...over });

describe('what the workbench shows of a run', () => {
  it('groups a real run by delivery, marks the step that broke it, and lists errors by line', async () => {
    const typo = idempotencyLab.correctHandler.replace(':source, :event_id)', ':source, :evnt_id)');
    const run = await runLab(db(), idempotencyLab, typo, { name: 'twice', deliveries: [{ event: 'evt-1', duplicate: true }] });
    const groups = traceByDelivery(run.trace);
    expect(groups.map((g) => [g.delivery, g.cause])).toEqual([
      [1, 'first'],
      [2, 'duplicate'],
    ]);
    expect(groups.flatMap((g) => g.entries)).toEqual(run.trace);
    const errors = errorsByLine(run.trace);
    // The INSERT's VALUES line (5) holds the unknown parameter, in both deliveries.
    expect([...errors.keys()]).toEqual([5]);
    expect(errors.get(5)?.map((t) => t.delivery)).toEqual([1, 2]);
    expect(errors.get(5)?.[0]?.code).toBe('42601');
    expect(errorRuns(errors.get(5) ?? [], idempotencyLab.words)).toBe('deliveries 1, 2');
    expect(errorRuns(errors.get(5)?.slice(1) ?? [], idempotencyLab.words)).toBe('delivery 2');
    expect(errorRuns(errors.get(5)?.slice(1) ?? [], outboxLab.words)).toBe('request 2');
    // Nothing was awarded: the verdict names the missing effect at the step of its last delivery.
    expect(brokenSteps(run.verdict?.findings ?? [])).toEqual(new Set([run.trace.at(-1)?.step]));
    expect(runSummary(run, idempotencyLab.words)).toMatch(/^The balances are wrong\. .*never awarded/);
  });

  it('says what each step did: rows returned or changed, plain ok for transaction control, Postgres’s error', () => {
    expect(outcomeText(entry({ sql: 'BEGIN', rows: 0 }))).toBe('ok');
    expect(outcomeText(entry({ sql: '  commit', rows: 0 }))).toBe('ok');
    expect(outcomeText(entry({ sql: 'UPDATE t SET x = 1', rows: 1 }))).toBe('ok, 1 row');
    expect(outcomeText(entry({ sql: 'SELECT * FROM t', rows: 3 }))).toBe('ok, 3 rows');
    expect(outcomeText(entry({ outcome: 'error', code: '23505', message: 'duplicate key value violates unique constraint "p"' }))).toBe('ERROR 23505: duplicate key value violates unique constraint "p"');
    expect(outcomeText(entry({ kind: 'crash', outcome: 'error', message: 'Crash after statement 1' }))).toBe('Crash after statement 1');
  });

  it('shows a statement by its first line of code, cut short', () => {
    expect(statementHead('-- award points\nUPDATE loyalty_accounts\nSET points = points + 1')).toBe('UPDATE loyalty_accounts');
    expect(statementHead(`SELECT ${'x, '.repeat(40)}y`, 20)).toHaveLength(20);
    expect(statementHead(`SELECT ${'x, '.repeat(40)}y`, 20).endsWith('…')).toBe(true);
  });

  it('capitalises names that start with a word, not ids', () => {
    expect(sentence('every event once')).toBe('Every event once');
    expect(sentence('evt-1 delivered twice')).toBe('evt-1 delivered twice');
    expect(sentence('ord_48213 sent twice')).toBe('ord_48213 sent twice');
  });

  it('says what a challenge check found: every schedule passed, or the one that broke the handler and why', async () => {
    const broken = challengeOutcome(await grade(db(), idempotencyLab, idempotencyLab.brokenHandler));
    expect(broken.passed).toBe(false);
    expect(broken.message).toMatch(/^“.+” breaks it: .+ Its trace is below\.$/);
    const fixed = await grade(db(), idempotencyLab, idempotencyLab.correctHandler);
    expect(challengeOutcome(fixed)).toEqual({ passed: true, message: `every one of the ${fixed.runs.length} schedules ends with the tables right.` });
    expect(fixed.runs.length).toBeGreaterThan(3);
  });

  it('has words for every lab and every cause of a run', () => {
    for (const { words } of Object.values(labs)) {
      expect(Object.keys(words.cause).sort()).toEqual(['duplicate', 'first', 'redelivery after crash', 'redelivery after lost ack']);
      expect(words.inputsHeading.toLowerCase()).toContain(words.inputs);
    }
  });
});
