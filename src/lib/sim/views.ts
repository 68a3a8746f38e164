/**
 * Read-only views of a running simulation for islands and tests: metrics, partitions, members,
 * logs, envelopes, the dead-letter queue and the narrated trace. Each builds plain objects on
 * demand from the engine's columns, so nothing here costs anything while a run is going.
 */
import {
  BACKOFF,
  BUSY,
  F_APPENDED,
  F_LOST,
  F_POISON,
  LATENCY_BUCKETS,
  TRACE_KINDS,
  correlationIdOf,
  eventIdOf,
  indexOfId,
  internals,
  type Sim,
  type SimEngine,
} from './engine.ts';
import type { GroupState } from './state.ts';
import { hexId } from './random.ts';
import type {
  DeadLetter,
  EventEnvelope,
  GroupMetrics,
  LatencySummary,
  LogRecord,
  MemberState,
  MemberView,
  PartitionView,
  ProducerMetrics,
  SimMetrics,
  TraceStep,
} from './types.ts';

const SALT_TRACE_ID = 11;
const SALT_SPAN_ID = 12;

function groupOf(s: SimEngine, name: string): GroupState {
  const gr = s.groups.find((g) => g.name === name);
  if (!gr) throw new Error(`Unknown group "${name}"`);
  return gr;
}

function topicOf(s: SimEngine, name: string): number {
  const t = s.topicNames.indexOf(name);
  if (t < 0) throw new Error(`Unknown topic "${name}"`);
  return t;
}

function eventOf(s: SimEngine, eventId: string): number {
  const e = indexOfId(eventId);
  if (e < 0 || e >= s.evCount) throw new Error(`Unknown event "${eventId}"`);
  return e;
}

/** A price in cents as euros, e.g. 1250 → "€12.50". */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '−' : '';
  return `${sign}€${(Math.abs(cents) / 100).toFixed(2)}`;
}

function typeOf(s: SimEngine, e: number): string {
  const types = s.streams[s.evStream[e]!]!.types;
  return types[(s.evSeq[e]! - 1) % types.length]!;
}

function latencySummary(gr: GroupState): LatencySummary {
  const count = gr.latCount;
  if (count === 0) return { count: 0, meanMs: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 };
  const hist = gr.latHist!;
  const quantile = (q: number): number => {
    const rank = Math.max(1, Math.ceil(q * count));
    let seen = 0;
    for (let b = 0; b <= LATENCY_BUCKETS; b += 1) {
      seen += hist[b]!;
      if (seen >= rank) return b === LATENCY_BUCKETS ? gr.latMax : Math.min(b, gr.latMax);
    }
    return gr.latMax;
  };
  return { count, meanMs: gr.latSum / count, p50Ms: quantile(0.5), p99Ms: quantile(0.99), maxMs: gr.latMax };
}

/**
 * Events the group has moved past (below its committed offset) without applying them, that are
 * neither dead-lettered, waiting for a retry, nor still being handled: lost.
 */
function lostCount(s: SimEngine, gr: GroupState): number {
  const inDlq = new Set(gr.dlqEvent);
  const counted = new Uint8Array(s.evCount);
  let lost = 0;
  for (let p = 0; p < gr.partitions; p += 1) {
    const tp = gr.tpBase + p;
    const log = s.logs[tp]!;
    let inFlightFrom = Infinity;
    let inFlightTo = -1;
    for (let j = 0; j < gr.members; j += 1) {
      const m = gr.memberBase + j;
      const state = s.mState[m];
      if ((state === BUSY || state === BACKOFF) && s.mPart[m] === p) {
        inFlightFrom = s.mCur[m]!;
        inFlightTo = s.mEnd[m]!;
      }
    }
    const committed = gr.committed[p]!;
    for (let off = 0; off < committed; off += 1) {
      const e = log[off]!;
      if (counted[e] || (off >= inFlightFrom && off < inFlightTo)) continue;
      counted[e] = 1;
      if (gr.effectCount[e] === 0 && !inDlq.has(e) && !gr.retrying.has(e)) lost += 1;
    }
  }
  return lost;
}

function perKeyRecord(s: SimEngine, values: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (let k = 0; k < values.length; k += 1) {
    const v = values[k]!;
    if (v !== 0) out[s.keyNames[k]!] = v;
  }
  return out;
}

function lagOf(s: SimEngine, gr: GroupState): number[] {
  const out: number[] = [];
  for (let p = 0; p < gr.partitions; p += 1) out.push(s.logLen[gr.tpBase + p]! - gr.committed[p]!);
  return out;
}

function groupMetricsOf(s: SimEngine, gr: GroupState): GroupMetrics {
  const lagByPartition = lagOf(s, gr);
  return {
    name: gr.name,
    deliveries: gr.deliveries,
    effects: gr.effects,
    uniqueEffects: gr.uniqueEffects,
    duplicateEffects: gr.duplicateEffects,
    duplicatesCaught: gr.duplicatesCaught,
    total: gr.total,
    perKey: perKeyRecord(s, gr.perKey),
    orderingViolations: gr.violations,
    violationsByKey: perKeyRecord(s, gr.violationsByKey),
    lagByPartition,
    lag: lagByPartition.reduce((a, b) => a + b, 0),
    maxLag: gr.maxLag,
    failures: gr.failures,
    retries: gr.retries,
    dlqSize: gr.dlqEvent.length,
    deadLettered: gr.deadLettered,
    redriven: gr.redriven,
    dropped: gr.dropped,
    lost: lostCount(s, gr),
    crashes: gr.crashes,
    rebalances: gr.rebalances,
    revoked: gr.revoked,
    skippedByReset: gr.skippedByReset,
    offsetResetFailed: gr.offsetResetFailed,
    latency: latencySummary(gr),
  };
}

/** What one consumer group has done so far. */
export function groupMetrics(sim: Sim, group: string): GroupMetrics {
  const s = internals(sim);
  return groupMetricsOf(s, groupOf(s, group));
}

/**
 * Everything measured so far: per producer (configured ones, then one per emitting group), per
 * group, and the reads. `lost` figures are final once `runToEnd` has returned true.
 */
export function metrics(sim: Sim): SimMetrics {
  const s = internals(sim);
  const producers: ProducerMetrics[] = s.streams.map((st) => ({
    name: st.name,
    created: st.created,
    amountCreated: st.amountCreated,
    poison: st.poisonCreated,
    published: st.uniqueAppended,
    duplicatesPublished: st.appends - st.uniqueAppended,
    duplicatesDropped: st.duplicatesDropped,
    lost: st.lost,
  }));
  return {
    now: s.now,
    deliveries: s.deliveries,
    producers,
    groups: s.groups.map((gr) => groupMetricsOf(s, gr)),
    reads: [...s.readResults],
  };
}

/** Lag (log-end offset − committed offset) of each partition for `group`, now. */
export function lagByPartition(sim: Sim, group: string): number[] {
  const s = internals(sim);
  return lagOf(s, groupOf(s, group));
}

function memberName(s: SimEngine, m: number): string {
  const gr = s.groups[s.mGroup[m]!]!;
  return `${gr.name}#${m - gr.memberBase}`;
}

const MEMBER_STATES: readonly MemberState[] = ['idle', 'processing', 'backing-off', 'down'];

/** The members of `group`: what each is doing and which partitions it owns. */
export function members(sim: Sim, group: string): MemberView[] {
  const s = internals(sim);
  const gr = groupOf(s, group);
  const out: MemberView[] = [];
  for (let j = 0; j < gr.members; j += 1) {
    const m = gr.memberBase + j;
    out.push({
      member: j,
      name: memberName(s, m),
      state: MEMBER_STATES[s.mState[m]!]!,
      partitions: [...s.mParts[m]!].sort((a, b) => a - b),
    });
  }
  return out;
}

/** The partitions of `group`'s topic as the group sees them: owner, position, committed offset, lag. */
export function partitions(sim: Sim, group: string): PartitionView[] {
  const s = internals(sim);
  const gr = groupOf(s, group);
  const out: PartitionView[] = [];
  for (let p = 0; p < gr.partitions; p += 1) {
    const owner = gr.owner[p]!;
    const logEnd = s.logLen[gr.tpBase + p]!;
    out.push({
      partition: p,
      owner: owner < 0 ? null : owner - gr.memberBase,
      position: gr.position[p]!,
      committed: gr.committed[p]!,
      logEnd,
      lag: logEnd - gr.committed[p]!,
    });
  }
  return out;
}

/** The records of one partition, oldest first (for small lab runs). */
export function partitionLog(sim: Sim, topic: string, partition: number): LogRecord[] {
  const s = internals(sim);
  const t = topicOf(s, topic);
  if (!(Number.isInteger(partition) && partition >= 0 && partition < s.topicPartitions[t]!)) {
    throw new Error(`Topic "${topic}" has no partition ${partition}`);
  }
  const tp = s.topicTpBase[t]! + partition;
  const log = s.logs[tp]!;
  const seen = new Set<number>();
  const out: LogRecord[] = [];
  for (let off = 0; off < s.logLen[tp]!; off += 1) {
    const e = log[off]!;
    out.push({ offset: off, eventId: eventIdOf(e), key: s.keyNames[s.evKey[e]!]!, type: typeOf(s, e), duplicate: seen.has(e) });
    seen.add(e);
  }
  return out;
}

/** The CloudEvents-style envelope of an event, by id. */
export function envelope(sim: Sim, eventId: string): EventEnvelope {
  const s = internals(sim);
  const e = eventOf(s, eventId);
  const st = s.streams[s.evStream[e]!]!;
  const tp = s.evTp[e]!;
  const corr = s.evCorr[e]!;
  const cause = s.evCause[e]!;
  return {
    specversion: '1.0',
    id: eventIdOf(e),
    source: `/${st.name}`,
    type: typeOf(s, e),
    subject: s.keyNames[s.evKey[e]!]!,
    time: s.evTime[e]!,
    topic: s.topicNames[s.tpTopic[tp]!]!,
    partition: tp - st.tpBase,
    correlationId: correlationIdOf(corr),
    causationId: cause < 0 ? null : eventIdOf(cause),
    traceparent: `00-${hexId(s.seed, SALT_TRACE_ID, corr, 32)}-${hexId(s.seed, SALT_SPAN_ID, e, 16)}-01`,
    data: { amountCents: s.evAmount[e]!, sequence: s.evSeq[e]!, poison: (s.evFlags[e]! & F_POISON) !== 0 },
  };
}

/** Ids of every event created so far, in creation order. */
export function eventIds(sim: Sim): string[] {
  const s = internals(sim);
  return Array.from({ length: s.evCount }, (_, e) => eventIdOf(e));
}

/** Whether an event reached its topic (`stored`), or never will (`lost`: a dual-write crash, a failed send without retries). */
export function eventStatus(sim: Sim, eventId: string): 'stored' | 'lost' | 'on-the-way' {
  const s = internals(sim);
  const flags = s.evFlags[eventOf(s, eventId)]!;
  return flags & F_APPENDED ? 'stored' : flags & F_LOST ? 'lost' : 'on-the-way';
}

/** How many times `group` applied its side effect for an event (0 = never). */
export function timesApplied(sim: Sim, group: string, eventId: string): number {
  const s = internals(sim);
  return groupOf(s, group).effectCount[eventOf(s, eventId)]!;
}

/** The messages in `group`'s dead-letter queue, oldest first. */
export function deadLetters(sim: Sim, group: string): DeadLetter[] {
  const s = internals(sim);
  const gr = groupOf(s, group);
  return gr.dlqEvent.map((e, i) => ({ eventId: eventIdOf(e), attempts: gr.dlqAttempts[i]!, at: gr.dlqAt[i]! }));
}

/** Correlation ids of every flow started so far, in order. */
export function correlationIds(sim: Sim): string[] {
  const s = internals(sim);
  const out: string[] = [];
  for (let e = 0; e < s.evCount; e += 1) if (s.evCorr[e] === e) out.push(correlationIdOf(e));
  return out;
}

/** Number of trace steps recorded so far (0 when tracing is off). */
export function traceLength(sim: Sim): number {
  return internals(sim).trCount;
}

function ms(n: number): string {
  return `${Math.round(n)} ms`;
}

function rows(n: number): string {
  return n === 1 ? '1 row' : `${n} rows`;
}

function actorName(s: SimEngine, actor: number): string {
  return actor >= 0 ? memberName(s, actor) : `${s.groups[-1 - actor]!.name} (retry)`;
}

function partitionName(s: SimEngine, tp: number): string {
  const t = s.tpTopic[tp]!;
  return `${s.topicNames[t]}[${tp - s.topicTpBase[t]!}]`;
}

function describe(s: SimEngine, i: number): TraceStep {
  const code = s.trKind[i]!;
  const kind = TRACE_KINDS[code]!;
  const e = s.trEv[i]!;
  const a = s.trActor[i]!;
  const x = s.trX[i]!;
  const y = s.trY[i]!;
  const z = s.trZ[i]!;
  const id = e >= 0 ? eventIdOf(e) : '';
  const key = e >= 0 ? s.keyNames[s.evKey[e]!]! : '';
  let actor = '';
  let text = '';
  switch (kind) {
    case 'created': {
      const st = s.streams[a]!;
      actor = st.name;
      text = `${actor} created ${typeOf(s, e)} ${id} for ${key}${st.hasAmounts ? ` (${formatCents(s.evAmount[e]!)})` : ''}`;
      break;
    }
    case 'saved':
      actor = s.streams[a]!.name;
      text = x === 1 ? `${actor} saved ${key} and an outbox row for ${id} in one transaction` : `${actor} saved ${key} to its database`;
      break;
    case 'publish-lost':
      actor = s.streams[a]!.name;
      text = `${actor} crashed after saving ${key} and before publishing ${id}: the event is lost`;
      break;
    case 'send-failed':
      actor = s.streams[a]!.name;
      text = x === 1 ? `Sending ${id} failed; ${actor} retries in ${ms(z)}` : `Sending ${id} failed and ${actor} has retries off: the event is lost`;
      break;
    case 'ack-lost':
      actor = s.streams[a]!.name;
      text = `The broker stored ${id} but its acknowledgement was lost; ${actor} sends it again in ${ms(z)}`;
      break;
    case 'duplicate-dropped':
      actor = 'broker';
      text = `The broker dropped a retried copy of ${id} (idempotent producer)`;
      break;
    case 'appended':
      actor = 'broker';
      text = `${id} appended to ${partitionName(s, x)} at offset ${y}${a === 1 ? ': a duplicate copy' : ''}`;
      break;
    case 'relay-published':
      actor = `${s.streams[a]!.name} relay`;
      text = `The outbox relay of ${s.streams[a]!.name} published ${id}`;
      break;
    case 'relay-crashed':
      actor = `${s.streams[a]!.name} relay`;
      text = `The outbox relay of ${s.streams[a]!.name} crashed before marking ${rows(x)} sent; it will publish them again`;
      break;
    case 'relay-marked':
      actor = `${s.streams[a]!.name} relay`;
      text = `The outbox relay of ${s.streams[a]!.name} marked ${rows(x)} sent`;
      break;
    case 'delivered':
      actor = memberName(s, a);
      text = z > 0 ? `${actor} tries ${id} again (attempt ${z})` : `${actor} received ${id} from ${partitionName(s, x)} at offset ${y}`;
      break;
    case 'applied': {
      actor = actorName(s, a);
      const gr = s.groups[a >= 0 ? s.mGroup[a]! : -1 - a]!;
      const money = gr.effect === 1 && s.streams[s.evStream[s.evCorr[e]!]!]!.hasAmounts;
      const amount = money ? `: ${formatCents(s.evAmount[e]!)}` : gr.effect === 2 ? `: version ${s.evSeq[e]}` : '';
      text = `${actor} ${gr.effectText}${amount} for ${key} (${id}), ${ms(z)} after the flow began`;
      break;
    }
    case 'duplicate-caught':
      actor = actorName(s, a);
      text = `${actor} skipped ${id}: its id is already recorded (duplicate caught)`;
      break;
    case 'out-of-order':
      actor = actorName(s, a);
      text = `${actor} applied ${key}'s event ${x} after its event ${y}: out of order`;
      break;
    case 'failed':
      actor = actorName(s, a);
      text = `${actor} failed to handle ${id} (attempt ${x} of ${y})`;
      break;
    case 'retry-scheduled':
      actor = actorName(s, a);
      text =
        y === 1
          ? `${actor} put ${id} on the retry topic for attempt ${x} in ${ms(z)} and moved on`
          : `${actor} backs off ${ms(z)} before attempt ${x} at ${id}; its partitions wait`;
      break;
    case 'dead-lettered':
      actor = s.groups[-1 - a]!.name;
      text = `${actor} moved ${id} to its dead-letter queue after ${x} ${x === 1 ? 'attempt' : 'attempts'}`;
      break;
    case 'redriven':
      actor = s.groups[-1 - a]!.name;
      text = `${actor} redrove ${id} from its dead-letter queue`;
      break;
    case 'dropped':
      actor = actorName(s, a);
      text = `${actor} dropped ${id}: at-most-once does not retry`;
      break;
    case 'committed':
      actor = memberName(s, a);
      text = `${actor} committed ${partitionName(s, x)} up to offset ${y}`;
      break;
    case 'crashed':
      actor = memberName(s, a);
      text =
        x === 1
          ? `${actor} went down; with static membership its partitions wait for it until the session timeout`
          : `${actor} crashed; its partitions go back to their committed offsets`;
      break;
    case 'restarted':
      actor = memberName(s, a);
      text = `${actor} restarted`;
      break;
    case 'assigned':
      actor = memberName(s, a);
      text = `${partitionName(s, x)} assigned to ${actor}`;
      break;
    case 'emitted':
      actor = actorName(s, a);
      text = `${actor} published ${typeOf(s, e)} ${id} to ${partitionName(s, s.evTp[e]!)} (caused by ${eventIdOf(x)})`;
      break;
    case 'crashed-after-commit':
      actor = s.streams[a]!.name;
      text = `${actor} crashed right after committing ${key}; the outbox row for ${id} is safe and the relay will publish it`;
      break;
    case 'revoked':
      actor = s.groups[-1 - a]!.name;
      text = `${actor} rebalances eagerly: ${x === 1 ? '1 partition' : `${x} partitions`} revoked from healthy members; nothing is processed for ${ms(z)} while the group syncs`;
      break;
    case 'offset-reset': {
      actor = s.groups[-1 - a]!.name;
      const backlog = y === 1 ? '1 event' : `${y} events`;
      text =
        x === 2
          ? `${actor} joined with no committed offset and auto.offset.reset=none: it stops with an error (${backlog} waiting)`
          : x === 1
            ? `${actor} joined with no committed offset; auto.offset.reset=earliest replays the ${backlog} already in the topic`
            : `${actor} joined with no committed offset; auto.offset.reset=latest starts at the log end and skips the ${backlog} already in the topic`;
      break;
    }
    case 'read': {
      const r = s.readResults[x]!;
      actor = r.key;
      const waited = r.answeredAt > r.at ? ` after waiting ${ms(r.answeredAt - r.at)}` : '';
      const verdict = r.fresh ? 'it includes the latest write' : `stale, the latest is version ${r.latestVersion}${r.timedOut ? ' (gave up waiting)' : ''}`;
      text = `A read of ${r.key} made at ${ms(r.at)} got version ${r.version} from the ${r.servedBy.replace('-', ' ')}${waited}: ${verdict}`;
      break;
    }
  }
  return {
    index: i,
    at: s.trTime[i]!,
    kind,
    actor,
    eventId: e >= 0 ? id : null,
    correlationId: e >= 0 ? correlationIdOf(s.evCorr[e]!) : null,
    text,
  };
}

/**
 * The narrated trace (empty unless the config has `trace: true`), in the order things happened.
 * `from` skips steps already shown; `correlationId` keeps one flow's steps (a choreography traced
 * across services); `eventId` keeps one event's.
 */
export function trace(sim: Sim, filter: { readonly from?: number; readonly correlationId?: string; readonly eventId?: string } = {}): TraceStep[] {
  const s = internals(sim);
  const corr = filter.correlationId === undefined ? -1 : indexOfId(filter.correlationId);
  const only = filter.eventId === undefined ? -1 : indexOfId(filter.eventId);
  const out: TraceStep[] = [];
  if ((filter.correlationId !== undefined && corr < 0) || (filter.eventId !== undefined && only < 0)) return out;
  for (let i = Math.max(0, filter.from ?? 0); i < s.trCount; i += 1) {
    const e = s.trEv[i]!;
    if (corr >= 0 && (e < 0 || s.evCorr[e] !== corr)) continue;
    if (only >= 0 && e !== only) continue;
    out.push(describe(s, i));
  }
  return out;
}
