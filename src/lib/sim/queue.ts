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
  /** Action kind per slot. */
  kind = new Uint8Array(INITIAL_CAPACITY);
  /** First argument per slot. */
  a = new Int32Array(INITIAL_CAPACITY);
  /** Second argument per slot. */
  b = new Int32Array(INITIAL_CAPACITY);
  /** Third argument per slot. */
  c = new Int32Array(INITIAL_CAPACITY);
  // The heap keeps each entry's time and insertion number beside its slot, so sifting compares
  // neighbouring array cells instead of chasing slot numbers.
  private heapTime = new Float64Array(INITIAL_CAPACITY);
  private heapOrder = new Float64Array(INITIAL_CAPACITY);
  private heapSlot = new Int32Array(INITIAL_CAPACITY);
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
    this.time[slot] = at;
    this.kind[slot] = kind;
    this.a[slot] = a;
    this.b[slot] = b;
    this.c[slot] = c;
    const order = this.inserted;
    this.inserted = order + 1;

    const ht = this.heapTime;
    const ho = this.heapOrder;
    const hs = this.heapSlot;
    let i = this.size;
    this.size = i + 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = ht[parent]!;
      if (pt < at || (pt === at && ho[parent]! < order)) break;
      ht[i] = pt;
      ho[i] = ho[parent]!;
      hs[i] = hs[parent]!;
      i = parent;
    }
    ht[i] = at;
    ho[i] = order;
    hs[i] = slot;
  }

  /** Due time of the earliest action; Infinity when empty. */
  peekTime(): number {
    return this.size === 0 ? Infinity : this.heapTime[0]!;
  }

  /**
   * Removes the earliest action and returns its slot. The slot's fields stay readable until the
   * next `push`, so read them first.
   */
  pop(): number {
    const ht = this.heapTime;
    const ho = this.heapOrder;
    const hs = this.heapSlot;
    const top = hs[0]!;
    const n = this.size - 1;
    this.size = n;
    if (n > 0) {
      const lt = ht[n]!;
      const lo = ho[n]!;
      const ls = hs[n]!;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        let ct = ht[child]!;
        const right = child + 1;
        if (right < n) {
          const rt = ht[right]!;
          if (rt < ct || (rt === ct && ho[right]! < ho[child]!)) {
            child = right;
            ct = rt;
          }
        }
        if (lt < ct || (lt === ct && lo < ho[child]!)) break;
        ht[i] = ct;
        ho[i] = ho[child]!;
        hs[i] = hs[child]!;
        i = child;
      }
      ht[i] = lt;
      ho[i] = lo;
      hs[i] = ls;
    }
    this.free[this.freeCount] = top;
    this.freeCount += 1;
    return top;
  }

  private grow(): void {
    const n = this.time.length * 2;
    this.time = copy(this.time, new Float64Array(n));
    this.kind = copy(this.kind, new Uint8Array(n));
    this.a = copy(this.a, new Int32Array(n));
    this.b = copy(this.b, new Int32Array(n));
    this.c = copy(this.c, new Int32Array(n));
    this.heapTime = copy(this.heapTime, new Float64Array(n));
    this.heapOrder = copy(this.heapOrder, new Float64Array(n));
    this.heapSlot = copy(this.heapSlot, new Int32Array(n));
    this.free = copy(this.free, new Int32Array(n));
  }
}

function copy<T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
