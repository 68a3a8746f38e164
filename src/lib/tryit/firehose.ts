/**
 * The case-study Try-it: a consumer of a Bluesky-style firehose (relay `seq` cursors)
 * processes events, saves its cursor every few events, drops off and reconnects. How it
 * reconnects — live, from its saved cursor, or rewinding further and de-duplicating — decides
 * whether it misses events or applies some twice.
 */
import type { Choice } from './prediction.ts';

/** How the consumer reconnects. */
export type Reconnect = 'live' | 'cursor' | 'rewind-dedupe';

/** The strategies, as radio buttons. */
export const RECONNECTS: readonly Choice<Reconnect>[] = [
  { id: 'live', label: 'Reconnect without a cursor (live tail)' },
  { id: 'cursor', label: 'Reconnect from the saved cursor' },
  { id: 'rewind-dedupe', label: 'Rewind a little before the saved cursor and skip what was already applied' },
];

/** The predictions. */
export const FIREHOSE_CHOICES: readonly Choice<'gap' | 'twice' | 'once'>[] = [
  { id: 'gap', label: 'Some events are never applied' },
  { id: 'twice', label: 'Some events are applied twice' },
  { id: 'once', label: 'Every event is applied exactly once' },
];

/** The scenario: which events exist, what was applied before the drop, how often the cursor is saved. */
export const SCENARIO = { first: 101, last: 120, appliedBeforeDrop: 113, saveEvery: 5, rewindBy: 5 } as const;

/** What became of one event. */
export type EventFate = 'once' | 'twice' | 'missed' | 'skipped-duplicate';

/** A reconnect, played out. */
export interface FirehoseRun {
  /** The cursor saved before the drop (the last `seq` fully processed when it was saved). */
  readonly savedCursor: number;
  /** The `seq` the stream resumes after, or null for the live tail. */
  readonly resumeAfter: number | null;
  /** Fate of each event, by `seq`, in order. */
  readonly fates: readonly { readonly seq: number; readonly fate: EventFate }[];
  /** Events never applied. */
  readonly missed: number;
  /** Events applied twice. */
  readonly twice: number;
  /** Which prediction this amounts to. */
  readonly outcome: (typeof FIREHOSE_CHOICES)[number]['id'];
  /** What happened, line by line. */
  readonly trace: readonly string[];
  /** Why, in one sentence. */
  readonly why: string;
}

/** Plays out a drop after `SCENARIO.appliedBeforeDrop` and a reconnect by `how`. */
export function runFirehose(how: Reconnect): FirehoseRun {
  const { first, last, appliedBeforeDrop, saveEvery, rewindBy } = SCENARIO;
  const savedCursor = Math.floor((appliedBeforeDrop - first + 1) / saveEvery) * saveEvery + first - 1;
  const applied = new Map<number, number>();
  for (let seq = first; seq <= appliedBeforeDrop; seq += 1) applied.set(seq, 1);
  const liveFrom = last - 1;
  const resumeAfter = how === 'live' ? null : how === 'cursor' ? savedCursor : savedCursor - rewindBy;
  const skipped = new Set<number>();
  for (let seq = (resumeAfter ?? liveFrom) + 1; seq <= last; seq += 1) {
    if (how === 'rewind-dedupe' && applied.has(seq)) skipped.add(seq);
    else applied.set(seq, (applied.get(seq) ?? 0) + 1);
  }
  const fates: { seq: number; fate: EventFate }[] = [];
  for (let seq = first; seq <= last; seq += 1) {
    const n = applied.get(seq) ?? 0;
    fates.push({ seq, fate: n === 0 ? 'missed' : n > 1 ? 'twice' : skipped.has(seq) ? 'skipped-duplicate' : 'once' });
  }
  const missed = fates.filter((f) => f.fate === 'missed').length;
  const twice = fates.filter((f) => f.fate === 'twice').length;
  const outcome = missed > 0 ? 'gap' : twice > 0 ? 'twice' : 'once';
  const trace = [
    `Applied ${first}–${appliedBeforeDrop}; the cursor is saved every ${saveEvery} events, last at ${savedCursor}.`,
    `Connection dropped; events ${appliedBeforeDrop + 1}–${liveFrom} were published while it was away.`,
    how === 'live'
      ? `Reconnected with no cursor: the relay sends only new events, from ${last}.`
      : `Reconnected with cursor ${resumeAfter}: the relay replays from there.`,
  ];
  if (skipped.size > 0) trace.push(`Skipped ${[...skipped].join(', ')}: already applied (same record URI and rev).`);
  const why =
    how === 'live'
      ? `No cursor means the live stream: the ${missed} events published while the consumer was away are gone unless it repairs the gap.`
      : how === 'cursor'
        ? `The saved cursor lagged behind what was applied (it is saved every ${saveEvery} events), so ${twice} events were replayed and applied again.`
        : 'Rewinding guarantees no gap, and de-duplicating (idempotent processing) makes the replayed events harmless.';
  return { savedCursor, resumeAfter, fates, missed, twice, outcome, trace, why };
}
