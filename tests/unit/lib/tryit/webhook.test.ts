import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCase,
  caseBody,
  constantTimeEqual,
  CURRENT_SECRET,
  describeAge,
  headerSignatures,
  NOW_S,
  OLD_SECRET,
  SAMPLE_BODY,
  SAMPLE_ID,
  sign,
  TOLERANCE_S,
  verifyDelivery,
  WEBHOOK_CASES,
  WEBHOOK_CHOICES,
  type Receiver,
} from '../../../../src/lib/tryit/webhook.ts';

const receiver: Receiver = { secret: CURRENT_SECRET, nowS: NOW_S, processed: new Set(), reserialises: false };

describe('signed webhooks Try-it: signing', () => {
  it('signs id.timestamp.body with HMAC-SHA256, base64, as Node computes it independently', async () => {
    const expected = createHmac('sha256', Buffer.from(CURRENT_SECRET)).update(`${SAMPLE_ID}.${NOW_S}.${SAMPLE_BODY}`).digest('base64');
    expect(await sign(CURRENT_SECRET, SAMPLE_ID, NOW_S, SAMPLE_BODY)).toBe(`v1,${expected}`);
  });

  it('reads the v1 entries of a header and skips other versions and bad base64', () => {
    expect(headerSignatures('v1,AAEC v2,AAEC v1,%%%').map((b) => [...b])).toEqual([[0, 1, 2]]);
    expect(headerSignatures('')).toEqual([]);
  });

  it('compares byte strings correctly whatever their contents', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 }), (a, b) => {
        expect(constantTimeEqual(a, b)).toBe(a.length === b.length && a.every((x, i) => x === b[i]));
        expect(constantTimeEqual(a, Uint8Array.from(a))).toBe(true);
      }),
    );
  });

  it('words ages in seconds, minutes and the future', () => {
    expect(describeAge(12)).toBe('12 seconds ago');
    expect(describeAge(600)).toBe('10 minutes ago');
    expect(describeAge(-1)).toBe('1 second in the future');
  });
});

describe('signed webhooks Try-it: the cases', () => {
  const expectations = {
    genuine: 'process',
    tampered: 'reject-signature',
    reserialised: 'reject-signature',
    replay: 'reject-stale',
    'old-secret': 'reject-signature',
    rotation: 'process',
    retry: 'duplicate',
  } as const;

  it.each(Object.entries(expectations))('case %s: the receiver decides %s', async (id, outcome) => {
    const c = WEBHOOK_CASES.find((w) => w.id === id);
    expect(c, id).toBeDefined();
    const { delivery, receiver: r } = await buildCase(c!.id);
    const result = await verifyDelivery(delivery, r);
    expect(result.outcome).toBe(outcome);
    expect(WEBHOOK_CHOICES.map((ch) => ch.id)).toContain(result.outcome);
    expect(result.checks.map((ch) => ch.label)).toEqual(['Signature', 'Timestamp', 'Delivery id']);
  });

  it('covers every case in the picker', () => {
    expect(WEBHOOK_CASES.map((c) => c.id).sort()).toEqual(Object.keys(expectations).sort());
  });

  it('the replay has a genuine signature: only the window rejects it', async () => {
    const { delivery, receiver: r } = await buildCase('replay');
    const result = await verifyDelivery(delivery, r);
    expect(result.checks[0]?.passed).toBe(true);
    expect(result.checks[1]?.passed).toBe(false);
    expect(result.why).toContain('proves who sent it, not when');
  });

  it('the re-serialised body passes when the receiver verifies the raw bytes instead', async () => {
    const { delivery, receiver: r } = await buildCase('reserialised');
    expect((await verifyDelivery(delivery, { ...r, reserialises: false })).outcome).toBe('process');
    expect(caseBody('reserialised')).not.toBe(SAMPLE_BODY);
    expect(JSON.parse(caseBody('reserialised'))).toEqual(JSON.parse(SAMPLE_BODY));
  });

  it('the tampered body differs from the signed one by exactly one character', () => {
    const tampered = caseBody('tampered');
    expect(tampered.length).toBe(SAMPLE_BODY.length);
    expect([...tampered].filter((ch, i) => ch !== SAMPLE_BODY[i])).toHaveLength(1);
  });

  it('a signature made with the retired secret matches only a receiver that still holds it', async () => {
    const { delivery } = await buildCase('old-secret');
    expect((await verifyDelivery(delivery, receiver)).outcome).toBe('reject-signature');
    expect((await verifyDelivery(delivery, { ...receiver, secret: OLD_SECRET })).outcome).toBe('process');
  });
});

describe('signed webhooks Try-it: properties', () => {
  it('any change of one character of the body makes verification fail', async () => {
    const signature = await sign(CURRENT_SECRET, SAMPLE_ID, NOW_S, SAMPLE_BODY);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: SAMPLE_BODY.length - 1 }), fc.integer({ min: 32, max: 126 }), async (index, code) => {
        const replacement = String.fromCharCode(code);
        fc.pre(replacement !== SAMPLE_BODY[index]);
        const body = SAMPLE_BODY.slice(0, index) + replacement + SAMPLE_BODY.slice(index + 1);
        const result = await verifyDelivery({ id: SAMPLE_ID, timestamp: NOW_S, signature, body }, receiver);
        expect(result.outcome).toBe('reject-signature');
      }),
      { numRuns: 60 },
    );
  });

  it('any body signed with the current secret, fresh and new, is processed; the same delivery seen before is only acknowledged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }), fc.integer({ min: -TOLERANCE_S, max: TOLERANCE_S }), async (body, skew) => {
        const timestamp = NOW_S - skew;
        const delivery = { id: SAMPLE_ID, timestamp, signature: await sign(CURRENT_SECRET, SAMPLE_ID, timestamp, body), body };
        expect((await verifyDelivery(delivery, receiver)).outcome).toBe('process');
        expect((await verifyDelivery(delivery, { ...receiver, processed: new Set([SAMPLE_ID]) })).outcome).toBe('duplicate');
      }),
      { numRuns: 40 },
    );
  });

  it('a genuine signature outside the window is rejected as stale, whichever way the clock is off', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: TOLERANCE_S + 1, max: 30 * 24 * 3600 }), fc.boolean(), async (offset, past) => {
        const timestamp = past ? NOW_S - offset : NOW_S + offset;
        const delivery = { id: SAMPLE_ID, timestamp, signature: await sign(CURRENT_SECRET, SAMPLE_ID, timestamp, SAMPLE_BODY), body: SAMPLE_BODY };
        expect((await verifyDelivery(delivery, receiver)).outcome).toBe('reject-stale');
      }),
      { numRuns: 40 },
    );
  });

  it('changing the signed timestamp or id breaks the signature', async () => {
    const signature = await sign(CURRENT_SECRET, SAMPLE_ID, NOW_S, SAMPLE_BODY);
    expect((await verifyDelivery({ id: SAMPLE_ID, timestamp: NOW_S - 1, signature, body: SAMPLE_BODY }, receiver)).outcome).toBe('reject-signature');
    expect((await verifyDelivery({ id: 'msg_other', timestamp: NOW_S, signature, body: SAMPLE_BODY }, receiver)).outcome).toBe('reject-signature');
  });
});
