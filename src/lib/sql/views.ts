/**
 * What the SQL lab's workbench shows of a run, as plain data: Postgres's errors by the learner's
 * line, the trace by delivery (or request, or poll), and each step's outcome in words. The island (src/islands/sqllab/Workbench.svelte) only renders these.
 */
import type { Cause, Finding, Grade, LabWords, RunResult, TraceEntry } from './driver.ts';

/** Postgres's errors of a run by the learner's line, in trace order: what the editor's gutter marks. */
export function errorsByLine(trace: readonly TraceEntry[]): Map<number, TraceEntry[]> {
  const out = new Map<number, TraceEntry[]>();
  for (const t of trace) {
    if (t.kind !== 'statement' || t.outcome !== 'error') continue;
    out.set(t.line, [...(out.get(t.line) ?? []), t]);
  }
  return out;
}

/** One delivery (request, poll) of a run and its steps. */
export interface TraceGroup {
  readonly delivery: number;
  readonly event: string;
  readonly cause: Cause;
  readonly entries: TraceEntry[];
}

/** The trace by delivery, in order. */
export function traceByDelivery(trace: readonly TraceEntry[]): TraceGroup[] {
  const out: TraceGroup[] = [];
  for (const t of trace) {
    const last = out.at(-1);
    if (last?.delivery === t.delivery) last.entries.push(t);
    else out.push({ delivery: t.delivery, event: t.event, cause: t.cause, entries: [t] });
  }
  return out;
}

/** The trace steps the verdict's findings name. */
export function brokenSteps(findings: readonly Finding[]): Set<number> {
  return new Set(findings.map((f) => f.step).filter((s): s is number => s !== null));
}

/** A step's outcome in words: "ok", "ok, 2 rows", "ERROR 23505: …", or the driver's message. */
export function outcomeText(t: TraceEntry): string {
  if (t.kind !== 'statement') return t.message ?? '';
  // Transaction control and settings have no rows to speak of.
  if (t.outcome === 'ok' && (t.rows === undefined || /^\s*(BEGIN|START|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE|SET|RESET)\b/i.test(t.sql))) return 'ok';
  if (t.outcome === 'ok') return `ok, ${t.rows} row${t.rows === 1 ? '' : 's'}`;
  return `ERROR ${t.code ?? ''}: ${t.message ?? ''}`;
}

/** A statement's first line of code (comments skipped), cut to `max` characters. */
export function statementHead(text: string, max = 60): string {
  const line = text.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('--')) ?? text;
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Capitalises a schedule or finding name that starts with a word, not one that starts with an id such as evt-1. */
export function sentence(s: string): string {
  return /^[a-z]+(\s|$)/.test(s) ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/** The runs that raised one line's error: "delivery 2", "deliveries 1, 2, 3". */
export function errorRuns(list: readonly TraceEntry[], words: LabWords): string {
  return list.length === 1 ? `${words.run.toLowerCase()} ${list[0]?.delivery ?? ''}` : `${words.runs} ${list.map((t) => t.delivery).join(', ')}`;
}

/** A challenge check in words: every schedule passed, or the first one that broke the handler and why. */
export function challengeOutcome(g: Grade): { passed: boolean; message: string } {
  if (g.passed) return { passed: true, message: `every one of the ${g.runs.length} schedules ends with the tables right.` };
  if (g.failed === null) return { passed: false, message: 'the handler has no statements.' };
  const why = g.failed.problem?.message ?? g.failed.verdict?.summary ?? 'the run ended without a verdict.';
  return { passed: false, message: `“${g.failed.schedule}” breaks it: ${why} Its trace is below.` };
}

/** A run in one line, for the screen reader's status: the problem, or the verdict. */
export function runSummary(r: RunResult, words: LabWords): string {
  if (r.problem) return r.problem.message;
  if (r.verdict) return `${r.verdict.ok ? words.good : words.broken} ${r.verdict.ok ? '' : r.verdict.summary}`.trim();
  return 'The run ended without a verdict.';
}
