// Issue 13: peak RSS under 200 MB. The chart step's ECharts garbage dies in the old generation,
// which grew to the run's limit (HEAP_GROWING_PERCENT) and stayed committed to the step's end,
// where the whole process peaked. From the collection after the render to the last chart the
// growth is CHART_STEP_HEAP_GROWING_PERCENT (src/garbage-collector.ts, src/pipeline.ts), then the
// run's again. Before: the chart step ran at the run's 50%, and a withHeapGrowth inside another
// set nothing of its own.
import path from 'node:path';
import type * as V8 from 'node:v8';
import type * as Files from '../../src/charts/files.js';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** The growth and compaction flags set, in order. */
const flags: string[] = [];
/** The growth flags set before each call of writeChartFiles. */
const atChartStep: string[][] = [];

vi.mock('node:v8', async (importOriginal) => {
  const v8 = await importOriginal<typeof V8>();
  const setFlagsFromString = (flag: string) => {
    if (/heap-growing-percent|compact-on-every-full-gc/.test(flag)) flags.push(flag);
    v8.setFlagsFromString(flag);
  };
  return { ...v8, default: { ...v8, setFlagsFromString }, setFlagsFromString };
});

vi.mock('../../src/charts/files.js', async (importOriginal) => {
  const files = await importOriginal<typeof Files>();
  return {
    ...files,
    writeChartFiles: (...args: Parameters<typeof files.writeChartFiles>) => {
      atChartStep.push(flags.filter((flag) => flag.startsWith('--heap-growing-percent')));
      return files.writeChartFiles(...args);
    },
  };
});

const { CHART_STEP_HEAP_GROWING_PERCENT, HEAP_GROWING_PERCENT, withHeapGrowth } =
  await import('../../src/garbage-collector.js');
const { runPipeline } = await import('../../src/pipeline.js');
const { memoryLogger } = await import('../../src/logger.js');
const { resolveOptions } = await import('../../src/options.js');
const { copyExampleConfig, tempDir } = await import('../helpers.js');

afterEach(() => {
  flags.length = 0;
  atChartStep.length = 0;
});

describe("V8's heap growth in the chart step (issue 13)", () => {
  it('is lower than the run’s', () => {
    expect(CHART_STEP_HEAP_GROWING_PERCENT).toBeLessThan(HEAP_GROWING_PERCENT);
  });

  it('sets a lower growth asked for inside a run, and the run’s again after it', async () => {
    const seen: string[][] = [];
    await withHeapGrowth(async () => {
      await withHeapGrowth(async () => {
        seen.push([...flags]);
      }, 20);
      seen.push([...flags]);
      // A higher growth inside changes nothing: the lowest asked for stays in effect.
      await withHeapGrowth(async () => {
        seen.push([...flags]);
      }, 80);
    });
    expect(seen).toEqual([
      ['--heap-growing-percent=50', '--heap-growing-percent=20'],
      ['--heap-growing-percent=50', '--heap-growing-percent=20', '--heap-growing-percent=50'],
      ['--heap-growing-percent=50', '--heap-growing-percent=20', '--heap-growing-percent=50'],
    ]);
    expect(flags.at(-1)).toBe('--heap-growing-percent=0');
  });

  it('keeps the lowest of overlapping calls in effect until it ends, also when one fails', async () => {
    let endLow!: () => void;
    const low = withHeapGrowth(() => new Promise<void>((resolve) => (endLow = resolve)), 20);
    await expect(
      withHeapGrowth(async () => {
        throw new Error('a stage failed');
      }),
    ).rejects.toThrow('a stage failed');
    // The run that failed ended while the lower one went on: its 50% was never in effect.
    expect(flags).toEqual(['--heap-growing-percent=20']);
    endLow();
    await low;
    expect(flags).toEqual(['--heap-growing-percent=20', '--heap-growing-percent=0']);
  });

  it('draws a run’s charts with the chart step’s growth, from the collection after the render', async () => {
    const config = copyExampleConfig();
    const result = await runPipeline(
      resolveOptions(
        {
          config,
          mode: 'dry-run',
          tasks: 'none',
          'as-of': '2026-11-24',
          out: path.join(tempDir(), 'out'),
        },
        {},
      ),
      memoryLogger(),
    );
    expect(result.exitCode).toBe(0);
    const chartStep = `--heap-growing-percent=${CHART_STEP_HEAP_GROWING_PERCENT}`;
    expect(atChartStep).toEqual([['--heap-growing-percent=50', chartStep]]);
    expect(flags).toEqual([
      '--heap-growing-percent=50',
      // The books let go before the render (renderReports).
      '--compact-on-every-full-gc',
      '--no-compact-on-every-full-gc',
      // The render's garbage, collected at the chart step's growth, then the charts drawn.
      chartStep,
      '--compact-on-every-full-gc',
      '--no-compact-on-every-full-gc',
      '--heap-growing-percent=50',
      '--heap-growing-percent=0',
    ]);
  }, 120_000);
});
