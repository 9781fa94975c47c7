// The request buffers of a send, collected as they die (issue 13). Each SendEmail's JSON is an
// ArrayBuffer outside the JS heap (about 0.5 MB for a report with charts, json-body.ts), dead
// once the HTTP client has written it. V8 frees a dead ArrayBuffer only when a collection finds
// its handle, and its young generation fills slowly with a send's small objects: measured on the
// bench portfolio, 40-90 MB of dead request buffers waited for a collection, and the C allocator
// kept the space they had taken after it. A young-generation collection (a scavenge: a few ms,
// most of a send's young objects being dead) after every SWEEP_BYTES of them keeps that to a few
// MB.
import { garbageCollector, type CollectGarbage } from '../garbage-collector.js';

/** Bytes of dead request buffers between two young-generation collections. */
export const SWEEP_BYTES = 8 * 1024 * 1024;

/** Counts the bytes let go and collects the young generation after every `every` of them. */
export class YoungSweeper {
  private unswept = 0;
  private collect: CollectGarbage | undefined;
  /** Young-generation collections made so far. */
  sweeps = 0;

  /**
   * @param every bytes between two collections.
   * @param collector V8's gc (garbageCollector(), fetched at the first collection by default).
   */
  constructor(
    readonly every: number = SWEEP_BYTES,
    collector?: CollectGarbage,
  ) {
    this.collect = collector;
  }

  /** `bytes` (a request buffer's size) have just died: collect if `every` bytes have since the last. */
  letGo(bytes: number): void {
    this.unswept += bytes;
    if (this.unswept < this.every) return;
    this.unswept = 0;
    this.sweeps += 1;
    (this.collect ??= garbageCollector())({ type: 'minor' });
  }
}
