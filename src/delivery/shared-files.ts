// One copy of a chart's bytes for every call that holds it at once (issue 13). A send's calls in
// flight each read their charts' PNGs when they compose (inline-images.ts), and the bench
// portfolio's 1,000 reports show 285 distinct charts, about 4 a report: 256 calls in flight held
// about 1,000 copies of the same few hundred files.
import { readFile } from 'node:fs/promises';

/**
 * Reads files, giving the callers that hold a file's bytes at the same time one shared Buffer.
 * It holds nothing itself: a file's bytes are kept (weakly) only while some caller still holds
 * them, and read again after. For files that do not change while it is used (a run's own
 * OUT/reports/charts); callers must not write into the Buffers.
 */
export class SharedFileReader {
  private readonly held = new Map<string, WeakRef<Buffer>>();
  private readonly reading = new Map<string, Promise<Buffer>>();
  private readonly forget = new FinalizationRegistry<string>((file) => {
    if (this.held.get(file)?.deref() === undefined) this.held.delete(file);
  });

  /**
   * The bytes of `file` (a path), shared with every other caller holding them now.
   * @throws Error (ENOENT, EACCES) as readFile does.
   */
  read = (file: string): Promise<Buffer> => {
    const bytes = this.held.get(file)?.deref();
    if (bytes) return Promise.resolve(bytes);
    let pending = this.reading.get(file);
    if (!pending) {
      pending = readFile(file).then(
        (read) => {
          this.reading.delete(file);
          this.held.set(file, new WeakRef(read));
          this.forget.register(read, file);
          return read;
        },
        (error: unknown) => {
          this.reading.delete(file);
          throw error;
        },
      );
      this.reading.set(file, pending);
    }
    return pending;
  };
}
