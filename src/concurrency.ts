// Bounded concurrency for async work over a list: the delivery loop's sends and the loader's
// file reads. Results keep the order of the items, whatever order the work finishes in.

/**
 * Runs `work` over `items`, starting another whenever fewer than the limit are running, and
 * resolves with the results in the order of `items`. `limit` is a number, or a function read at
 * every start (so a limit that follows an observed latency takes effect at once); below 1 counts
 * as 1. Rejects with the first error `work` throws (work already started still runs to its end).
 */
export function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number | (() => number),
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const limitNow = typeof limit === 'number' ? () => limit : limit;
  const results: R[] = new Array(items.length);
  let next = 0;
  let running = 0;
  let failed = false;
  return new Promise((resolve, reject) => {
    const startMore = () => {
      if (failed) return;
      if (next >= items.length && running === 0) return resolve(results);
      while (next < items.length && running < Math.max(1, limitNow())) {
        const index = next++;
        running += 1;
        work(items[index]!, index).then(
          (result) => {
            results[index] = result;
            running -= 1;
            startMore();
          },
          (error: unknown) => {
            failed = true;
            reject(error);
          },
        );
      }
    };
    startMore();
  });
}
