/**
 * Lesson 9's third SQL lab: the outbox relay's claim query. Each event is one poll of a polling
 * publisher; before a poll the Order service commits outbox rows (the driver's `world` entries). The
 * learner's SQL is the poll. Rows it returns with a `seq` are handed to the broker when the statement
 * returns, unless the relay crashes right after it, and `:published` holds the seqs this poll has
 * published so far, so the mark is written `UPDATE outbox SET published_at = now() WHERE seq = ANY(:published)`.
 *
 * The starting relay keeps a high-water mark in `relay_state`. It passes steady polls and crashes, and
 * loses an event to the late commit: ord_48214's transaction takes seq 3 at its insert, ord_48215's
 * takes seq 4 and commits first, the relay publishes 4 and moves its mark past 3, and then 3 commits.
 * The lesson's relay (per-row `published_at`, publish then mark, in one transaction) passes them all.
 */
import { crashSchedules, PUBLISHED_PARAM, seqList, verdictOf, type Finding, type LabDefinition, type LabEvent, type Schedule, type WorldCommit } from './driver.ts';

/** An outbox row the Order service commits during a run. `seq` is taken at insert, not at commit. */
interface OutboxRow {
  readonly seq: number;
  readonly id: string;
  readonly aggregateid: string;
  readonly type: 'OrderPlaced' | 'OrderCancelled';
  readonly payload: string;
}

const rows = {
  placed48213: { seq: 1, id: '4d47e190-0402-4048-bc2c-89dd54343cdc', aggregateid: 'ord_48213', type: 'OrderPlaced', payload: '{"orderId":"ord_48213","customerId":"cus_9921","total":2400}' },
  cancelled48213: { seq: 2, id: 'c3a5f1e8-2b7d-4f09-9e61-7d2c4b8a0f15', aggregateid: 'ord_48213', type: 'OrderCancelled', payload: '{"orderId":"ord_48213","reason":"customer request"}' },
  placed48214: { seq: 3, id: '9b1e7c52-6a3f-4d8e-8c21-5f0a7e3d2b64', aggregateid: 'ord_48214', type: 'OrderPlaced', payload: '{"orderId":"ord_48214","customerId":"cus_4410","total":990}' },
  placed48215: { seq: 4, id: '5e8b2d47-91c3-4a6f-b0d8-3f7e1a9c6b22', aggregateid: 'ord_48215', type: 'OrderPlaced', payload: '{"orderId":"ord_48215","customerId":"cus_7302","total":1250}' },
} as const satisfies Record<string, OutboxRow>;

/** "ord_48214's OrderPlaced" */
const nameOf = (row: OutboxRow): string => `${row.aggregateid}'s ${row.type}`;

const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** Which row each world commit inserts, by its note: how the judge reads a `world` trace entry. Filled by `commit()`. */
const rowByNote = new Map<string, OutboxRow>();

/** The Order service commits `row` (its order and its outbox row; the lab keeps only the outbox). */
function commit(row: OutboxRow, note = `The Order service commits ${nameOf(row)} (seq ${row.seq}).`): WorldCommit {
  rowByNote.set(note, row);
  return {
    note,
    // Qualified, so a search_path the learner's poll changed cannot send it elsewhere.
    sql: `INSERT INTO public.outbox (seq, id, aggregatetype, aggregateid, type, payload)\nVALUES (${row.seq}, ${quote(row.id)}, 'order', ${quote(row.aggregateid)}, ${quote(row.type)}, ${quote(row.payload)})`,
  };
}

const polls: LabEvent[] = [
  {
    id: 'poll-1',
    label: 'Poll after ord_48213 is placed and cancelled (seq 1, 2)',
    params: {},
    before: [commit(rows.placed48213), commit(rows.cancelled48213)],
  },
  {
    id: 'poll-2',
    label: 'Poll after ord_48214 and ord_48215 are placed, committing in seq order (seq 3, 4)',
    params: {},
    before: [commit(rows.placed48214), commit(rows.placed48215)],
  },
  {
    id: 'poll-2-gap',
    label: 'Poll after ord_48215 commits seq 4 while ord_48214, holding seq 3, has not committed',
    params: {},
    before: [commit(rows.placed48215, `The Order service commits ord_48215's OrderPlaced (seq 4). ord_48214's transaction took seq 3 at its insert and has not committed yet.`)],
  },
  {
    id: 'poll-3-late',
    label: 'Poll after ord_48214 commits at last (seq 3, below seq 4)',
    params: {},
    before: [commit(rows.placed48214, `ord_48214's transaction commits at last: its OrderPlaced (seq 3) is now visible, below seq 4.`)],
  },
  { id: 'poll-final', label: 'Poll with nothing new committed', params: {} },
];

const steadyIds = ['poll-1', 'poll-2', 'poll-final'];
const lateIds = ['poll-1', 'poll-2-gap', 'poll-3-late', 'poll-final'];

/** Steady polls, the late commit, then a crash after every statement of poll 1; each ends with a poll that commits nothing. */
function challenge(statementCount: number): Schedule[] {
  const steadyEvents = polls.filter((p) => steadyIds.includes(p.id));
  return [
    { name: 'steady polls', deliveries: steadyIds.map((event) => ({ event })) },
    { name: 'the late commit', deliveries: lateIds.map((event) => ({ event })) },
    ...crashSchedules(steadyEvents, 'poll-1', statementCount),
  ];
}

/** "seq 1 and 2 published twice" */
function duplicatesNote(counts: ReadonlyMap<number, number>): string {
  const byTimes = new Map<number, number[]>();
  for (const [seq, n] of counts) if (n > 1) byTimes.set(n, [...(byTimes.get(n) ?? []), seq]);
  if (byTimes.size === 0) return '';
  const times = (n: number): string => (n === 2 ? 'twice' : `${n} times`);
  const parts = [...byTimes].sort(([a], [b]) => a - b).map(([n, seqs]) => `${seqList(seqs.sort((a, b) => a - b).map((seq) => ({ seq })))} published ${times(n)}`);
  return ` Duplicates, allowed (at least once: consumers de-duplicate on the outbox id): ${parts.join('; ')}.`;
}

/** Lesson 9: the polling relay publishes every committed outbox row at least once, each order's events in seq order. */
export const relayLab: LabDefinition = {
  id: 'relay',
  title: 'Outbox relay: the claim query that publishes every committed event',
  intro:
    'Your SQL is the relay’s poll, run on a timer. Between polls the Order service commits outbox rows, one of them late; the lab can crash the relay after any statement. Rows your statements return are published. Then it checks that every committed row was published, in order per order.',
  fixture: `
CREATE TABLE outbox (
  id            uuid        PRIMARY KEY,
  aggregatetype text        NOT NULL,
  aggregateid   text        NOT NULL,
  type          text        NOT NULL,
  payload       jsonb       NOT NULL,
  seq           bigserial,                 -- taken at INSERT, not at COMMIT (the lab inserts explicit values)
  published_at  timestamptz,               -- NULL until the broker acks
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL;

-- What a high-water-mark relay remembers between polls.
CREATE TABLE relay_state (
  relay    text   PRIMARY KEY,
  last_seq bigint NOT NULL
);
INSERT INTO relay_state (relay, last_seq) VALUES ('order-relay', 0);
`,
  fixtureTables: ['outbox', 'relay_state'],
  publishes: true,
  words: {
    run: 'Poll',
    runs: 'polls',
    cause: { first: 'on its timer', 'redelivery after crash': 'the relay restarted after the crash and polls again', 'redelivery after lost ack': 'polled again', duplicate: 'polled again' },
    good: 'Every committed event was published, in order.',
    broken: 'The relay lost or reordered an event.',
    afterCrash: 'the relay restarts and polls again',
    afterFailure: 'The poll failed: its open transaction rolls back; the relay polls again next time.',
    inputs: 'polls',
    inputsHeading: 'The polls, and what commits before each:',
  },
  brokenHandler: `-- The relay's poll, run on a timer. Rows a statement returns with a seq are
-- published to the broker, keyed by aggregateid, when the statement returns.
-- Parameter: :${PUBLISHED_PARAM}, the seqs this poll has published so far.
-- It remembers a high-water mark: everything above the last seq it published.
SELECT seq, id, aggregatetype, aggregateid, type, payload
FROM outbox
WHERE seq > (SELECT last_seq FROM relay_state WHERE relay = 'order-relay')
ORDER BY seq;
UPDATE relay_state
SET last_seq = greatest(last_seq, (SELECT max(seq) FROM outbox WHERE seq = ANY(:${PUBLISHED_PARAM})))
WHERE relay = 'order-relay';
`,
  correctHandler: `-- The relay's poll, run on a timer. Rows a statement returns with a seq are
-- published to the broker, keyed by aggregateid, when the statement returns.
-- Parameter: :${PUBLISHED_PARAM}, the seqs this poll has published so far.
BEGIN;
SELECT seq, id, aggregatetype, aggregateid, type, payload
FROM outbox
WHERE published_at IS NULL
ORDER BY seq
LIMIT 100
FOR UPDATE SKIP LOCKED;
-- publish first, then record it, per row
UPDATE outbox SET published_at = now() WHERE seq = ANY(:${PUBLISHED_PARAM});
COMMIT;
`,
  events: polls,
  challengeSchedules: challenge,
  async judge({ db, trace }) {
    const committed = new Map<number, { row: OutboxRow; step: number; event: string }>();
    for (const t of trace) {
      const row = t.kind === 'world' && t.outcome === 'ok' && t.note !== undefined ? rowByNote.get(t.note) : undefined;
      if (row !== undefined && !committed.has(row.seq)) committed.set(row.seq, { row, step: t.step, event: t.event });
    }
    const publications = trace.flatMap((t) => (t.published ?? []).map((p) => ({ seq: p.seq, step: t.step })));
    const first = new Map<number, { index: number; step: number }>();
    const counts = new Map<number, number>();
    publications.forEach((p, index) => {
      if (!first.has(p.seq)) first.set(p.seq, { index, step: p.step });
      counts.set(p.seq, (counts.get(p.seq) ?? 0) + 1);
    });

    const findings: Finding[] = [];
    for (const [seq, at] of first) {
      if (!committed.has(seq)) findings.push({ kind: 'phantom event', step: at.step, message: `Step ${at.step} published seq ${seq}, which no committed outbox row has: consumers receive an event that never happened.` });
    }

    const missing = [...committed.values()].filter((c) => !first.has(c.row.seq));
    const state = new Map<number, boolean>();
    if (missing.length > 0) {
      const { rows: left } = await db.query('SELECT seq, published_at IS NOT NULL AS marked FROM outbox WHERE seq = ANY($1)', [missing.map((m) => m.row.seq)]);
      for (const r of left) state.set(Number(r['seq']), r['marked'] === true);
    }
    for (const { row, step: committedAt, event } of missing) {
      const what = `Seq ${row.seq}, ${nameOf(row)}, was never published`;
      const marked = state.get(row.seq);
      const after = marked === true ? ' Its published_at is set, so no poll will pick it up again.' : marked === undefined ? ' Its outbox row is gone.' : '';
      const dropped = trace.find((t) => t.step > committedAt && (t.unsent ?? []).some((u) => u.seq === row.seq));
      const passed = publications.find((p) => p.seq > row.seq);
      if (dropped !== undefined) {
        findings.push({ kind: 'missing', event, step: dropped.step, message: `${what}: step ${dropped.step} returned it, the relay crashed before sending it, and no later poll published it.${after}` });
      } else if (passed !== undefined && passed.step < committedAt) {
        findings.push({
          kind: 'missing',
          event,
          step: passed.step,
          message: `${what}: at step ${passed.step} the relay published seq ${passed.seq} while seq ${row.seq}'s transaction was still open (it committed at step ${committedAt}), and no poll went back for it. A seq is taken at insert, not at commit, so a lower seq can commit after a higher one.${after}`,
        });
      } else if (passed !== undefined) {
        findings.push({ kind: 'missing', event, step: passed.step, message: `${what}: it committed at step ${committedAt}, and the relay moved past it, publishing seq ${passed.seq} at step ${passed.step}.${after}` });
      } else {
        findings.push({ kind: 'missing', event, step: committedAt, message: `${what}: it committed at step ${committedAt} and no poll published it.${after}` });
      }
    }

    const published = [...committed.values()].filter((c) => first.has(c.row.seq)).sort((a, b) => a.row.seq - b.row.seq);
    for (const later of published) {
      const laterAt = first.get(later.row.seq) as { index: number; step: number };
      const earlier = published.find((c) => c.row.aggregateid === later.row.aggregateid && c.row.seq < later.row.seq && (first.get(c.row.seq)?.index ?? -1) > laterAt.index);
      if (earlier === undefined) continue;
      const earlierStep = (first.get(earlier.row.seq) as { step: number }).step;
      const when = earlierStep === laterAt.step ? `in the same statement (step ${laterAt.step})` : `(steps ${laterAt.step} and ${earlierStep})`;
      findings.push({
        kind: 'out of order',
        event: later.event,
        step: laterAt.step,
        message: `${nameOf(later.row)} (seq ${later.row.seq}) reached the broker before its ${earlier.row.type} (seq ${earlier.row.seq}) ${when}: consumers of ${later.row.aggregateid}'s key see them out of order.`,
      });
    }

    const verdict = verdictOf(findings, 'Every committed outbox row was published at least once, and each order’s events in seq order.');
    return { ...verdict, summary: verdict.summary + duplicatesNote(counts) };
  },
};
