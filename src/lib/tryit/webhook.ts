/**
 * The signed-webhooks Try-it: a receiver verifies deliveries signed the Standard Webhooks way — an
 * HMAC-SHA256 over `id.timestamp.body`, base64, in a `v1,<signature>` header entry — with the Web
 * Crypto API (the browser's `crypto.subtle`, and Node's in tests). The verdict follows the order a
 * careful receiver checks in: the signature over the bytes received, then the signed timestamp
 * against a tolerance window, then the delivery id against those already processed.
 */
import type { Choice } from './prediction.ts';

/** What the receiver does with a delivery. */
export type WebhookOutcome = 'process' | 'reject-signature' | 'reject-stale' | 'duplicate';

/** The predictions a learner can make, one per outcome. */
export const WEBHOOK_CHOICES: readonly Choice<WebhookOutcome>[] = [
  { id: 'process', label: 'Accept it and process the event' },
  { id: 'reject-signature', label: 'Reject it: the signature does not match' },
  { id: 'reject-stale', label: 'Reject it: the timestamp is outside the window' },
  { id: 'duplicate', label: 'Acknowledge it (2xx) but do not process it again' },
];

/** How far a signed timestamp may be from the receiver's clock, either way: five minutes. */
export const TOLERANCE_S = 5 * 60;

/** The receiver's clock in the Try-it, in Unix seconds (7 December 2026, 09:00 UTC). */
export const NOW_S = 1_796_634_000;

/** One delivery as it arrives: the three headers and the raw body. */
export interface Delivery {
  /** `webhook-id`: the same on every retry of one message. */
  readonly id: string;
  /** `webhook-timestamp`: when this attempt was signed, in Unix seconds. */
  readonly timestamp: number;
  /** `webhook-signature`: space-separated `v1,<base64>` entries. */
  readonly signature: string;
  /** The raw body, exactly as sent. */
  readonly body: string;
}

/** What the receiver knows: its secret, its clock and the ids it has already processed. */
export interface Receiver {
  /** The endpoint's current signing secret. */
  readonly secret: Uint8Array<ArrayBuffer>;
  /** Now, in Unix seconds. */
  readonly nowS: number;
  /** Delivery ids already processed. */
  readonly processed: ReadonlySet<string>;
  /** True if the receiver verifies a re-serialised copy of the parsed JSON instead of the raw body. */
  readonly reserialises: boolean;
}

/** One check the verifier made, for the result list. */
export interface Check {
  /** What was checked. */
  readonly label: string;
  /** What was found. */
  readonly detail: string;
  /** Whether the check passed. */
  readonly passed: boolean;
}

/** The result of verifying one delivery. */
export interface Verification {
  /** What the receiver does. */
  readonly outcome: WebhookOutcome;
  /** The checks, in the order the receiver made them. */
  readonly checks: readonly Check[];
  /** The signature the receiver computed, base64. */
  readonly expected: string;
  /** One sentence: why this outcome. */
  readonly why: string;
}

const encoder = new TextEncoder();

/** The bytes of a secret or a body, as UTF-8. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

/** Base64 of some bytes. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** The bytes a base64 string stands for, or null if it is not valid base64. */
export function fromBase64(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/**
 * Compares two byte strings in time that depends only on their lengths, never on where they
 * first differ — so response times leak nothing about how close a forged signature came.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** The content Standard Webhooks signs: `id.timestamp.body`. */
export function signedContent(id: string, timestamp: number, body: string): string {
  return `${id}.${timestamp}.${body}`;
}

/** HMAC-SHA256 of `id.timestamp.body` with `secret`, as raw bytes. */
export async function hmac(secret: Uint8Array<ArrayBuffer>, id: string, timestamp: number, body: string): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8(signedContent(id, timestamp, body))));
}

/** A `webhook-signature` header entry, `v1,<base64>`, for one secret. */
export async function sign(secret: Uint8Array<ArrayBuffer>, id: string, timestamp: number, body: string): Promise<string> {
  return `v1,${toBase64(await hmac(secret, id, timestamp, body))}`;
}

/** The `v1` signatures in a header, decoded; entries of other versions or bad base64 are skipped. */
export function headerSignatures(header: string): Uint8Array[] {
  return header
    .split(' ')
    .map((entry) => entry.split(','))
    .flatMap(([version, value]) => (version === 'v1' && value ? [fromBase64(value)] : []))
    .filter((sig): sig is Uint8Array => sig !== null);
}

/** What a framework that parses and re-serialises JSON hands the verifier; the raw body if it is not JSON. */
export function reserialised(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body));
  } catch {
    return body;
  }
}

/** Verifies `delivery` as `receiver` would: signature first, then the time window, then the id. */
export async function verifyDelivery(delivery: Delivery, receiver: Receiver): Promise<Verification> {
  const bytes = receiver.reserialises ? reserialised(delivery.body) : delivery.body;
  const expected = await hmac(receiver.secret, delivery.id, delivery.timestamp, bytes);
  const given = headerSignatures(delivery.signature);
  const signed = given.some((sig) => constantTimeEqual(sig, expected));
  const age = receiver.nowS - delivery.timestamp;
  const fresh = Math.abs(age) <= TOLERANCE_S;
  const seen = receiver.processed.has(delivery.id);

  const checks: Check[] = [
    {
      label: 'Signature',
      detail: `${receiver.reserialises ? 'HMAC over the re-serialised JSON' : 'HMAC over the raw body'}; ${given.length} v1 signature${given.length === 1 ? '' : 's'} in the header, ${signed ? 'one matches' : 'none matches'} (constant-time comparison).`,
      passed: signed,
    },
    {
      label: 'Timestamp',
      detail: `Signed ${describeAge(age)}; the window is ±${TOLERANCE_S / 60} minutes.`,
      passed: fresh,
    },
    {
      label: 'Delivery id',
      detail: seen ? `${delivery.id} was already processed.` : `${delivery.id} is new.`,
      passed: !seen,
    },
  ];

  const { outcome, why } = judgeChecks(signed, fresh, seen, receiver.reserialises);
  return { outcome, checks, expected: toBase64(expected), why };
}

/** Turns the three checks into an outcome and its reason. The signature decides first: an unsigned timestamp or id proves nothing. */
function judgeChecks(signed: boolean, fresh: boolean, seen: boolean, reserialises: boolean): { outcome: WebhookOutcome; why: string } {
  if (!signed) {
    return {
      outcome: 'reject-signature',
      why: reserialises
        ? 'The HMAC covers bytes, not meaning: re-serialised JSON differs from what was signed, so even a genuine delivery fails. Verify the raw body, then parse.'
        : 'No signature in the header matches an HMAC of these exact bytes with the current secret: the body, id or timestamp changed, or another key signed it.',
    };
  }
  if (!fresh) {
    return {
      outcome: 'reject-stale',
      why: 'The signature is genuine, but the signed timestamp is outside the window: this is an old delivery being replayed, and a valid signature proves who sent it, not when.',
    };
  }
  if (seen) {
    return {
      outcome: 'duplicate',
      why: 'A genuine, fresh retry of a delivery already handled: answer 2xx so the sender stops retrying, but do not act on it twice.',
    };
  }
  return { outcome: 'process', why: 'Signed with the current secret over these exact bytes, within the window, and not seen before: safe to process.' };
}

/** "12 seconds ago", "10 minutes ago", "in 2 minutes". */
export function describeAge(ageS: number): string {
  const abs = Math.abs(ageS);
  const amount = abs < 120 ? `${abs} second${abs === 1 ? '' : 's'}` : `${Math.round(abs / 60)} minutes`;
  return ageS >= 0 ? `${amount} ago` : `${amount} in the future`;
}

/** The secret the receiver holds now. */
export const CURRENT_SECRET = utf8('whsec-demo-current-7f3a9c');
/** The secret retired at yesterday's rotation. */
export const OLD_SECRET = utf8('whsec-demo-retired-21be40');
/** The delivery id of the sample message. */
export const SAMPLE_ID = 'msg_2f8Qk3uXr7';
/** The sample body, compact JSON as the sender wrote it. */
export const SAMPLE_BODY = '{"type":"refund.approved","data":{"orderId":"ord_48213","amount":4999,"currency":"EUR"}}';

/** The cases a learner can pick. */
export type WebhookCaseId = 'genuine' | 'tampered' | 'reserialised' | 'replay' | 'old-secret' | 'rotation' | 'retry';

/** One case: what the learner is told, and how to build the delivery and the receiver. */
export interface WebhookCase extends Choice<WebhookCaseId> {
  /** What happened, in a sentence, shown under the picker. */
  readonly story: string;
}

/** The cases, as the picker lists them. */
export const WEBHOOK_CASES: readonly WebhookCase[] = [
  { id: 'genuine', label: 'A fresh delivery', story: 'The sender signed this delivery with the current secret 12 seconds ago.' },
  { id: 'tampered', label: 'One character of the body changed', story: 'Someone on the path changed the amount from 4999 to 9999 — one character — and kept the headers.' },
  { id: 'reserialised', label: 'A sender that writes spaced JSON', story: 'This sender writes JSON with a space after each colon and comma, and your framework parses the body and re-serialises it compactly before the check.' },
  { id: 'replay', label: 'A copy replayed 10 minutes later', story: 'An attacker copied a genuine delivery, headers and all, out of a debug log and sends it again, byte for byte, 10 minutes after it was signed.' },
  { id: 'old-secret', label: 'Signed with the retired secret', story: 'You rotated the secret yesterday and the overlap is over; this delivery is signed only with the old secret (a leaked copy of it, say).' },
  { id: 'rotation', label: 'During a rotation: two signatures', story: 'During the rotation overlap, the sender signs with both the old and the new secret and puts both signatures in the header.' },
  { id: 'retry', label: 'The same delivery, retried', story: 'Your first response timed out, so the sender retried 40 seconds later: same delivery id, a new timestamp and signature. You processed the first attempt.' },
];

/** The body a case sends, before the learner edits it. */
export function caseBody(id: WebhookCaseId): string {
  if (id === 'tampered') return SAMPLE_BODY.replace('4999', '9999');
  if (id === 'reserialised') return '{"type": "refund.approved", "data": {"orderId": "ord_48213", "amount": 4999, "currency": "EUR"}}';
  return SAMPLE_BODY;
}

/**
 * Builds a case's delivery — with `body` in place of the case's own if the learner edited it — and
 * the receiver it arrives at. Signatures are made over the body the sender sent, not the edit.
 */
export async function buildCase(id: WebhookCaseId, body: string = caseBody(id)): Promise<{ delivery: Delivery; receiver: Receiver }> {
  const sentBody = id === 'tampered' ? SAMPLE_BODY : caseBody(id);
  const timestamp = NOW_S - (id === 'replay' ? 600 : 12);
  const signWith = (secret: Uint8Array<ArrayBuffer>) => sign(secret, SAMPLE_ID, timestamp, sentBody);
  const signature =
    id === 'old-secret' ? await signWith(OLD_SECRET) : id === 'rotation' ? `${await signWith(OLD_SECRET)} ${await signWith(CURRENT_SECRET)}` : await signWith(CURRENT_SECRET);
  return {
    delivery: { id: SAMPLE_ID, timestamp, signature, body },
    receiver: {
      secret: CURRENT_SECRET,
      nowS: NOW_S,
      processed: new Set(id === 'retry' ? [SAMPLE_ID] : []),
      reserialises: id === 'reserialised',
    },
  };
}
