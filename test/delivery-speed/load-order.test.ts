// The portfolio's files are read at once; the errors still come in the order they always did
// (by file, then line, ties in the order the checks run), run after run.
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPortfolio } from '../../src/config/load.js';
import { copyExampleConfig } from '../helpers.js';

/** The example with problems spread over every folder the loader reads. */
function brokenPortfolio(): string {
  const config = copyExampleConfig();
  const at = (...parts: string[]) => path.join(config, ...parts);
  // entities/: an unknown key; data/: a bad cell, an unknown table, a file that is not UTF-8.
  appendFileSync(at('entities', 'jada.yml'), '\nunknown_key: 1\n');
  appendFileSync(
    at('data', 'jada', 'bookings.csv'),
    'B-999,not-a-date,2026-01-01,web,2,100,0,confirmed\n',
  );
  writeFileSync(at('data', 'quickdumpnow', 'surprises.csv'), 'a,b\n1,2\n');
  writeFileSync(
    at('data', 'dangerouscentaur', 'ledger.csv'),
    Buffer.from(
      'date,account,category,amount,memo,receipt\n2026-01-05,1000,fees,-12,caf\xe9,\n',
      'latin1',
    ),
  );
  // personas/, reports/: a template and a persona that do not exist.
  const replaceIn = (file: string, from: RegExp, to: string) =>
    writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
  replaceIn(at('personas', 'cmo.yml'), /^template: .*$/m, 'template: nowhere');
  replaceIn(at('reports', 'cto.yml'), /^persona: .*$/m, 'persona: nobody');
  // templates/: a partial that is not UTF-8, in a sub-folder.
  mkdirSync(at('templates', 'sections'), { recursive: true });
  writeFileSync(
    at('templates', 'sections', 'broken.md'),
    Buffer.from('Caf\xe9 {{ x }}\n', 'latin1'),
  );
  return config;
}

const shown = (errors: readonly { file: string; line: number; message: string }[]) =>
  errors.map(
    (e) =>
      `${path.basename(path.dirname(e.file))}/${path.basename(e.file)}:${e.line}: ${e.message}`,
  );

describe('loading the portfolio with every file read at once', () => {
  it('reports the errors sorted by file and line, the same on every run', async () => {
    const config = brokenPortfolio();
    const runs = await Promise.all([1, 2, 3].map(() => loadPortfolio(config)));
    const first = runs[0]!;
    expect(first.ok).toBe(false);
    if (first.ok) return;
    const lines = shown(first.errors);
    for (const run of runs.slice(1)) expect(run.ok ? [] : shown(run.errors)).toEqual(lines);
    // Sorted by file, then line.
    const keys = first.errors.map((e) => [e.file, e.line] as const);
    const sorted = [...keys].sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);
    expect(keys).toEqual(sorted);
    // Each folder's problem is there.
    for (const expected of [
      /^dangerouscentaur\/ledger\.csv:2: not UTF-8/,
      /^jada\/bookings\.csv:\d+: .*date/,
      /^entities\/jada\.yml:\d+: .*unknown_key/,
      /^personas\/cmo\.yml:\d+: template: unknown template "nowhere"/,
      /^quickdumpnow\/surprises\.csv:1: unknown table "surprises"/,
      /^reports\/cto\.yml:\d+: .*persona/,
      /^sections\/broken\.md:1: not UTF-8/,
    ])
      expect(
        lines.some((line) => expected.test(line)),
        String(expected),
      ).toBe(true);
  }, 60_000);
});
