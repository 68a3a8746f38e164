import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The page's one PostgreSQL (src/client/sql-engine.ts): labs on one page share a worker, take turns,
 * and the last to leave stops it; a worker that failed to start is not shared. The Worker here is a
 * fake that answers like the real one (src/client/sql-worker.ts) without PostgreSQL.
 */
class FakeWorker {
  static made: FakeWorker[] = [];
  static fail = false;
  terminated = false;
  private listeners: Record<string, ((e: unknown) => void)[]> = {};
  constructor() {
    FakeWorker.made.push(this);
    const fail = FakeWorker.fail;
    queueMicrotask(() => this.emit('message', { data: fail ? { failed: 'you seem to be offline' } : { ready: true } }));
  }
  addEventListener(type: string, l: (e: unknown) => void): void {
    (this.listeners[type] ??= []).push(l);
  }
  postMessage(m: { id: number }): void {
    queueMicrotask(() => this.emit('message', { data: { id: m.id, ok: true, result: { rows: [] } } }));
  }
  terminate(): void {
    this.terminated = true;
  }
  private emit(type: string, e: unknown): void {
    for (const l of this.listeners[type] ?? []) l(e);
  }
}

let openSqlEngine: typeof import('../../../../src/client/sql-engine.ts').openSqlEngine;

beforeEach(async () => {
  FakeWorker.made = [];
  FakeWorker.fail = false;
  vi.stubGlobal('Worker', FakeWorker);
  vi.resetModules();
  ({ openSqlEngine } = await import('../../../../src/client/sql-engine.ts'));
});
afterEach(() => vi.unstubAllGlobals());

describe('the page’s shared PostgreSQL', () => {
  it('two labs share one worker; it stops when the last one leaves, and a later lab starts a new one', async () => {
    const a = openSqlEngine(() => undefined);
    const b = openSqlEngine(() => undefined);
    expect(FakeWorker.made).toHaveLength(1);
    expect(a.engine).toBe(b.engine);
    await a.engine.ready;
    a.release();
    a.release(); // twice is harmless
    expect(FakeWorker.made[0]?.terminated).toBe(false);
    b.release();
    expect(FakeWorker.made[0]?.terminated).toBe(true);
    const c = openSqlEngine(() => undefined);
    expect(FakeWorker.made).toHaveLength(2);
    await c.engine.ready;
    c.release();
  });

  it('runs take turns: the second starts only when the first has finished, even if the first fails', async () => {
    const a = openSqlEngine(() => undefined);
    const b = openSqlEngine(() => undefined);
    const order: string[] = [];
    let finishFirst: () => void = () => undefined;
    const first = a.exclusive(async () => {
      order.push('a starts');
      await new Promise<void>((r) => (finishFirst = r));
      order.push('a ends');
      throw new Error('a failed');
    });
    const second = b.exclusive(async () => {
      order.push('b runs');
      return 'b';
    });
    // Once the first has started, a second that did not wait its turn would have run as well.
    await vi.waitFor(() => expect(order).toContain('a starts'));
    await Promise.resolve();
    expect(order).toEqual(['a starts']);
    finishFirst();
    await expect(first).rejects.toThrow('a failed');
    await expect(second).resolves.toBe('b');
    expect(order).toEqual(['a starts', 'a ends', 'b runs']);
    a.release();
    b.release();
  });

  it('a worker that failed to start is not shared: the next lab gets a fresh one', async () => {
    FakeWorker.fail = true;
    const a = openSqlEngine(() => undefined);
    await expect(a.engine.ready).rejects.toThrow('you seem to be offline');
    FakeWorker.fail = false;
    const b = openSqlEngine(() => undefined);
    expect(FakeWorker.made).toHaveLength(2);
    expect(b.engine).not.toBe(a.engine);
    await b.engine.ready;
    a.release();
    expect(FakeWorker.made[0]?.terminated).toBe(true);
    expect(FakeWorker.made[1]?.terminated).toBe(false);
    b.release();
  });
});
