import { describe, expect, it } from 'vitest';
import { describeMatch, evaluateChecks, evaluateRule } from '../../../../../src/lib/practice/diagram/checks.ts';
import { parseDiagram } from '../../../../../src/lib/practice/diagram/text.ts';
import type { Diagram, DiagramRule } from '../../../../../src/lib/practice/diagram/model.ts';

function read(text: string): Diagram {
  const result = parseDiagram(text);
  if (!result.ok) throw new Error(result.problems[0]?.message);
  return result.diagram;
}

const notifications = read(`service Notify API
topic notification-requests partitions=24 key=userId
consumer-group Email worker
retry-topic email-retry
dlq email-dlq
provider SendGrid
service Checkout
database Orders DB
outbox Orders outbox
relay Outbox relay
topic order-events

Notify API -> notification-requests
notification-requests -> Email worker
Email worker => SendGrid: send
Email worker -> email-retry
email-retry -> Email worker
Email worker -> email-dlq
Checkout => Orders DB
Orders DB ~> Outbox relay
Outbox relay -> order-events
order-events -> Email worker`);

const dlq = { kind: ['dlq' as const] };
const group = { kind: ['consumer-group' as const] };

describe('structural checks', () => {
  it.each<[string, DiagramRule, boolean, string]>([
    ['has: a kind', { kind: 'has', node: dlq }, true, 'found: email-dlq'],
    ['has: missing kind', { kind: 'has', node: { kind: ['scheduler'] } }, false, 'no scheduler is drawn'],
    ['has: min not met', { kind: 'has', node: { kind: ['topic', 'retry-topic'] }, min: 4 }, false, '4 needed, found 3: notification-requests, email-retry, order-events'],
    ['has: label substring, case-insensitive', { kind: 'has', node: { label: ['SENDGRID', 'twilio'] } }, true, 'found: SendGrid'],
    ['has: key substring', { kind: 'has', node: { kind: ['topic'], key: ['user'] } }, true, 'found: notification-requests'],
    ['has: key on a part without one', { kind: 'has', node: { key: ['orderId'] } }, false, 'no part keyed by "orderId" is drawn'],
    ['path: found', { kind: 'path', from: group, to: dlq }, true, 'found: Email worker → email-dlq'],
    ['path: several hops, through a cycle', { kind: 'path', from: { label: ['notify'] }, to: dlq }, true, 'found: Notify API → notification-requests → Email worker → email-dlq'],
    ['path: not reachable', { kind: 'path', from: dlq, to: group }, false, 'no consumer group is reachable from a dead-letter queue'],
    ['path: an end is not drawn', { kind: 'path', from: group, to: { kind: ['cache'] } }, false, 'no cache is drawn'],
    ['path: via an outbox', { kind: 'path', from: { kind: ['database'] }, to: { kind: ['topic'] }, via: { kind: ['relay'] } }, true, 'found: Orders DB → Outbox relay → order-events'],
    ['path: via drawn but not connected', { kind: 'path', from: { label: ['checkout'] }, to: { kind: ['topic'] }, via: { kind: ['outbox'] } }, false, 'no topic is reachable from a part named like "checkout" through an outbox table'],
    ['path: via not drawn', { kind: 'path', from: { label: ['checkout'] }, to: { kind: ['topic'] }, via: { kind: ['scheduler'] } }, false, 'no scheduler is drawn'],
    ['path: via drawn but bypassed', { kind: 'path', from: { label: ['notify'] }, to: dlq, via: { kind: ['relay'] } }, false, 'no dead-letter queue is reachable from a part named like "notify" through a relay'],
    ['path: edges filter blocks sync hops', { kind: 'path', from: { label: ['checkout'] }, to: group, edges: ['event', 'cdc'] }, false, 'no consumer group is reachable from a part named like "checkout" over event / message or change data capture connections'],
    ['path: edges filter allows', { kind: 'path', from: { kind: ['database'] }, to: group, edges: ['event', 'cdc'] }, true, 'found: Orders DB → Outbox relay → order-events → Email worker'],
    ['path: a part reaches itself only round a cycle', { kind: 'path', from: { kind: ['retry-topic'] }, to: { kind: ['retry-topic'] } }, true, 'found: email-retry → Email worker → email-retry'],
    ['no-path: holds', { kind: 'no-path', from: { label: ['checkout'] }, to: { kind: ['provider'] }, edges: ['sync'] }, true, 'no third-party provider is reachable from a part named like "checkout" over synchronous call connections'],
    ['no-path: broken', { kind: 'no-path', from: { label: ['checkout'] }, to: { label: ['sendgrid'] } }, false, 'found: Checkout → Orders DB → Outbox relay → order-events → Email worker → SendGrid'],
    ['edge: direct', { kind: 'edge', from: group, to: { kind: ['provider'] }, edges: ['sync'] }, true, 'found: Email worker → SendGrid'],
    ['edge: wrong kind', { kind: 'edge', from: group, to: { kind: ['provider'] }, edges: ['event'] }, false, 'no direct connection from a consumer group to a third-party provider over event / message connections'],
    ['edge: only indirect', { kind: 'edge', from: { label: ['notify'] }, to: group }, false, 'no direct connection from a part named like "notify" to a consumer group'],
    ['no-edge: holds', { kind: 'no-edge', from: { label: ['checkout'] }, to: { label: ['email', 'sendgrid'] } }, true, 'no direct connection from a part named like "checkout" to a part named like "email" or "sendgrid"'],
    ['no-edge: broken', { kind: 'no-edge', from: { kind: ['relay'] }, to: { kind: ['topic'] } }, false, 'found: Outbox relay → order-events'],
  ])('%s', (_name, rule, passed, detail) => {
    expect(evaluateRule(notifications, rule)).toEqual({ passed, detail });
  });

  it('evaluates a list of checks in order, with their ids', () => {
    const results = evaluateChecks(notifications, [
      { id: 'c-dlq', text: 'A DLQ downstream of the workers', rule: { kind: 'path', from: group, to: dlq } },
      { id: 'c-sched', text: 'A scheduler', rule: { kind: 'has', node: { kind: ['scheduler'] } } },
    ]);
    expect(results.map((r) => [r.id, r.passed])).toEqual([['c-dlq', true], ['c-sched', false]]);
  });

  it('an empty diagram fails every positive rule and passes every negative one', () => {
    const empty = { nodes: [], edges: [] };
    expect(evaluateRule(empty, { kind: 'path', from: group, to: dlq })).toEqual({ passed: false, detail: 'no consumer group is drawn' });
    expect(evaluateRule(empty, { kind: 'no-edge', from: group, to: dlq }).passed).toBe(true);
  });

  it('describes matches with the right article', () => {
    expect(describeMatch({ kind: ['outbox'] })).toBe('an outbox table');
    expect(describeMatch({ kind: ['topic', 'queue'], key: ['id'] })).toBe('a topic or queue keyed by "id"');
  });
});
