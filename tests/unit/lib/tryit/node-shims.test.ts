import { describe, expect, it } from 'vitest';
import { Buffer as ShimBuffer } from '../../../../src/lib/tryit/node-shims/buffer.ts';
import { debuglog, deprecate, format, inherits } from '../../../../src/lib/tryit/node-shims/util.ts';

describe('browser shim of buffer (for avsc)', () => {
  it('encodes and decodes UTF-8 and latin1 like Node', () => {
    const text = 'Grüße €';
    expect([...ShimBuffer.from(text)]).toEqual([...Buffer.from(text)]);
    expect(ShimBuffer.from(text).toString()).toBe(text);
    expect(ShimBuffer.byteLength(text)).toBe(Buffer.byteLength(text));
    expect([...ShimBuffer.from('\u00ff\u0041', 'binary')]).toEqual([255, 65]);
    expect(ShimBuffer.from([255, 65]).toString('latin1')).toBe('\u00ffA');
  });

  it('allocates zeroed buffers, slices as views, copies, concatenates and compares', () => {
    const b = ShimBuffer.alloc(4);
    expect([...b]).toEqual([0, 0, 0, 0]);
    expect(b.write('hi', 1)).toBe(2);
    const view = b.slice(1, 3);
    view[0] = 72;
    expect(b[1]).toBe(72);
    const target = ShimBuffer.alloc(2);
    expect(b.copy(target, 0, 1, 3)).toBe(2);
    expect(target.toString()).toBe('Hi');
    expect(ShimBuffer.concat([ShimBuffer.from('a'), ShimBuffer.from('b')]).toString()).toBe('ab');
    expect(ShimBuffer.from('ab').equals(ShimBuffer.from('ab'))).toBe(true);
    expect(ShimBuffer.isBuffer(b) && !ShimBuffer.isBuffer(new Uint8Array(1))).toBe(true);
    expect(ShimBuffer.allocUnsafeSlow(3)).toHaveLength(3);
  });
});

describe('browser shim of util (for avsc)', () => {
  it('formats like Node for the tokens avsc uses', () => {
    expect(format('invalid %s: %j (%d%%)', 'type', { a: 1 }, 5)).toBe('invalid type: {"a":1} (5%)');
    expect(format('%s and', 'x', 'extra')).toBe('x and extra');
    expect(format(3, 4)).toBe('3 4');
  });

  it('inherits prototypes; debuglog is silent; deprecate returns the function', () => {
    function Base() {}
    Base.prototype.hello = () => 'hi';
    function Child() {}
    inherits(Child as never, Base as never);
    expect((new (Child as unknown as new () => { hello(): string })()).hello()).toBe('hi');
    expect(debuglog()('x')).toBeUndefined();
    const fn = () => 1;
    expect(deprecate(fn)).toBe(fn);
  });
});
