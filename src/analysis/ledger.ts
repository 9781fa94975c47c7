// Monthly totals from an entity's ledger: the one place money is summed by month and category.
import type { Entity } from '../config/load.js';
import type { Row } from '../config/tables.js';
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

export function monthTotals(entity: Entity, months: readonly string[]): MonthTotals[] {
  const wanted = new Set(months);
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
    if (row.amount >= 0) {
      totals.income += row.amount;
    } else {
      totals.spending += -row.amount;
      totals.categories.set(row.category, (totals.categories.get(row.category) ?? 0) - row.amount);
    }
  }
  return months.map((month) => {
    const totals = byMonth.get(month)!;
    return {
      month,
      income: totals.income,
      spending: totals.spending,
      spendingByCategory: totals.categories,
      rows: totals.rows,
    };
  });
}
