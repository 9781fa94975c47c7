// Which entities the portfolio's runway leaves out, and why: the one rule the burn section's
// portfolio total and the CFO's capital deployment share, so the two never count different cash.
import { shownMoney, sumMoney } from '../figures.js';
// A cycle with finance.ts (which imports this file): only functions, called after both load.
import { runwayBurn, runwayMonths, type FinanceMetrics } from './finance.js';
import { mapPacked } from './packed.js';

export interface LeftOut {
  readonly id: string;
  readonly name: string;
  /** What its cash is (null: unknown too); it is in neither the total cash nor the runway. */
  readonly cash_on_hand: number | null;
  /** `no burn`: no ledger rows in the window; `no cash`: no usable cash figure. */
  readonly reason: 'no burn' | 'no cash';
}

/**
 * The entities a portfolio runway cannot count, in the order given: those whose burn is unknown
 * (no ledger rows in the trailing window: their cash has no burn to set against it, so adding it
 * would lengthen the runway with months nobody measured), and those whose cash is unknown.
 */
export function leftOutOfRunway(
  rows: readonly (Pick<FinanceMetrics, 'net_burn_monthly' | 'cash_on_hand'> & {
    readonly id: string;
    readonly name: string;
  })[],
): LeftOut[] {
  return rows.flatMap((row): LeftOut[] =>
    row.net_burn_monthly === null
      ? [{ id: row.id, name: row.name, cash_on_hand: row.cash_on_hand, reason: 'no burn' }]
      : row.cash_on_hand === null
        ? [{ id: row.id, name: row.name, cash_on_hand: null, reason: 'no cash' }]
        : [],
  );
}

/** The portfolio's cash and runway: the burn table's portfolio row, and each month end's. */
export interface PortfolioRunway {
  /** Cash of the entities counted (burn and cash both known); null when none is. */
  readonly cash_on_hand: number | null;
  /** Their runway burns summed (cash burn where the books give it, else operating net burn). */
  readonly runway_burn_monthly: number | null;
  readonly runway_months: number | null;
  /** Burning with total cash at or below zero (as shown): runway reads "no cash". */
  readonly no_cash: boolean;
  readonly burning: boolean | null;
}

/**
 * Runway over the entities whose burn and cash are both known: cash of an entity whose burn is
 * unknown has no reserve set against it, so it buys no months (as in capital deployment).
 */
export function portfolioRunway(
  rows: readonly Pick<
    FinanceMetrics,
    'runway_basis' | 'cash_burn_monthly' | 'net_burn_monthly' | 'cash_on_hand'
  >[],
): PortfolioRunway {
  const counted = rows.filter((row) => runwayBurn(row) !== null && row.cash_on_hand !== null);
  const totalCash = sumMoney(mapPacked(counted, (row) => row.cash_on_hand!));
  const totalBurn = sumMoney(mapPacked(counted, (row) => runwayBurn(row)!));
  const totalBurning = shownMoney(totalBurn) > 0;
  return {
    cash_on_hand: counted.length ? totalCash : null,
    runway_burn_monthly: counted.length ? totalBurn : null,
    runway_months: counted.length && totalBurning ? runwayMonths(totalCash, totalBurn) : null,
    no_cash: counted.length > 0 && totalBurning && shownMoney(totalCash) <= 0,
    burning: counted.length ? totalBurning : null,
  };
}
