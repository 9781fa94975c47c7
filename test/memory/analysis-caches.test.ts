// Issue 13: peak RSS of a whole dry-run under 200 MB. What the analyses cache per journal lives
// for the whole render (it goes with the books), so every byte it keeps per posting is paid
// 80,000 times on the bench's 1,000-report portfolio. These tests hold the caches small: the
// book entries kept as a view of the postings, the month index keeping counts, not ids.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { accountChart } from '../../src/books/accounts.js';
import { parseDecimal } from '../../src/books/decimal.js';
import { journalOf } from '../../src/books/entity-books.js';
import type { Posting } from '../../src/books/types.js';
import { bookEntries } from '../../src/analysis/entries.js';
import { monthTotals } from '../../src/analysis/ledger.js';
import type { Entity, Portfolio } from '../../src/config/load.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
setFlagsFromString('--no-expose-gc');

const chart = accountChart([
  { pattern: 'Assets:Bank', type: 'asset', cash: true },
  { pattern: 'Income:*', type: 'income' },
  { pattern: 'Expenses:*', type: 'expense' },
]);

/**
 * An entity whose loaded journal has `transactions` two-posting transactions over 2026, each
 * with its own id and amount (as a bank export's rows have), ids built at run time.
 */
function entityWithBooks(transactions: number): Entity {
  const postings: Posting[] = [];
  const source = { file: 'books/2026.journal', line: 1 };
  for (let i = 0; i < transactions; i++) {
    const date = `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const transaction = `books/2026.journal:${i + 1}:${Math.random()}`;
    const amount = parseDecimal(`${(i % 997) + 1}.${String(i % 100).padStart(2, '0')}`)!;
    const expense = i % 3 !== 0;
    postings.push(
      {
        date,
        transaction,
        description: `Payee ${i % 50}`,
        account: expense ? 'Expenses:Hosting' : 'Income:Care-plans',
        amount: expense ? amount : { units: -amount.units, scale: amount.scale },
        commodity: 'USD',
        source,
      },
      {
        date,
        transaction,
        description: `Payee ${i % 50}`,
        account: 'Assets:Bank',
        amount: expense ? { units: -amount.units, scale: amount.scale } : amount,
        commodity: 'USD',
        source,
      },
    );
  }
  return { id: 'acme', journal: journalOf(postings, [], chart, 'USD') } as unknown as Entity;
}

const portfolio = { settings: { currency: 'USD', chart_of_accounts: {} } } as unknown as Portfolio;

/** The heap's used bytes and ArrayBuffers' (typed arrays' contents are outside the heap). */
function held(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/**
 * Bytes (heap and ArrayBuffers) that `fill` leaves behind once what it returns is dropped, after
 * full collections.
 */
function heldBy(fill: () => unknown): number {
  gc();
  gc();
  const before = held();
  let result: unknown = fill();
  expect(result).toBeTruthy();
  result = undefined;
  gc();
  gc();
  return held() - before;
}

describe("the analyses' caches per journal are small (issue 13)", () => {
  it('keeps the book entries as a view of the postings, not a second object for each', () => {
    // Before: one entry object per posting with its amount, about 130 bytes each (10 MB for the
    // bench portfolio's 79,721 postings). Now 13 bytes per entry: 40,000 postings keep 0.55 MB.
    const entity = entityWithBooks(20_000);
    const bytes = heldBy(() => bookEntries(entity, portfolio).length === 40_000);
    expect(bytes).toBeLessThan(1_000_000);
    expect(bytes).toBeGreaterThan(0); // the cache is there: a second call does not redo the pass
  });

  it('gives the same entries at every call, from the cache', () => {
    const entity = entityWithBooks(300);
    const first = bookEntries(entity, portfolio);
    const second = bookEntries(entity, portfolio);
    expect(second).toEqual(first);
    expect(first[0]).toEqual({
      date: '2026-01-01',
      account: 'Income:Care-plans',
      type: 'income',
      cash: false,
      category: undefined,
      description: 'Payee 0',
      amount: -1,
      source: { file: 'books/2026.journal', line: 1 },
      implicit: false,
    });
    expect(first[3]).toMatchObject({ account: 'Assets:Bank', type: 'asset', cash: true });
    expect(first[2]!.amount).toBe(2.01);
  });

  it("keeps each month's count of transactions, not their ids", () => {
    // Before: a Set of every transaction id per month, per journal, for the whole render.
    const entity = entityWithBooks(20_000);
    const months = ['2026-01', '2026-02', '2026-03'];
    let rows: number[] = [];
    const bytes = heldBy(() => (rows = monthTotals(entity, months).map((m) => m.rows)));
    expect(rows).toEqual([1667, 1667, 1667]);
    // The ids are the postings' own strings: the sets' entries alone kept 563 KB here (measured
    // on 6b4142c; about 1.1 MB for the bench portfolio's 39,860 transactions), the counts 74 KB.
    expect(bytes).toBeLessThan(250_000);
  });
});
