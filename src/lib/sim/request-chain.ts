/**
 * The request-driven comparison: the same services called one after another in a synchronous
 * chain (each waits for the next; latencies add up, and one failure fails the whole request), and
 * the event-driven alternative (the caller gets its answer once the broker has the event; each
 * service reacts in its own time and retries its own failures). Pure and seeded.
 */
import { seedOf, uniform, type Seed } from './random.ts';

/** A service in the chain. */
export interface ChainService {
  /** Display name, e.g. "Payments". */
  readonly name: string;
  /** Time to handle one call, ms. */
  readonly latencyMs: number;
  /** Extra random time per call, between 0 and this, ms. Default 0. */
  readonly jitterMs?: number;
  /** Chance (0–1) that a call fails. Default 0. */
  readonly failureRate?: number;
}

/** A comparison run. */
export interface ChainConfig {
  /** The services, in call order. */
  readonly services: readonly ChainService[];
  /** Number of customer requests. */
  readonly requests: number;
  /** Network and (de)serialisation cost of each synchronous call, ms. Default 5. */
  readonly callOverheadMs?: number;
  /** Event-driven: time until the broker acknowledges the event and the caller is answered, ms. Default 10. */
  readonly brokerAckMs?: number;
  /** Event-driven: wait before a failed handler retries, ms. Default 200. */
  readonly retryBackoffMs?: number;
}

/** One call within a request. */
export interface ChainCall {
  /** Service called. */
  readonly service: string;
  /** When the call started, ms after the request. */
  readonly startMs: number;
  /** When it returned. */
  readonly endMs: number;
  /** Whether it succeeded. */
  readonly ok: boolean;
}

/** How one synchronous request went. */
export interface RequestOutcome {
  /** Request number, from 0. */
  readonly index: number;
  /** Whether every call succeeded. */
  readonly ok: boolean;
  /** How long the customer waited, ms. */
  readonly latencyMs: number;
  /** The service whose failure failed the request, or null. */
  readonly failedAt: string | null;
  /** The calls made, in order; services after a failure are never called. */
  readonly calls: readonly ChainCall[];
}

/** The synchronous chain, summarised. */
export interface ChainSummary {
  /** Requests made. */
  readonly requests: number;
  /** Requests that succeeded. */
  readonly succeeded: number;
  /** Requests that failed. */
  readonly failed: number;
  /** succeeded / requests. */
  readonly successRate: number;
  /** What theory predicts: the product of every service's success chance. */
  readonly expectedSuccessRate: number;
  /** Mean time the customer waited, ms. */
  readonly meanLatencyMs: number;
  /** Longest wait, ms. */
  readonly maxLatencyMs: number;
}

/** The event-driven alternative, summarised. */
export interface EventSummary {
  /** Requests made; every one is accepted once the broker has its event. */
  readonly requests: number;
  /** Time the customer waits, ms: the broker's acknowledgement. */
  readonly responseMs: number;
  /** Mean time until every service has handled a request, ms. */
  readonly meanCompletionMs: number;
  /** Longest time until every service has handled a request, ms. */
  readonly maxCompletionMs: number;
  /** Handler attempts that failed and were retried. */
  readonly retries: number;
}

const SALT_LATENCY = 21;
const SALT_FAILURE = 22;
const MAX_EVENT_ATTEMPTS = 50;

function callTime(seed: number, s: ChainService, request: number, service: number, attempt: number): number {
  const jitter = s.jitterMs ?? 0;
  return s.latencyMs + (jitter > 0 ? jitter * uniform(seed, SALT_LATENCY, request, service, attempt) : 0);
}

function callFails(seed: number, s: ChainService, request: number, service: number, attempt: number): boolean {
  const rate = s.failureRate ?? 0;
  return rate > 0 && uniform(seed, SALT_FAILURE, request, service, attempt) < rate;
}

/** Every request of the synchronous chain, call by call. */
export function runRequestChain(config: ChainConfig, seed: Seed): RequestOutcome[] {
  const s = seedOf(seed);
  const overhead = config.callOverheadMs ?? 5;
  const out: RequestOutcome[] = [];
  for (let r = 0; r < config.requests; r += 1) {
    let t = 0;
    const calls: ChainCall[] = [];
    let failedAt: string | null = null;
    for (let i = 0; i < config.services.length; i += 1) {
      const service = config.services[i]!;
      const start = t;
      t += overhead + callTime(s, service, r, i, 0);
      const ok = !callFails(s, service, r, i, 0);
      calls.push({ service: service.name, startMs: start, endMs: t, ok });
      if (!ok) {
        failedAt = service.name;
        break;
      }
    }
    out.push({ index: r, ok: failedAt === null, latencyMs: t, failedAt, calls });
  }
  return out;
}

/** The synchronous chain's outcomes summarised. */
export function summariseChain(config: ChainConfig, outcomes: readonly RequestOutcome[]): ChainSummary {
  const succeeded = outcomes.filter((o) => o.ok).length;
  const n = outcomes.length;
  return {
    requests: n,
    succeeded,
    failed: n - succeeded,
    successRate: n === 0 ? 0 : succeeded / n,
    expectedSuccessRate: config.services.reduce((p, s) => p * (1 - (s.failureRate ?? 0)), 1),
    meanLatencyMs: n === 0 ? 0 : outcomes.reduce((a, o) => a + o.latencyMs, 0) / n,
    maxLatencyMs: outcomes.reduce((a, o) => Math.max(a, o.latencyMs), 0),
  };
}

/**
 * The same requests event-driven: answered at the broker's acknowledgement; each service handles
 * the event in parallel and retries a failed attempt after a backoff until it succeeds.
 */
export function runEventDriven(config: ChainConfig, seed: Seed): EventSummary {
  const s = seedOf(seed);
  const ack = config.brokerAckMs ?? 10;
  const backoff = config.retryBackoffMs ?? 200;
  let retries = 0;
  let sum = 0;
  let max = 0;
  for (let r = 0; r < config.requests; r += 1) {
    let done = ack;
    config.services.forEach((service, i) => {
      let t = ack;
      for (let attempt = 0; attempt < MAX_EVENT_ATTEMPTS; attempt += 1) {
        t += callTime(s, service, r, i, attempt);
        if (!callFails(s, service, r, i, attempt)) break;
        retries += 1;
        t += backoff;
      }
      if (t > done) done = t;
    });
    sum += done;
    if (done > max) max = done;
  }
  return {
    requests: config.requests,
    responseMs: ack,
    meanCompletionMs: config.requests === 0 ? 0 : sum / config.requests,
    maxCompletionMs: max,
    retries,
  };
}

/** Both styles over the same services, requests and seed. */
export function compareStyles(config: ChainConfig, seed: Seed): { readonly requestDriven: ChainSummary; readonly eventDriven: EventSummary } {
  return { requestDriven: summariseChain(config, runRequestChain(config, seed)), eventDriven: runEventDriven(config, seed) };
}

/** The comparison's starting point: four services behind a checkout. */
export const CHECKOUT_CHAIN: ChainConfig = {
  services: [
    { name: 'Payments', latencyMs: 120, jitterMs: 60, failureRate: 0.02 },
    { name: 'Inventory', latencyMs: 80, jitterMs: 40, failureRate: 0.01 },
    { name: 'Shipping', latencyMs: 150, jitterMs: 80, failureRate: 0.03 },
    { name: 'Email', latencyMs: 60, jitterMs: 30, failureRate: 0.05 },
  ],
  requests: 200,
  callOverheadMs: 5,
  brokerAckMs: 10,
  retryBackoffMs: 200,
};
