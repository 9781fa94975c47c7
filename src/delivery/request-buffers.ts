// The SendEmail request buffers, reused once written (issue 13). Each request's JSON (the
// message's HTML and its charts in base64: 100 KB to 1 MB for a bench report) is written into an
// ArrayBuffer that node takes from the C allocator (glibc malloc). glibc raises its mmap threshold
// to the size of the largest mapped block freed so far (up to 32 MB): by the time a run sends,
// a request buffer is carved out of the pipeline thread's malloc arena instead of being mapped on
// its own, and a thousand of them, interleaved with the delivery's small allocations and freed
// only when a collection finds them, grew that arena by 20 MB during the bench portfolio's send
// (/proc/<pid>/smaps), kept to the end. (MALLOC_MMAP_THRESHOLD_=131072 kept the whole delivery
// under the RSS it started from, but an environment variable is not the code's to set.) Buffers
// taken from this pool and given back once their bytes are written are allocated a few times in
// a delivery instead of once a message (18 for the bench portfolio's 1,000), and are not garbage
// that waits for a collection.

/** The smallest buffer the pool keeps (bytes); smaller requests are left to node's allocator. */
export const POOLED_MIN_BYTES = 64 * 1024;

/** The largest buffer the pool keeps (bytes); larger ones are allocated and freed as they come. */
export const POOLED_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Buffers kept per size (a power of two): as many as requests can be between being serialised and
 * written out at once (the compose gate's places, compose-gate.ts COMPOSING_AT_ONCE).
 */
export const POOLED_PER_SIZE = 16;

/** Bytes the pool keeps free at most, over all sizes. */
export const POOLED_KEPT_BYTES = 16 * 1024 * 1024;

/**
 * The pool lets go of its free buffers once none has been taken or given back for this long
 * (ms): between deliveries, while the calls wait out a throttle, or once a run has sent.
 */
export const POOLED_IDLE_MS = 1000;

/** The pool's size for a request of `bytes`: the next power of two (bytes). */
export function pooledSize(bytes: number): number {
  let size = POOLED_MIN_BYTES;
  while (size < bytes) size *= 2;
  return size;
}

/**
 * Free ArrayBuffers by size, each a power of two from POOLED_MIN_BYTES to POOLED_MAX_BYTES, at
 * most `perSize` of each size and `maxKeptBytes` in all, let go of after `idleMs` without a take
 * or a give. One thread's (not shared between threads). A buffer given back must be one nothing
 * reads or writes any more: its bytes are overwritten by the next taker.
 */
export class RequestBufferPool {
  private readonly free = new Map<number, ArrayBuffer[]>();
  /** Every free buffer, the one given back longest ago first (what makes room for a new size). */
  private readonly order: ArrayBuffer[] = [];
  private kept = 0;
  private idle: NodeJS.Timeout | undefined;
  /** Buffers taken that the pool had to allocate (the others were reused). */
  allocated = 0;
  /** Buffers taken that were reused. */
  reused = 0;

  /**
   * @param perSize buffers kept per size (at least 0).
   * @param maxKeptBytes bytes kept free at most, over all sizes.
   * @param idleMs the free buffers are let go of after this long (ms) without a take or a give.
   */
  constructor(
    readonly perSize: number = POOLED_PER_SIZE,
    readonly maxKeptBytes: number = POOLED_KEPT_BYTES,
    readonly idleMs: number = POOLED_IDLE_MS,
  ) {}

  /**
   * An ArrayBuffer of pooledSize(bytes) bytes, its content unspecified (a free one, or a new one),
   * or undefined when `bytes` is over POOLED_MAX_BYTES (the caller allocates it itself).
   * @param bytes the room the caller needs (bytes).
   */
  take(bytes: number): ArrayBuffer | undefined {
    if (bytes > POOLED_MAX_BYTES) return undefined;
    const size = pooledSize(bytes);
    this.idle?.refresh();
    const reusable = this.free.get(size)?.pop();
    if (reusable) {
      this.order.splice(this.order.indexOf(reusable), 1);
      this.kept -= size;
      this.reused += 1;
      return reusable;
    }
    this.allocated += 1;
    // allocUnsafeSlow: the bytes are written before they are read, so they need no zeroing.
    return Buffer.allocUnsafeSlow(size).buffer;
  }

  /**
   * `buffer` is free again: kept for the next take of its size when it is one of the pool's sizes
   * (detached or odd-sized buffers are left to the garbage collector) and fewer than perSize of
   * its size are kept; when keeping it would pass maxKeptBytes, the free buffers given back
   * longest ago (any size) are let go of first.
   * @returns whether the pool kept it.
   */
  give(buffer: ArrayBuffer): boolean {
    const size = buffer.byteLength;
    if (size < POOLED_MIN_BYTES || size > POOLED_MAX_BYTES || size !== pooledSize(size))
      return false;
    let free = this.free.get(size);
    if (!free) this.free.set(size, (free = []));
    if (free.length >= this.perSize || size > this.maxKeptBytes) return false;
    if (free.includes(buffer)) return false;
    // Full: the free buffers given back longest ago (of any size) make room, so that the sizes a
    // delivery asks for now are kept, not ones a few large messages left behind.
    while (this.kept + size > this.maxKeptBytes) {
      const oldest = this.order.shift()!;
      const list = this.free.get(oldest.byteLength)!;
      list.splice(list.indexOf(oldest), 1);
      this.kept -= oldest.byteLength;
    }
    free.push(buffer);
    this.order.push(buffer);
    this.kept += size;
    if (this.idle) this.idle.refresh();
    else {
      this.idle = setTimeout(() => this.clear(), this.idleMs);
      // The pool never keeps a process (or a test) alive.
      this.idle.unref();
    }
    return true;
  }

  /** Bytes kept free now. */
  get keptBytes(): number {
    return this.kept;
  }

  /** Lets go of every free buffer (for the garbage collector). */
  clear(): void {
    this.free.clear();
    this.order.length = 0;
    this.kept = 0;
    clearTimeout(this.idle);
    this.idle = undefined;
  }
}
