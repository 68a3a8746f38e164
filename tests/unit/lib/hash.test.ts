import { describe, expect, it } from 'vitest';
import { hashText } from '../../../src/lib/hash.ts';

describe('hashText (FNV-1a, 32 bits)', () => {
  it('matches the published FNV-1a test vectors', () => {
    expect(hashText('')).toBe(0x811c9dc5);
    expect(hashText('a')).toBe(0xe40c292c);
    expect(hashText('foobar')).toBe(0xbf9cf968);
  });

  it('hashes different texts apart and the same text alike, as an unsigned 32-bit integer', () => {
    expect(hashText('attempt-1')).toBe(hashText('attempt-1'));
    expect(hashText('attempt-1')).not.toBe(hashText('attempt-2'));
    const h = hashText('x');
    expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
  });
});
