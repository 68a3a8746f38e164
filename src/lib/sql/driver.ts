/**
 * The SQL lab's interleaving driver: runs a learner's handler SQL against real PostgreSQL (PGlite)
 * under a delivery schedule — duplicates, a crash after any statement, a lost acknowledgement — and
 * records every statement in a trace. Deterministic: the same lab, handler and schedule give the same
 * trace and verdict (the fixture is rebuilt before each run).
 *
 * Delivery rules (what a consumer on an at-least-once broker does):
 * - the handler's statements run in order on one session; named parameters are bound as `$n`;
 * - a statement that fails ends the delivery: an open transaction is rolled back and the message is
 *   acknowledged (skipped) — the lesson's "unique violation: ROLLBACK and skip";
 * - a crash after statement k abandons the delivery: an open transaction rolls back, statements that
 *   ran outside a transaction stay done; the message was not acknowledged, so it is delivered again;
 * - a lost acknowledgement: the delivery completed, but the broker delivers it again;
 * - a duplicate: the broker holds the event twice and delivers both;
 * - a transaction the handler leaves open at its end is rolled back (the connection goes back to the pool).
 *
 * Labs whose handler is a relay (`publishes`): each event is one poll. Before an event's first
 * delivery the world commits its `before` rows (a `world` trace entry each, run once per run). Rows a
 * statement returns that carry a `seq` column are handed to the broker when the statement returns,
 * unless the schedule crashes right after it (the process died before sending); the driver binds
 * `:published`, the seqs published so far in this poll, for `WHERE seq = ANY(:published)`.
 *
 * Time limit: PGlite runs PostgreSQL on the caller's thread and has no timer signal, so
 * `SET statement_timeout` is accepted but never fires (measured: `pg_sleep(3)` under a 500 ms timeout
 * returns after 3 s). A statement that never ends is stopped by running PGlite in a worker and
 * terminating it: an engine with `restart()` is raced against the limit and restarted when it is hit.
 * An engine without `restart()` (PGlite on the same thread) cannot be interrupted at all.
 */
import { bindNamed, errorLocation, splitStatements, type Statement } from './statements.ts';

/** What the driver needs of a database: PGlite satisfies it; so can a worker-backed proxy. */
export interface SqlEngine {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[]; affectedRows?: number }>;
  exec(sql: string): Promise<unknown>;
  /** Stops whatever runs and gives a fresh, empty database (a worker terminated and started again). */
  restart?(): Promise<void>;
}

/** Something another system commits before an event is delivered: the Order service committing an outbox row. */
export interface WorldCommit {
  /** What the trace says: "The Order service commits ord_48214's OrderPlaced (seq 3)." */
  readonly note: string;
  /** The lab's own SQL, run on its own (autocommit, or its own BEGIN … COMMIT). */
  readonly sql: string;
}

/** One event (or request) a lab delivers, with the values of the handler's named parameters. */
export interface LabEvent {
  readonly id: string;
  /** What the trace and verdict call it: 'OrderPlaced ord_1 (24 points for cus_9921)'. */
  readonly label: string;
  /** The handler's named parameters for this event. */
  readonly params: Readonly<Record<string, unknown>>;
  /** Commits the world makes before the event's first delivery, once per run, each a `world` trace entry. */
  readonly before?: readonly WorldCommit[];
}

/** One entry of a schedule: an event and the fault, if any, that hits its delivery. */
export interface Delivery {
  /** The event's id. */
  readonly event: string;
  /** Crash after this many statements of the first delivery (1 = after statement 1); then redelivered. */
  readonly crashAfter?: number;
  /** The delivery completes, its acknowledgement is lost, the event is delivered again. */
  readonly lostAck?: boolean;
  /** The broker holds the event twice: it is delivered twice. */
  readonly duplicate?: boolean;
}

/** A named list of deliveries: one run of the lab. */
export interface Schedule {
  readonly name: string;
  readonly deliveries: readonly Delivery[];
}

/** Why a delivery happens: the first one, or which fault made the broker deliver again. */
export type Cause = 'first' | 'redelivery after crash' | 'redelivery after lost ack' | 'duplicate';

/** One delivery of a run, after a schedule's faults are expanded. */
export interface Attempt {
  /** 1-based delivery number in the run. */
  readonly delivery: number;
  readonly event: string;
  readonly cause: Cause;
  readonly crashAfter?: number;
}

/** An outbox row a relay handed to the broker: read from a returned row's `seq` (and `id`, `aggregateid`, `type` if present). */
export interface PublishedEvent {
  readonly seq: number;
  readonly id?: string;
  readonly aggregateid?: string;
  readonly type?: string;
}

/** One step of a run: a statement the handler ran, a crash, a rollback the driver did, or a commit of the world's. */
export interface TraceEntry {
  /** 1-based position in the trace. */
  readonly step: number;
  readonly delivery: number;
  readonly event: string;
  readonly cause: Cause;
  /**
   * A statement of the handler, the crash, the driver's rollback of an abandoned transaction, or a
   * commit another system makes before the delivery (`world`: the lab's SQL, not the learner's).
   */
  readonly kind: 'statement' | 'crash' | 'rollback' | 'world';
  /** 1-based statement number (0 for crash, rollback and world entries). */
  readonly statement: number;
  /** The learner's line: the statement's first line, or the line of the error's position (0 for world entries). */
  readonly line: number;
  readonly sql: string;
  readonly outcome: 'ok' | 'error';
  /** Rows the statement returned, or else the rows it changed. */
  readonly rows?: number;
  /** SQLSTATE, e.g. 23505 unique_violation. */
  readonly code?: string;
  /** Postgres's own message (or the driver's, for crash and rollback entries). */
  readonly message?: string;
  /** Postgres's DETAIL, e.g. the key that already exists. */
  readonly detail?: string;
  /** Postgres's HINT, or the driver's when a `:name` is not one of the lab's parameters. */
  readonly hint?: string;
  /** 1-based column of the error's position on `line`. */
  readonly column?: number;
  /** What happened in words, for world entries and publishing statements: "Published seq 4 (ord_48215 OrderPlaced) to the broker." */
  readonly note?: string;
  /** The events this statement handed to the broker (a publishing lab's statement that returned rows with `seq`). */
  readonly published?: readonly PublishedEvent[];
  /** Rows with `seq` the statement returned but never sent: the relay crashed right after it. */
  readonly unsent?: readonly PublishedEvent[];
}

/** One way the run broke the lab's invariant. */
export interface Finding {
  readonly kind: 'duplicated' | 'missing' | 'wrong balance' | 'order without event' | 'event without order' | 'duplicated event' | 'out of order' | 'phantom event';
  readonly event?: string;
  /** The trace step that broke it, if one can be named. */
  readonly step: number | null;
  readonly message: string;
}

/** An account's points: what exactly-once processing gives, and what the database holds. */
export interface Balance {
  readonly account: string;
  readonly expected: number;
  readonly actual: number | null;
}

/** The judgement of a run: good when there are no findings. */
export interface Verdict {
  readonly ok: boolean;
  readonly findings: readonly Finding[];
  /** The earliest step any finding names: where the interleaving first broke the invariant. */
  readonly firstBrokenStep: number | null;
  readonly balances?: readonly Balance[];
  readonly summary: string;
}

/** Why a run could not be judged: the SQL was stopped, or it damaged the lab's tables. */
export interface Problem {
  readonly kind: 'timeout' | 'fixture changed' | 'no statements' | 'bad parameter';
  readonly message: string;
  readonly line?: number;
}

/** Everything one run produced: the trace, and a verdict or the problem that prevented one. */
export interface RunResult {
  readonly schedule: string;
  readonly statements: readonly Statement[];
  readonly trace: readonly TraceEntry[];
  readonly verdict: Verdict | null;
  readonly problem: Problem | null;
}

/** What a lab's judge reads after a run. */
export interface JudgeContext {
  readonly db: SqlEngine;
  readonly events: readonly LabEvent[];
  readonly attempts: readonly Attempt[];
  readonly trace: readonly TraceEntry[];
}

/** How a lab speaks of its runs: a broker's deliveries, a client's requests, a relay's polls. */
export interface LabWords {
  /** One run, capitalised: "Delivery 2: …". */
  readonly run: string;
  /** Several, lower case: "Run these deliveries". */
  readonly runs: string;
  /** Why a run happened. */
  readonly cause: Readonly<Record<Cause, string>>;
  /** What a good verdict, and a broken one, say first. */
  readonly good: string;
  readonly broken: string;
  /** After "Crash after statement k: …; ": e.g. "the client gets no reply and retries the request". */
  readonly afterCrash: string;
  /** The rollback entry after a failed statement. */
  readonly afterFailure: string;
  /** What the lab's list of inputs is called ("events"), and the heading above it. */
  readonly inputs: string;
  readonly inputsHeading: string;
}

/** A SQL lab: its tables, its starting and correct handlers, its events, challenge and judge. */
export interface LabDefinition {
  readonly id: string;
  readonly title: string;
  /** What the lab runs the learner's SQL for, and what it checks, in a sentence each. */
  readonly intro: string;
  /** DDL and seed rows, run on an empty `public` schema. */
  readonly fixture: string;
  /** Tables the learner's SQL must leave in place (columns, constraints and triggers are compared). */
  readonly fixtureTables: readonly string[];
  readonly brokenHandler: string;
  readonly correctHandler: string;
  readonly events: readonly LabEvent[];
  /**
   * The handler is a relay: returned rows with a `seq` column are published when their statement
   * returns (unless it crashes right after), and `:published` binds the seqs published so far in the poll.
   */
  readonly publishes?: boolean;
  /**
   * How the trace words what follows a crash or a failed statement: a broker redelivers an event, a
   * client retries a request, a relay polls again.
   */
  readonly words: LabWords;
  /** The schedules a handler must survive to pass the lab's challenge; depends on how many statements it has. */
  challengeSchedules(statementCount: number): Schedule[];
  judge(ctx: JudgeContext): Promise<Verdict>;
}

/** Options of a run. */
export interface RunOptions {
  /** Per statement, in ms (only enforceable on an engine with `restart()`). Default 2000. */
  readonly timeLimitMs?: number;
}

/** The deliveries a schedule makes, in order. */
export function expand(schedule: Schedule): Attempt[] {
  const out: Attempt[] = [];
  const add = (event: string, cause: Cause, crashAfter?: number): void => {
    out.push({ delivery: out.length + 1, event, cause, ...(crashAfter === undefined ? {} : { crashAfter }) });
  };
  for (const d of schedule.deliveries) {
    add(d.event, 'first', d.crashAfter);
    if (d.crashAfter !== undefined) add(d.event, 'redelivery after crash');
    if (d.lostAck === true) add(d.event, 'redelivery after lost ack');
    if (d.duplicate === true) add(d.event, 'duplicate');
  }
  return out;
}

/** One schedule per statement boundary: every event delivered once, `event` crashing after statement k, k = 1…count. */
export function crashSchedules(events: readonly LabEvent[], event: string, statementCount: number): Schedule[] {
  return Array.from({ length: statementCount }, (_, i) => ({
    name: `crash after statement ${i + 1} of ${event}`,
    deliveries: events.map((e) => (e.id === event ? { event: e.id, crashAfter: i + 1 } : { event: e.id })),
  }));
}

/**
 * Rebuilds the lab's database: an open transaction rolled back, `public` emptied, the fixture loaded.
 * If that fails (the handler dropped more than `public`, e.g. a system schema) an engine that can
 * restart starts a fresh database and loads the fixture there.
 */
export async function reset(db: SqlEngine, lab: LabDefinition): Promise<void> {
  try {
    await rebuild(db, lab);
  } catch (e) {
    if (db.restart === undefined) throw e;
    await db.restart();
    await rebuild(db, lab);
  }
}

async function rebuild(db: SqlEngine, lab: LabDefinition): Promise<void> {
  await rollbackIfOpen(db);
  await db.exec(`RESET ALL; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public; SET search_path TO public;`);
  await db.exec(lab.fixture);
  // The catalog must still see the fixture, or every check after a run would fail.
  const signature = await fixtureSignature(db, lab.fixtureTables);
  const missing = lab.fixtureTables.filter((t) => !signature.includes(`table ${t}`));
  if (missing.length > 0) throw new Error(`the fixture's tables ${missing.join(', ')} are not in the catalog`);
}

/**
 * Whether a transaction is open, found without changing anything: SAVEPOINT fails outside a
 * transaction block (25P01) and in an aborted one (25P02), and succeeds in an open one.
 */
async function transactionState(db: SqlEngine): Promise<'none' | 'open' | 'aborted'> {
  try {
    await db.query('SAVEPOINT sqllab_probe');
    await db.query('RELEASE SAVEPOINT sqllab_probe');
    return 'open';
  } catch (e) {
    return (e as { code?: string }).code === '25P02' ? 'aborted' : 'none';
  }
}

async function rollbackIfOpen(db: SqlEngine): Promise<boolean> {
  if ((await transactionState(db)) === 'none') return false;
  await db.query('ROLLBACK');
  return true;
}

/** The fixture tables' shape: columns, constraints and triggers, one line each, sorted. */
export async function fixtureSignature(db: SqlEngine, tables: readonly string[]): Promise<string[]> {
  const list = tables.map((t) => `'${t.replace(/'/g, "''")}'`).join(', ');
  const { rows } = await db.query(
    `SELECT 'table ' || t.table_name AS item FROM information_schema.tables t WHERE t.table_schema = 'public' AND t.table_name IN (${list})
     UNION ALL
     SELECT 'column ' || c.table_name || '.' || c.column_name || ' ' || c.data_type || CASE WHEN c.is_nullable = 'NO' THEN ' not null' ELSE '' END
       FROM information_schema.columns c WHERE c.table_schema = 'public' AND c.table_name IN (${list})
     UNION ALL
     SELECT 'constraint ' || k.table_name || '.' || k.constraint_name || ' ' || k.constraint_type
       FROM information_schema.table_constraints k WHERE k.table_schema = 'public' AND k.table_name IN (${list}) AND k.constraint_type <> 'CHECK'
     UNION ALL
     SELECT DISTINCT 'trigger ' || g.event_object_table || '.' || g.trigger_name
       FROM information_schema.triggers g WHERE g.event_object_schema = 'public' AND g.event_object_table IN (${list})
     ORDER BY 1`,
  );
  return rows.map((r) => String(r['item']));
}

/** What changed between two signatures, in words. */
export function describeFixtureChange(before: readonly string[], after: readonly string[]): string {
  const gone = before.filter((x) => !after.includes(x));
  const added = after.filter((x) => !before.includes(x));
  const droppedTables = gone.filter((x) => x.startsWith('table ')).map((x) => x.slice(6));
  const parts: string[] = [];
  if (droppedTables.length > 0) parts.push(`dropped the lab's table${droppedTables.length > 1 ? 's' : ''} ${droppedTables.join(', ')}`);
  const other = [...gone.filter((x) => !x.startsWith('table ') && !droppedTables.some((t) => x.includes(` ${t}.`))).map((x) => `removed ${x}`), ...added.map((x) => `added ${x}`)];
  if (other.length > 0) parts.push(`altered the lab's tables (${other.join('; ')})`);
  return `Your SQL ${parts.join(' and ')}. Reset the database to get the lab's tables back.`;
}

class TimeLimit extends Error {}

async function limited<T>(db: SqlEngine, work: Promise<T>, ms: number): Promise<T> {
  if (db.restart === undefined) return work;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeLimit()), ms);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** When an error points at a `:name` the event does not bind, the parameters the lab does have. */
function unknownParameterHint(text: string, position: number | string | undefined, params: Readonly<Record<string, unknown>>): string | undefined {
  const p = Number(position);
  if (!Number.isInteger(p) || p < 1) return undefined;
  const at = Array.from(text).slice(p - 1).join('');
  const name = /^:([A-Za-z_][A-Za-z0-9_]*)/.exec(at)?.[1];
  if (name === undefined) return undefined;
  return `:${name} is not a parameter of this lab; use ${Object.keys(params).map((k) => `:${k}`).join(', ')}.`;
}

/** The parameter a publishing lab binds: the seqs the current poll has handed to the broker so far. */
export const PUBLISHED_PARAM = 'published';

/** The events among a statement's returned rows: those with a numeric `seq`. */
function publishedEvents(rows: readonly Record<string, unknown>[]): PublishedEvent[] {
  const out: PublishedEvent[] = [];
  for (const row of rows) {
    const raw = row['seq'];
    const seq = typeof raw === 'number' || typeof raw === 'bigint' || (typeof raw === 'string' && raw.trim() !== '') ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(seq)) continue;
    const text = (key: string): Record<string, string> => (row[key] === undefined || row[key] === null ? {} : { [key]: String(row[key]) });
    out.push({ seq, ...text('id'), ...text('aggregateid'), ...text('type') });
  }
  return out;
}

/** Seqs in words for trace notes and verdicts: "seq 1, 2 and 4". */
export function seqList(events: readonly { seq: number }[]): string {
  const seqs = events.map((e) => String(e.seq));
  return `seq ${seqs.length > 1 ? `${seqs.slice(0, -1).join(', ')} and ${seqs.at(-1) ?? ''}` : (seqs[0] ?? '')}`;
}

/** "seq 1 (ord_48213 OrderPlaced), seq 2 (ord_48213 OrderCancelled)", or just the seqs when the rows say no more. */
function describePublished(events: readonly PublishedEvent[]): string {
  if (events.every((e) => e.aggregateid === undefined && e.type === undefined)) return seqList(events);
  return events.map((e) => `seq ${e.seq}${e.aggregateid === undefined && e.type === undefined ? '' : ` (${[e.aggregateid, e.type].filter((x) => x !== undefined).join(' ')})`}`).join(', ');
}

/** Runs `handlerSql` under `schedule` and judges the result. Rebuilds the fixture first. */
export async function runLab(db: SqlEngine, lab: LabDefinition, handlerSql: string, schedule: Schedule, options: RunOptions = {}): Promise<RunResult> {
  const timeLimitMs = options.timeLimitMs ?? 2000;
  const statements = splitStatements(handlerSql);
  const trace: TraceEntry[] = [];
  const attempts = expand(schedule);
  const done = (verdict: Verdict | null, problem: Problem | null): RunResult => ({ schedule: schedule.name, statements, trace, verdict, problem });
  if (statements.length === 0) return done(null, { kind: 'no statements', message: 'The handler has no SQL statements to run.' });

  await reset(db, lab);
  const before = await fixtureSignature(db, lab.fixtureTables);
  const events = new Map(lab.events.map((e) => [e.id, e]));
  const relay = lab.publishes === true;
  const worldDone = new Set<string>();
  const afterCrash = lab.words.afterCrash;

  for (const attempt of attempts) {
    const event = events.get(attempt.event);
    if (event === undefined) throw new Error(`schedule ${schedule.name}: no event ${attempt.event} in lab ${lab.id}`);
    const base = { delivery: attempt.delivery, event: attempt.event, cause: attempt.cause };
    if (!worldDone.has(event.id)) {
      worldDone.add(event.id);
      for (const commit of event.before ?? []) {
        const step = trace.length + 1;
        const entry = { ...base, step, kind: 'world', statement: 0, line: 0, sql: commit.sql, note: commit.note } as const;
        try {
          await limited(db, db.exec(commit.sql), timeLimitMs);
          trace.push({ ...entry, outcome: 'ok' });
        } catch (e) {
          if (e instanceof TimeLimit) {
            const message = `Stopped: the lab's own commit was still running after ${timeLimitMs / 1000} s (did your SQL add a trigger or lock to the lab's tables?). The database was reset.`;
            trace.push({ ...entry, outcome: 'error', code: '57014', message });
            await db.restart?.();
            await reset(db, lab);
            return done(null, { kind: 'timeout', message });
          }
          const err = e as { code?: string; message?: string; detail?: string };
          trace.push({ ...entry, outcome: 'error', code: err.code ?? 'XX000', message: err.message ?? String(e), ...(err.detail === undefined ? {} : { detail: err.detail }) });
          await rollbackIfOpen(db);
        }
      }
    }
    /** The seqs this poll has handed to the broker so far: what `:published` binds. */
    const sent: number[] = [];
    let ended = false;
    for (const st of statements) {
      const params = relay ? { ...event.params, [PUBLISHED_PARAM]: [...sent] } : event.params;
      const bound = bindNamed(st.text, params);
      const step = trace.length + 1;
      const crashes = attempt.crashAfter === st.number;
      await db.query(`SELECT set_config('sqllab.event_id', $1, false), set_config('sqllab.step', $2, false)`, [event.id, String(step)]).catch(() => undefined);
      try {
        const result = await limited(db, db.query(bound.text, bound.params.length > 0 ? bound.params : undefined), timeLimitMs);
        const returned = relay ? publishedEvents(result.rows) : [];
        if (!crashes) sent.push(...returned.map((p) => p.seq));
        trace.push({
          ...base,
          step,
          kind: 'statement',
          statement: st.number,
          line: st.line,
          sql: st.text,
          outcome: 'ok',
          // Rows returned (SELECT, … RETURNING), else rows changed: PGlite reports affectedRows 0 for a SELECT.
          rows: result.rows.length > 0 ? result.rows.length : (result.affectedRows ?? 0),
          ...(returned.length === 0
            ? {}
            : crashes
              ? { unsent: returned, note: `Returned ${seqList(returned)}, but the relay crashed before handing ${returned.length === 1 ? 'it' : 'them'} to the broker: nothing published.` }
              : { published: returned, note: `Published ${describePublished(returned)} to the broker.` }),
        });
      } catch (e) {
        if (e instanceof TimeLimit) {
          const message = `Stopped: statement ${st.number} was still running after ${timeLimitMs / 1000} s (an endless loop, a recursive query without an end, or pg_sleep?). The database was reset.`;
          trace.push({ ...base, step, kind: 'statement', statement: st.number, line: st.line, sql: st.text, outcome: 'error', code: '57014', message });
          await db.restart?.();
          await reset(db, lab);
          return done(null, { kind: 'timeout', message, line: st.line });
        }
        const err = e as { code?: string; message?: string; position?: number | string; detail?: string; hint?: string };
        const where = errorLocation(handlerSql, st, err.position);
        const hint = unknownParameterHint(bound.text, err.position, params) ?? err.hint;
        trace.push({
          ...base,
          step,
          kind: 'statement',
          statement: st.number,
          line: where.line,
          column: where.column,
          sql: st.text,
          outcome: 'error',
          code: err.code ?? 'XX000',
          message: err.message ?? String(e),
          ...(err.detail === undefined ? {} : { detail: err.detail }),
          ...(hint === undefined ? {} : { hint }),
        });
        if (await rollbackIfOpen(db)) {
          trace.push({ ...base, step: trace.length + 1, kind: 'rollback', statement: 0, line: st.line, sql: 'ROLLBACK', outcome: 'ok', message: lab.words.afterFailure });
        }
        ended = true;
        break;
      }
      if (crashes) {
        const open = (await transactionState(db)) !== 'none';
        trace.push({
          ...base,
          step: trace.length + 1,
          kind: 'crash',
          statement: 0,
          line: st.line,
          sql: '',
          outcome: 'error',
          message: open
            ? `Crash after statement ${st.number}: the open transaction rolls back; ${afterCrash}.`
            : `Crash after statement ${st.number}: no transaction was open, so ${st.number === 1 ? 'statement 1 stays' : `statements 1–${st.number} stay`} done; ${afterCrash}.`,
        });
        if (open) await db.query('ROLLBACK');
        ended = true;
        break;
      }
    }
    if (!ended && (await rollbackIfOpen(db))) {
      const last = statements[statements.length - 1] as Statement;
      trace.push({ ...base, step: trace.length + 1, kind: 'rollback', statement: 0, line: last.line, sql: 'ROLLBACK', outcome: 'ok', message: 'The handler left its transaction open: it is rolled back when the connection goes back to the pool.' });
    }
  }

  // Session settings the handler changed (search_path, …) must not blind the checks that follow.
  await db.exec('RESET ALL; SET search_path TO public;');
  const after = await fixtureSignature(db, lab.fixtureTables).catch(() => null);
  if (after === null) return done(null, { kind: 'fixture changed', message: "Your SQL broke the database's own catalog, so the lab cannot check its tables. Reset the database." });
  if (after.join('\n') !== before.join('\n')) return done(null, { kind: 'fixture changed', message: describeFixtureChange(before, after) });
  const verdict = await lab.judge({ db, events: lab.events, attempts, trace });
  return done(verdict, null);
}

/** The result of grading a handler against a lab's challenge set. */
export interface Grade {
  readonly passed: boolean;
  readonly runs: readonly RunResult[];
  /** The first run that failed, if any. */
  readonly failed: RunResult | null;
}

/** The lab's challenge: the handler passes when every schedule of the challenge set ends with a good verdict. */
export async function grade(db: SqlEngine, lab: LabDefinition, handlerSql: string, options: RunOptions = {}): Promise<Grade> {
  const count = splitStatements(handlerSql).length;
  const runs: RunResult[] = [];
  for (const schedule of lab.challengeSchedules(count)) {
    const run = await runLab(db, lab, handlerSql, schedule, options);
    runs.push(run);
    if (run.verdict?.ok !== true) return { passed: false, runs, failed: run };
  }
  return { passed: count > 0, runs, failed: null };
}

/** Shorthand for `grade(...).passed`. */
export async function passes(db: SqlEngine, lab: LabDefinition, handlerSql: string, options: RunOptions = {}): Promise<boolean> {
  return (await grade(db, lab, handlerSql, options)).passed;
}

/** The last trace step of an event's deliveries. */
export function lastStepOf(trace: readonly TraceEntry[], event: string): number | null {
  const mine = trace.filter((t) => t.event === event);
  return mine.length === 0 ? null : (mine[mine.length - 1] as TraceEntry).step;
}

/** A verdict from findings: ok when there are none. */
export function verdictOf(findings: Finding[], okSummary: string, balances?: Balance[]): Verdict {
  const steps = findings.map((f) => f.step).filter((s): s is number => s !== null);
  return {
    ok: findings.length === 0,
    findings,
    firstBrokenStep: steps.length === 0 ? null : Math.min(...steps),
    ...(balances === undefined ? {} : { balances }),
    summary: findings.length === 0 ? okSummary : findings.map((f) => f.message).join(' '),
  };
}
