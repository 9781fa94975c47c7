// An entity's books as the analyses read them, and the checks that catch a bad import: flipped
// signs, accounts with no type, commodities with no price. One finding per account or
// commodity, never one per row.
import path from 'node:path';
import type { Entity, Portfolio } from '../config/load.js';
import { bookTotals, nextDay, type Unpriced } from '../books/totals.js';
import { entityChart, journalFromLedgerRows, type EntityJournal } from '../books/entity-books.js';

const derived = new WeakMap<Entity, Map<Portfolio | undefined, EntityJournal>>();

/**
 * The entity's books: what the loader read (`entity.journal`), or, for an entity built in memory,
 * its ledger.csv rows converted the same way the loader converts them, typed by the entity's
 * `accounts:` and, given the portfolio, its chart of accounts. Computed once per entity.
 */
export function booksOf(entity: Entity, portfolio?: Portfolio): EntityJournal {
  if (entity.journal) return entity.journal;
  let byPortfolio = derived.get(entity);
  if (!byPortfolio) {
    byPortfolio = new Map();
    derived.set(entity, byPortfolio);
  }
  let journal = byPortfolio.get(portfolio);
  if (!journal) {
    const settings = portfolio?.settings ?? { chart_of_accounts: {}, currency: 'USD' };
    journal = journalFromLedgerRows(
      path.join(portfolio?.dir ?? 'reports-config', 'data', entity.id, 'ledger.csv'),
      entity.tables.ledger ?? [],
      settings.currency,
      entityChart(settings, entity.accounts),
    );
    byPortfolio.set(portfolio, journal);
  }
  return journal;
}

/** An income account whose postings mostly reduce income in the window: signs flipped on import. */
export interface FlippedAccount {
  readonly account: string;
  readonly postings: number;
  /** How many of them reduce income (debits, in the books' sign). */
  readonly reducing: number;
  /** The account's revenue over the window, in the currency (negative when flipped). */
  readonly revenue: number;
}

export interface BookChecks {
  readonly window: { readonly from: string; readonly to: string };
  readonly flipped: readonly FlippedAccount[];
  readonly untyped: readonly { readonly account: string; readonly postings: number }[];
  readonly unpriced: readonly Unpriced[];
}

/**
 * The import checks over the postings from `from` to the end of `asOf`: income accounts whose
 * postings mostly reduce income and whose total is a reduction (signs flipped), accounts the
 * chart does not type, and commodities with no price to the currency among the income, expense
 * and cash postings (cash as it stands at `asOf`). Pure.
 */
export function bookChecks(journal: EntityJournal, from: string, asOf: string): BookChecks {
  const window = { from, to: nextDay(asOf) };
  const totals = bookTotals(journal.postings, journal.prices, journal.chart, window, {
    currency: journal.currency,
  });
  const reducing = new Map<string, number>();
  for (const p of journal.postings) {
    if (p.date < window.from || p.date >= window.to || p.amount.units <= 0n) continue;
    if (journal.chart.classify(p.account)?.type !== 'income') continue;
    reducing.set(p.account, (reducing.get(p.account) ?? 0) + 1);
  }
  const flipped = totals.accounts
    .filter((a) => a.type === 'income')
    .filter((a) => (reducing.get(a.account) ?? 0) * 2 > a.postings && a.total > 0)
    .map((a) => ({
      account: a.account,
      postings: a.postings,
      reducing: reducing.get(a.account)!,
      revenue: -a.total / 10 ** totals.scale,
    }));
  return { window, flipped, untyped: totals.untyped, unpriced: totals.unpriced };
}
