// Which entities the portfolio's runway leaves out, and why: the one rule the burn section's
// portfolio total and the CFO's capital deployment share, so the two never count different cash.
import type { FinanceMetrics } from './finance.js';

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
