import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LABS, buildLab, createSim, metrics, runToEnd, runUntil, trace, type LabId, type Sim } from '../../../../src/lib/sim/index.ts';
import { internals } from '../../../../src/lib/sim/engine.ts';
import { SNAPSHOT_EVERY_ACTIONS, cloneSim, createTimeline, lagSeries, playTo, playToEnd, seek, stepNarrated } from '../../../../src/lib/sim/timeline.ts';

const labIds = Object.keys(LABS) as LabId[];

/** Random knob values for a lab: each knob a value its spec allows (numbers anywhere in range). */
function knobsArb(id: LabId): fc.Arbitrary<Record<string, string | number | boolean>> {
  const entries = LABS[id].knobs.map((k) => {
    const arb: fc.Arbitrary<string | number | boolean> =
      k.kind === 'toggle' ? fc.boolean() : k.kind === 'choice' ? fc.constantFrom(...k.options.map((o) => o.value)) : fc.integer({ min: k.min, max: k.max });
    return [k.name, arb] as const;
  });
  return fc.record(Object.fromEntries(entries));
}

const runArb = fc
  .constantFrom(...labIds)
  .chain((id) => fc.record({ id: fc.constant(id), knobs: knobsArb(id), seed: fc.integer({ min: 1, max: 999_999 }) }))
  // The busiest setting of the groups lab is slow to replay hundreds of times; fewer clicks keep the property fast.
  .map((r) => (r.id === 'consumer-groups' ? { ...r, knobs: { ...r.knobs, clicks: 60 } } : r));

/** The state a fresh run reaches by playing straight to `t`. */
function played(id: LabId, knobs: Record<string, string | number | boolean>, seed: number, t: number): Sim {
  const sim = createSim(buildLab(id, knobs), seed);
  runUntil(sim, t);
  return sim;
}

/** Everything the engine holds, for comparing two states field by field. */
const state = (sim: Sim) => internals(sim);

describe('seeking on a timeline', () => {
  it('reaches exactly the state of playing straight to that moment, forwards and backwards', () => {
    fc.assert(
      fc.property(runArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }), fc.double({ min: 0, max: 1, noNaN: true }), ({ id, knobs, seed }, fractions, playedFraction) => {
        const end = createSim(buildLab(id, knobs), seed);
        runToEnd(end);
        const tl = createTimeline(buildLab(id, knobs), seed);
        playTo(tl, Math.round(end.now * playedFraction) + 1);
        for (const f of fractions) {
          const t = Math.round(tl.furthest * f);
          const sim = seek(tl, t);
          expect(sim.now).toBe(t);
          expect(state(sim)).toEqual(state(played(id, knobs, seed, t)));
        }
        // Seeking back, then playing on past the furthest point, still matches a straight run.
        const later = tl.furthest + 50;
        seek(tl, 0);
        playTo(tl, later);
        expect(state(tl.sim)).toEqual(state(played(id, knobs, seed, later)));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps snapshots as it goes, so a seek replays at most a few hundred actions', () => {
    const tl = createTimeline(buildLab('consumer-groups', { clicks: 600, slowConsumer: true, secondGroup: true }), 5);
    playTo(tl, 1e9);
    expect(tl.endedAt).not.toBeNull();
    expect(tl.sampleAt.at(-1)).toBeLessThanOrEqual(tl.endedAt!);
    expect(tl.snapshots.length).toBeGreaterThan(5);
    const times = tl.snapshots.map((s) => s.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // A snapshot taken along the way is a state of the run: seeking just after it matches a straight run.
    const mid = tl.snapshots[3]!.at;
    expect(state(seek(tl, mid + 1))).toEqual(state(played('consumer-groups', { clicks: 600, slowConsumer: true, secondGroup: true }, 5, mid + 1)));
    expect(SNAPSHOT_EVERY_ACTIONS).toBeLessThanOrEqual(1000);
  });

  it('steps one narrated event at a time and plays to the end in slices, like the engine', async () => {
    const config = buildLab('duplicates-idempotency', {});
    const tl = createTimeline(config, 7);
    // The opening partition assignments are narrated before any action runs.
    const opening = trace(tl.sim).length;
    const first = stepNarrated(tl);
    expect(first).toBeGreaterThan(0);
    expect(trace(tl.sim)).toHaveLength(opening + first);
    expect(tl.sim.now).toBe(0);
    let clock = 0;
    const over = await playToEnd(tl, { now: () => (clock += 1), sliceMs: 5 }, async () => undefined, () => false);
    expect(over).toBe(true);
    const straight = createSim(config, 7);
    runToEnd(straight);
    expect(metrics(tl.sim)).toEqual(metrics(straight));
    expect(tl.endedAt).toBe(straight.now);
  });

  it('stops at a pause when cancelled', async () => {
    const tl = createTimeline(buildLab('consumer-groups', { clicks: 600 }), 5);
    let clock = 0;
    const over = await playToEnd(tl, { now: () => (clock += 10), sliceMs: 5 }, async () => undefined, () => true);
    expect(over).toBe(false);
    expect(tl.endedAt).toBeNull();
  });

  it('a clone runs on independently of its original', () => {
    const sim = createSim(buildLab('ordering-keys', {}), 11);
    runUntil(sim, 50);
    const copy = cloneSim(sim);
    runToEnd(copy);
    expect(sim.now).toBe(50);
    expect(metrics(copy).deliveries).toBeGreaterThan(metrics(sim).deliveries);
  });
});

describe('lag over time', () => {
  const config = buildLab('consumer-groups', { clicks: 300, slowConsumer: true, secondGroup: true });

  it('samples the same series whether the run was played straight or sought back and forth', () => {
    const straight = createTimeline(config, 5);
    playTo(straight, 2000);
    const scrubbed = createTimeline(config, 5);
    playTo(scrubbed, 700);
    seek(scrubbed, 100);
    playTo(scrubbed, 1300);
    seek(scrubbed, 900);
    playTo(scrubbed, 2000);
    expect(scrubbed.sampleAt).toEqual(straight.sampleAt);
    expect(scrubbed.lag).toEqual(straight.lag);
  });

  it('summarises each group up to the current moment: peak, when, and now', () => {
    const tl = createTimeline(config, 5);
    playTo(tl, 1e9);
    const [analytics] = lagSeries(tl, 40);
    expect(analytics!.group).toBe('analytics');
    expect(analytics!.values.length).toBe(40);
    expect(analytics!.peak).toBe(Math.max(...tl.lag[0]!));
    expect(analytics!.peak).toBe(Math.max(...analytics!.values));
    expect(analytics!.now).toBe(0);
    seek(tl, analytics!.peakAt);
    const [atPeak] = lagSeries(tl, 40);
    expect(atPeak!.now).toBe(analytics!.peak);
    expect(atPeak!.spanMs).toBe(analytics!.peakAt);
  });
});
