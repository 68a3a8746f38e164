import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LABS,
  buildLab,
  createSim,
  knobsFor,
  groupsLab,
  members,
  metrics,
  runToEnd,
  tracingLab,
  type KnobSpec,
  type LabPreset,
} from '../../../../src/lib/sim/index.ts';
import { runAll } from './helpers.ts';

type AnyLab = LabPreset<Record<string, string | number | boolean>>;
const labs = Object.entries(LABS) as unknown as [string, AnyLab][];

function knobArb(spec: KnobSpec<Record<string, unknown>>): fc.Arbitrary<string | number | boolean> {
  if (spec.kind === 'toggle') return fc.boolean();
  if (spec.kind === 'choice') return fc.constantFrom(...spec.options.map((o) => o.value));
  return fc.integer({ min: 0, max: Math.floor((spec.max - spec.min) / spec.step) }).map((n) => spec.min + n * spec.step);
}

describe('knob values from a page', () => {
  it('keep what fits each knob, clamp numbers to the range and fall back to defaults for the rest', () => {
    expect(knobsFor(groupsLab, {})).toEqual(groupsLab.defaults);
    expect(knobsFor(groupsLab, { partitions: 99, consumers: 4, slowConsumer: true, secondGroup: 'yes', clicks: Number.NaN, extra: 1 })).toEqual({
      ...groupsLab.defaults,
      partitions: 6,
      consumers: 4,
      slowConsumer: true,
    });
    expect(knobsFor(LABS['retries-dlq'], { mode: 'retry-topic', jitter: 'sometimes' })).toMatchObject({ mode: 'retry-topic', jitter: 'full' });
  });

  it('build the same config as the typed knobs', () => {
    expect(buildLab('consumer-groups', { clicks: 600 })).toEqual(groupsLab.build({ ...groupsLab.defaults, clicks: 600 }));
  });
});

describe('lab presets', () => {
  it.each(labs)('%s: is filed under its own id, with knobs that match its defaults', (id, lab) => {
    expect(lab.id).toBe(id);
    expect(Object.keys(lab.defaults).sort()).toEqual(lab.knobs.map((k) => k.name).sort());
    for (const knob of lab.knobs) {
      const value = lab.defaults[knob.name];
      if (knob.kind === 'toggle') expect(typeof value).toBe('boolean');
      if (knob.kind === 'choice') expect(knob.options.map((o) => o.value)).toContain(value);
      if (knob.kind === 'number') expect(value as number).toBeGreaterThanOrEqual(knob.min);
      if (knob.kind === 'number') expect(value as number).toBeLessThanOrEqual(knob.max);
    }
  });

  it.each(labs)('%s: any knob values build a config that runs to the end', (_id, lab) => {
    const knobs = fc.record(Object.fromEntries(lab.knobs.map((k) => [k.name, knobArb(k as KnobSpec<Record<string, unknown>>)])));
    fc.assert(
      fc.property(knobs, (values) => {
        const sim = createSim(lab.build(values), lab.seed);
        expect(runToEnd(sim)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('consumer groups: extra consumers get no partition, a slow one builds lag, a second group gets every event', () => {
    const crowded = createSim(groupsLab.build({ ...groupsLab.defaults, partitions: 3, consumers: 5 }), groupsLab.seed);
    expect(members(crowded, 'analytics').map((m) => m.partitions.length)).toEqual([1, 1, 1, 0, 0]);
    const lagOf = (slowConsumer: boolean) => runAll(groupsLab.build({ ...groupsLab.defaults, slowConsumer }), groupsLab.seed).m.groups[0]!.maxLag;
    expect(lagOf(true)).toBeGreaterThan(2 * lagOf(false));
    const { m } = runAll(groupsLab.build({ ...groupsLab.defaults, secondGroup: true }), groupsLab.seed);
    expect(m.groups.map((g) => [g.name, g.uniqueEffects])).toEqual([
      ['analytics', 60],
      ['search', 60],
    ]);
  });

  it('consumer groups: turned up to 600 clicks with a slow consumer, hundreds of events wait in flight, then all are handled', () => {
    const { m } = runAll(groupsLab.build({ ...groupsLab.defaults, clicks: 600, slowConsumer: true }), groupsLab.seed);
    expect(m.producers[0]!.created).toBe(600);
    expect(m.groups[0]!.maxLag).toBeGreaterThanOrEqual(200);
    expect(m.groups[0]!.lag).toBe(0);
    expect(m.groups[0]!.uniqueEffects).toBe(600);
  });

  it('tracing: every order makes it through all four services, even with a flaky one', () => {
    for (const flakyService of ['none', 'payments', 'inventory', 'shipping'] as const) {
      const sim = createSim(tracingLab.build({ ...tracingLab.defaults, orders: 6, flakyService }), tracingLab.seed);
      runToEnd(sim);
      expect(metrics(sim).groups.map((g) => g.uniqueEffects)).toEqual([6, 6, 6, 6]);
    }
  });
});
