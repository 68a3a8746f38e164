// The estimation worksheet: what the candidate types ("7k", "4.5 TB", "300 GB/day") read into base
// units, and compared with the model answer's figure (within 2× counts as close).
import type { EstimateId } from '../../schemas/practice.ts';

/** What each worksheet figure is called, and the unit its base value is in. */
export const ESTIMATE_FIELDS: Readonly<Record<EstimateId, { label: string; unit: string; bytes: boolean }>> = {
  'peak-events-per-second': { label: 'Peak events per second', unit: 'events/s', bytes: false },
  'bytes-per-day': { label: 'Data written per day', unit: 'bytes/day', bytes: true },
  'retained-storage': { label: 'Storage retained', unit: 'bytes', bytes: true },
  partitions: { label: 'Partitions', unit: 'partitions', bytes: false },
  consumers: { label: 'Consumer instances', unit: 'instances', bytes: false },
  'provider-calls-per-second': { label: 'Provider calls per second (peak)', unit: 'calls/s', bytes: false },
};

/** How far from the model figure still counts as close: within this factor either way. */
export const CLOSE_FACTOR = 2;

/** The outcome of reading one worksheet field. */
export type EstimateReading = { ok: true; value: number } | { ok: false; message: string };

const COUNT_SUFFIXES: Readonly<Record<string, number>> = { '': 1, k: 1e3, m: 1e6, b: 1e9, bn: 1e9, g: 1e9, t: 1e12 };
const BYTE_SUFFIXES: Readonly<Record<string, number>> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, pb: 1e15, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4 };
// Trailing words that only restate the unit ("/s", "per day", "events/s").
const RATE_TAIL = /\s*(?:\/\s*(?:s|sec|second|day|d)|per\s+(?:s|sec|second|day)|events?\/s|calls?\/s|rps|qps)$/i;

/**
 * Reads what the candidate typed for `id` into base units: counts take `k`, `M`, `B` suffixes
 * ("7k", "1.2 M"), sizes take byte units ("4.5 TB", "300 GB/day"), and commas or spaces group
 * thousands ("7,000"). An empty field is not an error for the caller to show: it reads as a message
 * asking for a number. Every other bad input gets a message saying what to write instead.
 */
export function parseEstimate(id: EstimateId, typed: string): EstimateReading {
  const field = ESTIMATE_FIELDS[id];
  const text = typed.trim().replace(RATE_TAIL, '').trim();
  if (text === '') return { ok: false, message: `Enter a number for ${field.label.toLowerCase()}, e.g. ${example(id)}.` };
  const match = /^([0-9][0-9,_ ]*(?:\.[0-9]+)?|\.[0-9]+)\s*([a-z]*)$/i.exec(text);
  if (match === null) {
    return { ok: false, message: `“${typed.trim()}” is not a number: write digits with an optional unit, e.g. ${example(id)}.` };
  }
  const digits = (match[1] ?? '').replace(/[,_ ]/g, '');
  const suffix = (match[2] ?? '').toLowerCase();
  const table = field.bytes ? BYTE_SUFFIXES : COUNT_SUFFIXES;
  const bytesWithoutUnit = field.bytes && suffix === '';
  const scale = bytesWithoutUnit ? 1 : table[suffix];
  if (scale === undefined) {
    const units = field.bytes ? 'B, KB, MB, GB, TB or PB' : 'k (thousand), M (million) or B (billion)';
    return { ok: false, message: `“${match[2]}” is not a unit here: use ${units}, e.g. ${example(id)}.` };
  }
  const value = Number(digits) * scale;
  if (!Number.isFinite(value) || value <= 0) return { ok: false, message: `Enter a number above 0, e.g. ${example(id)}.` };
  return { ok: true, value };
}

function example(id: EstimateId): string {
  return ESTIMATE_FIELDS[id].bytes ? '“300 GB”' : '“7k” or “7,000”';
}

/** A figure in base units written short for people: "7k events/s", "4.5 TB", "12 partitions". */
export function formatEstimate(id: EstimateId, value: number): string {
  const field = ESTIMATE_FIELDS[id];
  const steps: readonly [number, string][] = field.bytes
    ? [[1e15, ' PB'], [1e12, ' TB'], [1e9, ' GB'], [1e6, ' MB'], [1e3, ' KB'], [1, ' B']]
    : [[1e9, 'B'], [1e6, 'M'], [1e3, 'k'], [1, '']];
  const [size, suffix] = steps.find(([s]) => Math.abs(value) >= s) ?? [1, field.bytes ? ' B' : ''];
  const short = `${Number((value / size).toPrecision(3)).toString()}${suffix}`;
  return field.bytes ? `${short}${field.unit === 'bytes/day' ? '/day' : ''}` : `${short} ${field.unit}`;
}

/** How a candidate's figure compares with the model's. */
export interface EstimateComparison {
  /** Which figure. */
  readonly id: EstimateId;
  /** What the candidate typed (trimmed); empty when they left it blank. */
  readonly typed: string;
  /** The candidate's figure in base units, when it could be read. */
  readonly value: number | undefined;
  /** The model figure in base units. */
  readonly model: number;
  /** The model's arithmetic. */
  readonly working: string;
  /** Candidate ÷ model, when the candidate's figure could be read. */
  readonly ratio: number | undefined;
  /** Within {@link CLOSE_FACTOR}× of the model figure either way. */
  readonly close: boolean;
  /** One sentence for the feedback: the two figures and how far apart they are. */
  readonly verdict: string;
}

/** Compares what the candidate typed for one figure with the model's figure and working. */
export function compareEstimate(id: EstimateId, typed: string, model: { value: number; working: string }): EstimateComparison {
  const reading = parseEstimate(id, typed);
  const value = reading.ok ? reading.value : undefined;
  const ratio = value === undefined ? undefined : value / model.value;
  const close = ratio !== undefined && ratio <= CLOSE_FACTOR && ratio >= 1 / CLOSE_FACTOR;
  const label = ESTIMATE_FIELDS[id].label;
  const modelText = formatEstimate(id, model.value);
  let verdict: string;
  if (value === undefined || ratio === undefined) verdict = `${label}: no figure given; the model answer has ${modelText}.`;
  else {
    const factor = ratio >= 1 ? ratio : 1 / ratio;
    const how = close ? 'close (within 2×)' : `off by ${Number(factor.toPrecision(2))}× (${ratio > 1 ? 'too high' : 'too low'})`;
    verdict = `${label}: you said ${formatEstimate(id, value)}, the model answer has ${modelText}: ${how}.`;
  }
  return { id, typed: typed.trim(), value, model: model.value, working: model.working, ratio, close, verdict };
}

/** Compares every model figure with what the candidate typed for it (blank when they typed nothing). */
export function compareEstimates(
  models: readonly { id: EstimateId; value: number; working: string }[],
  typed: Readonly<Record<string, string>>,
): EstimateComparison[] {
  return models.map((m) => compareEstimate(m.id, Object.hasOwn(typed, m.id) ? (typed[m.id] ?? '') : '', m));
}
