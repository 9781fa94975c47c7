// The 12-month picture behind the burn table: revenue against spending, month by month, from the
// same account-type totals the burn section averages (ledger.ts monthTotals). Pure data: a
// ChartSpec the templates place and the pipeline draws (src/charts).
import type { Entity, Portfolio } from '../config/load.js';
import { monthlyChart, type ChartSpec } from '../charts/spec.js';
import { booksOf } from './books.js';
import { trailingMonths } from './dates.js';
import { monthTotals, partialMonths } from './ledger.js';

/** Full months the trend shows: a year, so a season reads against the same season. */
export const TREND_MONTHS = 12;

/**
 * Revenue (bars) against spending (bars) for each of the 12 full calendar months before `asOf`'s
 * month, in the books' currency, oldest first. A month with no ledger rows, or one the books
 * cover only in part (partialMonths: the burn table leaves it out too), is "no data" (null),
 * not zero: nothing recorded is not nothing earned.
 */
export function revenueSpendingChart(
  entity: Entity,
  portfolio: Portfolio,
  asOf: string,
): ChartSpec {
  const months = trailingMonths(asOf, TREND_MONTHS);
  const totals = monthTotals(entity, months, portfolio);
  const unit = { kind: 'money', currency: booksOf(entity, portfolio).currency } as const;
  // The burn table's own rule: a month the books cover only in part is left out, as one with no
  // rows is (a half-month's revenue is not the month's).
  const partial = new Set(partialMonths(entity, months, portfolio).map((p) => p.month));
  const known = (pick: (m: (typeof totals)[number]) => number) =>
    totals.map((m) => (m.rows > 0 && !partial.has(m.month) ? pick(m) : null));
  return monthlyChart({
    title: `${entity.name}: revenue and spending by month`,
    months,
    series: [
      { name: 'Revenue', unit, mark: 'bar', values: known((m) => m.income) },
      { name: 'Spending', unit, mark: 'bar', values: known((m) => m.spending) },
    ],
  });
}
