/**
 * Headless benchmark of the broker simulation. A script, not a test: it asserts nothing about time
 * and exits 0. It runs one large simulation (tracing off) a few times and prints, for the best and
 * the median run, how many records were delivered to consumers per second of wall-clock time, plus
 * the peak memory sampled while the runs went on.
 *
 * A "delivered record" is one event handed to one consumer group member: with three groups, each
 * event is delivered three times. The line "events/s end to end" divides by events instead.
 *
 * Usage: node scripts/bench-sim.ts [events] [runs]   (defaults 1,000,000 and 3; Node ≥ 22.18 runs
 * TypeScript directly by stripping the types)
 */
import { createSim, metrics, runToEnd, runUntil, type SimConfig, type SimMetrics } from '../src/lib/sim/index.ts';

const events = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
if (!Number.isInteger(events) || events < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error(`Usage: node scripts/bench-sim.ts [events ≥ 1] [runs ≥ 1]; got "${process.argv.slice(2).join(' ')}"`);
  process.exit(2);
}

const PARTITIONS = 12;
const INTERVAL_MS = 0.05;
const config: SimConfig = {
  topics: [{ name: 'orders', partitions: PARTITIONS }],
  producers: [
    {
      name: 'orders',
      topic: 'orders',
      count: events,
      intervalMs: INTERVAL_MS,
      keys: 10_000,
      keyPrefix: 'order',
      types: ['OrderPlaced'],
      amountCents: { min: 100, max: 50_000 },
    },
  ],
  groups: [
    { name: 'email', topic: 'orders', members: 4, processingMs: 0.1, maxPollRecords: 100, effect: 'count' },
    { name: 'billing', topic: 'orders', members: 4, processingMs: 0.12, maxPollRecords: 100, effect: 'sum', idempotent: true },
    { name: 'shipping', topic: 'orders', members: 6, processingMs: 0.2, maxPollRecords: 100, effect: 'project' },
  ],
  network: { delayMs: 2, jitterMs: 1 },
  trace: false,
};

const peak = { rss: 0, heapUsed: 0, arrayBuffers: 0 };
function sample(): void {
  const m = process.memoryUsage();
  peak.rss = Math.max(peak.rss, m.rss);
  peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
  peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers);
}

interface Run {
  readonly wallS: number;
  readonly cpuS: number;
  readonly finished: boolean;
  readonly m: SimMetrics;
}

function runOnce(): Run {
  sample();
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const sim = createSim(config, 'bench');
  // Run in slices of virtual time so memory can be sampled while the simulation is running.
  const sliceMs = 500;
  const producingUntil = events * INTERVAL_MS;
  for (let t = sliceMs; t <= producingUntil + sliceMs; t += sliceMs) {
    runUntil(sim, t);
    sample();
  }
  const finished = runToEnd(sim);
  const cpu = process.cpuUsage(cpuStart);
  const wallS = (performance.now() - started) / 1000;
  sample();
  return { wallS, cpuS: (cpu.user + cpu.system) / 1e6, finished, m: metrics(sim) };
}

const results: Run[] = [];
for (let i = 0; i < runs; i += 1) results.push(runOnce());
const byWall = [...results].sort((a, b) => a.wallS - b.wallS);
const best = byWall[0]!;
const median = byWall[Math.floor((byWall.length - 1) / 2)]!;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const m = best.m;
console.log(`simulation:             ${fmt(m.producers[0]!.created)} events, ${m.groups.length} consumer groups, ${PARTITIONS} partitions, tracing off`);
console.log(`records delivered:      ${fmt(m.deliveries)} per run (finished: ${results.every((r) => r.finished)}, virtual time ${fmt(m.now)} ms)`);
console.log(`runs:                   ${runs}; wall ${results.map((r) => r.wallS.toFixed(2)).join(' / ')} s`);
console.log(`delivered records/s:    ${fmt(m.deliveries / best.wallS)} best, ${fmt(median.m.deliveries / median.wallS)} median (wall clock)`);
console.log(`  per CPU-second:       ${fmt(m.deliveries / best.cpuS)} best`);
console.log(`events/s end to end:    ${fmt(m.producers[0]!.created / best.wallS)} best (each event produced once and delivered to every group)`);
console.log(`peak memory:            RSS ${mb(peak.rss)}, JS heap ${mb(peak.heapUsed)}, typed arrays ${mb(peak.arrayBuffers)}`);
for (const g of m.groups) {
  console.log(`  ${g.name.padEnd(9)} effects ${fmt(g.effects)}, duplicates ${g.duplicateEffects}, max lag ${fmt(g.maxLag)}, p99 latency ${g.latency.p99Ms} ms`);
}
