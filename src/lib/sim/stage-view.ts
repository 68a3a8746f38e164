/**
 * What a lab's stage draws, as plain data built from the engine's state: partitions as lanes of
 * event chips with each group's cursors and lag, each group's members, the effects it applied
 * (duplicates counted), its retry topic and dead-letter queue, per-key results against what they
 * should be, the outbox table, a trace waterfall, and a one-paragraph text summary of it all.
 * The engine stays the one source of truth; nothing here changes it.
 */
import { BACKOFF, BUSY, F_APPENDED, F_LOST, F_POISON, TRACE_KINDS, correlationIdOf, eventIdOf, indexOfId, internals, type Sim, type SimEngine } from './engine.ts';
import type { LabId } from './presets.ts';
import type { GroupState } from './state.ts';
import type { MemberState } from './types.ts';
import { formatCents } from './views.ts';

/** One event drawn as a chip. */
export interface StageChip {
  /** Key for a keyed `{#each}`: unique within its list. */
  readonly id: string;
  /** Event id, e.g. "evt-0007". */
  readonly eventId: string;
  /** Short label: the event's number, e.g. "7". */
  readonly label: string;
  /** The key it is about, e.g. "account-2". */
  readonly key: string;
  /** Short key, e.g. "a2", written on the chip so colour is not the only signal. */
  readonly keyLabel: string;
  /** Colour slot of the key (0–7). */
  readonly colour: number;
  /** Which copy or application this is (1 = the first; 2 = the same event a second time). */
  readonly copy: number;
  /** A payload the consumers cannot handle. */
  readonly poison: boolean;
  /** A duplicate an idempotent consumer recognised and skipped. */
  readonly skipped: boolean;
}

/** Where one group stands on one partition. */
export interface StageCursor {
  /** Group name. */
  readonly group: string;
  /** Next offset the group will be handed. */
  readonly position: number;
  /** Committed offset. */
  readonly committed: number;
  /** Log-end − committed. */
  readonly lag: number;
  /** Member that owns the partition, or null while it is unassigned (a rebalance). */
  readonly owner: string | null;
}

/** One partition's log as a lane. */
export interface StageLane {
  /** "payments[0]". */
  readonly id: string;
  /** Log-end offset. */
  readonly logEnd: number;
  /** Offset of the first chip drawn. */
  readonly from: number;
  /** The newest records, oldest first (offset = from + index). */
  readonly chips: readonly StageChip[];
  /** One per group reading the topic. */
  readonly cursors: readonly StageCursor[];
}

/** One member of a group. */
export interface StageMember {
  /** "ledger#1". */
  readonly name: string;
  /** What it is doing. */
  readonly state: MemberState;
  /** Partitions it owns, e.g. "payments[0], payments[1]"; empty when idle without any. */
  readonly partitions: readonly string[];
  /** Event in hand while processing or backing off, else null. */
  readonly holding: string | null;
}

/** A dead-lettered message. */
export interface StageDeadLetter extends StageChip {
  /** Attempts made before it was dead-lettered. */
  readonly attempts: number;
}

/** One consumer group. */
export interface StageGroup {
  /** Group name. */
  readonly name: string;
  /** Lag over its partitions. */
  readonly lag: number;
  /** Members and what they hold. */
  readonly members: readonly StageMember[];
  /** The newest effects it applied (and duplicates it skipped), oldest first. */
  readonly applied: readonly StageChip[];
  /** Effects (and skips) older than those drawn. */
  readonly appliedEarlier: number;
  /** Effects applied for an event that already had one. */
  readonly duplicateEffects: number;
  /** Whether it retries through a retry topic (drawn as its own lane). */
  readonly retryTopic: boolean;
  /** Messages waiting in the retry topic (or being redriven). */
  readonly retrying: readonly StageChip[];
  /** Its dead-letter queue, oldest first. */
  readonly dlq: readonly StageDeadLetter[];
}

/** How a per-key result compares with what it should be. */
export type BarVerdict = 'right' | 'over' | 'under' | 'pending';

/** One key's result against what it should be. */
export interface StageBar {
  /** The key, e.g. "account-2". */
  readonly key: string;
  /** Value now. */
  readonly value: number;
  /** What it should be once every event is applied exactly once (and in order). */
  readonly expected: number;
  /** Its comparison. */
  readonly verdict: BarVerdict;
  /** The numbers and the verdict in words, e.g. "€60.00 of €45.00 — €15.00 too much, wrong". */
  readonly text: string;
}

/** Per-key results of one group, drawn as bars against ghost bars of their expected values. */
export interface StageBars {
  /** Group name. */
  readonly group: string;
  /** Heading, e.g. "Account balances (ledger)". */
  readonly title: string;
  /** The bars, in key order. */
  readonly bars: readonly StageBar[];
}

/** One row of the producing service's table. */
export interface StageOutboxRow {
  /** Event id. */
  readonly eventId: string;
  /** The order (key) saved. */
  readonly key: string;
  /** Dual write: published, lost or on its way; outbox: relay marked it sent, or still pending. */
  readonly status: 'published' | 'lost' | 'on-the-way' | 'sent' | 'pending';
  /** Copies of the event in the topic (2 = published twice). */
  readonly copies: number;
}

/** The producer's database table beside the broker (outbox lab). */
export interface StageOutbox {
  /** Producer name. */
  readonly producer: string;
  /** How it publishes. */
  readonly mode: 'dual-write' | 'outbox';
  /** Orders saved, in commit order. */
  readonly rows: readonly StageOutboxRow[];
  /** Relay polls so far (outbox). */
  readonly relayPolls: number;
}

/** One service's handling of one event of a traced flow. */
export interface StageSpan {
  /** Service (group or producer) name. */
  readonly service: string;
  /** Event handled (or created, for the first row). */
  readonly eventId: string;
  /** When the event was created: the span's wait in the broker starts here. */
  readonly waitFrom: number;
  /** First delivery to the service (= waitFrom for the producer's row). */
  readonly start: number;
  /** When its effect was applied, or null while not yet. */
  readonly end: number | null;
  /** Failed attempts before it succeeded. */
  readonly failures: number;
}

/** A trace waterfall of one correlation id. */
export interface StageWaterfall {
  /** The correlation id followed. */
  readonly correlationId: string;
  /** Rows in start order. */
  readonly spans: readonly StageSpan[];
  /** Time of the flow's first event. */
  readonly start: number;
  /** Latest time drawn (end of the last span, or now). */
  readonly end: number;
}

/** Everything a lab's stage draws at one moment. */
export interface StageView {
  /** Virtual time. */
  readonly now: number;
  /** Whether nothing is left to run. */
  readonly finished: boolean;
  /** Partitions of every topic, topic by topic. */
  readonly lanes: readonly StageLane[];
  /** Consumer groups in configuration order. */
  readonly groups: readonly StageGroup[];
  /** Per-key results of the lab's main group, or null. */
  readonly bars: StageBars | null;
  /** The producer's table (outbox lab), or null. */
  readonly outbox: StageOutbox | null;
  /** The followed flow (tracing lab), or null. */
  readonly waterfall: StageWaterfall | null;
  /** What the stage shows, in a few sentences (the drawing's text alternative). */
  readonly summary: string;
}

/** What each lab's stage puts forward besides its lanes. */
const LAB_STAGE: { readonly [I in LabId]: { readonly bars?: string; readonly waterfall?: true } } = {
  'duplicates-idempotency': { bars: 'ledger' },
  'ordering-keys': { bars: 'fulfilment' },
  'consumer-groups': {},
  'eventual-consistency': { bars: 'profile-page' },
  'retries-dlq': { bars: 'billing' },
  'outbox-dual-write': { bars: 'shipping' },
  'trace-correlation': { waterfall: true },
};

/** Options for {@link stageView}. */
export interface StageOptions {
  /** Which lab: decides the bars and the waterfall. */
  readonly lab: LabId;
  /** Most chips drawn per lane (the newest); older ones are counted. Default 12. */
  readonly maxChips?: number;
  /** Correlation id the waterfall follows; default the first flow. */
  readonly followed?: string;
}

/** Number of key colours. */
export const KEY_COLOURS = 8;

const T_CREATED = TRACE_KINDS.indexOf('created');
const T_DELIVERED = TRACE_KINDS.indexOf('delivered');
const T_APPLIED = TRACE_KINDS.indexOf('applied');
const T_DUP_CAUGHT = TRACE_KINDS.indexOf('duplicate-caught');
const T_FAILED = TRACE_KINDS.indexOf('failed');

const MEMBER_STATES: readonly MemberState[] = ['idle', 'processing', 'backing-off', 'down'];

/** "a2" for "account-2": the key's first letter and number. */
export function shortKey(key: string): string {
  const dash = key.lastIndexOf('-');
  return dash < 0 ? key.slice(0, 3) : `${key[0]}${key.slice(dash + 1)}`;
}

function chip(s: SimEngine, e: number, id: string, copy: number, skipped = false): StageChip {
  const key = s.evKey[e]!;
  const name = s.keyNames[key]!;
  return {
    id,
    eventId: eventIdOf(e),
    label: String(e + 1),
    key: name,
    keyLabel: shortKey(name),
    colour: key % KEY_COLOURS,
    copy,
    poison: (s.evFlags[e]! & F_POISON) !== 0,
    skipped,
  };
}

function partitionName(s: SimEngine, tp: number): string {
  const t = s.tpTopic[tp]!;
  return `${s.topicNames[t]}[${tp - s.topicTpBase[t]!}]`;
}

function memberName(s: SimEngine, m: number): string {
  const gr = s.groups[s.mGroup[m]!]!;
  return `${gr.name}#${m - gr.memberBase}`;
}

/** Lanes of every partition; fills `copies` with each event's number of copies in its topic. */
function lanesOf(s: SimEngine, maxChips: number, copies: Uint8Array): StageLane[] {
  const lanes: StageLane[] = [];
  for (let tp = 0; tp < s.logs.length; tp += 1) {
    const log = s.logs[tp]!;
    const end = s.logLen[tp]!;
    const from = Math.max(0, end - maxChips);
    const chips: StageChip[] = [];
    for (let off = 0; off < end; off += 1) {
      const e = log[off]!;
      const copy = Math.min(255, copies[e]! + 1);
      copies[e] = copy;
      if (off >= from) chips.push(chip(s, e, String(off), copy));
    }
    const p = tp - s.topicTpBase[s.tpTopic[tp]!]!;
    const cursors = s.topicGroups[s.tpTopic[tp]!]!.map((g) => {
      const gr = s.groups[g]!;
      const owner = gr.owner[p]!;
      return { group: gr.name, position: gr.position[p]!, committed: gr.committed[p]!, lag: end - gr.committed[p]!, owner: owner < 0 ? null : memberName(s, owner) };
    });
    lanes.push({ id: partitionName(s, tp), logEnd: end, from, chips, cursors });
  }
  return lanes;
}

function groupOfActor(s: SimEngine, actor: number): number {
  return actor >= 0 ? s.mGroup[actor]! : -1 - actor;
}

/** The newest effects (and skipped duplicates) of a group, read backwards from the trace. */
function appliedOf(s: SimEngine, gr: GroupState, maxChips: number): StageChip[] {
  const out: StageChip[] = [];
  const later = new Map<number, number>();
  for (let i = s.trCount - 1; i >= 0 && out.length < maxChips; i -= 1) {
    const kind = s.trKind[i]!;
    if ((kind !== T_APPLIED && kind !== T_DUP_CAUGHT) || groupOfActor(s, s.trActor[i]!) !== gr.index) continue;
    const e = s.trEv[i]!;
    if (kind === T_DUP_CAUGHT) {
      out.push(chip(s, e, `t${i}`, gr.effectCount[e]! + 1, true));
      continue;
    }
    const seenLater = later.get(e) ?? 0;
    later.set(e, seenLater + 1);
    out.push(chip(s, e, `t${i}`, gr.effectCount[e]! - seenLater));
  }
  return out.reverse();
}

function groupOf(s: SimEngine, gr: GroupState, maxChips: number): StageGroup {
  const members: StageMember[] = [];
  for (let j = 0; j < gr.members; j += 1) {
    const m = gr.memberBase + j;
    const state = s.mState[m]!;
    const part = s.mPart[m]!;
    const holding = (state === BUSY || state === BACKOFF) && part >= 0 ? eventIdOf(s.logs[gr.tpBase + part]![s.mCur[m]!]!) : null;
    const partitions = [...s.mParts[m]!].sort((a, b) => a - b).map((p) => partitionName(s, gr.tpBase + p));
    members.push({ name: memberName(s, m), state: MEMBER_STATES[state]!, partitions, holding });
  }
  let lag = 0;
  for (let p = 0; p < gr.partitions; p += 1) lag += s.logLen[gr.tpBase + p]! - gr.committed[p]!;
  const applied = appliedOf(s, gr, maxChips);
  return {
    name: gr.name,
    lag,
    members,
    applied,
    appliedEarlier: gr.effects + gr.duplicatesCaught - applied.length,
    duplicateEffects: gr.duplicateEffects,
    retryTopic: gr.retryTopic,
    retrying: [...gr.retrying.keys()].sort((a, b) => a - b).map((e) => chip(s, e, String(e), 1)),
    dlq: gr.dlqEvent.map((e, i) => ({ ...chip(s, e, `${e}-${i}`, 1), attempts: gr.dlqAttempts[i]! })),
  };
}

function barsOf(s: SimEngine, gr: GroupState, finished: boolean): StageBars {
  const keys = s.keyNames.length;
  const expected = new Float64Array(keys);
  const created = new Uint8Array(keys);
  for (let e = 0; e < s.evCount; e += 1) {
    if (s.tpTopic[s.evTp[e]!] !== gr.topic) continue;
    const k = s.evKey[e]!;
    created[k] = 1;
    expected[k] = gr.effect === 0 ? expected[k]! + 1 : gr.effect === 1 ? expected[k]! + s.evAmount[e]! : Math.max(expected[k]!, s.evSeq[e]!);
  }
  const readKeys = new Set((s.config.reads ?? []).map((r) => s.keyNames.indexOf(r.key)));
  const money = gr.effect === 1;
  const show = (n: number) => (money ? formatCents(n) : gr.effect === 2 ? `version ${n}` : String(n));
  const bars: StageBar[] = [];
  for (let k = 0; k < keys && bars.length < 12; k += 1) {
    if (readKeys.size > 0 ? !readKeys.has(k) : !created[k]) continue;
    const value = gr.perKey[k]!;
    const want = expected[k]!;
    const verdict: BarVerdict = value > want ? 'over' : value === want ? 'right' : finished ? 'under' : 'pending';
    const diff = show(Math.abs(value - want));
    const words =
      verdict === 'right'
        ? 'right'
        : verdict === 'over'
          ? `${gr.effect === 2 ? 'ahead' : `${diff} too ${money ? 'much' : 'many'}`} — wrong`
          : verdict === 'under'
            ? `${gr.effect === 2 ? 'stale' : `${diff} missing`} — wrong`
            : 'still on its way';
    bars.push({ key: s.keyNames[k]!, value, expected: want, verdict, text: `${show(value)} of ${show(want)}: ${words}` });
  }
  const title = money ? 'Balances' : gr.effect === 2 ? 'Read model versions' : 'Times handled';
  return { group: gr.name, title: `${title} (${gr.name})`, bars };
}

function outboxOf(s: SimEngine, copies: Uint8Array): StageOutbox | null {
  const st = s.streams.find((x) => !x.emitter && x.publish !== 0);
  if (!st) return null;
  const rows: StageOutboxRow[] = [];
  const row = (e: number, status: StageOutboxRow['status']) => rows.push({ eventId: eventIdOf(e), key: s.keyNames[s.evKey[e]!]!, status, copies: copies[e]! });
  if (st.publish === 2) {
    st.outbox.forEach((e, i) => row(e, i < st.outboxSent ? 'sent' : 'pending'));
  } else {
    for (let e = 0; e < s.evCount; e += 1) {
      if (s.evStream[e] !== st.index) continue;
      const flags = s.evFlags[e]!;
      row(e, flags & F_APPENDED ? 'published' : flags & F_LOST ? 'lost' : 'on-the-way');
    }
  }
  return { producer: st.name, mode: st.publish === 2 ? 'outbox' : 'dual-write', rows, relayPolls: st.relayPolls };
}

function waterfallOf(s: SimEngine, followed: string | undefined): StageWaterfall | null {
  let corr = followed ? indexOfId(followed) : 0;
  if (corr < 0 || corr >= s.evCount || s.evCorr[corr] !== corr) corr = 0;
  if (s.evCount === 0) return null;
  const spans = new Map<string, { service: string; eventId: string; waitFrom: number; start: number; end: number | null; failures: number }>();
  for (let i = 0; i < s.trCount; i += 1) {
    const e = s.trEv[i]!;
    if (e < 0 || s.evCorr[e] !== corr) continue;
    const kind = s.trKind[i]!;
    const at = s.trTime[i]!;
    if (kind === T_CREATED) {
      spans.set(`c${e}`, { service: s.streams[s.trActor[i]!]!.name, eventId: eventIdOf(e), waitFrom: at, start: at, end: at, failures: 0 });
      continue;
    }
    if (kind !== T_DELIVERED && kind !== T_APPLIED && kind !== T_FAILED) continue;
    const g = groupOfActor(s, s.trActor[i]!);
    const id = `${g}:${e}`;
    let span = spans.get(id);
    if (!span) {
      span = { service: s.groups[g]!.name, eventId: eventIdOf(e), waitFrom: s.evTime[e]!, start: at, end: null, failures: 0 };
      spans.set(id, span);
    }
    if (kind === T_APPLIED && span.end === null) span.end = at;
    if (kind === T_FAILED) span.failures += 1;
  }
  const list = [...spans.values()].sort((a, b) => a.start - b.start);
  const start = s.evTime[corr]!;
  const end = Math.max(start + 1, ...list.map((x) => x.end ?? s.now));
  return { correlationId: correlationIdOf(corr), spans: list, start, end };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function summaryOf(view: Omit<StageView, 'summary'>): string {
  const parts: string[] = [`At ${Math.round(view.now)} ms${view.finished ? ', the run is over' : ''}.`];
  const records = view.lanes.reduce((n, l) => n + l.logEnd, 0);
  const copies = view.lanes.reduce((n, l) => n + l.chips.filter((c) => c.copy > 1).length, 0);
  parts.push(`${plural(view.lanes.length, 'partition')} hold ${plural(records, 'record')}${copies ? `, ${plural(copies, 'duplicate copy', 'duplicate copies')} among the newest` : ''}.`);
  for (const g of view.groups) {
    const down = g.members.filter((m) => m.state === 'down').length;
    const bits = [`lag ${g.lag}`];
    if (g.duplicateEffects) bits.push(`${plural(g.duplicateEffects, 'effect')} applied twice`);
    if (down) bits.push(`${plural(down, 'member')} down`);
    if (g.retrying.length) bits.push(`${g.retrying.length} in the retry topic`);
    if (g.dlq.length) bits.push(`${plural(g.dlq.length, 'message')} in the dead-letter queue`);
    parts.push(`${g.name}: ${bits.join(', ')}.`);
  }
  if (view.bars) {
    const wrong = view.bars.bars.filter((b) => b.verdict === 'over' || b.verdict === 'under').length;
    parts.push(`${view.bars.title}: ${wrong ? `${wrong} of ${view.bars.bars.length} wrong` : `none wrong of ${view.bars.bars.length}`}.`);
  }
  if (view.outbox) {
    const lost = view.outbox.rows.filter((r) => r.status === 'lost').length;
    const twice = view.outbox.rows.filter((r) => r.copies > 1).length;
    parts.push(`${view.outbox.producer} saved ${plural(view.outbox.rows.length, 'order')}: ${lost} lost, ${twice} published twice.`);
  }
  if (view.waterfall) parts.push(`${view.waterfall.correlationId} has ${plural(view.waterfall.spans.length, 'span')}.`);
  return parts.join(' ');
}

/** What the stage of lab `options.lab` shows for the simulation at its current moment. */
export function stageView(sim: Sim, options: StageOptions): StageView {
  const s = internals(sim);
  const maxChips = options.maxChips ?? 12;
  const focus = LAB_STAGE[options.lab];
  const finished = s.queue.size === 0;
  const copies = new Uint8Array(s.evCount);
  const lanes = lanesOf(s, maxChips, copies);
  const barsGroup = focus.bars === undefined ? undefined : s.groups.find((g) => g.name === focus.bars);
  const view = {
    now: s.now,
    finished,
    lanes,
    groups: s.groups.map((gr) => groupOf(s, gr, maxChips)),
    bars: barsGroup ? barsOf(s, barsGroup, finished) : null,
    outbox: outboxOf(s, copies),
    waterfall: focus.waterfall ? waterfallOf(s, options.followed) : null,
  };
  return { ...view, summary: summaryOf(view) };
}

/** A narrated step's actor and the rest of its sentence, so a list can bold the actor without saying it twice. */
export function actorAndText(step: { readonly actor: string; readonly text: string }): { readonly actor: string; readonly rest: string } {
  return step.text.startsWith(`${step.actor} `) ? { actor: step.actor, rest: step.text.slice(step.actor.length) } : { actor: `${step.actor}:`, rest: ` ${step.text}` };
}
