// The earliest date --as-of accepts is 0100-01-01 (src/config/iso-date.ts). A run as of it looks
// back into year 99 (the previous period, the trailing months of the charts), where Date.UTC
// reads the year as 1999 and String() drops its leading zeros: the render failed with "Invalid
// time value". src/analysis/dates.ts now does its calendar arithmetic for every year 0–9999.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { Logger } from '../../src/logger.js';
import { EXAMPLE_CONFIG, tempDir } from '../helpers.js';

async function dryRun(asOf: string): Promise<{ code: number; errors: string[]; out: string }> {
  const out = tempDir('boardroom-early-');
  const errors: string[] = [];
  const log: Logger = { info: () => {}, warning: () => {}, error: (m) => void errors.push(m) };
  const code = await main(
    ['run', '--config', EXAMPLE_CONFIG, '--out', out, '--mode', 'dry-run', '--as-of', asOf],
    {},
    log,
  );
  return { code, errors, out };
}

describe('a run as of the first centuries of the calendar', () => {
  it('renders every report of the example as of 0100-01-01, comparing with 0099-12', async () => {
    const { code, errors, out } = await dryRun('0100-01-01');
    expect(errors).toEqual([]);
    expect(code).toBe(0);
    const cfo = JSON.parse(readFileSync(path.join(out, 'reports', 'cfo.json'), 'utf8')) as object;
    const text = JSON.stringify(cfo);
    expect(text).toContain('0099-12');
    expect(text).not.toMatch(/"99-1\d|1999-1\d/);
    // The previous period's date, 0099-12-25, is a date to show, not "no data".
    const cfoText = readFileSync(path.join(out, 'reports', 'cfo.txt'), 'utf8');
    expect(cfoText).toContain('What changed since 25 Dec 0099');
  }, 120_000);

  it('renders a weekly period whose week began in year 99 (0100-01-02)', async () => {
    const { code, errors, out } = await dryRun('0100-01-02');
    expect(errors).toEqual([]);
    expect(code).toBe(0);
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as {
      reports: { period: string }[];
    };
    for (const { period } of summary.reports) expect(period).toMatch(/^0(099|100)-(W\d\d|\d\d)$/);
  }, 120_000);
});
