// Issue 10, item 8: CSV files as spreadsheets and banks write them. Blank records are skipped, a
// row's line is the line an editor shows (whatever mix of CRLF, LF and CR ends the lines), and a
// file separated by ";" or tabs gets one message naming the separator its header uses.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvTable } from '../../src/config/csv-table.js';
import { loadPortfolio } from '../../src/config/load.js';
import { tableSpecs } from '../../src/config/tables.js';
import {
  editedPortfolio,
  exampleText,
  removeScratchDirs,
  validateEdited,
} from '../config/portfolio-copy.js';
import { validateCli } from './inputs-helpers.js';

afterAll(removeScratchDirs);

const LEDGER = 'data/queenofsandiego/ledger.csv';
const BOOKINGS = 'data/queenofsandiego/bookings.csv';
const SPEND = 'data/queenofsandiego/channel_spend.csv';
const BOOKING_2 = 'Q-26-0002,2026-04-18,2026-05-03,harborhop,3,237,0,completed';
const BOOKING_3 = 'Q-26-0003,2026-04-08,2026-05-03,direct,6,474,474,completed';
/** The ledger's sixth line. */
const PROVISIONS_ROW = '2026-05-02,5150,provisions,-363.11,Bar and snack supplies,R-2026-0404';

/** The example file's lines, without the final line feed. */
const linesOf = (file: string) => exampleText(file).replace(/\n$/, '').split('\n');

async function loadedRows<T extends 'bookings' | 'channel_spend'>(dir: string, table: T) {
  const loaded = await loadPortfolio(dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.portfolio.entities.find((e) => e.id === 'queenofsandiego')!.tables[table]!;
}

describe('blank records left by a spreadsheet', () => {
  it('a `,,,,,,,` row in bookings.csv is skipped: no problem, and later rows keep their lines', async () => {
    const { portfolio, problems } = await validateEdited({
      file: BOOKINGS,
      find: `${BOOKING_2}\n`,
      replace: `${BOOKING_2}\n,,,,,,,\n`,
    });
    expect(problems).toEqual([]);
    const rows = await loadedRows(portfolio.dir, 'bookings');
    expect(rows).toHaveLength(linesOf(BOOKINGS).length - 1);
    // Q-26-0003 was on line 4; the blank row pushed it to line 5, where an editor shows it.
    expect(rows.find((row) => row.booking_id === 'Q-26-0003')?.line).toBe(5);
    expect(portfolio.lineNumberOf(BOOKINGS, BOOKING_3)).toBe(5);
  });

  it('blank and space-only rows at the end of channel_spend.csv are skipped too', async () => {
    const { problems } = await validateEdited({
      file: SPEND,
      write: `${exampleText(SPEND)},,,\n , , ,\n,,,\n\n`,
    });
    expect(problems).toEqual([]);
  });

  it('a row with one empty cell is named once, not again as `unknown channel "undefined"`', async () => {
    const { portfolio, problems } = await validateEdited({
      file: BOOKINGS,
      find: BOOKING_2,
      replace: BOOKING_2.replace('harborhop', ''),
    });
    expect(problems).toEqual([
      {
        file: BOOKINGS,
        line: portfolio.lineNumberOf(BOOKINGS, BOOKING_2.replace('harborhop', '')),
        field: 'channel',
        message: 'is empty',
      },
    ]);
  });

  it('empty columns Excel pads on the right of the header and rows are not data', async () => {
    const padded = linesOf(SPEND)
      .map((line) => `${line},,`)
      .join('\r\n');
    const { portfolio, problems } = await validateEdited({ file: SPEND, write: `${padded}\r\n` });
    expect(problems).toEqual([]);
    expect(await loadedRows(portfolio.dir, 'channel_spend')).toHaveLength(
      linesOf(SPEND).length - 1,
    );
  });
});

describe('line numbers are the physical lines an editor shows', () => {
  it('an LF header over CRLF rows: a bad amount on line 6 is reported on line 6 (not 11)', async () => {
    const [header, ...rows] = linesOf(LEDGER);
    const mixed = `${header}\n${rows.join('\r\n')}\r\n`.replace(
      PROVISIONS_ROW,
      PROVISIONS_ROW.replace('-363.11', '-363.1l'),
    );
    const portfolio = editedPortfolio({ file: LEDGER, write: mixed });
    const { code, errors } = await validateCli(portfolio.dir);
    expect(code).toBe(2);
    expect(errors).toEqual([
      `${path.join(portfolio.dir, LEDGER)}:6: amount: "-363.1l" is not a number`,
      `1 problem found in ${portfolio.dir}; nothing was sent`,
    ]);
  });

  it('a quoted memo over three lines moves the rows after it, and a CR-only (old Mac) file counts by CR', async () => {
    const memo = '"Catering, client lunch\nsecond line of the memo\nthird"';
    const [header, first, second, ...rest] = linesOf(LEDGER);
    const bad = PROVISIONS_ROW.replace('2026-05-02', '2026-05-32');
    const withMemo = [
      header,
      first!.replace('CardWave payout week of 2026-04-27', memo),
      second,
      ...rest,
    ]
      .join('\n')
      .replace(PROVISIONS_ROW, bad);
    const spec = tableSpecs.ledger;
    // The bad row was on line 6; the memo's two extra lines put it on line 8.
    const expected = {
      file: 'ledger.csv',
      line: 8,
      field: 'date',
      message: '"2026-05-32" is not a date (YYYY-MM-DD)',
    };
    const lf = parseCsvTable('ledger.csv', withMemo, spec);
    expect(lf.errors).toEqual([expected]);
    expect(lf.rows[0]).toMatchObject({
      line: 2,
      memo: 'Catering, client lunch\nsecond line of the memo\nthird',
    });
    expect(lf.rows[1]!.line).toBe(5);
    expect(parseCsvTable('ledger.csv', withMemo.replace(/\n/g, '\r'), spec).errors).toEqual([
      expected,
    ]);
  });
});

describe('quotes as people type them', () => {
  const spec = tableSpecs.ledger;
  const [header, first, second, third, ...rest] = linesOf(LEDGER);

  it('a quoted memo never closed is named on the line its quote opens, not the last line', () => {
    const broken = [header, first, second, third!.replace(',Slip fees', ',"Slip fees'), ...rest];
    expect(broken.length).toBeGreaterThan(200);
    expect(parseCsvTable('ledger.csv', broken.join('\n'), spec)).toEqual({
      rows: [],
      errors: [
        {
          file: 'ledger.csv',
          line: 4,
          message: 'CSV syntax: a quoted cell starts on this line and is never closed',
        },
      ],
    });
  });

  it('a bare inch mark inside a memo is text, as the spreadsheet showed it', () => {
    const text = [header, second!.replace('Deckhand payroll', '27" monitor for the office')];
    const parsed = parseCsvTable('ledger.csv', text.join('\n'), spec);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]?.memo).toBe('27" monitor for the office');
  });
});

describe('a file separated by something other than commas', () => {
  it('";" with decimal commas (Excel in a decimal-comma locale) gets one message, and exit 2', async () => {
    const semicolons = linesOf(LEDGER)
      .map((line) => line.replace(/,/g, ';').replace(/(-?\d+)\.(\d\d)(?=;)/, '$1,$2'))
      .join('\r\n');
    expect(semicolons).toContain(';-2613,03;');
    const portfolio = editedPortfolio({ file: LEDGER, write: `${semicolons}\r\n` });
    const { code, errors } = await validateCli(portfolio.dir);
    expect(code).toBe(2);
    expect(errors).toEqual([
      `${path.join(portfolio.dir, LEDGER)}:1: the header is separated by ";", not commas: save as "CSV UTF-8 (Comma delimited)", with "." as the decimal point`,
      `1 problem found in ${portfolio.dir}; nothing was sent`,
    ]);
  });

  it('a tab-separated export (a bank ".csv" that is really TSV) gets one message naming tabs', async () => {
    const tabs = linesOf(SPEND)
      .map((line) => line.replace(/,/g, '\t'))
      .join('\n');
    const { problems } = await validateEdited({ file: SPEND, write: `${tabs}\n` });
    expect(problems).toEqual([
      {
        file: SPEND,
        line: 1,
        message:
          'the header is separated by tabs, not commas: save as "CSV UTF-8 (Comma delimited)"',
      },
    ]);
  });
});
