/**
 * Seeded, counter-based randomness for the simulator. Every random decision is a pure hash of the
 * seed, a purpose ("salt") and the numbers that identify the decision (an event, an attempt), so
 * the same seed always gives the same run, and turning one fault on does not reshuffle the dice
 * for every other decision (a run with faults and one without see the same events, keys and
 * amounts, which is what lets tests compare them).
 */

import { hashText } from '../hash.ts';

/** What a caller may pass as a seed: a 32-bit number, or any text (hashed to one). */
export type Seed = number | string;

export { hashText };

/** The 32-bit seed for `seed`: numbers are truncated to 32 bits, text is hashed. */
export function seedOf(seed: Seed): number {
  return typeof seed === 'string' ? hashText(seed) : seed >>> 0;
}

/** MurmurHash3's finaliser: spreads every input bit over every output bit. */
function fmix(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A 32-bit hash of a seed, a salt and up to three integers. */
export function hash32(seed: number, salt: number, a: number, b = 0, c = 0): number {
  let h = fmix((seed ^ Math.imul(salt + 1, 0x9e3779b9)) >>> 0);
  h = fmix((h ^ a) + 0x7f4a7c15);
  h = fmix((h ^ b) + 0x165667b1);
  return fmix((h ^ c) + 0x27d4eb2f);
}

/** A number in [0, 1) decided by the seed, the salt and up to three integers. */
export function uniform(seed: number, salt: number, a: number, b = 0, c = 0): number {
  return hash32(seed, salt, a, b, c) / 4294967296;
}

/** `digits` lowercase hex digits derived from the seed, the salt and an integer. */
export function hexId(seed: number, salt: number, a: number, digits: number): string {
  let out = '';
  for (let word = 0; out.length < digits; word += 1) {
    out += hash32(seed, salt, a, word).toString(16).padStart(8, '0');
  }
  return out.slice(0, digits);
}

/**
 * A sequential generator in [0, 1) for callers that want a plain stream of numbers (e.g. the
 * request-chain comparison): the n-th call returns `uniform(seed, salt, n)`.
 */
export function createRandom(seed: Seed, salt = 0): () => number {
  const s = seedOf(seed);
  let n = 0;
  return () => {
    const value = uniform(s, salt, n);
    n += 1;
    return value;
  };
}
