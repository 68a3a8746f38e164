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

/** A byte array with the Node `Buffer` methods avsc uses. */
export class Buffer extends Uint8Array {
  /** A zero-filled buffer of `size` bytes. */
  static alloc(size: number): Buffer {
    return new Buffer(size);
  }

  /** Same as `alloc`: zero-filling costs nothing worth saving here. */
  static allocUnsafeSlow(size: number): Buffer {
    return new Buffer(size);
  }

  /** Bytes of a string (UTF-8, or one byte per character for latin1/binary), or a copy of bytes. */
  static from(data: string | ArrayLike<number>, encoding?: string): Buffer {
    if (typeof data !== 'string') return new Buffer(Array.from(data));
    if (isLatin1(encoding)) return new Buffer(Array.from(data, (ch) => ch.charCodeAt(0) & 0xff));
    return new Buffer(encoder.encode(data));
  }

  /** Whether `value` is one of these buffers. */
  static isBuffer(value: unknown): value is Buffer {
    return value instanceof Buffer;
  }

  /** UTF-8 length of a string, in bytes. */
  static byteLength(text: string): number {
    return encoder.encode(text).length;
  }

  /** The buffers joined end to end. */
  static concat(list: readonly Uint8Array[]): Buffer {
    const out = new Buffer(list.reduce((n, b) => n + b.length, 0));
    let at = 0;
    for (const b of list) {
      out.set(b, at);
      at += b.length;
    }
    return out;
  }

  /** The bytes from `start` to `end` as text (UTF-8 unless latin1/binary). */
  override toString(encoding?: string, start = 0, end = this.length): string {
    const bytes = this.subarray(start, end);
    return isLatin1(encoding) ? String.fromCharCode(...bytes) : decoder.decode(bytes);
  }

  /** A view of the same memory, as Node's `slice` is. */
  override slice(start = 0, end = this.length): Buffer {
    const view = this.subarray(start, end);
    return new Buffer(view.buffer, view.byteOffset, view.length);
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
