// An entity's books as the property and expense analyses read them: one entry per posting, in the
// portfolio's currency, with the type its account has in the entity's chart. Whatever the source
// (a journal, bank exports, or data/<id>/ledger.csv alone), one code path reads it.
import type { Entity, Portfolio } from '../config/load.js';
import { accountChart, type AccountType } from '../books/accounts.js';
import { toMinorUnits } from '../books/decimal.js';
import { priceConverter } from '../books/totals.js';
import { booksOf } from './books.js';
import { cachedIn } from '../collections.js';
import type { EntityJournal } from '../books/entity-books.js';
import type { Posting, TransactionId } from '../books/types.js';

export interface BookEntry {
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly account: string;
  /** The account's type, or undefined when the chart does not type it. */
  readonly type: AccountType | undefined;
  /** An account the chart marks `cash: true` (the other side of a row is `implicit`, marked or not). */
  readonly cash: boolean;
  /**
   * The ledger.csv category of the row's own posting, where the source has one; undefined on the
   * row's implicit cash side, which the category does not describe (a mortgage row's cash leg is
   * not debt service), so nothing that matches by category gives that leg the row's role.
   */
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

/**
 * A journal's entries as the analyses' cache keeps them: not a second object per posting, but
 * for each entry the index of its posting and the two things the posting does not hold, in 13
 * bytes (an entry object with its amount took about 130: 10 MB for the bench portfolio's 79,721
 * postings, live for the whole render). bookEntries builds the entry objects from it at each call;
 * the analyses that read them keep what they compute, not the entries.
 */
interface CompactEntries {
  readonly postings: readonly Posting[];
  /** Entry i is `postings[posting[i]]`. */
  readonly posting: Int32Array;
  /** Entry i's amount in the portfolio's currency (toMinorUnits / 100, as the entry gives it). */
  readonly amount: Float64Array;
  /** Entry i's account type (its index in TYPES) | CASH | IMPLICIT. */
  readonly kind: Uint8Array;
}

/**
 * Each account type's code in CompactEntries.kind (the low 3 bits; 0: the chart has none). A
 * Record, so that a type added to AccountType cannot compile without a code of its own.
 */
const TYPE_CODES: Readonly<Record<AccountType, number>> = {
  income: 1,
  expense: 2,
  asset: 3,
  liability: 4,
  equity: 5,
};
/** Account types by their code: TYPE_CODES read backwards. */
const TYPES: readonly (AccountType | undefined)[] = (() => {
  const types: (AccountType | undefined)[] = [undefined];
  for (const [type, code] of Object.entries(TYPE_CODES)) types[code] = type as AccountType;
  return types;
})();
const CASH = 8;
const IMPLICIT = 16;

// Per journal: the entries depend on nothing else, and an entity as of an earlier date (the
// previous period's) shares its loaded journal, so every date reads one list, not a copy each.
const cache = new WeakMap<EntityJournal, CompactEntries>();

/**
 * The entity's postings as entries, sorted by date. A posting in another commodity is valued at
 * the books' own price on its date; one with no price is left out here (the books' checks name
 * it). The books are booksOf()'s: what the loader read, or the ledger.csv rows of an entity
 * built in memory. Each call returns new entry objects over the journal's shared postings and
 * cached values (CompactEntries): the same values every time, about 0.4 µs an entry (measured
 * on the bench portfolio: 856 calls, 327,728 entries, 0.13-0.15 s in all, against 0.23-0.24 s
 * for the one pass that fills the cache).
 */
export function bookEntries(entity: Entity, portfolio: Portfolio): readonly BookEntry[] {
  const { postings, posting, amount, kind } = compactOf(booksOf(entity, portfolio));
  const entries: BookEntry[] = [];
  for (let i = 0; i < posting.length; i++) {
    const p = postings[posting[i]!]!;
    const k = kind[i]!;
    entries.push({
      date: p.date,
      account: p.account,
      type: TYPES[k & 7],
      cash: (k & CASH) !== 0,
      category: (k & IMPLICIT) !== 0 ? undefined : p.category,
      description: p.description,
      amount: amount[i]!,
      source: p.source,
      implicit: (k & IMPLICIT) !== 0,
    });
  }
  return entries;
}

/**
 * Calls `visit` with the fields of each of bookEntries' entries, in the same order, without
 * making the entry objects: for an analysis that reads a few fields of every entry once (an
 * account's tally), so that a pass over the books allocates nothing per posting.
 * @param visit given the entry's date (YYYY-MM-DD), account, type (undefined when the chart has
 *   none), amount (the entry's `amount`: the portfolio's currency, ledger sign) and `implicit`
 */
export function forEachBookEntry(
  entity: Entity,
  portfolio: Portfolio,
  visit: (
    date: string,
    account: string,
    type: AccountType | undefined,
    amount: number,
    implicit: boolean,
  ) => void,
): void {
  const { postings, posting, amount, kind } = compactOf(booksOf(entity, portfolio));
  for (let i = 0; i < posting.length; i++) {
    const p = postings[posting[i]!]!;
    const k = kind[i]!;
    visit(p.date, p.account, TYPES[k & 7], amount[i]!, (k & IMPLICIT) !== 0);
  }
}

/** The journal's CompactEntries, made on first use and kept with the journal. */
function compactOf(journal: EntityJournal): CompactEntries {
  return cachedIn(cache, journal, compactEntries);
}

/** One pass over the journal's postings: which are entries, their value, type, cash and side. */
function compactEntries(journal: EntityJournal): CompactEntries {
  const converter = priceConverter(journal.prices, journal.currency);
  const postings = journal.postings;
  const posting = new Int32Array(postings.length);
  const amount = new Float64Array(postings.length);
  const kind = new Uint8Array(postings.length);
  let count = 0;
  // ledger.csv rows are the only postings with a category: the first posting of such a
  // transaction is the row's own account, any other its implicit cash side.
  const seen = new Set<TransactionId>();
  for (let index = 0; index < postings.length; index++) {
    const p = postings[index]!;
    const implicit = p.category !== undefined && seen.has(p.transaction);
    seen.add(p.transaction);
    const value = converter.convert(p.amount, p.commodity, p.date);
    if (!value) continue;
    const info = journal.chart.classify(p.account);
    posting[count] = index;
    amount[count] = toMinorUnits(value) / 100;
    kind[count] =
      (info ? TYPE_CODES[info.type] : 0) | (info?.cash ? CASH : 0) | (implicit ? IMPLICIT : 0);
    count++;
  }
  return {
    postings,
    posting: posting.slice(0, count),
    amount: amount.slice(0, count),
    kind: kind.slice(0, count),
  };
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
