/**
 * The schema-evolution Try-it: judge an edited v2 Avro schema against v1 under BACKWARD, FORWARD
 * and FULL compatibility with a real Avro implementation (avsc's schema resolution), then explain
 * each verdict field by field. avsc is passed in, so the page can load it on first use.
 */
import type { Choice } from './prediction.ts';

/** A parsed Avro type, as far as this module uses it. */
export interface AvroType {
  /** Throws unless data written with `writer` can be read as this type. */
  createResolver(writer: AvroType): unknown;
}

/** The part of avsc this module needs: `import('avsc')` provides it. */
export interface AvroLib {
  /** avsc's `Type` class. */
  readonly Type: { forSchema(schema: unknown): AvroType };
}

/** Compatibility modes of Confluent Schema Registry, checked against the one previous version. */
export type CompatMode = 'BACKWARD' | 'FORWARD' | 'FULL';

/** The modes in the order the page shows them. */
export const MODES: readonly CompatMode[] = ['BACKWARD', 'FORWARD', 'FULL'];

/** How one field changed between v1 and v2. */
export type FieldChange =
  | { readonly kind: 'added'; readonly field: string; readonly hasDefault: boolean }
  | { readonly kind: 'removed'; readonly field: string; readonly hadDefault: boolean }
  | { readonly kind: 'renamed'; readonly from: string; readonly to: string; readonly viaAlias: boolean }
  | { readonly kind: 'type-changed'; readonly field: string; readonly from: string; readonly to: string };

/** The verdict of one mode, with its reasons. */
export interface ModeVerdict {
  /** The mode. */
  readonly mode: CompatMode;
  /** avsc's answer: can the reader resolve the writer's schema? */
  readonly pass: boolean;
  /** What this mode asks, e.g. "v2 consumers read v1 data". */
  readonly question: string;
  /** One sentence per relevant change, saying why it passes or fails under this mode. */
  readonly reasons: readonly string[];
  /** avsc's own error message when it refused, as evidence. */
  readonly avscError: string | null;
}

/** The outcome of a check: either both schemas parsed and were judged, or a clear error. */
export type CompatResult =
  | { readonly ok: true; readonly changes: readonly FieldChange[]; readonly verdicts: Readonly<Record<CompatMode, ModeVerdict>> }
  | { readonly ok: false; readonly which: 'v1' | 'v2'; readonly message: string };

interface FieldJson {
  name: string;
  type: unknown;
  default?: unknown;
  aliases?: string[];
}

/** The realistic first version of `OrderPlaced` the Try-it starts from. */
export const ORDER_PLACED_V1 = {
  type: 'record',
  name: 'OrderPlaced',
  namespace: 'com.example.shop',
  fields: [
    { name: 'orderId', type: 'string' },
    { name: 'customerId', type: 'string' },
    { name: 'totalCents', type: 'int' },
    { name: 'currency', type: 'string', default: 'EUR' },
  ],
} as const;

/** Ids of the one-click edits. */
export type EditId = 'add-optional' | 'add-required' | 'remove-field' | 'rename-alias' | 'widen-int';

/** The one-click edits, each a function from v1 to v2 (as plain JSON). */
export const EDITS: readonly (Choice<EditId> & { readonly apply: (v1: typeof ORDER_PLACED_V1) => object })[] = [
  {
    id: 'add-optional',
    label: 'Add an optional field with a default (couponCode)',
    apply: (v1) => ({ ...v1, fields: [...v1.fields, { name: 'couponCode', type: ['null', 'string'], default: null }] }),
  },
  { id: 'add-required', label: 'Add a required field (channel)', apply: (v1) => ({ ...v1, fields: [...v1.fields, { name: 'channel', type: 'string' }] }) },
  { id: 'remove-field', label: 'Remove a field (customerId)', apply: (v1) => ({ ...v1, fields: v1.fields.filter((f) => f.name !== 'customerId') }) },
  {
    id: 'rename-alias',
    label: 'Rename customerId to buyerId, with an alias',
    apply: (v1) => ({ ...v1, fields: v1.fields.map((f) => (f.name === 'customerId' ? { name: 'buyerId', type: 'string', aliases: ['customerId'] } : f)) }),
  },
  {
    id: 'widen-int',
    label: 'Change totalCents from int to long',
    apply: (v1) => ({ ...v1, fields: v1.fields.map((f) => (f.name === 'totalCents' ? { ...f, type: 'long' } : f)) }),
  },
];

/** A schema as indented JSON text, the way the editor shows it. */
export function schemaText(schema: object): string {
  return JSON.stringify(schema, null, 2);
}

/** The predictions a learner can make about an edit. */
export const COMPAT_CHOICES: readonly Choice<'full' | 'backward' | 'forward' | 'none'>[] = [
  { id: 'full', label: 'Passes all three (FULL)' },
  { id: 'backward', label: 'BACKWARD only' },
  { id: 'forward', label: 'FORWARD only' },
  { id: 'none', label: 'Fails all three' },
];

/** Which prediction the verdicts amount to. */
export function compatSummary(verdicts: Readonly<Record<CompatMode, ModeVerdict>>): (typeof COMPAT_CHOICES)[number]['id'] {
  if (verdicts.FULL.pass) return 'full';
  if (verdicts.BACKWARD.pass) return 'backward';
  return verdicts.FORWARD.pass ? 'forward' : 'none';
}

function parse(avro: AvroLib, text: string, which: 'v1' | 'v2'): { json: unknown; type: AvroType } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { error: `${which} is not valid JSON: ${(e as Error).message}` };
  }
  if (typeof json !== 'object' || json === null) return { error: `${which} is not an Avro schema: expected a JSON object such as {"type": "record", …}` };
  try {
    return { json, type: avro.Type.forSchema(json) };
  } catch (e) {
    return { error: `${which} is not a valid Avro schema: ${(e as Error).message}` };
  }
}

function fieldsOf(json: unknown): FieldJson[] | null {
  const fields = (json as { type?: unknown; fields?: unknown }).fields;
  return (json as { type?: unknown }).type === 'record' && Array.isArray(fields) ? (fields as FieldJson[]) : null;
}

/** How the top-level record's fields changed from v1 to v2 (empty unless both are records). */
export function fieldChanges(v1: unknown, v2: unknown): FieldChange[] {
  const before = fieldsOf(v1);
  const after = fieldsOf(v2);
  if (!before || !after) return [];
  const changes: FieldChange[] = [];
  const matched = new Set<string>();
  for (const f of after) {
    const same = before.find((b) => b.name === f.name);
    const aliased = same ? undefined : before.find((b) => f.aliases?.includes(b.name));
    const old = same ?? aliased;
    if (aliased) changes.push({ kind: 'renamed', from: aliased.name, to: f.name, viaAlias: true });
    if (old) {
      matched.add(old.name);
      const from = JSON.stringify(old.type);
      const to = JSON.stringify(f.type);
      if (from !== to) changes.push({ kind: 'type-changed', field: f.name, from, to });
    } else changes.push({ kind: 'added', field: f.name, hasDefault: 'default' in f });
  }
  for (const b of before) if (!matched.has(b.name)) changes.push({ kind: 'removed', field: b.name, hadDefault: 'default' in b });
  return changes;
}

/** Can data written with `writer` be read with `reader`? avsc decides; its message is kept. */
function resolves(reader: AvroType, writer: AvroType): string | null {
  try {
    reader.createResolver(writer);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

function backwardReason(c: FieldChange, typePass: boolean): string {
  switch (c.kind) {
    case 'added':
      return c.hasDefault
        ? `✓ v2 adds “${c.field}” with a default: reading v1 data, the v2 reader fills it from the default.`
        : `✗ v2 adds “${c.field}” without a default: v1 data has no value for it and the v2 reader has nothing to fill in.`;
    case 'removed':
      return `✓ v2 drops “${c.field}”: the v2 reader simply skips it in v1 data.`;
    case 'renamed':
      return `✓ v2 renames “${c.from}” to “${c.to}” and keeps the old name as an alias: the v2 reader finds the value in v1 data under the alias.`;
    case 'type-changed':
      return typePass
        ? `✓ “${c.field}” changes from ${c.from} to ${c.to}: Avro promotes the old values when a v2 reader reads them.`
        : `✗ “${c.field}” changes from ${c.from} to ${c.to}: v1 values cannot be read as ${c.to}.`;
  }
}

function forwardReason(c: FieldChange, typePass: boolean): string {
  switch (c.kind) {
    case 'added':
      return `✓ v2 adds “${c.field}”: a v1 reader ignores a field it does not know.`;
    case 'removed':
      return c.hadDefault
        ? `✓ v2 drops “${c.field}”, which has a default in v1: the v1 reader fills it from that default.`
        : `✗ v2 drops “${c.field}”, which has no default in v1: v1 readers need it and v2 data does not have it.`;
    case 'renamed':
      return `✗ v2 renames “${c.from}” to “${c.to}”: the v1 reader looks for “${c.from}”, finds no such field in v2 data and has no default; an alias only helps the reader that declares it.`;
    case 'type-changed':
      return typePass
        ? `✓ “${c.field}” changes from ${c.from} to ${c.to}: a v1 reader can still read ${c.to} values as ${c.from}.`
        : `✗ “${c.field}” changes from ${c.from} to ${c.to}: a v1 reader cannot read ${c.to} values as ${c.from} (Avro promotes int to long, never long to int).`;
  }
}

/** Whether values of the field type `from` (JSON) can be read as `to`, or null if not a simple pair avsc can judge alone. */
function typeResolves(avro: AvroLib, readerType: string, writerType: string): boolean | null {
  try {
    return resolves(avro.Type.forSchema({ type: JSON.parse(readerType) }), avro.Type.forSchema({ type: JSON.parse(writerType) })) === null;
  } catch {
    return null;
  }
}

/**
 * Judges `v2Text` against `v1Text` under every mode. BACKWARD: can a v2 reader read v1 data
 * (`v2.createResolver(v1)`)? FORWARD: can a v1 reader read v2 data (`v1.createResolver(v2)`)?
 * FULL: both. Verdicts come from avsc; the reasons explain them change by change.
 */
export function checkCompatibility(avro: AvroLib, v1Text: string, v2Text: string): CompatResult {
  const v1 = parse(avro, v1Text, 'v1');
  if ('error' in v1) return { ok: false, which: 'v1', message: v1.error };
  const v2 = parse(avro, v2Text, 'v2');
  if ('error' in v2) return { ok: false, which: 'v2', message: v2.error };
  const changes = fieldChanges(v1.json, v2.json);
  const backwardError = resolves(v2.type, v1.type);
  const forwardError = resolves(v1.type, v2.type);
  const reasonsFor = (reason: (c: FieldChange, typePass: boolean) => string, reader: 'v1' | 'v2') =>
    changes.map((c) => {
      if (c.kind !== 'type-changed') return reason(c, true);
      const pass = reader === 'v2' ? typeResolves(avro, c.to, c.from) : typeResolves(avro, c.from, c.to);
      return reason(c, pass ?? true);
    });
  const none = 'No field changed, so old and new readers read each other’s data.';
  const backwardReasons = changes.length ? reasonsFor(backwardReason, 'v2') : [none];
  const forwardReasons = changes.length ? reasonsFor(forwardReason, 'v1') : [none];
  const fullError = backwardError ?? forwardError;
  return {
    ok: true,
    changes,
    verdicts: {
      BACKWARD: { mode: 'BACKWARD', pass: backwardError === null, question: 'Can consumers on v2 read data written with v1?', reasons: backwardReasons, avscError: backwardError },
      FORWARD: { mode: 'FORWARD', pass: forwardError === null, question: 'Can consumers still on v1 read data written with v2?', reasons: forwardReasons, avscError: forwardError },
      FULL: {
        mode: 'FULL',
        pass: fullError === null,
        question: 'Both at once: can consumers and producers upgrade in any order?',
        reasons: [fullError === null ? '✓ Both BACKWARD and FORWARD pass.' : `✗ ${backwardError ? 'BACKWARD' : 'FORWARD'} fails, so FULL fails.`],
        avscError: fullError,
      },
    },
  };
}
