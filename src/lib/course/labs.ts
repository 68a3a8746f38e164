import type { LabId } from '../sim/presets.ts';

/** The lesson each simulator lab is embedded in (under its "Try it in the simulator" heading). */
export const LAB_LESSONS: Readonly<Record<LabId, string>> = {
  'duplicates-idempotency': 'idempotent-consumers',
  'ordering-keys': 'ordering-and-partitions',
  'consumer-groups': 'brokers-topics-queues',
  'eventual-consistency': 'eventual-consistency',
  'retries-dlq': 'retries-and-dead-letters',
  'outbox-dual-write': 'dual-writes-and-outbox',
  'trace-correlation': 'observability',
};

/** The id of the lesson a lab lives in. */
export function labHome(lab: LabId): string {
  return LAB_LESSONS[lab];
}
