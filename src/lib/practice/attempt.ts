// One practice attempt as the progress store keeps it, and every change a candidate makes to it.
// Each function returns a new attempt (or the same object when nothing changes); the island records
// the result with `practice/record`, and the store's merge joins it with other tabs' saves.
import type { AttemptGrade, PracticeAttempt, ScratchpadCopy } from '../../schemas/progress.ts';
import { ATTEMPT_LIMITS } from '../../schemas/progress-constants.ts';
import type { Diagram } from './diagram/model.ts';
import { asDiagram } from './diagram-guard.ts';
import { nextPhase, startClock, stopClock, totalSpentMs, type PhaseId } from './timer.ts';

/**
 * Where an attempt stands: one of the four interview phases, then submitted (self-grading, the model
 * answer still hidden), graded (model answer open) and regraded.
 */
export type AttemptStage = PhaseId | 'submitted' | 'graded' | 'regraded';

/** The stages in order. */
export const ATTEMPT_STAGES: readonly AttemptStage[] = ['clarify', 'high-level', 'deep-dive', 'wrap-up', 'submitted', 'graded', 'regraded'];

/** The attempt's stage. */
export function attemptStage(attempt: PracticeAttempt): AttemptStage {
  const grades = attempt.grades ?? [];
  if (grades.some((g) => g.regrade)) return 'regraded';
  if (grades.length > 0 || (attempt.submittedAt !== undefined && attempt.score !== undefined)) return 'graded';
  if (attempt.submittedAt !== undefined) return 'submitted';
  return attempt.clock?.phase ?? 'clarify';
}

/** Whether the model answer may be shown: only once the candidate has graded themselves. */
export function isModelAnswerOpen(attempt: PracticeAttempt): boolean {
  const stage = attemptStage(attempt);
  return stage === 'graded' || stage === 'regraded';
}

/** Whether the attempt is still being worked on (not yet submitted). */
export function isInProgress(attempt: PracticeAttempt): boolean {
  return attempt.submittedAt === undefined;
}

/**
 * The time to stamp a change with: `now` as an ISO time, but always after `previous` so a change
 * never loses to the value it replaces, even if the clock went backwards.
 */
export function stampAfter(now: number, previous?: string): string {
  const before = previous === undefined ? Number.NEGATIVE_INFINITY : Date.parse(previous);
  const at = Number.isFinite(now) ? Math.max(0, Math.floor(now)) : 0;
  return new Date(at > before ? at : before + 1).toISOString();
}

/** An attempt id derived from its start time: `a-` and the milliseconds in base 36 (`a-m5x0k3c0`). */
export function attemptIdFrom(startedAtMs: number): string {
  return `a-${Math.max(0, Math.floor(Number.isFinite(startedAtMs) ? startedAtMs : 0)).toString(36)}`;
}

/** A new attempt started at `now`, in the clarify phase with the clock running. */
export function startAttempt(now: number): PracticeAttempt {
  const at = stampAfter(now);
  return { id: attemptIdFrom(now), startedAt: at, elapsedMs: 0, hintsUsed: 0, clock: startClock(at) };
}

/** The attempt moved on to the next interview phase at `now` (nothing changes in the last phase). */
export function advancePhase(attempt: PracticeAttempt, now: number): PracticeAttempt {
  if (!isInProgress(attempt) || attempt.clock === undefined) return attempt;
  const clock = nextPhase(attempt.clock, stampAfter(now, attempt.clock.at));
  return clock === attempt.clock ? attempt : { ...attempt, clock, elapsedMs: totalSpentMs(clock, now) };
}

/** The attempt handed in at `now`: the clock stops and self-grading starts. */
export function submitAttempt(attempt: PracticeAttempt, now: number): PracticeAttempt {
  if (!isInProgress(attempt)) return attempt;
  const submittedAt = stampAfter(now, attempt.startedAt);
  const clock = attempt.clock === undefined ? undefined : stopClock(attempt.clock, stampAfter(now, attempt.clock.at));
  return { ...attempt, submittedAt, elapsedMs: clock === undefined ? attempt.elapsedMs : totalSpentMs(clock, now), ...(clock ? { clock } : {}) };
}

function addId(list: readonly string[] | undefined, id: string): string[] | undefined {
  if (list?.includes(id) || (list?.length ?? 0) >= ATTEMPT_LIMITS.idsPerList) return undefined;
  return [...(list ?? []), id].sort();
}

/** The attempt with clarifying question `questionId` asked (asking twice changes nothing). */
export function askQuestion(attempt: PracticeAttempt, questionId: string): PracticeAttempt {
  const asked = isInProgress(attempt) ? addId(attempt.asked, questionId) : undefined;
  return asked === undefined ? attempt : { ...attempt, asked };
}

/** The attempt with hint `hintId` taken; `hintsUsed` counts it. */
export function takeHint(attempt: PracticeAttempt, hintId: string): PracticeAttempt {
  const hints = isInProgress(attempt) ? addId(attempt.hints, hintId) : undefined;
  return hints === undefined ? attempt : { ...attempt, hints, hintsUsed: Math.max(attempt.hintsUsed, hints.length) };
}

/** The attempt with the estimation worksheet as typed (each figure cut to its length limit). */
export function setEstimates(attempt: PracticeAttempt, values: Readonly<Record<string, string>>, now: number): PracticeAttempt {
  if (!isInProgress(attempt)) return attempt;
  const clean: Record<string, string> = {};
  for (const [id, text] of Object.entries(values).slice(0, ATTEMPT_LIMITS.estimates)) clean[id] = text.slice(0, ATTEMPT_LIMITS.estimateLength);
  if (JSON.stringify(clean) === JSON.stringify(attempt.estimates?.values ?? {})) return attempt;
  return { ...attempt, estimates: { at: stampAfter(now, attempt.estimates?.at), values: clean } };
}

/** The attempt with the whiteboard's diagram replaced. */
export function setDiagram(attempt: PracticeAttempt, diagram: Diagram, now: number): PracticeAttempt {
  if (!isInProgress(attempt) || JSON.stringify(diagram) === JSON.stringify(attempt.diagram?.value)) return attempt;
  return { ...attempt, diagram: { at: stampAfter(now, attempt.diagram?.at), value: diagram } };
}

/**
 * The attempt's diagram, checked in full (storage only checks its outline); empty when nothing is
 * drawn or what is stored is not a sound diagram.
 */
export function attemptDiagram(attempt: PracticeAttempt): Diagram {
  return asDiagram(attempt.diagram?.value) ?? { nodes: [], edges: [] };
}

function copies(attempt: PracticeAttempt): [string, ScratchpadCopy][] {
  return Object.entries(attempt.scratchpad ?? {}).sort(([ta, a], [tb, b]) => (a.at < b.at ? 1 : a.at > b.at ? -1 : ta < tb ? -1 : 1));
}

/** Text kept from another tab that wrote the scratchpad at the same time as the newest copy. */
export interface ScratchpadConflict {
  /** The tab that wrote it. */
  readonly tab: string;
  /** Its text. */
  readonly text: string;
  /** When it was written. */
  readonly at: string;
}

/** The scratchpad as the candidate sees it: the text to edit and any conflicting copies. */
export interface ScratchpadView {
  readonly text: string;
  readonly conflicts: readonly ScratchpadConflict[];
}

// The copy a tab edits: its own copy when the newest copy's writer had not seen it (the two were
// written at the same time), otherwise the newest copy.
function baseCopy(all: readonly [string, ScratchpadCopy][], tab: string | undefined): [string, ScratchpadCopy] | undefined {
  const top = all[0];
  const own = all.find(([t]) => t === tab);
  if (top === undefined || own === undefined || own === top) return top;
  return top[1].seen === undefined || own[1].at > top[1].seen ? own : top;
}

/**
 * The scratchpad as tab `tab` sees it (any tab, for a read-only view). A copy another tab wrote after
 * the edited copy's writer last took the others in was written at the same time: its text is shown
 * beside the answer (nothing is lost) until the learner settles it.
 */
export function scratchpadView(attempt: PracticeAttempt, tab?: string): ScratchpadView {
  const all = copies(attempt);
  const base = baseCopy(all, tab);
  if (base === undefined) return { text: '', conflicts: [] };
  const [baseTab, copy] = base;
  const conflicts = all
    .filter(([t, c]) => t !== baseTab && c.text.trim() !== '' && c.text !== copy.text && (copy.seen === undefined || c.at > copy.seen))
    .map(([t, c]) => ({ tab: t, text: c.text, at: c.at }));
  return { text: copy.text, conflicts };
}

/**
 * The attempt with this tab's scratchpad copy set to `text` at `now` (cut to the length limit). It
 * records which other copy the text was built on, so copies written at the same time stay visible as
 * conflicts; `settle` marks every other copy as taken in (the learner kept or dropped them).
 */
export function writeScratchpad(attempt: PracticeAttempt, tab: string, text: string, now: number, settle = false): PracticeAttempt {
  if (!isInProgress(attempt)) return attempt;
  const capped = text.slice(0, ATTEMPT_LIMITS.scratchpadLength);
  const all = copies(attempt);
  const base = baseCopy(all, tab);
  const own = attempt.scratchpad?.[tab];
  if (!settle && own !== undefined && base?.[0] === tab && own.text === capped) return attempt;
  const others = all.filter(([t]) => t !== tab);
  const seen = settle ? others[0]?.[1].at : base === undefined ? undefined : base[0] === tab ? base[1].seen : base[1].at;
  const copy: ScratchpadCopy = { text: capped, at: stampAfter(now, all[0]?.[1].at), ...(seen === undefined ? {} : { seen }) };
  return { ...attempt, scratchpad: { ...Object.fromEntries(others.slice(0, ATTEMPT_LIMITS.scratchpadCopies - 1)), [tab]: copy } };
}

/** The marked line put above text brought in from another tab. */
export const OTHER_TAB_MARK = '--- Kept from another tab (written at the same time) ---';

/** The scratchpad text with a conflicting copy appended under {@link OTHER_TAB_MARK}. */
export function appendConflict(text: string, conflict: ScratchpadConflict): string {
  return `${text.trimEnd()}\n\n${OTHER_TAB_MARK}\n${conflict.text}`;
}

/** The attempt with one more grading; the score is its score. Only after submitting. */
export function addGrade(attempt: PracticeAttempt, grade: AttemptGrade): PracticeAttempt {
  if (isInProgress(attempt)) return attempt;
  const grades = [...(attempt.grades ?? []), grade].slice(-ATTEMPT_LIMITS.grades);
  return { ...attempt, grades, score: grade.score };
}

/** The attempt's latest grading, if it has one. */
export function latestGrade(attempt: PracticeAttempt): AttemptGrade | undefined {
  return attempt.grades?.at(-1);
}

/** The tab id the scratchpad of the first version of the practice page is kept under. */
export const LEGACY_TAB = 'legacy';

/**
 * The attempt with a scratchpad saved by the first version of the practice page (outside the
 * progress store) taken in, unless the attempt already has a scratchpad or the text is empty.
 */
export function adoptLegacyScratchpad(attempt: PracticeAttempt, text: string, now: number): PracticeAttempt {
  if (attempt.scratchpad !== undefined || text === '') return attempt;
  const copy: ScratchpadCopy = { text: text.slice(0, ATTEMPT_LIMITS.scratchpadLength), at: stampAfter(now) };
  return { ...attempt, scratchpad: { [LEGACY_TAB]: copy } };
}
