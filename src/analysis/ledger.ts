// Monthly totals from an entity's books, by account type: the one place money is summed by month
// and category. Revenue is the income accounts' movement, spending the expense accounts'; a
// transfer between asset and liability accounts is neither.
import type { Entity, Portfolio } from '../config/load.js';
import type { Row } from '../config/tables.js';
import { add, toMinorUnits, ZERO, type Decimal } from '../books/decimal.js';
import { bookTotals, priceConverter } from '../books/totals.js';
import { addMonths, monthOf } from './dates.js';
import { booksOf } from './books.js';

export interface MonthTotals {
  readonly month: string;
  /** Revenue: the income accounts' movement, sign turned (a refund to a customer nets). */
  readonly income: number;
  /** Spending: the expense accounts' movement (a supplier's refund or credit nets). */
  readonly spending: number;
  /**
   * Spending by category: ledger.csv's `category` column, or for journals the expense account.
   * A refund nets within its category.
   */
  readonly spendingByCategory: ReadonlyMap<string, number>;
  /** The change in the cash accounts over the month; null when the books mark no account cash. */
  readonly cashChange: number | null;
  /** Transactions dated in the month (ledger.csv: its rows). */
  readonly rows: number;
}

/** The ledger as it stood on `asOf` (rows dated after it are not known yet), or all of it. */
export function ledgerRows(entity: Entity, asOf?: string): readonly Row<'ledger'>[] {
  const rows = entity.tables.ledger ?? [];
  return asOf === undefined ? rows : rows.filter((row) => row.date <= asOf);
}

/**
 * Revenue, spending, spending by category and the cash accounts' change for each of `months`
 * (YYYY-MM), from the entity's books (src/analysis/books.ts), each rounded once to the cent from
 * the exact sum. Other commodities are converted at the books' price on the posting's date; one
 * with no price is left out (the burn section names it). `portfolio` picks the chart of
 * accounts for an entity built in memory; a loaded entity carries its own.
 */
export function monthTotals(
  entity: Entity,
  months: readonly string[],
  portfolio?: Portfolio,
): MonthTotals[] {
  const journal = booksOf(entity, portfolio);
  const options = { currency: journal.currency };
  const converter = priceConverter(journal.prices, journal.currency);
  const wanted = new Map(
    months.map((month) => [
      month,
      { categories: new Map<string, Decimal>(), transactions: new Set<string>() },
    ]),
  );
  for (const p of journal.postings) {
    const bucket = wanted.get(monthOf(p.date));
    if (!bucket) continue;
    bucket.transactions.add(p.transaction);
    if (journal.chart.classify(p.account)?.type !== 'expense') continue;
    const value = converter.convert(p.amount, p.commodity, p.date);
    if (!value) continue;
    const category = p.category ?? p.account;
    bucket.categories.set(category, add(bucket.categories.get(category) ?? ZERO, value));
  }
  return months.map((month) => {
    const bucket = wanted.get(month)!;
    const totals = bookTotals(
      journal.postings,
      journal.prices,
      journal.chart,
      { from: `${month}-01`, to: `${addMonths(month, 1)}-01` },
      options,
    );
    const unit = 10 ** totals.scale;
    return {
      month,
      income: totals.revenue / unit,
      spending: totals.spending / unit,
      spendingByCategory: new Map(
        [...bucket.categories]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([category, amount]) => [category, toMinorUnits(amount, totals.scale) / unit]),
      ),
      cashChange: journal.hasCash ? totals.cashChange / unit : null,
      rows: bucket.transactions.size,
    };
  });
}
