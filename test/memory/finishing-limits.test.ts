// Issue 13: peak RSS under 200 MB. The finishing thread (src/render/pool.ts) is alive where a
// run's peak is, at the end of its render: its young generation is small, and nothing else of
// its heap is capped (a cap of the old generation would stop a large report or portfolio).
import { afterEach, describe, expect, it, vi } from 'vitest';

const started: { resourceLimits?: Record<string, number> }[] = [];

vi.mock('tinypool', () => ({
  default: class {
    constructor(options: { resourceLimits?: Record<string, number> }) {
      started.push(options);
    }
    on(): void {}
    run(): Promise<never> {
      return new Promise(() => {});
    }
    destroy(): Promise<void> {
      return Promise.resolve();
    }
  },
}));

const { FINISHING_YOUNG_GENERATION_MB, openFinishingThread } =
  await import('../../src/render/pool.js');

afterEach(() => {
  started.length = 0;
});

describe("the finishing thread's heap (issue 13)", () => {
  it("starts with an 8 MB young generation and the main thread's old-generation limit", async () => {
    const thread = await openFinishingThread([{ source: '# {{ report.id }}' }]);
    await thread.close();
    expect(FINISHING_YOUNG_GENERATION_MB).toBe(8);
    expect(started).toHaveLength(1);
    const limits = started[0]!.resourceLimits!;
    expect(limits.maxYoungGenerationSizeMb).toBe(8);
    expect(limits).not.toHaveProperty('maxOldGenerationSizeMb');
  });

  it('keeps the young generation small when a test caps the old one', async () => {
    const thread = await openFinishingThread([{ source: 'plain' }], 64);
    await thread.close();
    expect(started[0]!.resourceLimits).toMatchObject({
      maxYoungGenerationSizeMb: 8,
      maxOldGenerationSizeMb: 64,
    });
  });
});
