// An entity's books as the property and expense analyses read them: one entry per posting, in the
// portfolio's currency, with the type its account has in the entity's chart. Whatever the source
// (a journal, bank exports, or data/<id>/ledger.csv alone), one code path reads it.
import type { Entity, Portfolio } from '../config/load.js';
import { accountChart, type AccountType } from '../books/accounts.js';
import { toMinorUnits } from '../books/decimal.js';
import { priceConverter } from '../books/totals.js';
import { booksOf } from './books.js';
import type { EntityJournal } from '../books/entity-books.js';

export interface BookEntry {
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly account: string;
  /** The account's type, or undefined when the chart does not type it. */
  readonly type: AccountType | undefined;
  /** A cash (bank) account: the other side of a ledger.csv row. */
  readonly cash: boolean;
  /** The ledger.csv category, where the source has one. */
  readonly category: string | undefined;
  /** Payee and memo as the books write them. */
  readonly description: string;
  /** In the portfolio's currency, to the cent, ledger sign: income negative, spending positive. */
  readonly amount: number;
  /** Where the books write it: the file and the line of its transaction (a ledger.csv row's line). */
  readonly source: { readonly file: string; readonly line: number };
  /**
   * The implicit cash side of a single-entry ledger.csv row (the row's second posting, to the
   * cash account the row is booked against): in every figure, but not an account the user wrote.
   */
  readonly implicit: boolean;
}

// Per journal: the entries depend on nothing else, and an entity as of an earlier date (the
// previous period's) shares its loaded journal, so every date reads one list, not a copy each.
const cache = new WeakMap<EntityJournal, BookEntry[]>();

/**
 * The entity's postings as entries, sorted by date. A posting in another commodity is valued at
 * the books' own price on its date; one with no price is left out here (the books' checks name
 * it). The books are booksOf()'s: what the loader read, or the ledger.csv rows of an entity
 * built in memory.
 */
export function bookEntries(entity: Entity, portfolio: Portfolio): readonly BookEntry[] {
  const journal = booksOf(entity, portfolio);
  const known = cache.get(journal);
  if (known) return known;
  const converter = priceConverter(journal.prices, journal.currency);
  const entries: BookEntry[] = [];
  // ledger.csv rows are the only postings with a category: the first posting of such a
  // transaction is the row's own account, any other its implicit cash side.
  const seen = new Set<string>();
  for (const posting of journal.postings) {
    const implicit = posting.category !== undefined && seen.has(posting.transaction);
    seen.add(posting.transaction);
    const value = converter.convert(posting.amount, posting.commodity, posting.date);
    if (!value) continue;
    const info = journal.chart.classify(posting.account);
    entries.push({
      date: posting.date,
      account: posting.account,
      type: info?.type,
      cash: info?.cash ?? false,
      category: posting.category,
      description: posting.description,
      amount: toMinorUnits(value) / 100,
      source: posting.source,
      implicit,
    });
  }
  cache.set(journal, entries);
  return entries;
}

/**
 * Whether an entry falls under a list of portfolio.yml names (`cost_categories.subscriptions`,
 * `debt_service`): each is a ledger.csv category or an account name, code or pattern
 * (`Expenses:Interest:*`, `6900-6999`), matched as the chart matches accounts.
 */
export function entryMatcher(names: readonly string[]): (entry: BookEntry) => boolean {
  if (names.length === 0) return () => false;
  const chart = accountChart(
    names.map((pattern) => ({ pattern, type: 'expense' as const })),
    { defaults: false },
  );
  return (entry) =>
    (entry.category !== undefined && chart.classify(entry.category) !== undefined) ||
    chart.classify(entry.account) !== undefined;
}
