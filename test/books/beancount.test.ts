// Cross-check on real books: example.beancount read through bean-query gives, for three
// windows, the revenue, spending, operating net burn, per-account totals and cash on hand that
// bean-query itself sums in the same test. Equal to the cent.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountChart } from '../../src/books/accounts.js';
import { beancountSource } from '../../src/books/beancount.js';
import { readBooks } from '../../src/books/index.js';
import { bookTotals } from '../../src/books/totals.js';
import type { BooksRead } from '../../src/books/types.js';
import { cents, exact, peer, peerCsv, realdata, skipReason } from './peer-tools.js';

const ledger = path.join(realdata, 'example.beancount');
const checking = 'Assets:US:BofA:Checking';
const chart = accountChart([{ pattern: checking, type: 'asset', cash: true }]);

const windows = [
  { from: '2014-01-01', to: '2014-02-01' },
  { from: '2014-06-01', to: '2014-09-01' },
  { from: '2015-01-01', to: '2016-01-01' },
];

/** bean-query's own sum of `number` in USD over the postings `where` selects. */
function beanSum(where: string): number {
  const rows = peerCsv(
    peer('bean-query', [
      '-f',
      'csv',
      ledger,
      `SELECT str(sum(number)) AS total WHERE currency = 'USD' AND ${where}`,
    ]),
  );
  return rows[0]?.total ? cents(decimalText(rows[0].total)) : 0;
}

/** bean-query's `str()` of a Decimal: `Decimal('13.747')`, the exact digits. */
const decimalText = (text: string) => /^Decimal\('(.*)'\)$/.exec(text)?.[1] ?? text;

describe.skipIf(skipReason('bean-query', 'example.beancount'))(
  'beancount source on example.beancount',
  () => {
    let books: BooksRead;
    beforeAll(async () => {
      books = await readBooks([beancountSource(ledger)]);
    });

    it('reads every posting bean-query selects, with the prices bean-report lists', () => {
      expect(books.errors).toEqual([]);
      const count = peerCsv(
        peer('bean-query', ['-f', 'csv', ledger, 'SELECT count(account) AS n']),
      );
      expect(books.postings).toHaveLength(Number(count[0]!.n));
      expect(books.prices.length).toBeGreaterThan(100);
      const vbmpx = books.prices.find((p) => p.commodity === 'VBMPX' && p.date === '2013-01-04');
      expect(vbmpx && `${vbmpx.price.units}/${vbmpx.price.scale} ${vbmpx.currency}`).toBe(
        '7047/2 USD',
      );
    });

    for (const window of windows) {
      describe(`${window.from} .. ${window.to}`, () => {
        const inWindow = `date >= ${window.from} AND date < ${window.to}`;

        it('revenue, spending and operating net burn equal bean-query’s sums, to the cent', () => {
          const totals = bookTotals(books.postings, books.prices, chart, window, {
            currency: 'USD',
          });
          expect(totals.revenue).toBe(-beanSum(`account ~ '^Income:' AND ${inWindow}`));
          expect(totals.spending).toBe(beanSum(`account ~ '^Expenses:' AND ${inWindow}`));
          expect(totals.operatingNetBurn).toBe(
            beanSum(`account ~ '^(Income|Expenses):' AND ${inWindow}`),
          );
          expect(totals.spending).toBeGreaterThan(0);
        });

        it('every account total per commodity equals bean-query GROUP BY account, currency', () => {
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
          const theirs = peerCsv(
            peer('bean-query', [
              '-f',
              'csv',
              ledger,
              `SELECT account, currency, str(sum(number)) AS total WHERE ${inWindow} GROUP BY account, currency`,
            ]),
          )
            .filter((r) => exact(decimalText(r.total!)) !== '0')
            .map((r) => `${r.account} ${r.currency} ${exact(decimalText(r.total!))}`)
            .sort();
          expect(ours).toEqual(theirs);
          expect(ours.length).toBeGreaterThan(10);
        });

        it('cash on hand at both ends of the window equals bean-query’s balance of checking', () => {
          const totals = bookTotals(books.postings, books.prices, chart, window, {
            currency: 'USD',
          });
          expect(totals.cashAtEnd).toBe(beanSum(`account = '${checking}' AND date < ${window.to}`));
          expect(totals.cashAtStart).toBe(
            beanSum(`account = '${checking}' AND date < ${window.from}`),
          );
        });
      });
    }
  },
);
