// Issue 13, cold start: a CSV table that needs none of csv-parse's rules (no quotes, no blank
// line, no white space but spaces and tabs) is split without it, to the same rows, lines and
// problems; any other text still goes through csv-parse. Each case is compared with the same
// table plus one blank line at its end, which csv-parse reads (a blank line ends the plain path)
// and which adds no row.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as CsvParseSync from 'csv-parse/sync';
import { parseCsvTable } from '../../src/config/csv-table.js';
import { tableSpecs } from '../../src/config/tables.js';
import { EXAMPLE_CONFIG } from '../config/portfolio-copy.js';

const csvParse = vi.hoisted(() => ({ calls: 0 }));
vi.mock('csv-parse/sync', async (importOriginal) => {
  const actual = await importOriginal<typeof CsvParseSync>();
  return {
    ...actual,
    parse: ((...args: Parameters<typeof actual.parse>) => {
      csvParse.calls += 1;
      return actual.parse(...args);
    }) as typeof actual.parse,
  };
});

afterEach(() => {
  csvParse.calls = 0;
});

/** parseCsvTable of `text`, and whether csv-parse was called for it. */
function parsed(text: string, table: keyof typeof tableSpecs) {
  const before = csvParse.calls;
  const result = parseCsvTable(`data/x/${table}.csv`, text, tableSpecs[table]);
  return { ...result, csvParse: csvParse.calls > before };
}

describe('a plain CSV table is split without csv-parse, to the same rows and problems', () => {
  it("the example's data/jada/ledger.csv (the given instance)", () => {
    const text = readFileSync(path.join(EXAMPLE_CONFIG, 'data', 'jada', 'ledger.csv'), 'utf8');
    const plain = parsed(text, 'ledger');
    expect(plain.csvParse).toBe(false);
    expect(plain.errors).toEqual([]);
    expect(plain.rows.length).toBeGreaterThan(100);
    expect(plain.rows[0]).toMatchObject({ line: 2, date: '2026-05-01', amount: 3375 });
    const throughCsvParse = parsed(`${text}\n`, 'ledger');
    expect(throughCsvParse.csvParse).toBe(true);
    expect({ ...plain, csvParse: true }).toEqual(throughCsvParse);
  });

  it('a table with problems: padded cells, empty rows, a short row, a bad number, an unknown column', () => {
    const text = [
      'month , channel,spend,leads,extra',
      '2026-09,\tads ,120.5,3,x',
      ',,,,',
      '2026-10,ads,lots,3,',
      '2026-11,ads,99',
      ' , ',
      '2026-12,ads,10,2,',
    ].join('\r\n');
    const plain = parsed(text, 'channel_spend');
    expect(plain.csvParse).toBe(false);
    // The check can fail: the problems are there, at their lines.
    expect(plain.errors.map((error) => error.line)).toEqual([1, 4, 5]);
    expect(plain.rows.map((row) => row.line)).toEqual([2, 7]);
    expect({ ...plain, csvParse: true }).toEqual(parsed(`${text}\n\n`, 'channel_spend'));
  });

  it('text with a quote, a blank line or other white space goes through csv-parse', () => {
    for (const text of [
      'date,account,category,amount,memo,receipt\n2026-05-01,4000,x,1,"a, b",R\n',
      'date,account,category,amount,memo,receipt\n\n2026-05-01,4000,x,1,m,R\n',
      'date,account,category,amount,memo,receipt\n2026-05-01,4000,x,1,m\u00a0,R\n',
    ])
      expect(parsed(text, 'ledger').csvParse).toBe(true);
  });
});
