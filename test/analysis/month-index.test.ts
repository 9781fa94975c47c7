// monthTotals reads a per-journal month index built in one pass; its figures must be exactly
// bookTotals' for each month's window (the definition), however often and for whatever months
// it is asked.
import { describe, expect, it } from 'vitest';
import { entityAsOf } from '../../src/analysis/as-of.js';
import { monthTotals } from '../../src/analysis/ledger.js';
import { booksOf } from '../../src/analysis/books.js';
import { bookTotals } from '../../src/books/totals.js';
import { addMonths } from '../../src/analysis/dates.js';
import { entity, ledger } from './build.js';
import { price, tx, withBooks } from '../books-wiring/journal.js';

const cashRules = [{ pattern: 'Assets:Bank:*', type: 'asset' as const, cash: true }];

/** What bookTotals says of each month: the definition monthTotals must match. */
function byBookTotals(e: ReturnType<typeof entity>, months: string[]) {
  const j = booksOf(e);
  return months.map((month) => {
    const t = bookTotals(
      j.postings,
      j.prices,
      j.chart,
      { from: `${month}-01`, to: `${addMonths(month, 1)}-01` },
      { currency: j.currency },
    );
    return {
      income: t.revenue / 100,
      spending: t.spending / 100,
      cashChange: j.hasCash ? t.cashChange / 100 : null,
    };
  });
}

// USD and EUR cash (EUR priced monthly, so a balance is revalued), an opening balance booked
// inside July, EUR income at a cost, a month with no postings (September), an unpriced commodity.
const books = () =>
  withBooks(
    entity('multi'),
    [
      tx(
        '2026-07-05',
        'Opening',
        ['Assets:Bank:Checking', '1000.01'],
        ['Equity:Opening-Balances', '-1000.01'],
      ),
      tx(
        '2026-07-05',
        'Opening EUR',
        ['Assets:Bank:Euro', '500', 'EUR'],
        ['Equity:Opening-Balances', '-500', 'EUR'],
      ),
      tx('2026-07-20', 'Sale', ['Assets:Bank:Checking', '333.33'], ['Income:Sales', '-333.33']),
      tx(
        '2026-08-02',
        'Sale EUR',
        ['Assets:Bank:Euro', '100', 'EUR'],
        ['Income:Sales', '-100', 'EUR'],
      ),
      tx('2026-08-15', 'Rent', ['Expenses:Rent', '700.005'], ['Assets:Bank:Checking', '-700.005']),
      tx(
        '2026-10-01',
        'Fuel EUR',
        ['Expenses:Fuel', '40.40', 'EUR'],
        ['Assets:Bank:Euro', '-40.40', 'EUR'],
      ),
      tx('2026-10-09', 'Gold', ['Assets:Bank:Gold', '2', 'XAU'], ['Income:Other', '-2', 'XAU']),
      tx('2026-10-31', 'Refund', ['Assets:Bank:Checking', '12.34'], ['Expenses:Rent', '-12.34']),
    ],
    cashRules,
    {
      prices: [
        price('2026-06-30', 'EUR', '1.10'),
        price('2026-07-31', 'EUR', '1.0833'),
        price('2026-08-31', 'EUR', '1.2'),
        price('2026-09-30', 'EUR', '1.05'),
      ],
    },
  );

const months = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];

describe('monthTotals from the month index', () => {
  it('gives bookTotals figures per month: openings inside a month, revalued EUR cash, gaps', () => {
    const e = books();
    const got = monthTotals(e, months).map(({ income, spending, cashChange }) => ({
      income,
      spending,
      cashChange,
    }));
    expect(got).toEqual(byBookTotals(e, months));
    // The given instance, by hand: July's cash change excludes the openings (333.33 of sales,
    // plus the EUR opening revalued from 1.10 on 30 June to 1.0833 on 31 July: −8.35).
    expect(got[1]).toEqual({ income: 333.33, spending: 0, cashChange: 324.98 });
    // September has no postings: the EUR balance (600) revalued 1.2 -> 1.05.
    expect(got[3]).toEqual({ income: 0, spending: 0, cashChange: -90 });
  });

  it('answers any set of months, in any order, again and again, with the same figures', () => {
    const e = books();
    const once = monthTotals(e, ['2026-10', '2026-08']);
    monthTotals(e, months);
    const again = monthTotals(e, ['2026-08', '2026-10']);
    expect(again[0]).toEqual(once[1]);
    expect(again[1]).toEqual(once[0]);
    expect(once[0]!.spendingByCategory.get('Expenses:Fuel')).toBe(42.42); // 40.40 EUR at 1.05 (30 Sep)
    expect(once[0]!.spendingByCategory.get('Expenses:Rent')).toBe(-12.34);
    expect(once[0]!.rows).toBe(3);
  });

  it('an entity as of an earlier date has its own books, not the later ones', () => {
    const e = entity('csv', {
      tables: {
        ledger: ledger(
          { date: '2026-09-03', amount: 1_000, category: 'sales' },
          { date: '2026-09-10', amount: -300, category: 'fuel' },
          { date: '2026-09-25', amount: -200, category: 'fuel' },
        ),
      },
    });
    const [full] = monthTotals(e, ['2026-09']);
    const [early] = monthTotals(entityAsOf(e, '2026-09-15'), ['2026-09']);
    expect([full!.spending, full!.rows]).toEqual([500, 3]);
    expect([early!.spending, early!.rows]).toEqual([300, 2]);
  });
});
