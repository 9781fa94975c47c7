// The message budget counts every part a message carries, the CSV attachments and the chart
// PNGs, and is checked before anything reaches OUT/reports: a CFO report padded to just under
// the budget, then taken over it by its CSV tables or by its charts (each checked once made, in
// the staging folder), stops the run with exit 2 and leaves the last good run's reports.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { MESSAGE_BUDGET_BYTES } from '../../src/delivery/size.js';
import { memoryLogger } from '../../src/logger.js';
import type { RunSummary } from '../../src/summary/model.js';
import { tempDir } from '../helpers.js';
import { editedPortfolio, removeScratchDirs } from '../config/portfolio-copy.js';

afterAll(removeScratchDirs);

/** The CFO report opted into CSV, with `length` digits of padding in its HTML and text parts. */
function paddedCfo(length: number): string {
  return editedPortfolio(
    {
      file: 'reports/cfo.yml',
      find: 'cadence: weekly',
      replace: 'cadence: weekly\nattachments: [csv]',
    },
    {
      file: 'templates/cfo.md',
      find: '{% endfor -%}',
      // "0123456789" doubled 19 times is 5,242,880 digits; `slice` takes the length wanted.
      replace: `{% endfor -%}\n{% assign pad = "0123456789" %}${'{% assign pad = pad | append: pad %}'.repeat(19)}\n{{ pad | slice: 0, ${length} }}\n`,
    },
  ).dir;
}

async function runCfo(config: string, out: string) {
  const log = memoryLogger();
  const code = await main(
    [
      'run',
      '--config',
      config,
      '--out',
      out,
      '--as-of',
      '2026-11-24',
      '--mode',
      'dry-run',
      '--reports',
      'cfo',
    ],
    {},
    log,
  );
  return { code, log: log.lines };
}

/** A part as the budget counts it: base64 with CRLFs every 76 characters, 512 bytes of headers. */
const partBytes = (bytes: number) => {
  const encoded = Math.ceil(bytes / 3) * 4;
  return encoded + 2 * Math.ceil(encoded / 76) + 512;
};
const partsIn = (folder: string, keep: (name: string) => boolean) =>
  readdirSync(folder)
    .filter(keep)
    .reduce((sum, name) => sum + partBytes(statSync(path.join(folder, name)).size), 0);

describe('the message budget counts attachments and charts before OUT/reports is replaced', () => {
  // Two padded runs that fit give the message size as a line in the padding's length.
  const calibration = { L1: 1_000_000, L2: 2_000_000 };
  let perDigit: number;
  let sizeAt1: number;
  let csvBytes: number;
  let chartBytes: number;
  beforeAll(async () => {
    const sizes: number[] = [];
    for (const length of [calibration.L1, calibration.L2]) {
      const out = path.join(tempDir(), 'out');
      const { code, log } = await runCfo(paddedCfo(length), out);
      if (code !== 0) throw new Error(log.join('\n'));
      const summary = JSON.parse(
        readFileSync(path.join(out, 'summary.json'), 'utf8'),
      ) as RunSummary;
      sizes.push(summary.reports[0]!.size!.message_bytes);
      const reports = path.join(out, 'reports');
      csvBytes = partsIn(reports, (name) => name.endsWith('.csv'));
      chartBytes = partsIn(path.join(reports, 'charts'), (name) => name.endsWith('.png'));
    }
    perDigit = (sizes[1]! - sizes[0]!) / (calibration.L2 - calibration.L1);
    sizeAt1 = sizes[0]!;
  }, 240_000);

  /** The padding that makes the whole message (bodies, CSVs and charts) `target` bytes. */
  const paddingFor = (target: number) => Math.round(calibration.L1 + (target - sizeAt1) / perDigit);

  /** A good run's reports in `out`, marked, to see whether a failed run replaced them. */
  async function goodRunIn(out: string): Promise<string> {
    const { code } = await runCfo(paddedCfo(10), out);
    expect(code).toBe(0);
    const marker = path.join(out, 'reports', 'last-good-run.txt');
    writeFileSync(marker, 'kept\n');
    return marker;
  }

  it('counts the CSV attachments before the reports are put in place: bodies that fit plus the tables do not', async () => {
    expect(csvBytes).toBeGreaterThan(10_000);
    // The bodies alone fit with half the CSVs' size to spare; with the CSVs they are over.
    const out = path.join(tempDir(), 'out');
    const marker = await goodRunIn(out);
    const padding = paddingFor(MESSAGE_BUDGET_BYTES + chartBytes + csvBytes / 2);
    const { code, log } = await runCfo(paddedCfo(padding), out);
    expect(code).toBe(2);
    expect(log).toContainEqual(
      expect.stringMatching(
        /^error: render failed: cfo: the message with its \d+ attached files would be about 10\.\d MB, over the 10\.0 MB budget \(largest attachment cfo-[a-z_-]+\.csv \d+\.\d KB\)/,
      ),
    );
    expect(existsSync(marker)).toBe(true);
    expect(readdirSync(out).filter((name) => name.startsWith('.'))).toEqual([]);
  }, 120_000);

  it('counts the charts before the reports are put in place: a message they take over the budget leaves the last good run', async () => {
    expect(chartBytes).toBeGreaterThan(100_000);
    const out = path.join(tempDir(), 'out');
    const marker = await goodRunIn(out);
    const before = readFileSync(path.join(out, 'reports', 'cfo.html'));
    // Bodies and CSVs fit with half the charts' size to spare; the charts take it over.
    const padding = paddingFor(MESSAGE_BUDGET_BYTES + chartBytes / 2);
    const { code, log } = await runCfo(paddedCfo(padding), out);
    expect(code).toBe(2);
    expect(log).toContainEqual(
      expect.stringMatching(
        /^error: render failed: cfo: the message with its 7 charts would be about 10\.\d MB, over the 10\.0 MB budget/,
      ),
    );
    expect(log).toContain('error: nothing was sent: every report must render first');
    // OUT/reports is the good run's, untouched: its marker, its report, no padded CSV.
    expect(existsSync(marker)).toBe(true);
    expect(readFileSync(path.join(out, 'reports', 'cfo.html')).equals(before)).toBe(true);
    expect(readdirSync(out).filter((name) => name.startsWith('.'))).toEqual([]);
  }, 120_000);
});
