/**
 * The multi-region Try-it: the Order service in region A produces one `OrderPlaced` a second; the
 * topic is replicated asynchronously to region B with a chosen lag; Payments in A charges each
 * order as it arrives, and its group position reaches B every few seconds. Region A fails at a
 * chosen second, Payments restarts in B, and the run reports which orders never reached B and
 * which were charged twice.
 *
 * The model, kept deliberately small:
 * - order n is produced (and charged in A) at second n; replication copies it at second n + lag;
 * - the group's position is checkpointed every CHECKPOINT_EVERY seconds (at seconds 5, 10, …);
 * - MirrorMaker 2 translates a checkpoint only to an offset pair it has already replicated, and
 *   it records such a pair every OFFSET_SYNC_EVERY records, so translation lands at or before the
 *   true position;
 * - a cluster link keeps offsets identical, so its synced position is exact, as of the last sync.
 */
import type { Choice } from './prediction.ts';

/** How the consumer group's position reaches region B. */
export type OffsetMode = 'none' | 'translated' | 'preserved';

/** How Payments avoids a second charge for an order it already charged. */
export type DedupeMode = 'none' | 'regional' | 'global';

/** Seconds between two syncs of the group's position to region B. */
export const CHECKPOINT_EVERY = 5;
/** MirrorMaker 2 records a source ↔ target offset pair once every this many records. */
export const OFFSET_SYNC_EVERY = 3;
/** The seconds at which region A may fail. */
export const FAIL_TIMES: readonly number[] = [4, 5, 6, 7, 8, 9, 10, 11, 12];
/** The replication lags a learner can pick, in seconds. */
export const LAGS: readonly (Choice<'0' | '1' | '3'> & { readonly seconds: number })[] = [
  { id: '0', label: '0 s (synchronous, like a stretch cluster)', seconds: 0 },
  { id: '1', label: '1 s behind', seconds: 1 },
  { id: '3', label: '3 s behind', seconds: 3 },
];

/** The offset modes, as the radio buttons show them. */
export const OFFSET_MODES: readonly Choice<OffsetMode>[] = [
  { id: 'none', label: 'Not replicated: B starts from the earliest record (auto.offset.reset=earliest)' },
  { id: 'translated', label: 'MirrorMaker 2: a translated checkpoint' },
  { id: 'preserved', label: 'Cluster link: same offsets, synced as they are' },
];

/** The de-duplication modes, as the radio buttons show them. */
export const DEDUPE_MODES: readonly Choice<DedupeMode>[] = [
  { id: 'none', label: 'No check: charge every order read' },
  { id: 'regional', label: "Check a processed table in region A's database" },
  { id: 'global', label: 'Send the provider the key charge-<order id>' },
];

/** The predictions a learner can make. */
export const FAILOVER_CHOICES: readonly Choice<'clean' | 'lost' | 'twice' | 'both'>[] = [
  { id: 'clean', label: 'Nothing is lost and nobody is charged twice' },
  { id: 'lost', label: 'Some orders never reach B, but nobody is charged twice' },
  { id: 'twice', label: 'Every order reaches B, but some are charged twice' },
  { id: 'both', label: 'Some orders never reach B and some are charged twice' },
];

/** One run's settings. */
export interface FailoverSettings {
  /** The second at which region A fails (orders 1..failAt exist in A). */
  readonly failAt: number;
  /** Replication lag in whole seconds. */
  readonly lag: number;
  /** How the group's position reaches B. */
  readonly offsets: OffsetMode;
  /** How Payments de-duplicates. */
  readonly dedupe: DedupeMode;
}

/** What happened to one order. */
export interface OrderFate {
  /** The order number, from 1. */
  readonly order: number;
  /** Whether it reached region B before A failed. */
  readonly replicated: boolean;
  /** How many times its card was charged, in either region. */
  readonly charges: number;
}

/** One line of the run's trace. */
export interface TraceLine {
  /** What kind of line, for styling. */
  readonly kind: 'sync' | 'fail' | 'resume' | 'charge' | 'skip';
  /** The sentence. */
  readonly text: string;
}

/** What a run did. */
export interface FailoverRun {
  /** Every order produced in A, in order. */
  readonly orders: readonly OrderFate[];
  /** Orders that never reached B: the RPO, counted in orders. */
  readonly lost: readonly number[];
  /** Orders charged twice. */
  readonly duplicates: readonly number[];
  /** The last second at which the group's position was synced (0: never). */
  readonly checkpointAt: number;
  /** How many orders Payments in B treats as done: it resumes at order resumeAfter + 1. */
  readonly resumeAfter: number;
  /** Everything that happened, in order. */
  readonly trace: readonly TraceLine[];
  /** Which prediction this amounts to. */
  readonly outcome: (typeof FAILOVER_CHOICES)[number]['id'];
  /** Why, in a sentence or two. */
  readonly why: string;
}

function check(settings: FailoverSettings): void {
  const { failAt, lag } = settings;
  if (!Number.isInteger(failAt) || failAt < 1) throw new RangeError(`Failure time must be a whole second from 1, got ${failAt}`);
  if (!Number.isInteger(lag) || lag < 0) throw new RangeError(`Lag must be a whole number of seconds from 0, got ${lag}`);
}

/**
 * Where Payments resumes in B, as the number of orders it treats as done: `checkpointAt` is the
 * second of the last sync (when Payments had charged that many orders), `lag` the replication lag
 * and `replicatedAtFailure` how many orders B held when A failed.
 */
export function resumePosition(offsets: OffsetMode, checkpointAt: number, lag: number, replicatedAtFailure: number): number {
  if (offsets === 'none') return 0;
  if (offsets === 'preserved') return Math.min(checkpointAt, replicatedAtFailure);
  // MirrorMaker 2 can only translate to an offset pair it has written, and at the checkpoint it
  // had replicated just checkpointAt - lag records, with a pair every OFFSET_SYNC_EVERY of them.
  const seen = Math.max(0, checkpointAt - lag);
  return Math.floor(seen / OFFSET_SYNC_EVERY) * OFFSET_SYNC_EVERY;
}

/** Runs one failover and reports the fate of every order. */
export function runFailover(settings: FailoverSettings): FailoverRun {
  check(settings);
  const { failAt, lag, offsets, dedupe } = settings;
  const replicated = Math.max(0, failAt - lag);
  const checkpointAt = Math.floor(failAt / CHECKPOINT_EVERY) * CHECKPOINT_EVERY;
  const resumeAfter = resumePosition(offsets, checkpointAt, lag, replicated);
  const trace: TraceLine[] = [];

  for (let t = CHECKPOINT_EVERY; t <= failAt; t += CHECKPOINT_EVERY) {
    if (offsets === 'none') continue;
    const position = resumePosition(offsets, t, lag, Math.max(0, t - lag));
    trace.push({
      kind: 'sync',
      text:
        offsets === 'translated'
          ? `Second ${t}: Payments has charged orders 1–${t}; the checkpoint translates its position to "done up to order ${position}".`
          : `Second ${t}: Payments has charged orders 1–${t}; the link syncs its position: done up to order ${t}.`,
    });
  }
  trace.push({
    kind: 'fail',
    text:
      replicated === failAt
        ? `Second ${failAt}: region A fails. Payments had charged orders 1–${failAt}, and B holds all of them.`
        : `Second ${failAt}: region A fails. Payments had charged orders 1–${failAt}; B holds only orders ${replicated > 0 ? `1–${replicated}` : 'none'}.`,
  });
  trace.push({
    kind: 'resume',
    text:
      resumeAfter >= replicated
        ? `Payments starts in B after order ${resumeAfter}: nothing B holds is read again.`
        : `Payments starts in B at order ${resumeAfter + 1} and reads orders ${resumeAfter + 1}–${replicated} again.`,
  });

  const orders: OrderFate[] = [];
  for (let order = 1; order <= failAt; order += 1) {
    const inB = order <= replicated;
    const reRead = inB && order > resumeAfter;
    const chargedAgain = reRead && dedupe !== 'global';
    if (reRead) {
      trace.push(
        chargedAgain
          ? { kind: 'charge', text: `Order ${order}: charged AGAIN in B${dedupe === 'regional' ? " (region A's table is unreachable)" : ''}.` }
          : { kind: 'skip', text: `Order ${order}: the provider already has key charge-${order} and returns the first charge.` },
      );
    }
    orders.push({ order, replicated: inB, charges: chargedAgain ? 2 : 1 });
  }

  const lost = orders.filter((o) => !o.replicated).map((o) => o.order);
  const duplicates = orders.filter((o) => o.charges > 1).map((o) => o.order);
  const outcome = lost.length > 0 ? (duplicates.length > 0 ? 'both' : 'lost') : duplicates.length > 0 ? 'twice' : 'clean';
  return { orders, lost, duplicates, checkpointAt, resumeAfter, trace, outcome, why: explain(settings, lost.length, duplicates.length, resumeAfter, replicated) };
}

function explain(settings: FailoverSettings, lost: number, duplicates: number, resumeAfter: number, replicated: number): string {
  const { lag, offsets, dedupe } = settings;
  const loss =
    lost > 0
      ? `Replication ran ${lag} s behind, so the last ${lost === 1 ? 'order' : `${lost} orders`} never reached B: the RPO is the lag.`
      : lag === 0
        ? 'Replication was synchronous, so B had every order: an RPO of zero.'
        : 'Every order had reached B before the failure.';
  const reRead = Math.max(0, replicated - resumeAfter);
  const where =
    offsets === 'none'
      ? 'With no replicated position, Payments re-read everything B held.'
      : offsets === 'translated'
        ? `The translated checkpoint sat at order ${resumeAfter}, at or before the true position, so Payments re-read ${reRead} order${reRead === 1 ? '' : 's'}.`
        : `The link's offsets are exact, but only as of the last sync, so Payments re-read ${reRead} order${reRead === 1 ? '' : 's'}.`;
  const effect =
    reRead === 0
      ? ''
      : dedupe === 'global'
        ? ' The provider recognised each key, wherever the retry came from, so nobody was charged twice.'
        : dedupe === 'regional'
          ? ` The de-duplication table was in region A, which is down, so ${duplicates} order${duplicates === 1 ? ' was' : 's were'} charged twice.`
          : ` Nothing checked, so ${duplicates} order${duplicates === 1 ? ' was' : 's were'} charged twice.`;
  return `${loss} ${where}${effect}`;
}
