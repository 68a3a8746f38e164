import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { codeBlocks } from '../helpers/code-blocks.ts';
import { root } from '../helpers/content-files.ts';
import { sqlSnippets } from '../helpers/sql-snippets.ts';

/**
 * Pins the corrections of the technical-accuracy review of 2026-12-07: each corrected claim is
 * present where the course teaches the topic, and the sentence it replaced does not come back in
 * any lesson, quiz or glossary entry. Text is compared with line breaks folded into spaces.
 */
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const flat = (text: string) => text.replace(/\s+/g, ' ');
const filesIn = (dir: string, ext: string) =>
  readdirSync(join(root, dir))
    .filter((name) => name.endsWith(ext))
    .sort()
    .map((name) => `${dir}/${name}`);

const lessonFiles = filesIn('lessons', '.mdx');
/** A lesson's file by its id (`lessonFile('brokers')` is `lessons/03-brokers.mdx`). */
function lessonFile(id: string): string {
  const file = lessonFiles.find((f) => new RegExp(`^id: ${id}$`, 'm').test(read(f)));
  if (!file) throw new Error(`no lesson with id ${id}`);
  return file;
}
/** A lesson's text by its id, flattened. */
const lesson = (id: string): string => flat(withSnippets(lessonFile(id)));
const snippets = sqlSnippets();
/** The SQL snippet files a page includes (lessons/sql/), joined: they are part of what the page says. */
const includedSql = (file: string) => snippets.filter((s) => s.includedBy.includes(file)).map((s) => s.code).join('\n');
/** A file's text and, for a lesson, the text of the SQL snippets it includes. */
const withSnippets = (file: string) => `${read(file)}\n${includedSql(file)}`;
/** Every lesson (with its SQL snippets), quiz bank and the glossary, each as `[file, flattened text]`. */
const everything: [string, string][] = [...lessonFiles, ...filesIn('quizzes', '.yaml'), 'src/data/glossary.yaml'].map((file) => [file, flat(withSnippets(file))]);
/** The files whose text matches `pattern`. */
const filesMatching = (pattern: RegExp) => everything.filter(([, text]) => pattern.test(text)).map(([file]) => file);

/** One quiz question, found by id in any bank, as flattened YAML text. */
function question(id: string): string {
  for (const file of filesIn('quizzes', '.yaml')) {
    const bank = parse(read(file)) as { questions: { id: string }[] };
    const found = bank.questions.find((q) => q.id === id);
    if (found) return flat(JSON.stringify(found));
  }
  throw new Error(`no question ${id}`);
}

/** Fails, listing what is missing, unless `text` contains every needle (a string or a pattern). */
function expectIn(where: string, text: string, ...needles: (string | RegExp)[]): void {
  const missing = needles.filter((n) => (typeof n === 'string' ? !text.includes(n) : !n.test(text))).map(String);
  expect(missing, `${where} should contain`).toEqual([]);
}

/** Fails, listing what is found, if `text` contains any of the needles. */
function expectNotIn(where: string, text: string, ...needles: (string | RegExp)[]): void {
  const found = needles.filter((n) => (typeof n === 'string' ? text.includes(n) : n.test(text))).map(String);
  expect(found, `${where} should no longer contain`).toEqual([]);
}

describe('accuracy review, high: auto.offset.reset where lag and backfill are taught (row 1)', () => {
  it.each(['eda-in-one-page', 'brokers-topics-queues', 'eventual-consistency', 'observability', 'case-studies'])('%s names auto.offset.reset and its default, latest', (id) => {
    expectIn(id, lesson(id), 'auto.offset.reset');
    expectIn(id, lesson(id), /`latest`|auto\.offset\.reset=latest/);
  });

  it('lessons 1 and 3 teach the offsets expiry, earliest for backfill and none to fail loudly', () => {
    for (const id of ['eda-in-one-page', 'brokers-topics-queues']) {
      expectIn(id, lesson(id), 'offsets.retention.minutes');
      expectIn(id, lesson(id), '`earliest`');
      expectIn(id, lesson(id), '`none`');
    }
  });

  it('obs-06 explains the cliff with auto.offset.reset', () => {
    expectIn('question obs-06', question('obs-06'), 'auto.offset.reset');
  });

  it('no lesson, quiz or glossary entry says lag past retention only loses the expired events, or that a new group starts at the oldest record', () => {
    expect(filesMatching(/lag outgrows retention (starts )?los(es|ing) events/)).toEqual([]);
    expect(filesMatching(/hours from losing events it never read/)).toEqual([]);
    expect(filesMatching(/new consumer starts from the oldest retained record/)).toEqual([]);
    expect(filesMatching(/can even start from the oldest retained event (to|without)/)).toEqual([]);
  });
});

describe('accuracy review, medium', () => {
  it('states Jetstream cursors per version (row 2)', () => {
    expect(filesMatching(/unix timestamps in microseconds, so one cursor gives roughly the same position/)).toEqual([]);
    expect(filesMatching(/Jetstream's time cursors do travel/)).toEqual([]);
    expect(filesMatching(/Its cursors are timestamps in microseconds, so they work across instances/)).toEqual([]);
    for (const id of ['eda-in-one-page', 'case-studies']) expectIn(id, lesson(id), /original Jetstream[\s\S]*(instance-local|sequence numbers of its own)/);
  });

  it('says incremental rebalancing predates KIP-848, which clients opt into, and teaches static membership (row 3)', () => {
    const brokers = lesson('brokers-topics-queues');
    expectIn('brokers-topics-queues', brokers, 'CooperativeStickyAssignor');
    expectIn('brokers-topics-queues', brokers, 'KIP-429');
    expectIn('brokers-topics-queues', brokers, 'group.protocol=consumer');
    expectIn('brokers-topics-queues', brokers, 'group.instance.id');
    expectNotIn('brokers-topics-queues', brokers, 'it moves only the partitions that must move instead of pausing the whole group');
    expectIn('ordering-and-partitions', lesson('ordering-and-partitions'), 'group.protocol=consumer');
  });

  it('never lists the retried HTTP statuses without 500 (row 4)', () => {
    const lists = everything.flatMap(([file, text]) =>
      [...text.matchAll(/[^.]*\b429\b[^.]*\b50[234]\b[^.]*\./g)].filter((m) => !/\b500\b/.test(m[0])).map((m) => `${file}: ${m[0].trim()}`),
    );
    expect(lists).toEqual([]);
    expectIn('retries-and-dead-letters', lesson('retries-and-dead-letters'), /`408`, `429` \(honouring `Retry-After`\), `500`, `502`, `503` and `504`/);
    expectIn('retries-and-dead-letters', lesson('retries-and-dead-letters'), 'idempotency key');
  });

  it('the when-not-to-use lesson has no SKIP LOCKED relay claiming per-order ordering, and says why one relay (row 5)', () => {
    const file = lessonFile('when-not-to-use-eda');
    const code = [...codeBlocks(file, read(file)).map((b) => b.code), includedSql(file)].join('\n');
    expectNotIn(`${file}, its code blocks and SQL snippets`, code, /SKIP LOCKED/i);
    expectIn('when-not-to-use-eda', lesson('when-not-to-use-eda'), /single relay runs at a time \(leader-elected\)/);
  });

  it('lesson 6 puts the early-arrival caveat of version = N-1 next to last-write-wins (row 6)', () => {
    const idempotent = lesson('idempotent-consumers');
    expectIn('idempotent-consumers', idempotent, /version < 7/);
    expectIn('idempotent-consumers', idempotent, /rejects \*early\* arrivals as well as late ones/);
    expectNotIn('idempotent-consumers', idempotent, 'The same check rejects events that arrive late and out of order, which a processed table alone does not');
  });
});

describe('accuracy review, low', () => {
  it('dates share groups: production-ready from 4.2 (row 7)', () => {
    expect(filesMatching(/maturing (them|it) toward production/)).toEqual([]);
    expect(filesMatching(/have been maturing it/)).toEqual([]);
    expectIn('eda-in-one-page', lesson('eda-in-one-page'), 'production-ready from Kafka 4.2');
  });

  it('does not claim push always floods a slow consumer (row 8)', () => {
    expect(filesMatching(/With push, a slow consumer is flooded/)).toEqual([]);
  });

  it('treats retention as a lower bound with segment-granular deletion (row 9)', () => {
    for (const id of ['eda-in-one-page', 'brokers-topics-queues']) expectIn(id, lesson(id), 'segment.ms');
  });

  it('adds the other DLQs, aliases, header schema ids and KIP-939 "as of 4.2" (rows 11, 12, 14; other points)', () => {
    expectIn('retries-and-dead-letters', lesson('retries-and-dead-letters'), 'KIP-1034');
    expectIn('schema-evolution', lesson('schema-evolution'), /"aliases": \["total"\]/);
    expectIn('schema-evolution', lesson('schema-evolution'), /schema id in a record header/);
    expectIn('dual-writes-and-outbox', lesson('dual-writes-and-outbox'), /As of Kafka 4\.2/);
  });

  it('closes fatal producer exceptions instead of aborting (row 15)', () => {
    expectIn('delivery-guarantees', lesson('delivery-guarantees'), 'ProducerFencedException | OutOfOrderSequenceException | AuthorizationException');
  });

  it('fixes the two quiz feedback texts (rows 20 and 21)', () => {
    expectNotIn('question wn-04', question('wn-04'), 'This is a command disguised as an event');
    expectIn('question broker-08', question('broker-08'), 'SNS FIFO');
  });
});
