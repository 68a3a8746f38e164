/**
 * The part of Node's `buffer` module avsc touches when it parses schemas and builds resolvers in
 * the browser (the schema-evolution Try-it). astro.config.mjs points avsc's `require('buffer')` here
 * for client builds only; Node keeps its own.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function isLatin1(encoding: string | undefined): boolean {
  return encoding === 'latin1' || encoding === 'binary';
}

/** A byte array with the Node `Buffer` instance methods avsc uses. */
class Bytes extends Uint8Array {
  /** The bytes from `start` to `end` as text (UTF-8 unless latin1/binary). */
  override toString(encoding?: string, start = 0, end = this.length): string {
    const bytes = this.subarray(start, end);
    return isLatin1(encoding) ? String.fromCharCode(...bytes) : decoder.decode(bytes);
  }

  /** A view of the same memory, as Node's `slice` is. */
  override slice(start = 0, end = this.length): Bytes {
    const view = this.subarray(start, end);
    return new Bytes(view.buffer, view.byteOffset, view.length);
  }

  /** Writes `text` as UTF-8 at `offset`; returns the bytes written. */
  write(text: string, offset = 0): number {
    return encoder.encodeInto(text, this.subarray(offset)).written;
  }

  /** Copies bytes `sourceStart`..`sourceEnd` into `target` at `targetStart`; returns how many. */
  copy(target: Uint8Array, targetStart = 0, sourceStart = 0, sourceEnd = this.length): number {
    const part = this.subarray(sourceStart, Math.min(sourceEnd, sourceStart + target.length - targetStart));
    target.set(part, targetStart);
    return part.length;
  }

  /** Whether `other` holds the same bytes. */
  equals(other: Uint8Array): boolean {
    return other.length === this.length && this.every((b, i) => b === other[i]);
  }
}

const statics = {
  /** A zero-filled buffer of `size` bytes. */
  alloc: (size: number): Bytes => new Bytes(size),
  /** Same as `alloc`: zero-filling costs nothing worth saving here. */
  allocUnsafeSlow: (size: number): Bytes => new Bytes(size),
  /** Bytes of a string (UTF-8, or one byte per character for latin1/binary), or a copy of bytes. */
  from: (data: string | ArrayLike<number>, encoding?: string): Bytes => {
    if (typeof data !== 'string') return new Bytes(Array.from(data));
    if (isLatin1(encoding)) return new Bytes(Array.from(data, (ch) => ch.charCodeAt(0) & 0xff));
    return new Bytes(encoder.encode(data));
  },
  /** Whether `value` is one of these buffers. */
  isBuffer: (value: unknown): value is Bytes => value instanceof Bytes,
  /** UTF-8 length of a string, in bytes. */
  byteLength: (text: string): number => encoder.encode(text).length,
  /** The buffers joined end to end. */
  concat: (list: readonly Uint8Array[]): Bytes => {
    const out = new Bytes(list.reduce((n, b) => n + b.length, 0));
    let at = 0;
    for (const b of list) {
      out.set(b, at);
      at += b.length;
    }
    return out;
  },
};

/** Node's `Buffer`: the byte array class plus the static helpers avsc calls. */
export const Buffer: typeof statics & { readonly prototype: Bytes } = Object.assign(Bytes, statics);
