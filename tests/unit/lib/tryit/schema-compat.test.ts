import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import { judge } from '../../../../src/lib/tryit/prediction.ts';
import { checkCompatibility, COMPAT_CHOICES, compatSummary, EDITS, fieldChanges, ORDER_PLACED_V1, schemaText, type EditId } from '../../../../src/lib/tryit/schema-compat.ts';

const v1 = schemaText(ORDER_PLACED_V1);
const v2Of = (id: EditId) => schemaText(EDITS.find((e) => e.id === id)?.apply(ORDER_PLACED_V1) ?? {});

/** avsc itself, asked directly: can `reader` read what `writer` wrote? */
function avscReads(readerText: string, writerText: string): boolean {
  try {
    avro.Type.forSchema(JSON.parse(readerText)).createResolver(avro.Type.forSchema(JSON.parse(writerText)));
    return true;
  } catch {
    return false;
  }
}

describe('schema evolution verdicts (avsc)', () => {
  const expected: Record<EditId, { BACKWARD: boolean; FORWARD: boolean; FULL: boolean }> = {
    'add-optional': { BACKWARD: true, FORWARD: true, FULL: true },
    'add-required': { BACKWARD: false, FORWARD: true, FULL: false },
    'remove-field': { BACKWARD: true, FORWARD: false, FULL: false },
    'rename-alias': { BACKWARD: true, FORWARD: false, FULL: false },
    'widen-int': { BACKWARD: true, FORWARD: false, FULL: false },
  };

  for (const edit of EDITS) {
    it(`${edit.label}: BACKWARD, FORWARD and FULL match avsc's own resolution`, () => {
      const v2 = v2Of(edit.id);
      const result = checkCompatibility(avro, v1, v2);
      if (!result.ok) throw new Error(result.message);
      const got = { BACKWARD: result.verdicts.BACKWARD.pass, FORWARD: result.verdicts.FORWARD.pass, FULL: result.verdicts.FULL.pass };
      expect(got).toEqual(expected[edit.id]);
      expect(got.BACKWARD).toBe(avscReads(v2, v1));
      expect(got.FORWARD).toBe(avscReads(v1, v2));
      expect(got.FULL).toBe(avscReads(v2, v1) && avscReads(v1, v2));
      for (const mode of ['BACKWARD', 'FORWARD', 'FULL'] as const) {
        expect(result.verdicts[mode].avscError === null, mode).toBe(got[mode]);
      }
    });
  }

  it('explains each verdict by the field, default or alias that decided it', () => {
    const required = checkCompatibility(avro, v1, v2Of('add-required'));
    const renamed = checkCompatibility(avro, v1, v2Of('rename-alias'));
    const removed = checkCompatibility(avro, v1, v2Of('remove-field'));
    const widened = checkCompatibility(avro, v1, v2Of('widen-int'));
    if (!required.ok || !renamed.ok || !removed.ok || !widened.ok) throw new Error('all five edits are valid schemas');
    expect(required.verdicts.BACKWARD.reasons).toEqual(['✗ v2 adds “channel” without a default: v1 data has no value for it and the v2 reader has nothing to fill in.']);
    expect(required.verdicts.BACKWARD.avscError).toContain('channel');
    expect(renamed.verdicts.BACKWARD.reasons[0]).toContain('alias');
    expect(renamed.verdicts.FORWARD.reasons[0]).toMatch(/^✗ .*“customerId”/);
    expect(removed.verdicts.FORWARD.reasons[0]).toContain('no default in v1');
    expect(widened.verdicts.BACKWARD.reasons[0]).toMatch(/^✓ .*promotes/);
    expect(widened.verdicts.FORWARD.reasons[0]).toMatch(/^✗ .*long/);
    expect(widened.verdicts.FORWARD.avscError).toBe('cannot read "long" as "int"');
  });

  it('removing a field that has a default in v1 stays FORWARD compatible', () => {
    const removeCurrency = schemaText({ ...ORDER_PLACED_V1, fields: ORDER_PLACED_V1.fields.filter((f) => f.name !== 'currency') });
    const result = checkCompatibility(avro, v1, removeCurrency);
    if (!result.ok) throw new Error(result.message);
    expect(compatSummary(result.verdicts)).toBe('full');
    expect(result.verdicts.FORWARD.reasons[0]).toContain('has a default in v1');
  });

  it('an unchanged schema passes everything', () => {
    const result = checkCompatibility(avro, v1, v1);
    if (!result.ok) throw new Error(result.message);
    expect(result.changes).toEqual([]);
    expect(compatSummary(result.verdicts)).toBe('full');
  });

  it('turns bad JSON and invalid Avro into clear messages', () => {
    const badJson = checkCompatibility(avro, v1, '{"type": "record",');
    expect(badJson).toMatchObject({ ok: false, which: 'v2' });
    expect(!badJson.ok && badJson.message).toMatch(/^v2 is not valid JSON: /);
    const badType = checkCompatibility(avro, v1, '{"type":"record","name":"OrderPlaced","fields":[{"name":"x","type":"strin"}]}');
    expect(!badType.ok && badType.message).toBe('v2 is not a valid Avro schema: undefined type name: strin');
    expect(!checkCompatibility(avro, v1, '42').ok).toBe(true);
    expect(checkCompatibility(avro, 'nope', v1)).toMatchObject({ ok: false, which: 'v1' });
  });

  it('lists field changes: added, removed, renamed by alias, type changed', () => {
    expect(fieldChanges(ORDER_PLACED_V1, JSON.parse(v2Of('rename-alias')))).toEqual([{ kind: 'renamed', from: 'customerId', to: 'buyerId', viaAlias: true }]);
    expect(fieldChanges(ORDER_PLACED_V1, JSON.parse(v2Of('widen-int')))).toEqual([{ kind: 'type-changed', field: 'totalCents', from: '"int"', to: '"long"' }]);
    expect(fieldChanges('string', 'int')).toEqual([]);
  });

  it('judges the learner’s prediction against the verdicts', () => {
    const result = checkCompatibility(avro, v1, v2Of('add-required'));
    if (!result.ok) throw new Error(result.message);
    const actual = compatSummary(result.verdicts);
    expect(actual).toBe('forward');
    expect(judge(COMPAT_CHOICES, 'forward', actual, 'why').right).toBe(true);
    expect(judge(COMPAT_CHOICES, 'full', actual, 'why').headline).toBe('Not this time: you predicted “Passes all three (FULL)”; the result is “FORWARD only”.');
  });
});
