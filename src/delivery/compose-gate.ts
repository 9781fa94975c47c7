// How many messages are being composed at once. A call in flight holds its message only while
// it is composed and its request written (SesTransport releases both once the request leaves);
// calls waiting for this thread wait here, before composing, holding nothing but their plan
// entry. Without it, at a rate the thread cannot serve, every call in flight read its files and
// built its request at once, then waited in the event loop's queue with all of it (issue 13: a
// send of the bench portfolio, 250 KB messages, held 160-240 MB of ArrayBuffers).
import { Readable } from 'node:stream';

/**
 * A first-come, first-served count of permits. `acquire` resolves with a release function,
 * which may be called more than once (the first call releases; later calls do nothing), so the
 * point that ends composing and the `finally` after the call may both call it.
 */
export class ComposeGate {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  private first = 0;

  /** @param permits messages composed at once, at least 1. */
  constructor(readonly permits: number) {
    this.free = Math.max(1, Math.floor(permits));
  }

  /** Calls composing now (permits taken). */
  get composing(): number {
    return Math.max(1, Math.floor(this.permits)) - this.free;
  }

  /** Waits for a permit, in the order the calls asked; resolves with its (idempotent) release. */
  async acquire(): Promise<() => void> {
    if (this.free > 0 && this.first === this.waiting.length) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.handOn();
    };
  }

  /** A permit came back: to the longest waiter if any (the permit passes on), else free. */
  private handOn(): void {
    if (this.first < this.waiting.length) {
      const next = this.waiting[this.first]!;
      this.first += 1;
      if (this.first > 1024 && this.first * 2 > this.waiting.length) {
        this.waiting.splice(0, this.first);
        this.first = 0;
      }
      next();
    } else this.free += 1;
  }
}

/** Request bodies at least this large are released once written (smaller ones cost little). */
export const RELEASED_BODY_BYTES = 64 * 1024;

/**
 * A request body that holds its bytes only until the HTTP client has written them: for a
 * Uint8Array of at least RELEASED_BODY_BYTES, the bytes go into a one-chunk stream that lets go
 * of its chunk once read, and the ArrayBuffer they were in is detached (transferred away and
 * dropped), so every other view of it, the SDK's copies of the request included, is left empty
 * and holds nothing until the answer. The chunk is an exact-size copy when the SDK's buffer is
 * much larger than its bytes (it doubles as it serialises: 4 MB for 1 MB of JSON). Anything else
 * is returned as it is. The caller must own the ArrayBuffer: one that holds other data too
 * (Node's small-Buffer pool, 8 KB slabs) must not be detached, hence the size floor.
 */
export function releasedOnceWritten(body: unknown): unknown {
  if (!(body instanceof Uint8Array) || body.byteLength < RELEASED_BODY_BYTES) return body;
  const { buffer, byteOffset, byteLength } = body;
  if (!(buffer instanceof ArrayBuffer)) return body;
  let chunk: Buffer | undefined;
  if (buffer.byteLength > byteLength * 1.25) {
    chunk = Buffer.allocUnsafeSlow(byteLength);
    chunk.set(body);
    structuredClone(buffer, { transfer: [buffer] });
  } else
    chunk = Buffer.from(structuredClone(buffer, { transfer: [buffer] }), byteOffset, byteLength);
  return new Readable({
    // Not Readable.from([chunk]): its closures keep the array, hence the bytes, until the stream
    // itself is collected, which the SDK's request (holding it as its body) delays to the answer.
    read() {
      const bytes = chunk;
      chunk = undefined;
      this.push(bytes ?? null);
      if (bytes) this.push(null);
    },
  });
}
