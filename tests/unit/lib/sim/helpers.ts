import { createSim, groupMetrics, metrics, runToEnd, trace, type GroupConfig, type ProducerConfig, type Sim, type SimConfig, type SimMetrics } from '../../../../src/lib/sim/index.ts';

/** A one-topic, one-producer, one-group config with overrides for each part. */
export function oneTopic(options: {
  readonly partitions?: number;
  readonly producer?: Partial<ProducerConfig>;
  readonly group?: Partial<GroupConfig>;
  readonly extra?: Partial<SimConfig>;
}): SimConfig {
  return {
    topics: [{ name: 't', partitions: options.partitions ?? 1 }],
    producers: [{ name: 'p', topic: 't', count: 10, intervalMs: 10, ...options.producer }],
    groups: [{ name: 'g', topic: 't', processingMs: 5, effect: 'sum', ...options.group }],
    trace: true,
    ...options.extra,
  };
}

/** Runs a config to the end; fails the test if it does not finish. */
export function runAll(config: SimConfig, seed: number | string = 1): { readonly sim: Sim; readonly m: SimMetrics } {
  const sim = createSim(config, seed);
  if (!runToEnd(sim)) throw new Error('simulation did not finish before its horizon');
  return { sim, m: metrics(sim) };
}

/** Metrics of group `g` after running `config` to the end. */
export function groupAfter(config: SimConfig, group = 'g', seed: number | string = 1) {
  const { sim } = runAll(config, seed);
  return groupMetrics(sim, group);
}

/** Trace texts of a kind. */
export function texts(sim: Sim, kind: string): string[] {
  return trace(sim)
    .filter((s) => s.kind === kind)
    .map((s) => s.text);
}
