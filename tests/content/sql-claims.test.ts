import { beforeEach, describe, expect, it } from 'vitest';
import { usePglite } from '../helpers/pglite.ts';
import { contentPages, sqlFiles, sqlSnippetProblems, sqlSnippets, type SqlSnippet } from '../helpers/sql-snippets.ts';
import { grade, PUBLISHED_PARAM } from '../../src/lib/sql/driver.ts';
import { relayLab } from '../../src/lib/sql/relay-lab.ts';

/**
 * Every SQL snippet of the lessons and practice prompts runs here against real PostgreSQL (PGlite,
 * PostgreSQL compiled to WebAssembly), and the claim the text makes about it is checked: the
 * de-duplication insert gives one effect however often a message is delivered, the outbox row and
 * the order commit together or not at all, a conditional decrement never oversells, an upsert guarded
 * by a version or revision ignores replays and older changes. The SQL is read from the file the page
 * includes (`lessons/sql/`, `practice/sql/`, rendered by SqlBlock), so it lives in one place; fixtures
 * (the tables a snippet assumes) are the test's own.
 * Claims that need two connections at once (racing consumers, relays with SKIP LOCKED) need a
 * server, not PGlite, and are not covered here.
 */

interface Sql {
  readonly snippet: SqlSnippet;
  /** The snippet's statements, comments removed, in order. */
  readonly statements: string[];
}

/** The snippet's statements: `--` comments dropped, split at semicolons (no snippet has one inside a literal). */
function statements(code: string): string[] {
  return code
    .split('\n')
    .map((line) => line.replace(/--.*$/, ''))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const pages = contentPages();
const snippets: Sql[] = sqlSnippets(pages).map((snippet) => ({ snippet, statements: statements(snippet.code) }));

/** The snippet file named `name` (`06-idempotent-consumers.dedup.sql`), which must contain `marker`. */
function sql(name: string, marker: string): Sql {
  const found = snippets.filter((s) => s.snippet.file.endsWith(`/${name}`) && s.snippet.code.includes(marker));
  if (found.length !== 1) throw new Error(`${name}: expected one SQL snippet file containing ${JSON.stringify(marker)}, found ${found.length}`);
  return found[0] as Sql;
}

/** Snippet files a claim below has run; the coverage test fails for any file no claim covers. */
const covered = new Set<string>();

const db = usePglite();
let schema = 0;

// Each claim runs in a schema of its own: snippets from different pages share table names.
beforeEach(async () => {
  schema += 1;
  await db().exec(`CREATE SCHEMA claim_${schema}; SET search_path TO claim_${schema}, public;`);
});

/** Runs a snippet's statements, binding `params` to the statements that use `$n` placeholders. */
async function run(s: Sql, params: readonly unknown[] = []): Promise<{ rows: Record<string, unknown>[]; affectedRows?: number }[]> {
  covered.add(s.snippet.file);
  const results = [];
  for (const statement of s.statements) {
    const uses = [...statement.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
    const args = uses.length === 0 ? undefined : params.slice(0, Math.max(...uses));
    results.push(await db().query<Record<string, unknown>>(statement, args as unknown[] | undefined));
  }
  return results;
}

/** Runs a transaction snippet as one delivery would: on an error it rolls back and returns the SQLSTATE. */
async function deliver(s: Sql, params: readonly unknown[] = []): Promise<string | undefined> {
  try {
    await run(s, params);
    return undefined;
  } catch (error) {
    await db().exec('ROLLBACK');
    return (error as { code?: string }).code ?? 'error';
  }
}

const one = async (query: string, params: unknown[] = []) => (await db().query<Record<string, unknown>>(query, params)).rows[0] ?? {};
/** A snippet split in two: the statements before its first BEGIN (the schema) and the rest (one transaction). */
function split(s: Sql): [Sql, Sql] {
  const at = s.statements.findIndex((st) => /^BEGIN$/i.test(st));
  return [
    { snippet: s.snippet, statements: s.statements.slice(0, at) },
    { snippet: s.snippet, statements: s.statements.slice(at) },
  ];
}

describe('idempotent consumers: the de-duplication row commits with the effect', () => {
  it('gives one effect however often the event is delivered; each redelivery stops at the unique violation', async () => {
    const block = sql('06-idempotent-consumers.dedup.sql', 'CREATE TABLE processed_messages');
    const [schemaSql, handler] = split(block);
    await db().exec(`CREATE TABLE loyalty_accounts (customer_id text PRIMARY KEY, points int NOT NULL);
                   INSERT INTO loyalty_accounts VALUES ('cus_9921', 0);`);
    await run(schemaSql);
    const outcomes = [];
    for (let delivery = 0; delivery < 4; delivery += 1) outcomes.push(await deliver(handler));
    expect(outcomes).toEqual([undefined, '23505', '23505', '23505']);
    expect(await one(`SELECT points FROM loyalty_accounts WHERE customer_id = 'cus_9921'`)).toEqual({ points: 24 });
    expect(await one('SELECT count(*)::int AS n FROM processed_messages')).toEqual({ n: 1 });
  });

  it('records the event per subscriber: another subscriber processes the same event id once too', async () => {
    const [schemaSql, handler] = split(sql('06-idempotent-consumers.dedup.sql', 'CREATE TABLE processed_messages'));
    await db().exec(`CREATE TABLE loyalty_accounts (customer_id text PRIMARY KEY, points int NOT NULL);
                   INSERT INTO loyalty_accounts VALUES ('cus_9921', 0);`);
    await run(schemaSql);
    await deliver(handler);
    const inventory = { ...handler, statements: handler.statements.map((st) => st.replace("'loyalty'", "'inventory'")) };
    expect(await deliver(inventory)).toBeUndefined();
    expect(await deliver(inventory)).toBe('23505');
    expect(await one('SELECT count(*)::int AS n FROM processed_messages')).toEqual({ n: 2 });
  });
});

describe('the transactional outbox', () => {
  const ordersTable = `CREATE TABLE orders (id text PRIMARY KEY, customer_id text NOT NULL, total int NOT NULL,
                        currency text NOT NULL, status text NOT NULL)`;

  it('writes the order and its event together, or neither', async () => {
    const [schemaSql, write] = split(sql('09-dual-writes-and-outbox.outbox.sql', 'CREATE TABLE outbox'));
    await db().exec(ordersTable);
    await run(schemaSql);
    expect(await deliver(write)).toBeUndefined();
    expect(await one('SELECT count(*)::int AS n FROM outbox')).toEqual({ n: 1 });
    // A second order whose outbox insert fails (the same event id) leaves no order behind either.
    const second = { ...write, statements: write.statements.map((st) => st.replaceAll("'ord_48213'", "'ord_48214'")) };
    expect(await deliver(second)).toBe('23505');
    expect(await one(`SELECT count(*)::int AS n FROM orders WHERE id = 'ord_48214'`)).toEqual({ n: 0 });
    expect(await one('SELECT count(*)::int AS orders, (SELECT count(*)::int FROM outbox) AS events FROM orders')).toEqual({ orders: 1, events: 1 });
  });

  it('the polling relay publishes unpublished rows in seq order, marks them, and finds nothing the next time', async () => {
    const [schemaSql] = split(sql('09-dual-writes-and-outbox.outbox.sql', 'CREATE TABLE outbox'));
    await run(schemaSql);
    for (const [n, order] of [[1, 'ord_1'], [2, 'ord_2'], [3, 'ord_1']] as const) {
      await db().query(`INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload) VALUES (gen_random_uuid(), 'order', $1, $2, '{}')`, [order, `Event${n}`]);
    }
    const relay = sql('09-dual-writes-and-outbox.relay.sql', 'FOR UPDATE SKIP LOCKED');
    const poll = async () => {
      covered.add(relay.snippet.file);
      const [begin, select, update, commit] = relay.statements;
      await db().exec(begin ?? '');
      const claimed = (await db().query<{ seq: number; type: string }>(select ?? '')).rows;
      await db().query(update ?? '', [claimed.map((r) => r.seq)]);
      await db().exec(commit ?? '');
      return claimed.map((r) => r.type);
    };
    expect(relay.statements).toHaveLength(4);
    expect(await poll()).toEqual(['Event1', 'Event2', 'Event3']);
    expect(await poll()).toEqual([]);
    expect(await one('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL')).toEqual({ n: 0 });
  });

  it('the lesson’s relay, with $1 bound to the seqs it published, passes the relay lab’s challenge (late commit and crashes included)', async () => {
    const relay = sql('09-dual-writes-and-outbox.relay.sql', 'FOR UPDATE SKIP LOCKED');
    covered.add(relay.snippet.file);
    expect(relay.snippet.code).toContain('ANY($1)');
    const asLabSql = relay.snippet.code.replace('$1', `:${PUBLISHED_PARAM}`);
    const graded = await grade(db(), relayLab, asLabSql);
    expect(graded.failed?.verdict?.findings ?? graded.failed?.problem ?? null).toBeNull();
    expect(graded.passed).toBe(true);
  });

  it('the order pipeline writes the order, its saga step and both outbox messages in one transaction', async () => {
    const [schemaSql, write] = split(sql('order-pipeline.outbox.sql', 'CREATE TABLE outbox'));
    await db().exec(`CREATE TABLE orders (id text PRIMARY KEY, customer_id text, status text, total int, currency text, idempotency_key text UNIQUE);
                   CREATE TABLE saga_instances (order_id text PRIMARY KEY, step text, state text, deadline timestamptz)`);
    await run(schemaSql);
    expect(await deliver(write)).toBeUndefined();
    expect(await one(`SELECT count(*)::int AS n, min(payload->>'orderId') AS id FROM outbox`)).toEqual({ n: 2, id: 'ord_48213' });
    // A retried checkout with the same idempotency key adds nothing: the order insert fails and takes the rest with it.
    expect(await deliver(write)).toBe('23505');
    expect(await one('SELECT count(*)::int AS n FROM outbox')).toEqual({ n: 2 });
  });
});

describe('conditional decrements never oversell', () => {
  const stock = `CREATE TABLE stock (sku text PRIMARY KEY, available int NOT NULL);
                 INSERT INTO stock VALUES ('MUG-BLUE', 3);`;

  it('eventual consistency: reserves while stock lasts, then updates no row ("sold out")', async () => {
    await db().exec(stock);
    const reserve = sql('12-eventual-consistency.reserve.sql', 'UPDATE stock');
    expect((await run(reserve))[0]?.affectedRows).toBe(1);
    expect((await run(reserve))[0]?.affectedRows).toBe(0);
    expect(await one('SELECT available FROM stock')).toEqual({ available: 1 });
  });

  it('checkout: the same guard with parameters', async () => {
    await db().exec(stock);
    const hold = sql('checkout-black-friday.hold-stock.sql', 'UPDATE stock');
    const results = [];
    for (let i = 0; i < 3; i += 1) results.push((await run(hold, ['MUG-BLUE', 2]))[0]?.affectedRows);
    expect(results).toEqual([1, 0, 0]);
    expect(await one('SELECT available FROM stock')).toEqual({ available: 1 });
  });
});

describe('upserts guarded by a version ignore replays and older changes', () => {
  it('firehose: a post applied out of order or twice keeps its newest revision', async () => {
    await db().exec(`CREATE TABLE feed_posts (uri text PRIMARY KEY, author_did text NOT NULL, rev text NOT NULL,
                   indexed_at timestamptz NOT NULL, score real, deleted boolean NOT NULL)`);
    const apply = sql('firehose-consumer.upsert.sql', 'ON CONFLICT (uri)');
    const uri = 'at://did:plc:abc/app.bsky.feed.post/3k2a';
    await run(apply, [uri, 'did:plc:abc', '3k2b', 0.5]);
    await run(apply, [uri, 'did:plc:abc', '3k2a', 0.1]); // an older revision arriving late
    await run(apply, [uri, 'did:plc:abc', '3k2b', 0.9]); // a replay of the newest
    expect(await one('SELECT rev, score FROM feed_posts')).toEqual({ rev: '3k2b', score: 0.5 });
    await run(apply, [uri, 'did:plc:abc', '3k2c', 0.7]);
    expect(await one('SELECT rev, score FROM feed_posts')).toEqual({ rev: '3k2c', score: 0.7 });
  });

  it('firehose: the keyset cursor pages through posts with equal times without skipping or repeating one', async () => {
    await db().exec(`CREATE TABLE feed_posts (uri text PRIMARY KEY, author_did text NOT NULL, rev text NOT NULL,
                   indexed_at timestamptz NOT NULL, score real, deleted boolean NOT NULL)`);
    for (let i = 0; i < 7; i += 1) {
      await db().query(`INSERT INTO feed_posts VALUES ($1, 'did:plc:abc', '1', $2, 0, $3)`, [`at://p/${i}`, `2026-12-01T10:00:0${Math.floor(i / 3)}Z`, i === 4]);
    }
    const page = sql('firehose-consumer.cursor.sql', '(indexed_at, uri) <');
    const seen: string[] = [];
    let cursor: [unknown, unknown] = ['infinity', '~'];
    for (let round = 0; round < 5; round += 1) {
      const rows = (await run(page, [...cursor, 2]))[0]?.rows ?? [];
      if (rows.length === 0) break;
      seen.push(...rows.map((r) => String(r['uri'])));
      const last = rows.at(-1) ?? {};
      cursor = [last['indexed_at'], last['uri']];
    }
    expect(seen).toEqual(['at://p/6', 'at://p/5', 'at://p/3', 'at://p/2', 'at://p/1', 'at://p/0']);
  });

  it('monolith migration: the projector applies a change once and never an older one over a newer one', async () => {
    await db().exec(`CREATE TABLE orders (order_id text PRIMARY KEY, status text NOT NULL, total int NOT NULL, version int NOT NULL, owner text NOT NULL)`);
    const project = sql('monolith-order-migration.projector.sql', 'INSERT INTO orders');
    await run(project, ['ord_7', 'placed', 2400, 1]);
    await run(project, ['ord_7', 'shipped', 2400, 3]);
    await run(project, ['ord_7', 'paid', 2400, 2]); // late
    expect(await one('SELECT status, version FROM orders')).toEqual({ status: 'shipped', version: 3 });
    await run(project, ['ord_7', 'shipped', 2300, 3]); // the same version again (snapshot and stream overlap)
    expect(await one('SELECT status, total, version FROM orders')).toEqual({ status: 'shipped', total: 2400, version: 3 });
  });
});

describe('schemas the text shows', () => {
  it('notification system: the notifications table creates', async () => {
    await run(sql('notification-system.notifications.sql', 'CREATE TABLE notifications'));
    expect(await one(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'notifications' AND table_schema = current_schema()`)).toEqual({ n: 15 });
  });
});

describe('coverage', () => {
  it('no page keeps SQL of its own: each snippet file is included by exactly one page, and every imported file exists', () => {
    expect(sqlSnippetProblems(pages, sqlFiles())).toEqual([]);
    expect(snippets.length).toBeGreaterThanOrEqual(10);
  });

  it('every SQL snippet file in the lessons and practice prompts is run by a claim above', () => {
    const missing = snippets.filter((s) => !covered.has(s.snippet.file)).map((s) => s.snippet.file);
    expect(missing, 'SQL snippet files with no executed claim: add one to tests/content/sql-claims.test.ts').toEqual([]);
  });
});
