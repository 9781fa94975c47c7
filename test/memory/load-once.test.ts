// Issue 13: peak RSS under 200 MB. V8 lets the main heap grow to about 1.5 times what survives a
// full collection, and the loaded portfolio survives every one: each MB it holds costs about
// 1.5 MB of heap for the whole run. These tests hold what one load keeps: equal values across
// every table and journal of the load kept once (and nothing kept past the load), CSV rows with
// their fields inside the object, and a journal's transaction ids as numbers.
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { accountChart } from '../../src/books/accounts.js';
import { journalFromLedgerRows } from '../../src/books/entity-books.js';
import type { Decimal } from '../../src/books/types.js';
import { parseCsvTable, type ParsedRow } from '../../src/config/csv-table.js';
import { loadPortfolio, type Portfolio } from '../../src/config/load.js';
import { tableSpecs } from '../../src/config/tables.js';
import { keepOnce } from '../../src/interning.js';
import { generatePortfolio } from '../../scripts/generate-portfolio.js';
import { tempDir } from '../helpers.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
setFlagsFromString('--no-expose-gc');

/** Heap bytes in use once garbage is collected. */
function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** The bench's portfolio in small: the example's seven entities cloned `entities` times over. */
function benchLike(entities: number): string {
  const dir = path.join(tempDir(), 'portfolio');
  generatePortfolio(dir, entities, 20);
  return dir;
}

async function loaded(dir: string): Promise<Portfolio> {
  const result = await loadPortfolio(dir);
  if (!result.ok) throw new Error(`${dir} does not load`);
  return result.portfolio;
}

/** A ledger.csv of `rows` rows: every row the same but its line, `memo` and `amount` given. */
function ledgerText(rows: number, memo: (i: number) => string, amount: string): string {
  const lines = ['date,account,category,amount,memo,receipt'];
  for (let i = 0; i < rows; i++)
    lines.push(`2026-05-01,6100,software,${amount},${memo(i)},receipt-2026-05.pdf`);
  return lines.join('\n') + '\n';
}

describe('one load keeps each value once (issue 13)', () => {
  it('holds a bench-like portfolio in under 105 KB an entity', async () => {
    // The example's entities cloned 35 times over, as the bench clones them 200 times. Before:
    // about 130 KB an entity (each table and journal kept its own copy of every date, category,
    // memo and amount; the rows' fields in property arrays; a text id per transaction); now
    // about 81 KB. On the bench's 200 entities: 50.1 MB live after loading, now 38.3 MB.
    await loaded(benchLike(7)); // the loader's code compiled and its caches warm
    const dir = benchLike(35);
    const before = heapUsed();
    const portfolio = await loaded(dir);
    const bytes = heapUsed() - before;
    expect(portfolio.entities).toHaveLength(35);
    expect(bytes / 35).toBeLessThan(105_000);
  });

  it('keeps a text that two tables of one load share once', () => {
    // 2,000 distinct 1,000-character memos, the same in both tables: kept per table, the second
    // table held a second copy of each (about 2 MB); kept per load, only its rows (about 180 KB).
    const text = ledgerText(
      2_000,
      (i) => `${i} `.padEnd(1_000, 'Coworking desk membership '),
      '-40',
    );
    const keep = keepOnce();
    const first = parseCsvTable('data/acme/ledger.csv', text, tableSpecs.ledger, keep);
    const before = heapUsed();
    const second = parseCsvTable('data/globex/ledger.csv', text, tableSpecs.ledger, keep);
    const bytes = heapUsed() - before;
    expect(second.rows).toHaveLength(2_000);
    expect(second.rows[1_999]!.memo).toBe(first.rows[1_999]!.memo);
    expect(bytes).toBeLessThan(600_000);
  });

  it('shares the equal amounts of different entities, and nothing with another load', async () => {
    const dir = benchLike(14);
    const amountsOf = (portfolio: Portfolio, id: string): Decimal[] =>
      portfolio.entities.find((e) => e.id === id)!.journal!.postings.map((p) => p.amount);
    // The first load, seen only inside this function: what it returns holds none of it.
    const firstLoad = async () => {
      const first = await loaded(dir);
      // Entities 0 and 7 are clones of one example entity (generatePortfolio): the same books.
      const [zero, seventh] = [0, 7].map((i) =>
        first.entities.find((e) => e.id.endsWith(`-${i}`))!,
      );
      expect(seventh!.id.replace(/-7$/, '')).toBe(zero!.id.replace(/-0$/, ''));
      const [a, b] = [amountsOf(first, zero!.id), amountsOf(first, seventh!.id)];
      expect(a.length).toBeGreaterThan(100);
      expect(b).toEqual(a);
      b.forEach((amount, i) => expect(amount).toBe(a[i]));
      return { id: zero!.id, values: a.map((d) => ({ ...d })), kept: new WeakRef(a[0]!) };
    };
    const first = await firstLoad();
    // A second load (a preview runs two portfolios in one process) keeps its own values: the
    // first load's are collected once it is dropped.
    const second = await loaded(dir);
    const again = amountsOf(second, first.id);
    expect(again).toEqual(first.values);
    await new Promise((resolve) => setImmediate(resolve));
    heapUsed();
    expect(first.kept.deref()).toBeUndefined();
    expect(second.entities).toHaveLength(14);
  });
});

describe('a CSV row keeps its fields inside the object (issue 13)', () => {
  /** Heap bytes a row of `text`'s table holds (rows, their array; texts shared). */
  function bytesPerRow(text: string, rows: number): number {
    const before = heapUsed();
    const parsed = parseCsvTable('data/acme/ledger.csv', text, tableSpecs.ledger);
    const bytes = heapUsed() - before;
    expect(parsed.rows).toHaveLength(rows);
    expect(parsed.errors).toEqual([]);
    return bytes / rows;
  }

  it('holds a ledger row in 88 bytes with its array slot, a whole amount or not', () => {
    // Built field by field from `{ line }`, a row kept six of its seven fields in a property
    // array: 104 bytes a row, and 16 more for an amount of 79.50 (a number box of its own per
    // row). Now: the object (24 bytes and 7 fields of 8) and its slot in the rows' array.
    const whole = bytesPerRow(
      ledgerText(20_000, () => 'Care plan', '-40'),
      20_000,
    );
    const cents = bytesPerRow(
      ledgerText(20_000, () => 'Care plan', '-79.50'),
      20_000,
    );
    expect(whole).toBeLessThan(96);
    expect(cents).toBeLessThan(96);
  });

  it('gives every table of a kind, in every entity, the same fields in the same order', () => {
    const keep = keepOnce();
    const a = parseCsvTable(
      'data/a/ledger.csv',
      ledgerText(2, () => 'x', '-1.5'),
      tableSpecs.ledger,
      keep,
    ).rows;
    const b = parseCsvTable(
      'data/b/ledger.csv',
      'date,account,category,amount,memo,receipt\n2026-05-02,4250,hosting,12,,\n',
      tableSpecs.ledger,
      keep,
    ).rows;
    const row: ParsedRow = b[0]!;
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.keys(row)).toEqual([
      'line',
      'date',
      'account',
      'category',
      'amount',
      'memo',
      'receipt',
    ]);
    expect(Object.keys(a[1]!)).toEqual(Object.keys(row));
    expect({ ...row }).toStrictEqual({
      line: 2,
      date: '2026-05-02',
      account: '4250',
      category: 'hosting',
      amount: 12,
      memo: undefined,
      receipt: undefined,
    });
    expect(a[1]!.amount).toBe(-1.5);
  });
});

describe('a journal numbers its transactions (issue 13)', () => {
  const chart = accountChart([
    { pattern: '1000', type: 'asset', cash: true },
    { pattern: '6*', type: 'expense' },
  ]);

  it('gives both legs of a ledger.csv row one small integer, and each row its own', () => {
    // Before: the text `<file>:<line>` (55 characters on the bench), two 32-byte ropes a row.
    const { rows } = parseCsvTable(
      'data/acme/ledger.csv',
      ledgerText(3, (i) => `memo ${i}`, '-12.25'),
      tableSpecs.ledger,
    );
    const journal = journalFromLedgerRows('data/acme/ledger.csv', rows as never, 'USD', chart);
    expect(journal.postings.map((p) => p.transaction)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(journal.postings.map((p) => p.source.line)).toEqual([2, 2, 3, 3, 4, 4]);
  });
});
