// Cross-check on real books: bcexample.journal read through hledger gives, for three windows,
// the revenue, spending, operating net burn, per-account totals and cash on hand that hledger's
// own `bal` computes in the same test. Equal to the cent.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountChart } from '../../src/books/accounts.js';
import { hledgerSource } from '../../src/books/hledger.js';
import { readBooks } from '../../src/books/index.js';
import { bookTotals } from '../../src/books/totals.js';
import type { BooksRead } from '../../src/books/types.js';
import { cents, exact, peer, peerCsv, realdata, skipReason } from './peer-tools.js';

const journal = path.join(realdata, 'bcexample.journal');
const checking = 'Assets:US:BofA:Checking';
const chart = accountChart([{ pattern: checking, type: 'asset', cash: true }]);

const windows = [
  { from: '2013-01-01', to: '2013-02-01' },
  { from: '2014-06-01', to: '2014-09-01' },
  { from: '2013-01-01', to: '2014-01-01' },
];

/** hledger's `bal QUERY -O csv --layout=bare` as rows of account, commodity, balance. */
function hledgerBal(args: string[]): Record<string, string>[] {
  return peerCsv(peer('hledger', ['-f', journal, 'bal', ...args, '-O', 'csv', '--layout=bare']));
}
const usdTotal = (rows: Record<string, string>[]) =>
  cents(rows.find((r) => r.account === 'total' && r.commodity === 'USD')?.balance ?? '0');

describe.skipIf(skipReason('hledger', 'bcexample.journal'))(
  'hledger source on bcexample.journal',
  () => {
    let books: BooksRead;
    beforeAll(async () => {
      books = await readBooks([hledgerSource(journal)]);
    });

    it('reads every posting hledger prints, without errors, each with its line', () => {
      expect(books.errors).toEqual([]);
      const printed = peerCsv(peer('hledger', ['-f', journal, 'print', '-O', 'csv']));
      expect(books.postings).toHaveLength(printed.length);
      // The opening balance of checking is on line 27 of the journal.
      const opening = books.postings.find(
        (p) => p.account === checking && p.description.startsWith('Opening'),
      );
      expect(opening?.source.line).toBe(27);
    });

    for (const window of windows) {
      describe(`${window.from} .. ${window.to}`, () => {
        const range = ['-b', window.from, '-e', window.to];

        it('revenue, spending and operating net burn equal hledger bal, to the cent', () => {
          const totals = bookTotals(books.postings, books.prices, chart, window, {
            currency: 'USD',
          });
          expect(totals.revenue).toBe(-usdTotal(hledgerBal(['^income', ...range])));
          expect(totals.spending).toBe(usdTotal(hledgerBal(['^expenses', ...range])));
          expect(totals.operatingNetBurn).toBe(
            usdTotal(hledgerBal(['^income', '^expenses', ...range])),
          );
          expect(totals.revenue).toBeGreaterThan(0);
        });

        it('every account total per commodity equals hledger bal', () => {
          const totals = bookTotals(books.postings, books.prices, chart, window, {
            currency: 'USD',
          });
          const ours = totals.accounts
            .flatMap((a) =>
              Object.entries(a.byCommodity)
                .filter(([, amount]) => exact(amount) !== '0')
                .map(([commodity, amount]) => `${a.account} ${commodity} ${exact(amount)}`),
            )
            .sort();
          const theirs = hledgerBal(range)
            .filter((r) => r.account !== 'total')
            .map((r) => `${r.account} ${r.commodity} ${exact(r.balance!)}`)
            .sort();
          expect(ours).toEqual(theirs);
          expect(ours.length).toBeGreaterThan(10);
        });

        it('cash on hand at both ends of the window equals hledger bal of checking', () => {
          const totals = bookTotals(books.postings, books.prices, chart, window, {
            currency: 'USD',
          });
          expect(totals.cashAtEnd).toBe(usdTotal(hledgerBal([`^${checking}$`, '-e', window.to])));
          expect(totals.cashAtStart).toBe(
            usdTotal(hledgerBal([`^${checking}$`, '-e', window.from])),
          );
          expect(totals.cashChange).toBe(usdTotal(hledgerBal([`^${checking}$`, ...range])));
        });

        it('reports the vacation hours and 401k units it cannot price, with hledger’s totals', () => {
          const totals = bookTotals(books.postings, books.prices, chart, window, {
            currency: 'USD',
          });
          // Per commodity and kind: income and spending are totalled apart.
          const expected = new Map<string, number>();
          for (const [kind, query] of [
            ['income', '^income'],
            ['expense', '^expenses'],
          ] as const)
            for (const r of hledgerBal([query, ...range]))
              if (r.account !== 'total' && r.commodity !== 'USD') {
                const key = `${r.commodity} ${kind}`;
                expected.set(key, (expected.get(key) ?? 0) + cents(r.balance!));
              }
          expect(
            new Map(totals.unpriced.map((u) => [`${u.commodity} ${u.kind}`, cents(u.total)])),
          ).toEqual(expected);
          expect(totals.unpriced.map((u) => u.commodity)).toContain('VACHR');
        });
      });
    }
  },
);
