// Issue 13: peak RSS under 200 MB. While a run loads, renders and sends, V8's old generation
// grows by half past what survived its last full collection instead of up to four times
// (src/garbage-collector.ts withHeapGrowth), and V8's default comes back after the run. The
// collection between the render and the chart step compacts (`compacting`).
import path from 'node:path';
import type * as V8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';

const flags: string[] = [];

vi.mock('node:v8', async (importOriginal) => {
  const v8 = await importOriginal<typeof V8>();
  const setFlagsFromString = (flag: string) => {
    if (/heap-growing-percent|compact-on-every-full-gc/.test(flag)) flags.push(flag);
    v8.setFlagsFromString(flag);
  };
  return { ...v8, default: { ...v8, setFlagsFromString }, setFlagsFromString };
});

const { HEAP_GROWING_PERCENT, heapGrowthGiven, withHeapGrowth } =
  await import('../../src/garbage-collector.js');
const { runPipeline } = await import('../../src/pipeline.js');
const { memoryLogger } = await import('../../src/logger.js');
const { resolveOptions } = await import('../../src/options.js');
const { copyExampleConfig, tempDir } = await import('../helpers.js');

afterEach(() => {
  flags.length = 0;
});

describe("V8's heap growth during a run (issue 13)", () => {
  it("sets the growth to 50% for the work and V8's default after it, also when it fails", async () => {
    expect(HEAP_GROWING_PERCENT).toBe(50);
    const seen: string[][] = [];
    await expect(
      withHeapGrowth(async () => {
        seen.push([...flags]);
        throw new Error('a stage failed');
      }),
    ).rejects.toThrow('a stage failed');
    expect(seen).toEqual([['--heap-growing-percent=50']]);
    expect(flags).toEqual(['--heap-growing-percent=50', '--heap-growing-percent=0']);
  });

  it('sets it once for a run inside a run, and puts the default back when the outer one ends', async () => {
    const inner: string[][] = [];
    await withHeapGrowth(async () => {
      await withHeapGrowth(async () => {
        inner.push([...flags]);
      });
      inner.push([...flags]);
    });
    expect(inner).toEqual([['--heap-growing-percent=50'], ['--heap-growing-percent=50']]);
    expect(flags).toEqual(['--heap-growing-percent=50', '--heap-growing-percent=0']);
  });

  it('leaves a growth node was started with alone (its command line)', async () => {
    expect(heapGrowthGiven(['--heap-growing-percent=30'])).toBe(true);
    expect(heapGrowthGiven(['--max-old-space-size=512', '--heap_growing_percent=20'])).toBe(true);
    expect(heapGrowthGiven(['--expose-gc', '--max-old-space-size=512'])).toBe(false);
  });

  it('holds for a whole dry-run, whose two collections compact, and not for validate', async () => {
    const config = copyExampleConfig();
    const run = (mode: 'dry-run' | 'validate') =>
      runPipeline(
        resolveOptions(
          { config, mode, tasks: 'none', 'as-of': '2026-11-24', out: path.join(tempDir(), 'out') },
          {},
        ),
        memoryLogger(),
      );
    expect((await run('validate')).exitCode).toBe(0);
    expect(flags).toEqual([]);
    expect((await run('dry-run')).exitCode).toBe(0);
    // The run's two collections, compacting: once the books are let go before the render
    // (renderReports), and between the render and the chart step.
    // The chart step, from the second collection, at its own growth (test/charts/
    // chart-step-heap-growth.test.ts).
    expect(flags).toEqual([
      '--heap-growing-percent=50',
      '--compact-on-every-full-gc',
      '--no-compact-on-every-full-gc',
      '--heap-growing-percent=20',
      '--compact-on-every-full-gc',
      '--no-compact-on-every-full-gc',
      '--heap-growing-percent=50',
      '--heap-growing-percent=0',
    ]);
  }, 120_000);
});
