/**
 * The broker simulation: producers, partitioned topics, consumer groups with offsets, delivery
 * guarantees and faults, run as a discrete-event simulation on a virtual clock. Deterministic: the
 * same configuration and seed give the same run, step for step. No DOM, no wall clock, no
 * `Math.random`.
 *
 * Speed matters (the budget is a million delivered events per second headless), so the state is
 * columnar: events, members and the trace live in typed arrays indexed by number, the agenda is a
 * typed-array heap, and nothing is allocated per event while tracing is off. The `Sim` handle is
 * mutable inside and opaque outside: islands drive it through the functions exported here and read
 * it through `views.ts`. To rewind, create it again and run to the earlier time (it replays
 * exactly).
 */
import { DEFAULTS, SimConfigError, configProblems } from './config.ts';
import { ActionQueue } from './queue.ts';
import { GroupState, StreamState } from './state.ts';
import { hash32, hashText, seedOf, uniform, type Seed } from './random.ts';
import type { ProducerConfig, ReadConfig, ReadMode, ReadResult, SimConfig, TraceKind } from './types.ts';

/** A running simulation. Treat it as opaque: read it with the view functions, drive it with `step`/`runUntil`. */
export interface Sim {
  /** The configuration it was created from. */
  readonly config: SimConfig;
  /** The 32-bit seed in use. */
  readonly seed: number;
  /** Virtual time, ms. */
  readonly now: number;
}

// Action kinds on the agenda.
const PRODUCE = 1;
const ARRIVE = 2;
const DONE = 3;
const WAKE = 4;
const CRASH = 5;
const RESTART = 6;
const REBALANCE = 7;
const PUBLISH = 8;
const RELAY = 9;
const RETRY = 10;
const READ = 11;
const READ_TIMEOUT = 12;
const REDRIVE = 13;
const SYNC = 14;
const EVICT = 15;
const JOIN = 16;

/** Member states, as stored (`views.ts` names them). */
const IDLE = 0;
export const BUSY = 1;
export const BACKOFF = 2;
const DOWN = 3;

// Event flags.
/** A payload consumers cannot handle. */
export const F_POISON = 1;
const F_ACK_LOST = 2;
const F_SEND_FAIL = 4;
/** Stored in its topic at least once. */
export const F_APPENDED = 8;
const F_CRASH_BEFORE_PUBLISH = 16;
const F_SENT = 32;
/** Never reached the broker and never will. */
export const F_LOST = 64;

// Arrival flags.
const AR_DUP = 1;
const AR_RESEND = 2;

// Salts: one per kind of random decision.
const S_KEY = 1;
const S_AMOUNT = 2;
const S_NET = 3;
const S_ACK = 4;
const S_SEND_FAIL = 5;
const S_CRASH_PUB = 6;
const S_POISON = 7;
const S_FAIL = 8;
const S_JITTER = 9;
const S_KEY_SHUFFLE = 10;

/** Trace step kinds, indexed by their stored code. */
export const TRACE_KINDS: readonly TraceKind[] = [
  'created',
  'saved',
  'publish-lost',
  'send-failed',
  'ack-lost',
  'duplicate-dropped',
  'appended',
  'relay-published',
  'relay-crashed',
  'relay-marked',
  'delivered',
  'applied',
  'duplicate-caught',
  'out-of-order',
  'failed',
  'retry-scheduled',
  'dead-lettered',
  'redriven',
  'dropped',
  'committed',
  'crashed',
  'restarted',
  'assigned',
  'emitted',
  'read',
  'crashed-after-commit',
  'revoked',
  'offset-reset',
];
const T_CREATED = 0;
const T_SAVED = 1;
const T_PUBLISH_LOST = 2;
const T_SEND_FAILED = 3;
const T_ACK_LOST = 4;
const T_DUP_DROPPED = 5;
const T_APPENDED = 6;
const T_RELAY_PUBLISHED = 7;
const T_RELAY_CRASHED = 8;
const T_RELAY_MARKED = 9;
const T_DELIVERED = 10;
const T_APPLIED = 11;
const T_DUP_CAUGHT = 12;
const T_OUT_OF_ORDER = 13;
const T_FAILED = 14;
const T_RETRY_SCHEDULED = 15;
const T_DEAD_LETTERED = 16;
const T_REDRIVEN = 17;
const T_DROPPED = 18;
const T_COMMITTED = 19;
const T_CRASHED = 20;
const T_RESTARTED = 21;
const T_ASSIGNED = 22;
const T_EMITTED = 23;
const T_READ = 24;
const T_CRASHED_AFTER_COMMIT = 25;
const T_REVOKED = 26;
const T_OFFSET_RESET = 27;

/** Latency histogram resolution: 1 ms buckets up to this many ms. */
export const LATENCY_BUCKETS = 10_000;

/** A configured read at run time. */
export interface ReadState {
  readonly at: number;
  readonly group: number;
  readonly key: number;
  readonly mode: ReadMode;
  readonly timeoutMs: number;
  token: number;
}

/** Each key `count / keys` times (the first `count % keys` keys once more), in a seeded random order. */
function shuffledKeys(seed: number, stream: number, count: number, keys: number): Int32Array {
  const out = new Int32Array(count);
  for (let i = 0; i < count; i += 1) out[i] = i % keys;
  for (let i = count - 1; i > 0; i -= 1) {
    const j = hash32(seed, S_KEY_SHUFFLE, stream, i) % (i + 1);
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}

function grown<T extends Int32Array | Uint8Array | Uint16Array | Float64Array>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a);
  return next;
}

/** The engine behind a `Sim`. Its fields are for `views.ts`; everything else goes through functions. */
export class SimEngine implements Sim {
  readonly config: SimConfig;
  readonly seed: number;
  now = 0;
  readonly tracing: boolean;
  readonly horizonMs: number;
  readonly queue = new ActionQueue();
  private readonly delayMs: number;
  private readonly jitterMs: number;

  readonly topicNames: readonly string[];
  readonly topicPartitions: readonly number[];
  readonly topicTpBase: readonly number[];
  readonly topicGroups: readonly (readonly number[])[];
  readonly tpTopic: Int32Array;
  readonly logs: Int32Array[];
  readonly logLen: Int32Array;
  private readonly lastArrival: Float64Array;

  readonly keyNames: readonly string[];
  private readonly keyHash: Uint32Array;
  /** Latest version (sequence number) written per key: the write model. */
  readonly keySeq: Int32Array;

  readonly streams: StreamState[] = [];
  readonly groups: GroupState[] = [];

  // Members of every group, numbered together; one column per attribute.
  readonly mGroup: Int32Array;
  readonly mState: Uint8Array;
  /** Bumped at each crash, so actions scheduled before it are recognised as stale. */
  private readonly mEpoch: Int32Array;
  /** Partition of the current batch, and its offsets: the record in hand and the batch end. */
  readonly mPart: Int32Array;
  readonly mCur: Int32Array;
  readonly mEnd: Int32Array;
  private readonly mAttempt: Int32Array;
  private readonly mProc: Float64Array;
  /** Where the next poll starts looking among the member's partitions. */
  private readonly mRR: Int32Array;
  private readonly mHandled: Int32Array;
  /** Records handled after which the member crashes next (0: none); the rest wait in `mCrashAfter`. */
  private readonly mCrashAt: Int32Array;
  /** Static membership: 1 once the group has given a down member's partitions away (session timeout). */
  private readonly mEvicted: Uint8Array;
  readonly mParts: number[][];
  private readonly mCrashAfter: number[][];

  // Events, numbered in creation order (id "evt-0001" is index 0); one column per attribute.
  evCount = 0;
  evStream = new Uint16Array(1024);
  evKey = new Int32Array(1024);
  evSeq = new Int32Array(1024);
  evAmount = new Int32Array(1024);
  evCorr = new Int32Array(1024);
  evCause = new Int32Array(1024);
  evTp = new Int32Array(1024);
  evTime = new Float64Array(1024);
  evFlags = new Uint8Array(1024);

  readonly reads: ReadState[] = [];
  readonly readResults: ReadResult[] = [];
  private readonly pendingReads: number[] = [];

  deliveries = 0;

  // The trace, one column per field; only allocated when tracing.
  trCount = 0;
  trKind = new Uint8Array(0);
  trTime = new Float64Array(0);
  trEv = new Int32Array(0);
  trActor = new Int32Array(0);
  trX = new Int32Array(0);
  trY = new Int32Array(0);
  trZ = new Float64Array(0);

  constructor(config: SimConfig, seed: Seed) {
    const problems = configProblems(config);
    if (problems.length > 0) throw new SimConfigError(problems);
    this.config = config;
    this.seed = seedOf(seed);
    this.tracing = config.trace ?? false;
    if (this.tracing) this.growTrace(256);
    this.horizonMs = config.horizonMs ?? DEFAULTS.horizonMs;
    this.delayMs = config.network?.delayMs ?? DEFAULTS.delayMs;
    this.jitterMs = config.network?.jitterMs ?? 0;

    const topicIndex = new Map<string, number>();
    const tpBase: number[] = [];
    let tpCount = 0;
    config.topics.forEach((t, i) => {
      topicIndex.set(t.name, i);
      tpBase.push(tpCount);
      tpCount += t.partitions;
    });
    this.topicNames = config.topics.map((t) => t.name);
    this.topicPartitions = config.topics.map((t) => t.partitions);
    this.topicTpBase = tpBase;
    this.tpTopic = new Int32Array(tpCount);
    config.topics.forEach((t, i) => this.tpTopic.fill(i, tpBase[i]!, tpBase[i]! + t.partitions));
    this.logs = Array.from({ length: tpCount }, () => new Int32Array(64));
    this.logLen = new Int32Array(tpCount);
    this.lastArrival = new Float64Array(tpCount);

    // Keys: producers with the same prefix share one key space.
    const prefixKeys = new Map<string, number>();
    for (const p of config.producers) {
      const prefix = p.keyPrefix ?? 'key';
      prefixKeys.set(prefix, Math.max(prefixKeys.get(prefix) ?? 0, p.keys ?? 1));
    }
    const prefixBase = new Map<string, number>();
    const keyNames: string[] = [];
    for (const [prefix, n] of prefixKeys) {
      prefixBase.set(prefix, keyNames.length);
      for (let k = 0; k < n; k += 1) keyNames.push(`${prefix}-${k}`);
    }
    this.keyNames = keyNames;
    this.keyHash = new Uint32Array(keyNames.map(hashText));
    this.keySeq = new Int32Array(keyNames.length);

    config.producers.forEach((p, i) => {
      const topic = topicIndex.get(p.topic)!;
      const prefix = p.keyPrefix ?? 'key';
      const st = new StreamState(i, p, topic, tpBase[topic]!, this.topicPartitions[topic]!, prefixBase.get(prefix)!, p.keys ?? 1, false);
      if (st.keyOrder === 2) st.keySchedule = shuffledKeys(this.seed, i, st.count, st.keys);
      this.streams.push(st);
    });

    const topicGroups: number[][] = config.topics.map(() => []);
    let memberCount = 0;
    config.groups.forEach((g, i) => {
      const topic = topicIndex.get(g.topic)!;
      const group = new GroupState(i, g, topic, tpBase[topic]!, this.topicPartitions[topic]!, memberCount, keyNames.length, this.evStream.length);
      memberCount += group.members;
      this.groups.push(group);
      topicGroups[topic]!.push(i);
      if (g.emits) {
        const target = topicIndex.get(g.emits.topic)!;
        group.emitStream = this.streams.length;
        const emitter: ProducerConfig = { name: g.name, topic: g.emits.topic, types: [g.emits.type] };
        this.streams.push(new StreamState(this.streams.length, emitter, target, tpBase[target]!, this.topicPartitions[target]!, 0, keyNames.length, true));
      }
    });
    this.topicGroups = topicGroups;

    this.mGroup = new Int32Array(memberCount);
    this.mState = new Uint8Array(memberCount);
    this.mEpoch = new Int32Array(memberCount);
    this.mPart = new Int32Array(memberCount).fill(-1);
    this.mCur = new Int32Array(memberCount);
    this.mEnd = new Int32Array(memberCount);
    this.mAttempt = new Int32Array(memberCount);
    this.mProc = new Float64Array(memberCount);
    this.mRR = new Int32Array(memberCount);
    this.mHandled = new Int32Array(memberCount);
    this.mCrashAt = new Int32Array(memberCount);
    this.mEvicted = new Uint8Array(memberCount);
    this.mParts = Array.from({ length: memberCount }, () => []);
    this.mCrashAfter = Array.from({ length: memberCount }, () => []);

    config.groups.forEach((g, i) => {
      const group = this.groups[i]!;
      const proc = g.processingMs ?? DEFAULTS.processingMs;
      for (let j = 0; j < group.members; j += 1) {
        const m = group.memberBase + j;
        this.mGroup[m] = i;
        this.mProc[m] = typeof proc === 'number' ? proc : proc[j]!;
      }
      for (const crash of g.faults?.crashes ?? []) {
        const m = group.memberBase + crash.member;
        if ('at' in crash) this.queue.push(crash.at, CRASH, m, 0, 0);
        else this.mCrashAfter[m]!.push(crash.afterRecords);
      }
      const redriveAt = g.faults?.redriveAt;
      if (redriveAt !== undefined) this.queue.push(redriveAt, REDRIVE, i, 0, 0);
      if (group.joinAtMs > 0) this.queue.push(group.joinAtMs, JOIN, i, 0, 0);
      else this.assign(i);
    });
    this.mCrashAfter.forEach((list, m) => {
      list.sort((a, b) => b - a);
      this.mCrashAt[m] = list.pop() ?? 0;
    });

    this.streams.forEach((st, s) => {
      if (st.emitter) return;
      if (st.times) st.times.forEach((t, i) => this.queue.push(t, PRODUCE, s, i, 0));
      else if (st.count > 0) this.queue.push(st.startMs, PRODUCE, s, 0, 0);
    });

    (config.reads ?? []).forEach((r: ReadConfig, i) => {
      const group = config.groups.findIndex((g) => g.name === r.group);
      const key = keyNames.indexOf(r.key);
      if (key < 0) throw new SimConfigError([`reads[${i}].key: unknown key "${r.key}" (keys are ${keyNames.slice(0, 3).join(', ')}…)`]);
      this.reads.push({ at: r.at, group, key, mode: r.mode ?? 'read-model', timeoutMs: r.timeoutMs ?? DEFAULTS.readTimeoutMs, token: 0 });
      this.queue.push(r.at, READ, i, 0, 0);
    });
  }

  // ── The loop ────────────────────────────────────────────────────────────────────────────────

  /** Runs the earliest scheduled action; false when nothing is scheduled. */
  step(): boolean {
    const q = this.queue;
    if (q.size === 0) return false;
    const slot = q.pop();
    const t = q.time[slot]!;
    const kind = q.kind[slot]!;
    const a = q.a[slot]!;
    const b = q.b[slot]!;
    const c = q.c[slot]!;
    if (t > this.now) this.now = t;
    switch (kind) {
      case DONE:
        this.done(a, b);
        break;
      case ARRIVE:
        this.arrive(a, b);
        break;
      case PRODUCE:
        this.produce(a, b);
        break;
      case WAKE:
        this.wake(a, b);
        break;
      case CRASH:
        this.crash(a);
        break;
      case RESTART:
        this.restart(a, b);
        break;
      case REBALANCE:
        this.rebalance(a);
        break;
      case PUBLISH:
        this.send(a, this.now);
        break;
      case RELAY:
        this.relay(a);
        break;
      case RETRY:
        this.retryAttempt(a, b, c);
        break;
      case READ:
        this.read(a);
        break;
      case READ_TIMEOUT:
        this.readTimeout(a);
        break;
      case REDRIVE:
        this.redrive(a);
        break;
      case SYNC:
        if (b === this.groups[a]!.syncToken) this.assign(a);
        break;
      case EVICT:
        this.evict(a, b);
        break;
      case JOIN:
        this.join(a);
        break;
      default:
        throw new Error(`Unknown action kind ${kind}`);
    }
    return true;
  }

  /** Runs every action due at or before `t`, then sets the clock to `t`. */
  runUntil(t: number): void {
    const q = this.queue;
    while (q.size > 0 && q.peekTime() <= t) this.step();
    if (t > this.now) this.now = t;
  }

  // ── Producing ───────────────────────────────────────────────────────────────────────────────

  private produce(s: number, i: number): void {
    const st = this.streams[s]!;
    const ordinal = st.created;
    this.createRoot(st, ordinal, st.keyBase + this.keyFor(st, ordinal));
    if (!st.times && i + 1 < st.count) this.queue.push(st.startMs + (i + 1) * st.intervalMs, PRODUCE, s, i + 1, 0);
  }

  /** Which of its keys a producer's `ordinal`-th event is about. */
  keyFor(st: StreamState, ordinal: number): number {
    if (st.keys === 1) return 0;
    if (st.keyOrder === 1) return ordinal % st.keys;
    const schedule = st.keySchedule;
    if (schedule !== null && ordinal < schedule.length) return schedule[ordinal]!;
    return hash32(this.seed, S_KEY, st.index, ordinal) % st.keys;
  }

  /** Creates a producer's own event (the first of its flow) and starts publishing it. */
  createRoot(st: StreamState, ordinal: number, key: number): number {
    const s = st.index;
    const seq = this.keySeq[key]! + 1;
    this.keySeq[key] = seq;
    const span = st.amountMax - st.amountMin;
    const amount = span === 0 ? st.amountMin : st.amountMin + (hash32(this.seed, S_AMOUNT, s, ordinal) % (span + 1));
    const e = this.newEvent(s, key, seq, amount, -1, -1, st.tpBase + (st.byKey ? this.keyHash[key]! % st.partitions : st.rr++ % st.partitions));
    let flags = 0;
    if (st.faulty) flags = this.faultsOf(st, ordinal);
    this.evFlags[e] = flags;
    st.created += 1;
    st.amountCreated += amount;
    if (flags & F_POISON) st.poisonCreated += 1;
    if (this.tracing) this.rec(T_CREATED, e, s, 0, 0, 0);
    if (st.publish === 0) {
      this.send(e, this.now);
    } else if (st.publish === 1) {
      if (this.tracing) this.rec(T_SAVED, e, s, 0, 0, 0);
      if (flags & F_CRASH_BEFORE_PUBLISH) {
        this.evFlags[e] = flags | F_LOST;
        st.lost += 1;
        if (this.tracing) this.rec(T_PUBLISH_LOST, e, s, 0, 0, 0);
      } else {
        this.queue.push(this.now + st.publishGapMs, PUBLISH, e, 0, 0);
      }
    } else {
      if (this.tracing) {
        this.rec(T_SAVED, e, s, 1, 0, 0);
        if (flags & F_CRASH_BEFORE_PUBLISH) this.rec(T_CRASHED_AFTER_COMMIT, e, s, 0, 0, 0);
      }
      st.outbox.push(e);
      if (!st.relayScheduled) {
        st.relayScheduled = true;
        this.queue.push((Math.floor(this.now / st.relayIntervalMs) + 1) * st.relayIntervalMs, RELAY, s, 0, 0);
      }
    }
    return e;
  }

  /** The faults the configuration assigns to a producer's `ordinal`-th event, as flags. */
  private faultsOf(st: StreamState, ordinal: number): number {
    const s = st.index;
    let flags = 0;
    if (st.poison.has(ordinal) || (st.poisonRate > 0 && uniform(this.seed, S_POISON, s, ordinal) < st.poisonRate)) flags |= F_POISON;
    if (st.ackLost.has(ordinal) || (st.ackLossRate > 0 && uniform(this.seed, S_ACK, s, ordinal) < st.ackLossRate)) flags |= F_ACK_LOST;
    if (st.sendFailed.has(ordinal) || (st.sendFailRate > 0 && uniform(this.seed, S_SEND_FAIL, s, ordinal) < st.sendFailRate)) flags |= F_SEND_FAIL;
    if (st.crashBeforePublish.has(ordinal) || (st.crashBeforePublishRate > 0 && uniform(this.seed, S_CRASH_PUB, s, ordinal) < st.crashBeforePublishRate)) {
      flags |= F_CRASH_BEFORE_PUBLISH;
    }
    return flags;
  }

  private newEvent(s: number, key: number, seq: number, amount: number, corr: number, cause: number, tp: number): number {
    const e = this.evCount;
    if (e === this.evStream.length) this.growEvents();
    this.evCount = e + 1;
    this.evStream[e] = s;
    this.evKey[e] = key;
    this.evSeq[e] = seq;
    this.evAmount[e] = amount;
    this.evCorr[e] = corr < 0 ? e : corr;
    this.evCause[e] = cause;
    this.evTp[e] = tp;
    this.evTime[e] = this.now;
    return e;
  }

  private growEvents(): void {
    const n = this.evStream.length * 2;
    this.evStream = grown(this.evStream, n);
    this.evKey = grown(this.evKey, n);
    this.evSeq = grown(this.evSeq, n);
    this.evAmount = grown(this.evAmount, n);
    this.evCorr = grown(this.evCorr, n);
    this.evCause = grown(this.evCause, n);
    this.evTp = grown(this.evTp, n);
    this.evTime = grown(this.evTime, n);
    this.evFlags = grown(this.evFlags, n);
    for (const g of this.groups) g.effectCount = grown(g.effectCount, n);
  }

  private netDelay(e: number, attempt: number): number {
    return this.jitterMs > 0 ? this.delayMs + this.jitterMs * uniform(this.seed, S_NET, e, attempt) : this.delayMs;
  }

  /**
   * Sends an event to the broker. Sends to one partition arrive in order (one connection), except
   * a retried send that may overtake when the producer is neither idempotent nor limited to one
   * request in flight. Faults configured for the event apply to its first send only (a relay that
   * publishes a row again is a new producer session).
   */
  private send(e: number, t: number): void {
    const st = this.streams[this.evStream[e]!]!;
    const tp = this.evTp[e]!;
    const flags = this.evFlags[e]!;
    const faulty = (flags & F_SENT) === 0;
    this.evFlags[e] = flags | F_SENT;
    if (faulty && flags & F_SEND_FAIL) {
      if (!st.retries) {
        this.evFlags[e] = this.evFlags[e]! | F_LOST;
        st.lost += 1;
        if (this.tracing) this.rec(T_SEND_FAILED, e, st.index, 0, 0, 0);
        return;
      }
      let retryAt = t + st.retryBackoffMs + this.netDelay(e, 1);
      if (st.idempotent || st.maxInFlight === 1) {
        if (retryAt < this.lastArrival[tp]!) retryAt = this.lastArrival[tp]!;
        this.lastArrival[tp] = retryAt;
      }
      if (this.tracing) this.rec(T_SEND_FAILED, e, st.index, 1, 0, st.retryBackoffMs);
      this.queue.push(retryAt, ARRIVE, e, AR_RESEND, 0);
      return;
    }
    let at = t + this.netDelay(e, faulty ? 0 : 3 + st.relayPolls);
    if (at < this.lastArrival[tp]!) at = this.lastArrival[tp]!;
    this.lastArrival[tp] = at;
    this.queue.push(at, ARRIVE, e, 0, 0);
  }

  private arrive(e: number, flags: number): void {
    const st = this.streams[this.evStream[e]!]!;
    const ev = this.evFlags[e]!;
    const tp = this.evTp[e]!;
    if (flags & AR_DUP && st.idempotent) {
      st.duplicatesDropped += 1;
      if (this.tracing) this.rec(T_DUP_DROPPED, e, st.index, tp, 0, 0);
      return;
    }
    const dup = (ev & F_APPENDED) !== 0;
    if (!dup) {
      this.evFlags[e] = ev | F_APPENDED;
      st.uniqueAppended += 1;
    }
    st.appends += 1;
    let log = this.logs[tp]!;
    const offset = this.logLen[tp]!;
    if (offset === log.length) {
      log = grown(log, log.length * 2);
      this.logs[tp] = log;
    }
    log[offset] = e;
    this.logLen[tp] = offset + 1;
    if (this.tracing) this.rec(T_APPENDED, e, dup ? 1 : 0, tp, offset, 0);
    if (!dup && ev & F_ACK_LOST && st.retries) {
      if (this.tracing) this.rec(T_ACK_LOST, e, st.index, 0, 0, st.retryBackoffMs);
      this.queue.push(this.now + st.retryBackoffMs + this.netDelay(e, 2), ARRIVE, e, AR_DUP, 0);
    }
    const groups = this.topicGroups[st.topic]!;
    const p = tp - st.tpBase;
    for (let i = 0; i < groups.length; i += 1) {
      const gr = this.groups[groups[i]!]!;
      const lag = gr.lagTotal + 1;
      gr.lagTotal = lag;
      if (lag > gr.maxLag) gr.maxLag = lag;
      const owner = gr.owner[p]!;
      if (owner >= 0 && this.mState[owner] === IDLE) this.poll(owner);
    }
  }

  private relay(s: number): void {
    const st = this.streams[s]!;
    st.relayScheduled = false;
    const poll = st.relayPolls;
    st.relayPolls = poll + 1;
    const from = st.outboxSent;
    const to = st.outbox.length;
    if (from === to) return;
    for (let i = from; i < to; i += 1) {
      const e = st.outbox[i]!;
      if (this.tracing) this.rec(T_RELAY_PUBLISHED, e, s, 0, 0, 0);
      this.send(e, this.now);
    }
    if (st.relayCrashes.has(poll)) {
      if (this.tracing) this.rec(T_RELAY_CRASHED, -1, s, to - from, 0, st.relayRestartMs);
      st.relayScheduled = true;
      this.queue.push(this.now + st.relayRestartMs, RELAY, s, 0, 0);
      return;
    }
    st.outboxSent = to;
    if (this.tracing) this.rec(T_RELAY_MARKED, -1, s, to - from, 0, 0);
  }

  // ── Consuming ───────────────────────────────────────────────────────────────────────────────

  /** An idle member takes the next batch from its partitions, in turn. */
  private poll(m: number): void {
    const parts = this.mParts[m]!;
    const n = parts.length;
    const gr = this.groups[this.mGroup[m]!]!;
    const rr = this.mRR[m]!;
    for (let i = 0; i < n; i += 1) {
      const idx = (rr + i) % n;
      const p = parts[idx]!;
      const pos = gr.position[p]!;
      const end = this.logLen[gr.tpBase + p]!;
      if (pos < end) {
        this.mRR[m] = idx + 1;
        const batchEnd = end - pos > gr.maxPoll ? pos + gr.maxPoll : end;
        gr.position[p] = batchEnd;
        this.mPart[m] = p;
        this.mCur[m] = pos;
        this.mEnd[m] = batchEnd;
        if (gr.atMostOnce) this.commit(gr, m, p, batchEnd);
        this.begin(gr, m);
        return;
      }
    }
    this.mState[m] = IDLE;
  }

  /** The member starts on the record at its cursor. */
  private begin(gr: GroupState, m: number): void {
    gr.deliveries += 1;
    this.deliveries += 1;
    this.mAttempt[m] = 1;
    this.mState[m] = BUSY;
    if (this.tracing) {
      const p = this.mPart[m]!;
      const off = this.mCur[m]!;
      this.rec(T_DELIVERED, this.logs[gr.tpBase + p]![off]!, m, gr.tpBase + p, off, 0);
    }
    this.queue.push(this.now + this.mProc[m]!, DONE, m, this.mEpoch[m]!, 0);
  }

  /** A blocked member's backoff is over: it tries the same record again. */
  private wake(m: number, epoch: number): void {
    if (epoch !== this.mEpoch[m]) return;
    this.mState[m] = BUSY;
    if (this.tracing) {
      const tp = this.groups[this.mGroup[m]!]!.tpBase + this.mPart[m]!;
      const off = this.mCur[m]!;
      this.rec(T_DELIVERED, this.logs[tp]![off]!, m, tp, off, this.mAttempt[m]!);
    }
    this.queue.push(this.now + this.mProc[m]!, DONE, m, epoch, 0);
  }

  private done(m: number, epoch: number): void {
    if (epoch !== this.mEpoch[m]) return;
    const gr = this.groups[this.mGroup[m]!]!;
    const e = this.logs[gr.tpBase + this.mPart[m]!]![this.mCur[m]!]!;
    if (this.evFlags[e]! & F_POISON || gr.failureRate > 0) {
      if (this.fails(gr, e)) {
        this.failed(gr, m, e);
        return;
      }
    }
    this.applyEffect(gr, e, m);
    const handled = this.mHandled[m]! + 1;
    this.mHandled[m] = handled;
    if (handled === this.mCrashAt[m]) {
      this.mCrashAt[m] = this.mCrashAfter[m]!.pop() ?? 0;
      this.crash(m);
      return;
    }
    this.next(gr, m);
  }

  private fails(gr: GroupState, e: number): boolean {
    if (this.evFlags[e]! & F_POISON && this.now < gr.poisonFixedAt) return true;
    if (gr.failureRate > 0) {
      const n = gr.attemptCounter;
      gr.attemptCounter = n + 1;
      return uniform(this.seed, S_FAIL, gr.index, e, n) < gr.failureRate;
    }
    return false;
  }

  private backoff(gr: GroupState, e: number, attempt: number): number {
    let d = gr.backoffMs * 2 ** (attempt - 1);
    if (d > gr.maxBackoffMs) d = gr.maxBackoffMs;
    if (gr.jitter === 0) return d;
    const u = uniform(this.seed, S_JITTER, gr.index, e, attempt);
    return gr.jitter === 1 ? d * u : d / 2 + (d / 2) * u;
  }

  /** A member's attempt at a record failed: retry in place, hand to the retry topic, dead-letter, or drop. */
  private failed(gr: GroupState, m: number, e: number): void {
    const attempt = this.mAttempt[m]!;
    gr.failures += 1;
    if (gr.failAfterEffect) this.applyEffect(gr, e, m);
    if (this.tracing) this.rec(T_FAILED, e, m, attempt, gr.atMostOnce ? 1 : gr.maxAttempts, 0);
    if (gr.atMostOnce) {
      gr.dropped += 1;
      if (this.tracing) this.rec(T_DROPPED, e, m, 0, 0, 0);
      this.next(gr, m);
      return;
    }
    if (attempt < gr.maxAttempts) {
      const delay = this.backoff(gr, e, attempt);
      gr.retries += 1;
      if (gr.retryTopic) {
        if (this.tracing) this.rec(T_RETRY_SCHEDULED, e, m, attempt + 1, 1, delay);
        this.scheduleRetry(gr, e, attempt + 1, delay);
        this.next(gr, m);
      } else {
        if (this.tracing) this.rec(T_RETRY_SCHEDULED, e, m, attempt + 1, 0, delay);
        this.mAttempt[m] = attempt + 1;
        this.mState[m] = BACKOFF;
        this.queue.push(this.now + delay, WAKE, m, this.mEpoch[m]!, 0);
      }
      return;
    }
    this.deadLetter(gr, e, attempt);
    this.next(gr, m);
  }

  private scheduleRetry(gr: GroupState, e: number, attempt: number, delay: number): void {
    gr.retrying.set(e, (gr.retrying.get(e) ?? 0) + 1);
    this.queue.push(this.now + delay + gr.retryProcessingMs, RETRY, gr.index, e, attempt);
  }

  /** An attempt from the retry topic (or a redrive) has finished processing. */
  private retryAttempt(g: number, e: number, attempt: number): void {
    const gr = this.groups[g]!;
    const left = (gr.retrying.get(e) ?? 1) - 1;
    if (left > 0) gr.retrying.set(e, left);
    else gr.retrying.delete(e);
    const actor = -1 - g;
    if (this.fails(gr, e)) {
      gr.failures += 1;
      if (gr.failAfterEffect) this.applyEffect(gr, e, actor);
      if (this.tracing) this.rec(T_FAILED, e, actor, attempt, gr.maxAttempts, 0);
      if (attempt < gr.maxAttempts) {
        const delay = this.backoff(gr, e, attempt);
        gr.retries += 1;
        if (this.tracing) this.rec(T_RETRY_SCHEDULED, e, actor, attempt + 1, 1, delay);
        this.scheduleRetry(gr, e, attempt + 1, delay);
      } else {
        this.deadLetter(gr, e, attempt);
      }
      return;
    }
    this.applyEffect(gr, e, actor);
  }

  private deadLetter(gr: GroupState, e: number, attempts: number): void {
    gr.dlqEvent.push(e);
    gr.dlqAttempts.push(attempts);
    gr.dlqAt.push(this.now);
    gr.deadLettered += 1;
    if (this.tracing) this.rec(T_DEAD_LETTERED, e, -1 - gr.index, attempts, 0, 0);
  }

  /** Moves every dead-lettered message of group `g` back for processing, from attempt 1. */
  redrive(g: number): number {
    const gr = this.groups[g]!;
    const n = gr.dlqEvent.length;
    for (let i = 0; i < n; i += 1) {
      const e = gr.dlqEvent[i]!;
      gr.redriven += 1;
      if (this.tracing) this.rec(T_REDRIVEN, e, -1 - g, 0, 0, 0);
      this.scheduleRetry(gr, e, 1, 0);
    }
    gr.dlqEvent.length = 0;
    gr.dlqAttempts.length = 0;
    gr.dlqAt.length = 0;
    return n;
  }

  /**
   * The side effect of handling event `e`. An idempotent consumer checks and records the event id
   * in the same step as the effect, so a duplicate is skipped; otherwise it is applied again.
   */
  private applyEffect(gr: GroupState, e: number, actor: number): void {
    const count = gr.effectCount[e]!;
    if (count > 0 && gr.idempotent) {
      gr.duplicatesCaught += 1;
      if (this.tracing) this.rec(T_DUP_CAUGHT, e, actor, 0, 0, 0);
      return;
    }
    const key = this.evKey[e]!;
    const seq = this.evSeq[e]!;
    if (count === 0) {
      gr.uniqueEffects += 1;
      const seen = gr.maxSeq[key]!;
      if (seq < seen) {
        gr.violations += 1;
        gr.violationsByKey[key] = gr.violationsByKey[key]! + 1;
        if (this.tracing) this.rec(T_OUT_OF_ORDER, e, actor, seq, seen, 0);
      } else {
        gr.maxSeq[key] = seq;
      }
    } else {
      gr.duplicateEffects += 1;
    }
    if (count < 255) gr.effectCount[e] = count + 1;
    gr.effects += 1;
    const effect = gr.effect;
    if (effect === 0) {
      gr.perKey[key] = gr.perKey[key]! + 1;
      gr.total += 1;
    } else if (effect === 1) {
      const amount = this.evAmount[e]!;
      gr.perKey[key] = gr.perKey[key]! + amount;
      gr.total += amount;
    } else {
      gr.perKey[key] = seq;
      gr.total += 1;
      if (this.pendingReads.length > 0) this.checkReads(gr.index, key);
    }
    const latency = this.now - this.evTime[this.evCorr[e]!]!;
    gr.latCount += 1;
    gr.latSum += latency;
    if (latency > gr.latMax) gr.latMax = latency;
    let hist = gr.latHist;
    if (hist === null) {
      hist = new Uint32Array(LATENCY_BUCKETS + 1);
      gr.latHist = hist;
    }
    const bucket = latency >= LATENCY_BUCKETS ? LATENCY_BUCKETS : latency | 0;
    hist[bucket] = hist[bucket]! + 1;
    if (this.tracing) this.rec(T_APPLIED, e, actor, 0, 0, latency);
    if (gr.emitStream >= 0) this.emit(gr, e, actor);
  }

  /** Choreography: publish the follow-up event, same key, sequence, amount and correlation id. */
  private emit(gr: GroupState, cause: number, actor: number): void {
    const st = this.streams[gr.emitStream]!;
    const key = this.evKey[cause]!;
    const e = this.newEvent(st.index, key, this.evSeq[cause]!, this.evAmount[cause]!, this.evCorr[cause]!, cause, st.tpBase + (this.keyHash[key]! % st.partitions));
    this.evFlags[e] = 0;
    st.created += 1;
    st.amountCreated += this.evAmount[e]!;
    if (this.tracing) this.rec(T_EMITTED, e, actor, cause, 0, 0);
    this.send(e, this.now);
  }

  /** After a record: the next one in the batch, or commit (at-least-once) and poll again. */
  private next(gr: GroupState, m: number): void {
    const cur = this.mCur[m]! + 1;
    this.mCur[m] = cur;
    if (cur < this.mEnd[m]!) {
      this.begin(gr, m);
      return;
    }
    if (!gr.atMostOnce) this.commit(gr, m, this.mPart[m]!, cur);
    this.poll(m);
  }

  private commit(gr: GroupState, m: number, p: number, offset: number): void {
    const old = gr.committed[p]!;
    if (offset <= old) return;
    gr.committed[p] = offset;
    gr.lagTotal -= offset - old;
    if (this.tracing) this.rec(T_COMMITTED, -1, m, gr.tpBase + p, offset, 0);
  }

  // ── Crashes and assignment ──────────────────────────────────────────────────────────────────

  /**
   * Member `m` crashes. Whatever it was doing stops; its partitions go back to their committed
   * offsets (so at-least-once redelivers what was handled but not committed, and at-most-once has
   * already committed past what it had not yet handled: lost). The group hands them on after the
   * session timeout, or the member takes them back when it restarts first.
   */
  crash(m: number): void {
    if (this.mState[m] === DOWN) return;
    const g = this.mGroup[m]!;
    const gr = this.groups[g]!;
    this.mEpoch[m] = this.mEpoch[m]! + 1;
    this.mState[m] = DOWN;
    gr.crashes += 1;
    this.mPart[m] = -1;
    if (gr.staticMembership) {
      // Same instance id: the group keeps its partitions for it until the session timeout.
      for (const p of this.mParts[m]!) gr.position[p] = gr.committed[p]!;
      if (this.tracing) this.rec(T_CRASHED, -1, m, 1, 0, 0);
      this.queue.push(this.now + gr.sessionTimeoutMs, EVICT, m, this.mEpoch[m]!, 0);
      this.queue.push(this.now + gr.restartMs, RESTART, m, this.mEpoch[m]!, 0);
      return;
    }
    for (const p of this.mParts[m]!) {
      gr.position[p] = gr.committed[p]!;
      gr.owner[p] = -1;
    }
    this.mParts[m] = [];
    if (this.tracing) this.rec(T_CRASHED, -1, m, 0, 0, 0);
    this.queue.push(this.now + gr.sessionTimeoutMs, REBALANCE, g, 0, 0);
    this.queue.push(this.now + gr.restartMs, RESTART, m, this.mEpoch[m]!, 0);
  }

  private restart(m: number, epoch: number): void {
    if (epoch !== this.mEpoch[m] || this.mState[m] !== DOWN) return;
    this.mState[m] = IDLE;
    if (this.tracing) this.rec(T_RESTARTED, -1, m, 0, 0, 0);
    const gr = this.groups[this.mGroup[m]!]!;
    if (gr.staticMembership && this.mEvicted[m] === 0) {
      // Back under the same instance id within the session timeout: it resumes, nobody rebalances.
      this.poll(m);
      return;
    }
    this.mEvicted[m] = 0;
    this.rebalance(this.mGroup[m]!);
  }

  /** Static membership: the session timeout ran out while member `m` was still down; the group gives its partitions away. */
  private evict(m: number, epoch: number): void {
    if (epoch !== this.mEpoch[m] || this.mState[m] !== DOWN) return;
    const gr = this.groups[this.mGroup[m]!]!;
    for (const p of this.mParts[m]!) gr.owner[p] = -1;
    this.mParts[m] = [];
    this.mEvicted[m] = 1;
    this.rebalance(gr.index);
  }

  /**
   * The group's membership changed (a member left or joined). Cooperative: hand out the orphaned
   * partitions, nothing else moves. Eager: every member gives up every partition first and nothing
   * is processed until the group has synced (`rebalanceMs`).
   */
  private rebalance(g: number): void {
    const gr = this.groups[g]!;
    gr.rebalances += 1;
    if (!gr.eager) {
      this.assign(g);
      return;
    }
    let revoked = 0;
    for (let p = 0; p < gr.partitions; p += 1) {
      const owner = gr.owner[p]!;
      if (owner < 0) continue;
      if (this.mState[owner] !== DOWN) revoked += 1;
      gr.owner[p] = -1;
    }
    for (let j = 0; j < gr.members; j += 1) {
      const m = gr.memberBase + j;
      this.mParts[m] = [];
      if (this.mState[m] === DOWN) this.mEvicted[m] = 1;
    }
    gr.revoked += revoked;
    gr.syncToken += 1;
    if (this.tracing) this.rec(T_REVOKED, -1, -1 - g, revoked, 0, gr.rebalanceMs);
    this.queue.push(this.now + gr.rebalanceMs, SYNC, g, gr.syncToken, 0);
  }

  /**
   * A group deployed after events were published joins with no committed offset: `offsetReset`
   * decides whether it starts at the log end (skipping the backlog), at the start, or not at all.
   */
  private join(g: number): void {
    const gr = this.groups[g]!;
    let backlog = 0;
    for (let p = 0; p < gr.partitions; p += 1) backlog += this.logLen[gr.tpBase + p]! - gr.committed[p]!;
    if (gr.offsetReset === 2) {
      gr.offsetResetFailed = true;
      if (this.tracing) this.rec(T_OFFSET_RESET, -1, -1 - g, 2, backlog, 0);
      return;
    }
    if (gr.offsetReset === 0) {
      for (let p = 0; p < gr.partitions; p += 1) {
        const end = this.logLen[gr.tpBase + p]!;
        gr.position[p] = end;
        gr.committed[p] = end;
      }
      gr.skippedByReset = backlog;
      gr.lagTotal -= backlog;
    }
    gr.maxLag = gr.lagTotal;
    if (this.tracing) this.rec(T_OFFSET_RESET, -1, -1 - g, gr.offsetReset, backlog, 0);
    this.assign(g);
  }

  /**
   * Gives every unowned partition to the live member with the fewest (lowest index on a tie), so
   * the first assignment is round-robin and members beyond the partition count stay idle. Owned
   * partitions never move (a sticky assignor), so nothing in flight is revoked.
   */
  private assign(g: number): void {
    const gr = this.groups[g]!;
    for (let p = 0; p < gr.partitions; p += 1) {
      if (gr.owner[p] !== -1) continue;
      let best = -1;
      for (let j = 0; j < gr.members; j += 1) {
        const m = gr.memberBase + j;
        if (this.mState[m] === DOWN) continue;
        if (best < 0 || this.mParts[m]!.length < this.mParts[best]!.length) best = m;
      }
      if (best < 0) return;
      gr.owner[p] = best;
      this.mParts[best]!.push(p);
      if (this.tracing) this.rec(T_ASSIGNED, -1, best, gr.tpBase + p, 0, 0);
    }
    for (let j = 0; j < gr.members; j += 1) {
      const m = gr.memberBase + j;
      if (this.mState[m] === IDLE) this.poll(m);
    }
  }

  // ── Reads ───────────────────────────────────────────────────────────────────────────────────

  private read(r: number): void {
    const rd = this.reads[r]!;
    const latest = this.keySeq[rd.key]!;
    if (rd.mode === 'own-writes-from-write-model') {
      this.answer(r, latest, latest, 'write-model', false);
      return;
    }
    const held = this.groups[rd.group]!.perKey[rd.key]!;
    if (rd.mode === 'wait-for-projection' && held < latest) {
      rd.token = latest;
      this.pendingReads.push(r);
      this.queue.push(this.now + rd.timeoutMs, READ_TIMEOUT, r, 0, 0);
      return;
    }
    this.answer(r, held, latest, 'read-model', false);
  }

  private checkReads(g: number, key: number): void {
    const pending = this.pendingReads;
    for (let i = 0; i < pending.length; i += 1) {
      const r = pending[i]!;
      const rd = this.reads[r]!;
      const held = this.groups[g]!.perKey[key]!;
      if (rd.group === g && rd.key === key && held >= rd.token) {
        pending.splice(i, 1);
        i -= 1;
        this.answer(r, held, rd.token, 'read-model', false);
      }
    }
  }

  private readTimeout(r: number): void {
    const i = this.pendingReads.indexOf(r);
    if (i < 0) return;
    this.pendingReads.splice(i, 1);
    const rd = this.reads[r]!;
    this.answer(r, this.groups[rd.group]!.perKey[rd.key]!, rd.token, 'read-model', true);
  }

  private answer(r: number, version: number, latest: number, servedBy: 'read-model' | 'write-model', timedOut: boolean): void {
    const rd = this.reads[r]!;
    this.readResults.push({
      at: rd.at,
      answeredAt: this.now,
      key: this.keyNames[rd.key]!,
      version,
      latestVersion: latest,
      fresh: version >= latest,
      servedBy,
      timedOut,
    });
    if (this.tracing) this.rec(T_READ, -1, r, this.readResults.length - 1, 0, 0);
  }

  // ── Trace ───────────────────────────────────────────────────────────────────────────────────

  private rec(kind: number, e: number, actor: number, x: number, y: number, z: number): void {
    const i = this.trCount;
    if (i === this.trKind.length) this.growTrace(i * 2);
    this.trKind[i] = kind;
    this.trTime[i] = this.now;
    this.trEv[i] = e;
    this.trActor[i] = actor;
    this.trX[i] = x;
    this.trY[i] = y;
    this.trZ[i] = z;
    this.trCount = i + 1;
  }

  private growTrace(n: number): void {
    this.trKind = grown(this.trKind, n);
    this.trTime = grown(this.trTime, n);
    this.trEv = grown(this.trEv, n);
    this.trActor = grown(this.trActor, n);
    this.trX = grown(this.trX, n);
    this.trY = grown(this.trY, n);
    this.trZ = grown(this.trZ, n);
  }
}

function engine(sim: Sim): SimEngine {
  if (!(sim instanceof SimEngine)) throw new TypeError('Not a simulation created by createSim');
  return sim;
}

/** The engine behind a `Sim`, for `views.ts`. */
export function internals(sim: Sim): SimEngine {
  return engine(sim);
}

/** A new simulation at time 0; throws `SimConfigError` for a configuration that cannot run. */
export function createSim(config: SimConfig, seed: Seed): Sim {
  return new SimEngine(config, seed);
}

/** Runs the next scheduled action (one event in virtual time); false when nothing is left. */
export function step(sim: Sim): boolean {
  return engine(sim).step();
}

/** Runs everything due at or before time `t`, then sets the clock to `t` (never backwards). */
export function runUntil(sim: Sim, t: number): void {
  engine(sim).runUntil(t);
}

/**
 * Runs until nothing is left to do, or until the configured horizon (a partition blocked by a
 * message that never succeeds would otherwise retry forever). True when it finished.
 */
export function runToEnd(sim: Sim): boolean {
  const s = engine(sim);
  const q = s.queue;
  while (q.size > 0 && q.peekTime() <= s.horizonMs) s.step();
  return q.size === 0;
}

/**
 * Runs at most `maxSteps` actions due at or before `until` (by default the configured horizon) and
 * returns true once none is left. Running a simulation in such slices ends in exactly the state
 * `runUntil` / `runToEnd` reach; a page uses it to give the main thread back between slices.
 */
export function runSteps(sim: Sim, maxSteps: number, until?: number): boolean {
  const s = engine(sim);
  const q = s.queue;
  const limit = until ?? s.horizonMs;
  for (let i = 0; i < maxSteps && q.size > 0 && q.peekTime() <= limit; i += 1) s.step();
  return q.size === 0 || q.peekTime() > limit;
}

/** Time of the next scheduled action, or null when nothing is scheduled. */
export function nextTime(sim: Sim): number | null {
  const t = engine(sim).queue.peekTime();
  return t === Infinity ? null : t;
}

/**
 * Runs actions until at least one trace step is recorded (or nothing is left) and returns how many
 * were recorded; for stepping a narrated run one visible thing at a time. Needs `trace: true`.
 */
export function advance(sim: Sim): number {
  const s = engine(sim);
  if (!s.tracing) throw new Error('advance() needs a simulation created with trace: true');
  const before = s.trCount;
  while (s.trCount === before && s.step());
  return s.trCount - before;
}

function groupIndex(s: SimEngine, group: string): number {
  const g = s.groups.findIndex((x) => x.name === group);
  if (g < 0) throw new Error(`Unknown group "${group}"`);
  return g;
}

/** Crashes member `member` of `group` now (a learner's "crash" button). */
export function crashMember(sim: Sim, group: string, member: number): void {
  const s = engine(sim);
  const gr = s.groups[groupIndex(s, group)]!;
  if (!(member >= 0 && member < gr.members)) throw new Error(`Group "${group}" has no member ${member}`);
  s.crash(gr.memberBase + member);
}

/** Moves every message in `group`'s dead-letter queue back for processing now; returns how many. */
export function redrive(sim: Sim, group: string): number {
  const s = engine(sim);
  return s.redrive(groupIndex(s, group));
}

/**
 * Producer `producer` creates one more event now (a learner's "place order" button), for key
 * number `key` of its key space (random when omitted); returns the new event's id.
 */
export function publishNow(sim: Sim, producer: string, key?: number): string {
  const s = engine(sim);
  const st = s.streams.find((x) => x.name === producer && !x.emitter);
  if (!st) throw new Error(`Unknown producer "${producer}"`);
  const ordinal = st.created;
  const k = key ?? s.keyFor(st, ordinal);
  if (!(Number.isInteger(k) && k >= 0 && k < st.keys)) throw new Error(`Producer "${producer}" has keys 0–${st.keys - 1}, not ${k}`);
  return eventIdOf(s.createRoot(st, ordinal, st.keyBase + k));
}

/** "evt-0001" for event index 0. */
export function eventIdOf(index: number): string {
  return `evt-${String(index + 1).padStart(4, '0')}`;
}

/** "corr-0001" for a flow whose first event has index 0. */
export function correlationIdOf(rootIndex: number): string {
  return `corr-${String(rootIndex + 1).padStart(4, '0')}`;
}

/** The event index of an id made by `eventIdOf` / `correlationIdOf`, or −1. */
export function indexOfId(id: string): number {
  const m = /^(?:evt|corr)-(\d+)$/.exec(id);
  return m ? Number(m[1]) - 1 : -1;
}
