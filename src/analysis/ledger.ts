// Monthly totals from an entity's ledger: the one place money is summed by month and category.
import type { Entity } from '../config/load.js';
import type { Row } from '../config/tables.js';
import { toCents } from '../figures.js';
import { monthOf } from './dates.js';

export interface MonthTotals {
  readonly month: string;
  /** Income: the sum of positive amounts. */
  readonly income: number;
  /** Spending as a positive number: the sum of negative amounts, sign flipped. */
  readonly spending: number;
  readonly spendingByCategory: ReadonlyMap<string, number>;
  readonly rows: number;
}

/** The ledger as it stood on `asOf` (rows dated after it are not known yet), or all of it. */
export function ledgerRows(entity: Entity, asOf?: string): readonly Row<'ledger'>[] {
  const rows = entity.tables.ledger ?? [];
  return asOf === undefined ? rows : rows.filter((row) => row.date <= asOf);
}

/**
 * Income, spending and spending by category for each of `months` (YYYY-MM), to the cent: the
 * rows are added as whole cents, so 60.10 + 40.20 paid is exactly the 100.30 re-billed.
 */
export function monthTotals(entity: Entity, months: readonly string[]): MonthTotals[] {
  const wanted = new Set(months);
  // In whole cents until the totals are handed out.
  const byMonth = new Map<
    string,
    { income: number; spending: number; categories: Map<string, number>; rows: number }
  >();
  for (const month of months)
    byMonth.set(month, { income: 0, spending: 0, categories: new Map(), rows: 0 });
  for (const row of ledgerRows(entity)) {
    const month = monthOf(row.date);
    if (!wanted.has(month)) continue;
    const totals = byMonth.get(month)!;
    totals.rows += 1;
    const cents = toCents(row.amount);
    if (cents >= 0) {
      totals.income += cents;
    } else {
      totals.spending -= cents;
      totals.categories.set(row.category, (totals.categories.get(row.category) ?? 0) - cents);
    }
  }
  return months.map((month) => {
    const totals = byMonth.get(month)!;
    return {
      month,
      income: totals.income / 100,
      spending: totals.spending / 100,
      spendingByCategory: new Map(
        [...totals.categories].map(([category, cents]) => [category, cents / 100]),
      ),
      rows: totals.rows,
    };
  });
}
