// An entity's books as the analyses read them, and the checks that catch a bad import: flipped
// signs (income or spending), accounts with no type, commodities with no price. One finding per account or
// commodity, never one per row.
import path from 'node:path';
import type { Entity, Portfolio } from '../config/load.js';
import { add, isZero, toMinorUnits, ZERO, type Decimal } from '../books/decimal.js';
import {
  nextDay,
  previousDay,
  priceConverter,
  UnpricedTally,
  type Unpriced,
} from '../books/totals.js';
import { entityChart, journalFromLedgerRows, type EntityJournal } from '../books/entity-books.js';
import { compareText } from './words.js';
import { mapPacked } from './packed.js';
import { cachedIn } from '../collections.js';

const derived = new WeakMap<Entity, Map<Portfolio | undefined, EntityJournal>>();

/**
 * The entity's books: what the loader read (`entity.journal`), or, for an entity built in memory,
 * its ledger.csv rows converted the same way the loader converts them, typed by the entity's
 * `accounts:` and, given the portfolio, its chart of accounts. Computed once per entity.
 */
export function booksOf(entity: Entity, portfolio?: Portfolio): EntityJournal {
  if (entity.journal) return entity.journal;
  const byPortfolio = cachedIn(
    derived,
    entity,
    () => new Map<Portfolio | undefined, EntityJournal>(),
  );
  return cachedIn(byPortfolio, portfolio, () => {
    const settings = portfolio?.settings ?? { chart_of_accounts: {}, currency: 'USD' };
    return journalFromLedgerRows(
      path.join(portfolio?.dir ?? 'reports-config', 'data', entity.id, 'ledger.csv'),
      entity.tables.ledger ?? [],
      settings.currency,
      entityChart(settings, entity.accounts),
    );
  });
}

/**
 * An income or expense account (an expense's ledger.csv category, where it has one) whose
 * postings in the window mostly go the wrong way and whose total does too: signs flipped on
 * import. Income that mostly reduces income and nets to a reduction; spending that mostly
 * reduces spending and nets below zero.
 */
export interface FlippedAccount {
  /** The account, or for ledger.csv spending its category. */
  readonly account: string;
  readonly type: 'income' | 'expense';
  /** `account` is a ledger.csv spending category, not an account. */
  readonly category: boolean;
  readonly postings: number;
  /** How many of them go against the account's type (income debited, spending credited). */
  readonly reducing: number;
  /** Revenue (income) or spending (expense) over the window, in the currency; negative when flipped. */
  readonly amount: number;
}

/** Fewer postings than this in the window are never called flipped: one reversal is not a pattern. */
export const MIN_FLIPPED_POSTINGS = 3;

export interface BookChecks {
  /** `to` is exclusive. */
  readonly window: { readonly from: string; readonly to: string };
  readonly flipped: readonly FlippedAccount[];
  readonly untyped: readonly { readonly account: string; readonly postings: number }[];
  readonly unpriced: readonly Unpriced[];
}

/**
 * The import checks over the postings from `from` to the end of `through` (YYYY-MM-DD, both
 * included): income and expense accounts with at least 3 postings that mostly go against their
 * type and whose total does too (signs flipped; spending keyed by its ledger.csv category where
 * it has one, as break-even reads it), accounts the chart does not type, and commodities with
 * no price to the currency among the income, expense and cash postings. Pure.
 *
 * `untyped` and `unpriced` are bookTotals' (src/books/totals.ts) for the same window, found in
 * this function's own pass over the postings instead of a whole bookTotals (which also sums
 * every account, groups every transaction and values the cash at both ends, none of which the
 * checks read): an account untyped by the chart with its postings in the window, in
 * `localeCompare` order; an income or expense posting of the window that has neither a cost nor
 * an amount the books price in their currency; and a cash balance in another commodity at the
 * window's end with no price on its last day.
 */
export function bookChecks(journal: EntityJournal, from: string, through: string): BookChecks {
  const window = { from, to: nextDay(through) };
  const { chart, currency } = journal;
  const converter = priceConverter(journal.prices, currency);
  // Per income account or spending category: postings, those against its type, and its total
  // in the books' sign (income negative, spending positive).
  const tally = new Map<
    string,
    {
      type: 'income' | 'expense';
      category: boolean;
      postings: number;
      reducing: number;
      total: Decimal;
    }
  >();
  // Accounts with no type, by first posting in the window: postings in the window.
  const untyped = new Map<string, number>();
  const unpriced = new UnpricedTally();
  // Cash in commodities other than the currency (the currency is always priced), from every
  // posting before the window's end: what is left unpriced at the end is listed.
  const foreignCash = new Map<string, { amount: Decimal; postings: number }>();
  for (const p of journal.postings) {
    if (p.date >= window.to) continue;
    const info = chart.classify(p.account);
    if (info?.cash && p.commodity !== currency) {
      const cash = foreignCash.get(p.commodity);
      if (cash) {
        cash.amount = add(cash.amount, p.amount);
        cash.postings += 1;
      } else foreignCash.set(p.commodity, { amount: add(ZERO, p.amount), postings: 1 });
    }
    if (p.date < window.from) continue;
    const type = info?.type ?? null;
    if (type === null) {
      untyped.set(p.account, (untyped.get(p.account) ?? 0) + 1);
      continue;
    }
    if (type !== 'income' && type !== 'expense') continue;
    // The posting's value in the figures (its cost, else its amount, priced): none, and it is
    // left out of them.
    if (p.commodity !== currency && !converter.value(p))
      unpriced.add(type, p.commodity, p.amount, 1);
    const value = converter.convert(p.amount, p.commodity, p.date);
    if (!value) continue;
    const key = `${type}\u0000${type === 'expense' ? (p.category ?? p.account) : p.account}`;
    const entry = tally.get(key) ?? {
      type,
      category: type === 'expense' && p.category !== undefined,
      postings: 0,
      reducing: 0,
      total: ZERO,
    };
    entry.postings += 1;
    // Income is credited (negative); a debit reduces it. Spending is debited; a credit reduces it.
    if (type === 'income' ? p.amount.units > 0n : p.amount.units < 0n) entry.reducing += 1;
    entry.total = add(entry.total, value);
    tally.set(key, entry);
  }
  const lastDay = previousDay(window.to);
  for (const [commodity, cash] of foreignCash) {
    if (isZero(cash.amount)) continue;
    if (!converter.convert(cash.amount, commodity, lastDay))
      unpriced.add('cash', commodity, cash.amount, cash.postings);
  }
  const candidates = [];
  for (const [key, t] of tally) {
    const cents = toMinorUnits(t.total);
    if (
      t.postings >= MIN_FLIPPED_POSTINGS &&
      t.reducing * 2 > t.postings &&
      (t.type === 'income' ? cents > 0 : cents < 0)
    )
      candidates.push({ account: key.split('\u0000')[1]!, ...t, cents });
  }
  const flipped = mapPacked(
    candidates.sort((a, b) => compareText(a.account, b.account)),
    (t) => ({
      account: t.account,
      type: t.type,
      category: t.category,
      postings: t.postings,
      reducing: t.reducing,
      amount: (t.type === 'income' ? -t.cents : t.cents) / 100 + 0,
    }),
  );
  return {
    window,
    flipped,
    untyped: [...untyped]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([account, postings]) => ({ account, postings })),
    unpriced: unpriced.list(),
  };
}
