// Cash on hand and runway on the 1st of each of the last 12 months: the burn section's own
// figures (financeMetrics, the function that computes the table's cash and runway) taken as of
// each 1st, so a point is what the burn table would have shown that day, its runway on the three
// full months just closed. One chart per entity (CFO) and one for the portfolio (CEO), whose
// total follows the table's portfolio row (portfolioRunway).
import type { Entity, Portfolio } from '../config/load.js';
import { monthlyChart, type ChartSpec } from '../charts/spec.js';
import { booksOf } from './books.js';
import { addMonths, monthOf } from './dates.js';
import { dayFinanceMetrics, type FinanceMetrics } from './finance.js';
import { portfolioRunway } from './portfolio-runway.js';
import { mapPacked } from './packed.js';
import { TREND_MONTHS } from './trend-chart.js';

/** A day without a cash figure: nothing to chart, and nothing the portfolio's total counts. */
const NO_CASH: DayFinance = {
  cash_on_hand: null,
  runway_months: null,
  runway_basis: null,
  cash_burn_monthly: null,
  net_burn_monthly: null,
};

/** Days with a cash figure a chart needs: fewer is no trend to picture. */
const MIN_CASH_POINTS = 2;

/** The figures of one day: what the burn table would show as of that day. */
export type DayFinance = Pick<
  FinanceMetrics,
  'cash_on_hand' | 'runway_months' | 'runway_basis' | 'cash_burn_monthly' | 'net_burn_monthly'
>;

/**
 * The 12 months whose 1st the chart shows, oldest first, ending with the as-of date's own month:
 * its last point (the 1st of that month) has the same three-month window as the table.
 */
function cashMonths(asOf: string): string[] {
  const current = monthOf(asOf);
  return Array.from({ length: TREND_MONTHS }, (_, i) => addMonths(current, i + 1 - TREND_MONTHS));
}

/**
 * An entity's burn-table figures on the 1st of each of `cashMonths(asOf)`: `financeMetrics` run
 * as of that day, so cash is the books' cash accounts at the end of it (or an entity-file
 * override dated within `maxCashAgeDays` before it; unknown before the books' first posting) and
 * runway is that cash over the burn of the three full months before it. 12 calls of
 * financeMetrics' figures, without its book checks (dayFinanceMetrics).
 */
function firstOfMonthFinance(
  entity: Entity,
  portfolio: Portfolio,
  asOf: string,
  maxCashAgeDays: number,
): { months: string[]; points: DayFinance[] } {
  const months = cashMonths(asOf);
  const journal = booksOf(entity, portfolio);
  const booksFrom = journal.hasCash ? journal.postings[0]?.date : undefined;
  const typedOn = entity.cash_on_hand?.as_of;
  const points = months.map((month): DayFinance => {
    const day = `${month}-01`;
    // financeMetrics' own rule for whether a day has a cash figure at all: the books' cash
    // accounts from their first posting, or a typed cash dated on or before the day (used fresh,
    // or stale when the books have no cash account). A day with neither has no cash and so no
    // runway: skipping it spares 11 of 12 calls for books without cash accounts.
    if (
      !(booksFrom !== undefined && booksFrom <= day) &&
      !(typedOn !== undefined && typedOn <= day)
    )
      return NO_CASH;
    const m = dayFinanceMetrics(entity, portfolio, day, { max_cash_age_days: maxCashAgeDays });
    return {
      cash_on_hand: m.cash_on_hand,
      runway_months: m.runway_months,
      runway_basis: m.runway_basis,
      cash_burn_monthly: m.cash_burn_monthly,
      net_burn_monthly: m.net_burn_monthly,
    };
  });
  return { months, points };
}

/**
 * One entity's 1st-of-month figures (firstOfMonthFinance) and their chart, titled with its name,
 * in its books' currency; the chart is null when the books have no cash account (a typed
 * cash_on_hand is one reading, not a trend, however many 1sts it is carried to) or fewer than
 * two 1sts have a cash figure. `points` feed the
 * portfolio's chart.
 */
export function entityCashRunway(
  entity: Entity,
  portfolio: Portfolio,
  asOf: string,
  maxCashAgeDays: number,
): { points: DayFinance[]; chart: ChartSpec | null } {
  const { months, points } = firstOfMonthFinance(entity, portfolio, asOf, maxCashAgeDays);
  const books = booksOf(entity, portfolio);
  // Without cash accounts the only cash is a typed figure: one reading, however many 1sts it is
  // carried to, so no trend to draw (its points still count in the portfolio's chart).
  const chart = books.hasCash
    ? cashRunwayChart(
        `${entity.name}: cash and runway on the 1st of each month`,
        months,
        points,
        books.currency,
      )
    : null;
  return { points, chart };
}

/**
 * Cash on hand (bars, left axis, `currency`) and runway in months (line, right axis) on the 1st
 * of each of `months`. A day with no cash figure, or on which the entity was not burning (no
 * runway to count), is a gap ("no data"), never zero. Null when fewer than two days have a cash
 * figure: one bar is not a trend, and the table already shows today's.
 */
function cashRunwayChart(
  title: string,
  months: readonly string[],
  points: readonly Pick<DayFinance, 'cash_on_hand' | 'runway_months'>[],
  currency: string,
): ChartSpec | null {
  if (points.filter((p) => p.cash_on_hand !== null).length < MIN_CASH_POINTS) return null;
  return monthlyChart({
    title,
    months,
    series: [
      {
        name: 'Cash on hand',
        unit: { kind: 'money', currency },
        mark: 'bar',
        values: points.map((p) => p.cash_on_hand),
      },
      {
        name: 'Runway',
        unit: { kind: 'months' },
        mark: 'line',
        values: points.map((p) => p.runway_months),
      },
    ],
  });
}

/**
 * The portfolio's cash and runway on the 1st of each month, totalled as the burn table's
 * portfolio row is (portfolioRunway: only entities whose burn and cash are both known that day
 * count). `byEntity` holds each entity's points (firstOfMonthFinance at the same `asOf`).
 */
export function portfolioCashRunwayChart(
  asOf: string,
  byEntity: readonly (readonly DayFinance[])[],
  currency: string,
): ChartSpec | null {
  const months = cashMonths(asOf);
  const points = mapPacked(months, (_, i) => {
    const total = portfolioRunway(mapPacked(byEntity, (points) => points[i]!));
    return { cash_on_hand: total.cash_on_hand, runway_months: total.runway_months };
  });
  return cashRunwayChart(
    'Portfolio: cash and runway on the 1st of each month',
    months,
    points,
    currency,
  );
}
