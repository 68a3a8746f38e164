/**
 * The simulator's agenda: a binary min-heap of scheduled actions ordered by (time, insertion
 * order), so actions due at the same moment run first-scheduled first and every run is
 * reproducible. Actions live in preallocated typed-array slots (a kind and three integer
 * arguments) recycled through a free list; the heap itself moves only slot numbers. Nothing is
 * allocated per action once the arrays have grown to the run's high-water mark.
 */

const INITIAL_CAPACITY = 64;

/** A growable priority queue of actions; see the module comment. */
export class ActionQueue {
  /** Due time per slot. */
  time = new Float64Array(INITIAL_CAPACITY);
  /** Insertion number per slot: the tie-breaker. */
  order = new Float64Array(INITIAL_CAPACITY);
  /** Action kind per slot. */
  kind = new Uint8Array(INITIAL_CAPACITY);
  /** First argument per slot. */
  a = new Int32Array(INITIAL_CAPACITY);
  /** Second argument per slot. */
  b = new Int32Array(INITIAL_CAPACITY);
  /** Third argument per slot. */
  c = new Int32Array(INITIAL_CAPACITY);
  /** Heap of slot numbers. */
  private heap = new Int32Array(INITIAL_CAPACITY);
  /** Free slot numbers. */
  private free = new Int32Array(INITIAL_CAPACITY);
  private freeCount = 0;
  private slotsUsed = 0;
  private inserted = 0;
  /** Number of scheduled actions. */
  size = 0;

  /** Schedules an action of `kind` with arguments `a`, `b`, `c` at time `at`. */
  push(at: number, kind: number, a: number, b: number, c: number): void {
    let slot: number;
    if (this.freeCount > 0) {
      this.freeCount -= 1;
      slot = this.free[this.freeCount]!;
    } else {
      if (this.slotsUsed === this.time.length) this.grow();
      slot = this.slotsUsed;
      this.slotsUsed += 1;
    }
    const order = this.inserted;
    this.inserted += 1;
    this.time[slot] = at;
    this.order[slot] = order;
    this.kind[slot] = kind;
    this.a[slot] = a;
    this.b[slot] = b;
    this.c[slot] = c;

    const heap = this.heap;
    const times = this.time;
    const orders = this.order;
    let i = this.size;
    this.size += 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      const pt = times[p]!;
      if (pt < at || (pt === at && orders[p]! < order)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = slot;
  }

  /** Due time of the earliest action; Infinity when empty. */
  peekTime(): number {
    return this.size === 0 ? Infinity : this.time[this.heap[0]!]!;
  }

  /**
   * Removes the earliest action and returns its slot. The slot's fields stay readable until the
   * next `push`, so read them first.
   */
  pop(): number {
    const heap = this.heap;
    const top = heap[0]!;
    this.size -= 1;
    const n = this.size;
    if (n > 0) {
      const last = heap[n]!;
      const times = this.time;
      const orders = this.order;
      const lt = times[last]!;
      const lo = orders[last]!;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        let c = heap[child]!;
        let ct = times[c]!;
        const right = child + 1;
        if (right < n) {
          const r = heap[right]!;
          const rt = times[r]!;
          if (rt < ct || (rt === ct && orders[r]! < orders[c]!)) {
            child = right;
            c = r;
            ct = rt;
          }
        }
        if (lt < ct || (lt === ct && lo < orders[c]!)) break;
        heap[i] = c;
        i = child;
      }
      heap[i] = last;
    }
    this.free[this.freeCount] = top;
    this.freeCount += 1;
    return top;
  }

  private grow(): void {
    const n = this.time.length * 2;
    const time = new Float64Array(n);
    time.set(this.time);
    this.time = time;
    const order = new Float64Array(n);
    order.set(this.order);
    this.order = order;
    const kind = new Uint8Array(n);
    kind.set(this.kind);
    this.kind = kind;
    const a = new Int32Array(n);
    a.set(this.a);
    this.a = a;
    const b = new Int32Array(n);
    b.set(this.b);
    this.b = b;
    const c = new Int32Array(n);
    c.set(this.c);
    this.c = c;
    const heap = new Int32Array(n);
    heap.set(this.heap);
    this.heap = heap;
    const free = new Int32Array(n);
    free.set(this.free);
    this.free = free;
  }
}
