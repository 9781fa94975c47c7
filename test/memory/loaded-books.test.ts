// Issue 13: peak RSS under 200 MB. The loaded books live for the whole run, so what each
// posting and each CSV row costs is paid 80,000 and 40,000 times over on the 1,000-report
// portfolio. These tests hold the compact forms in place: shared hidden classes, shared values.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { accountChart } from '../../src/books/accounts.js';
import { parseDecimal } from '../../src/books/decimal.js';
import { compactPostings, journalFromLedgerRows } from '../../src/books/entity-books.js';
import type { Posting } from '../../src/books/types.js';
import { parseCsvTable } from '../../src/config/csv-table.js';
import { tableSpecs } from '../../src/config/tables.js';

// V8's own view of an object's hidden class (%HaveSameMap), and a full collection, for these
// tests only: flags set at run time apply to code compiled after them.
setFlagsFromString('--allow-natives-syntax');
setFlagsFromString('--expose-gc');
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (
  a: object,
  b: object,
) => boolean;
const gc = runInNewContext('gc') as () => void;

const chart = accountChart([
  { pattern: '1000', type: 'asset', cash: true },
  { pattern: '4*', type: 'income' },
  { pattern: '6*', type: 'expense' },
]);

/** ledger.csv rows as the loader checks them: a year of the same three charges each month. */
function ledgerRows(months: number) {
  const rows = [];
  for (let m = 1; m <= months; m++) {
    const month = `2026-${String(m).padStart(2, '0')}`;
    rows.push(
      {
        line: rows.length + 2,
        date: `${month}-01`,
        account: '4250',
        category: 'hosting_revenue',
        amount: 7950,
        memo: 'Care plan billing',
      },
      {
        line: rows.length + 3,
        date: `${month}-03`,
        account: '6350',
        category: 'rent',
        amount: -1200,
        memo: 'Coworking desk',
      },
      {
        line: rows.length + 4,
        date: `${month}-03`,
        account: '6100',
        category: 'software',
        amount: -49.5,
      },
    );
  }
  return rows;
}

describe('a journal keeps its postings compact (issue 13)', () => {
  it('gives the postings of ledger.csv rows one hidden class and shares equal amounts', () => {
    const journal = journalFromLedgerRows('data/acme/ledger.csv', ledgerRows(12), 'USD', chart);
    const { postings } = journal;
    expect(postings).toHaveLength(72);
    // Spread from a per-row object, each posting had a hidden class of its own (~290 bytes).
    for (const p of postings) expect(haveSameMap(p, postings[0]!)).toBe(true);
    // The care plan's 79.50 of every month is one Decimal, and its cash leg's -79.50 another.
    const income = postings.filter((p) => p.account === '4250');
    expect(income).toHaveLength(12);
    for (const p of income) expect(p.amount).toBe(income[0]!.amount);
    expect(income[0]!.amount).toEqual({ units: -7950n, scale: 0 });
    // Both legs of one row share its place in the file.
    expect(postings[0]!.source).toBe(postings[1]!.source);
    expect(postings[0]!.source).toEqual({ file: 'data/acme/ledger.csv', line: 2 });
  });

  it('keeps every value and leaves out `cost` and `category` where a source has none', () => {
    // A journal's postings as hledger and bank CSV build them: spread, some with a cost.
    const shared = {
      date: '2026-03-02',
      transaction: 'books.journal#7',
      description: 'Exchange | EUR bought',
      commodity: 'EUR',
      source: { file: 'books.journal', line: 40 },
    };
    const read: Posting[] = [
      {
        ...shared,
        account: 'Assets:EUR',
        amount: parseDecimal('100')!,
        cost: { amount: parseDecimal('110')!, commodity: 'USD' },
      },
      {
        ...shared,
        account: 'Assets:EUR',
        amount: parseDecimal('100')!,
        cost: { amount: parseDecimal('110')!, commodity: 'USD' },
      },
      { ...shared, commodity: 'USD', account: 'Assets:Checking', amount: parseDecimal('-220')! },
      {
        ...shared,
        commodity: 'USD',
        account: 'Expenses:Fees',
        amount: parseDecimal('2.5')!,
        category: 'fees',
      },
    ];
    const kept = compactPostings(read);
    // The one transaction id becomes the journal's transaction 0 (compactPostings).
    expect(kept).toEqual(read.map((p) => ({ ...p, transaction: 0 })));
    expect(kept.map((p) => Object.keys(p).sort())).toEqual(read.map((p) => Object.keys(p).sort()));
    expect('cost' in kept[2]!).toBe(false);
    expect('category' in kept[0]!).toBe(false);
    expect(haveSameMap(kept[0]!, kept[1]!)).toBe(true);
    expect(kept[0]!.cost!.amount).toBe(kept[1]!.cost!.amount);
    expect(kept[0]!.amount).toBe(kept[1]!.amount);
    // The input is not changed.
    expect(read[0]!.amount).not.toBe(read[1]!.amount);
  });
});

describe('a CSV table keeps a text repeated down a column once (issue 13)', () => {
  /** Bytes the rows of `text` hold on the heap, measured across full collections. */
  function retainedBy(text: string): { bytes: number; rows: number } {
    gc();
    gc();
    const before = process.memoryUsage().heapUsed;
    const { rows, errors } = parseCsvTable('data/acme/ledger.csv', text, tableSpecs.ledger);
    expect(errors).toEqual([]);
    gc();
    gc();
    const bytes = process.memoryUsage().heapUsed - before;
    return { bytes, rows: rows.length };
  }

  it('holds a 2,000-character memo of 5,000 rows once, not 5,000 times', () => {
    const memo = 'Coworking desk membership '.repeat(80).slice(0, 2000);
    const lines = ['date,account,category,amount,memo,receipt'];
    for (let i = 0; i < 5000; i++) lines.push(`2026-05-01,6350,rent,-1200,${memo},R-${i}`);
    const { bytes, rows } = retainedBy(lines.join('\n'));
    expect(rows).toBe(5000);
    // One copy a row would be 10 MB; the rows themselves (numbers, receipts) take under 2 MB.
    expect(bytes).toBeLessThan(3_000_000);
  });

  it('holds a date and a category repeated on every row once (second instance)', () => {
    // Long category names, as an accounting export writes them.
    const category = `professional_services_${'and_subscriptions_'.repeat(60)}`;
    const lines = ['date,account,category,amount,memo,receipt'];
    for (let i = 0; i < 5000; i++) lines.push(`2026-05-0${1 + (i % 9)},6100,${category},-${i}.5,,`);
    const { bytes, rows } = retainedBy(lines.join('\n'));
    expect(rows).toBe(5000);
    expect(bytes).toBeLessThan(2_000_000);
  });
});
