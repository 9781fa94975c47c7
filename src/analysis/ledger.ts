// Monthly totals from an entity's books, by account type: the one place money is summed by month
// and category. Revenue is the income accounts' movement, spending the expense accounts'; a
// transfer between asset and liability accounts is neither.
import type { Entity, Portfolio } from '../config/load.js';
import type { Row } from '../config/tables.js';
import { add, isZero, negate, toMinorUnits, ZERO, type Decimal } from '../books/decimal.js';
import { openingTransactions, previousDay, priceConverter } from '../books/totals.js';
import type { EntityJournal } from '../books/entity-books.js';
import type { TransactionId } from '../books/types.js';
import { addDays, addMonths, daysBetween, daysBetweenTimes, monthOf, toUtc } from './dates.js';
import { booksOf } from './books.js';
import { compareText } from './words.js';
import { cachedIn, partitionPoint } from '../collections.js';

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
 * accounts for an entity built in memory; a loaded entity carries its own. The figures are the
 * ones bookTotals gives for the month's window; they come from the journal's month index
 * (monthIndex), so a call costs a lookup per month, not a pass over the books.
 */
export function monthTotals(
  entity: Entity,
  months: readonly string[],
  portfolio?: Portfolio,
): MonthTotals[] {
  const index = monthIndex(booksOf(entity, portfolio));
  return months.map((month) => index.totals(month));
}

/** One month's exact sums, before rounding. */
interface MonthBucket {
  /** Income postings' value (cost where given), ledger sign (negative). */
  income: Decimal;
  /** Expense postings' value (cost where given). */
  expense: Decimal;
  /** Expense postings' amount at the price on their date, by ledger.csv category or account. */
  readonly categories: Map<string, Decimal>;
  /** Distinct transactions with a posting in the month (counted once the pass is over). */
  rows: number;
  /** The cash accounts' movement in the month, per commodity. */
  readonly cash: Map<string, Decimal>;
  /** The part of `cash` booked by opening-balance transactions: money held before the month. */
  readonly openingCash: Map<string, Decimal>;
}

/** The month figures of one journal, computed lazily per month and kept. */
interface MonthIndex {
  totals(month: string): MonthTotals;
}

/**
 * Per journal (booksOf gives one per entity and portfolio; an entity as of an earlier date with
 * fewer ledger rows has its own), its postings classified, valued and bucketed by month once.
 * Held weakly: it goes with the journal. Nothing per report or per as-of date is kept.
 */
const monthIndexes = new WeakMap<EntityJournal, MonthIndex>();

function addTo(map: Map<string, Decimal>, key: string, amount: Decimal): void {
  map.set(key, add(map.get(key) ?? ZERO, amount));
}

/** The journal's month index (indexMonths), made once and kept in monthIndexes. */
function monthIndex(journal: EntityJournal): MonthIndex {
  return cachedIn(monthIndexes, journal, indexMonths);
}

/**
 * The journal's month index: one pass over the postings classifies each account once, values
 * each posting once, and sums per month exactly (Decimal); cash balances at month boundaries are
 * running sums per commodity over the months in order. A month's figures are those of
 * bookTotals over `[YYYY-MM-01, next month's 01)`: cash at the start includes openings booked in
 * the month and is valued on the day before it, cash at the end on the month's last day.
 */
function indexMonths(journal: EntityJournal): MonthIndex {
  const converter = priceConverter(journal.prices, journal.currency);
  const opening = openingTransactions(journal.postings, journal.chart);
  const buckets = new Map<string, MonthBucket>();
  // Each month's transaction ids, for the pass only: a bucket keeps their count, not the ids (a
  // set of every transaction of the books per journal, for the whole render, otherwise).
  const transactions = new Map<string, Set<TransactionId>>();
  for (const p of journal.postings) {
    const month = monthOf(p.date);
    let bucket = buckets.get(month);
    if (!bucket) {
      bucket = {
        income: ZERO,
        expense: ZERO,
        categories: new Map(),
        rows: 0,
        cash: new Map(),
        openingCash: new Map(),
      };
      buckets.set(month, bucket);
    }
    let ids = transactions.get(month);
    if (!ids) transactions.set(month, (ids = new Set()));
    ids.add(p.transaction);
    // The chart caches each account's type itself.
    const info = journal.chart.classify(p.account);
    if (info?.cash) {
      addTo(bucket.cash, p.commodity, p.amount);
      if (opening.has(p.transaction)) addTo(bucket.openingCash, p.commodity, p.amount);
    }
    // '' for an untyped account: a string always, so the comparisons stay string comparisons.
    const type = info?.type ?? '';
    if (type !== 'income' && type !== 'expense') continue;
    const value = converter.value(p);
    if (value && type === 'income') bucket.income = add(bucket.income, value);
    if (type !== 'expense') continue;
    if (value) {
      // A category is valued like the total it splits (at cost where the books give one).
      bucket.expense = add(bucket.expense, value);
      addTo(bucket.categories, p.category ?? p.account, value);
    }
  }
  for (const [month, ids] of transactions) buckets.get(month)!.rows = ids.size;
  // Cash per commodity before each month with postings (all earlier months summed), in order.
  const keys = [...buckets.keys()].sort();
  const before: Map<string, Decimal>[] = [];
  let running = new Map<string, Decimal>();
  for (const key of keys) {
    before.push(running);
    running = new Map(running);
    for (const [commodity, amount] of buckets.get(key)!.cash) addTo(running, commodity, amount);
  }
  /** Cash per commodity from every posting dated before `month`'s first day. */
  const cashBefore = (month: string): Map<string, Decimal> => {
    const first = partitionPoint(keys, (key) => key < month); // first key >= month
    if (first < keys.length) return before[first]!;
    return running;
  };
  /** Each commodity's balance valued on `date`; unpriced ones left out, as bookTotals does. */
  const value = (balances: Map<string, Decimal>, date: string): Decimal => {
    let total = ZERO;
    for (const [commodity, amount] of balances) {
      if (isZero(amount)) continue;
      const converted = converter.convert(amount, commodity, date);
      if (converted) total = add(total, converted);
    }
    return total;
  };
  const scale = 2;
  const unit = 10 ** scale;
  const minor = (d: Decimal) => toMinorUnits(d, scale);
  /** One month's figures from its bucket (totals keeps them). */
  const monthTotals = (month: string): MonthTotals => {
    const bucket = buckets.get(month);
    let cashChange: number | null = null;
    if (journal.hasCash) {
      const from = `${month}-01`;
      const to = `${addMonths(month, 1)}-01`;
      const start = new Map(cashBefore(month));
      const end = new Map(start);
      for (const [commodity, amount] of bucket?.openingCash ?? []) addTo(start, commodity, amount);
      for (const [commodity, amount] of bucket?.cash ?? []) addTo(end, commodity, amount);
      cashChange =
        (minor(value(end, previousDay(to))) - minor(value(start, previousDay(from)))) / unit;
    }
    return {
      month,
      income: minor(negate(bucket?.income ?? ZERO)) / unit,
      spending: minor(bucket?.expense ?? ZERO) / unit,
      spendingByCategory: new Map(
        [...(bucket?.categories ?? [])]
          .sort(([a], [b]) => compareText(a, b))
          .map(([category, amount]) => [category, minor(amount) / unit]),
      ),
      cashChange,
      rows: bucket?.rows ?? 0,
    };
  };
  const done = new Map<string, MonthTotals>();
  return { totals: (month) => cachedIn(done, month, monthTotals) };
}

/** A month of the window the books cover only in part: left out of the averages like a missing one. */
export interface PartialMonth {
  readonly month: string;
  /** `end`: the books stop inside it; `start`: they begin inside it. */
  readonly edge: 'end' | 'start';
  /** The books' last (`end`) or first (`start`) posting date, YYYY-MM-DD. */
  readonly date: string;
}

/**
 * How many days short of a month's end (or past its start) the books may stop (or begin) and
 * the month still count as whole, at the least: a ledger whose last charge is on the 26th is
 * complete. Books that post less often may be quiet longer (see partialMonths).
 */
export const PARTIAL_MONTH_DAYS = 7;

/**
 * The months of `months` (YYYY-MM, consecutive) the entity's books cover only in part: the month
 * their last posting falls in, when the books are quiet from it to the month's last day for
 * longer than they ever are between two posting dates in the window (and longer than
 * PARTIAL_MONTH_DAYS): books that end before the as-of date; and likewise the month their first
 * posting falls in, from its first day (books that start inside the window). A ledger that posts
 * once a month on the 2nd is whole; a journal with a posting every few days that stops on the
 * 11th is not. Books with fewer than 3 posting dates in the window, or with postings in only
 * one of its months, are not judged. The one rule the CFO's averages and NOI share for which months of the window count.
 */
export function partialMonths(
  entity: Entity,
  months: readonly string[],
  portfolio?: Portfolio,
): PartialMonth[] {
  const journal = booksOf(entity, portfolio);
  if (journal.postings.length === 0 || months.length === 0) return [];
  const { first, last, months: allMonths, times } = postingDates(journal);
  const wanted = new Set(months);
  // The distinct posting dates in the wanted months, in order: each month's dates are one run of
  // the journal's sorted distinct dates (a date's month is its first 7 characters).
  const dates: number[] = [];
  let monthsWithDates = 0;
  for (const month of [...wanted].sort()) {
    let index = partitionPoint(allMonths, (known) => known < month);
    if (index < allMonths.length && allMonths[index] === month) monthsWithDates += 1;
    for (; index < allMonths.length && allMonths[index] === month; index += 1) dates.push(index);
  }
  // Fewer than 3 posting dates, or all in one month, show no rhythm to judge a quiet stretch by.
  if (dates.length < 3 || monthsWithDates < 2) return [];
  let quiet = PARTIAL_MONTH_DAYS;
  // The days between each two dates in a row, from their midnights worked out once per journal.
  for (let i = 1; i < dates.length; i += 1)
    quiet = Math.max(quiet, daysBetweenTimes(times[dates[i - 1]!]!, times[dates[i]!]!));
  const partial: PartialMonth[] = [];
  const start = monthOf(first);
  if (wanted.has(start) && daysBetween(`${start}-01`, first) > quiet)
    partial.push({ month: start, edge: 'start', date: first });
  const end = monthOf(last);
  const lastDay = addDays(`${addMonths(end, 1)}-01`, -1);
  if (
    wanted.has(end) &&
    daysBetween(last, lastDay) > quiet &&
    !partial.some((p) => p.month === end)
  )
    partial.push({ month: end, edge: 'end', date: last });
  return partial;
}

/** A journal's posting dates as partialMonths reads them, gathered in one pass over the postings. */
interface PostingDates {
  /** The earliest and the latest posting date (YYYY-MM-DD). */
  readonly first: string;
  readonly last: string;
  /** The month (YYYY-MM) of each distinct posting date, the dates in ascending order. */
  readonly months: readonly string[];
  /** The same dates' midnights UTC in milliseconds (toUtc), at the same index. */
  readonly times: readonly number[];
}

/**
 * Per journal, its posting dates (postingDates): partialMonths is called for the as-of date and
 * for each 1st of the cash chart's 12 months, and reads the same dates each time. Held weakly:
 * it goes with the journal (a month text a month and a number a posting date).
 */
const postingDatesOf = new WeakMap<EntityJournal, PostingDates>();

/** The journal's PostingDates (it has at least one posting), made once. */
function postingDates(journal: EntityJournal): PostingDates {
  return cachedIn(postingDatesOf, journal, gatherPostingDates);
}

/** The journal's PostingDates, gathered in one pass over its postings (at least one). */
function gatherPostingDates(journal: EntityJournal): PostingDates {
  const postings = journal.postings;
  let first = postings[0]!.date;
  let last = first;
  const distinct = new Set<string>();
  for (const p of postings) {
    if (p.date < first) first = p.date;
    if (p.date > last) last = p.date;
    distinct.add(p.date);
  }
  const dates = [...distinct].sort();
  // Dates in a row share their month's text (one string per month, not per date).
  const months: string[] = [];
  for (const date of dates) {
    const month = monthOf(date);
    const previous = months.at(-1);
    months.push(previous === month ? previous : month);
  }
  return { first, last, months, times: dates.map(toUtc) };
}
