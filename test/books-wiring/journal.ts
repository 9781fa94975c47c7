// Small double-entry books for the wiring tests: transactions written as legs, typed by a chart,
// attached to an in-memory entity the way the loader attaches what it read.
import type { Entity } from '../../src/config/load.js';
import { accountChart, type AccountRule } from '../../src/books/accounts.js';
import { parseDecimal } from '../../src/books/decimal.js';
import { journalOf } from '../../src/books/entity-books.js';
import type { Posting, Price } from '../../src/books/types.js';

/** One leg: account, amount as text in the books' sign (income negative), optional commodity. */
export type Leg = [account: string, amount: string, commodity?: string];

let next = 0;

/** The postings of one transaction; its legs must balance per commodity (not checked here). */
export function tx(date: string, description: string, ...legs: Leg[]): Posting[] {
  const transaction = `test#${++next}`;
  return legs.map(([account, amount, commodity]) => ({
    date,
    transaction,
    description,
    account,
    amount: parseDecimal(amount)!,
    commodity: commodity ?? 'USD',
    source: { file: 'test.journal', line: next },
  }));
}

export function price(date: string, commodity: string, value: string): Price {
  return {
    date,
    commodity,
    price: parseDecimal(value)!,
    currency: 'USD',
    source: { file: 'test.journal', line: 1 },
  };
}

/**
 * `entity` with books of `postings`, typed by hledger's top-level names and `rules`, and no
 * hand-typed cash_on_hand (build.ts gives every entity one) unless `cashOnHand` is given.
 */
export function withBooks(
  entity: Entity,
  postings: Posting[][],
  rules: AccountRule[] = [],
  options: { prices?: Price[]; cashOnHand?: Entity['cash_on_hand'] } = {},
): Entity {
  const flat = postings.flat().sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const rest: Entity = { ...entity };
  delete (rest as { cash_on_hand?: unknown }).cash_on_hand;
  return {
    ...rest,
    ...(options.cashOnHand ? { cash_on_hand: options.cashOnHand } : {}),
    journal: journalOf(flat, options.prices ?? [], accountChart(rules), 'USD'),
  };
}

/** The same transaction in each of August, September and October 2026 (day `day`). */
export function monthly(day: string, description: string, ...legs: Leg[]): Posting[][] {
  return ['2026-08', '2026-09', '2026-10'].map((month) =>
    tx(`${month}-${day}`, description, ...legs),
  );
}
