// The books stage: an entity's sources read into one table of postings, and the figures on top.
// The analyses call readBooks() once per entity, then bookTotals() per window.
import path from 'node:path';
import type { ConfigError } from '../config/errors.js';
import { accountChart, type AccountRule, type Chart } from './accounts.js';
import { bankCsvSource } from './bank-csv.js';
import { beancountSource } from './beancount.js';
import type { AccountPatterns, BookSourceConfig } from './config.js';
import { hledgerSource } from './hledger.js';
import { ledgerCsvSource } from './ledger-csv.js';
import { ofxSource } from './ofx.js';
import { pricesFromCosts } from './totals.js';
import type { BooksRead, BooksSource, DeclaredAt } from './types.js';

export type { AccountInfo, AccountRule, AccountType, Chart } from './accounts.js';
export { accountChart, rulesFromChartOfAccounts } from './accounts.js';
export type { AccountPatterns, BookSourceConfig } from './config.js';
export { accountPatternsSchema, booksSchema, bookSourceSchema } from './config.js';
export type {
  BooksRead,
  BooksSource,
  Decimal,
  Posting,
  Price,
  SourcePlace,
  TransactionId,
} from './types.js';
export type {
  AccountTotal,
  BookTotals,
  Converter,
  DateWindow,
  TotalsOptions,
  Unpriced,
  UnpricedKind,
} from './totals.js';
export { bookTotals, cashBalance, priceConverter, pricesFromCosts } from './totals.js';
export { format as formatDecimal, parseDecimal, toMinorUnits } from './decimal.js';
export { ledgerRowsToPostings } from './ledger-csv.js';

/**
 * The source an entity file's `books:` entry declares. Paths resolve against `baseDir` (the
 * reports-config directory); `at` is the entry's place in the entity file, where a missing
 * tool or file is reported; `currency` is the portfolio's, for ledger.csv amounts.
 */
export function sourceFromConfig(
  entry: BookSourceConfig,
  baseDir: string,
  options: { currency: string; at: DeclaredAt },
): BooksSource {
  const resolve = (p: string) => path.resolve(baseDir, p);
  const { at } = options;
  if ('hledger' in entry) return hledgerSource(resolve(entry.hledger), at);
  if ('beancount' in entry) return beancountSource(resolve(entry.beancount), at);
  if ('bank_csv' in entry) return bankCsvSource(resolve(entry.bank_csv), resolve(entry.rules), at);
  if ('ofx' in entry)
    return ofxSource(resolve(entry.ofx), entry.account, entry.rules && resolve(entry.rules), at);
  return ledgerCsvSource(
    resolve(entry.ledger_csv),
    {
      currency: options.currency,
      ...(entry.cash_account ? { cashAccount: entry.cash_account } : {}),
    },
    at,
  );
}

/**
 * Reads every source (concurrently: each may run a tool) into one table of postings, sorted by
 * date with each source's own order kept within a day, and the prices they record (with those
 * their costs imply, as hledger's --infer-market-prices). Errors from
 * every source are collected; a source that fails still lets the others be read.
 */
export async function readBooks(sources: readonly BooksSource[]): Promise<BooksRead> {
  const reads = await Promise.all(sources.map((source) => source.read()));
  const postings = reads.flatMap((r) => r.postings);
  postings.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  // Prices inferred from costs come first, so a declared price on the same day wins.
  const prices = [...pricesFromCosts(postings), ...reads.flatMap((r) => r.prices)];
  const errors: ConfigError[] = reads.flatMap((r) => r.errors);
  return { postings, prices, errors };
}

/** A chart from an entity's `accounts:` patterns, over hledger's top-level names. */
export function chartFromPatterns(patterns: AccountPatterns = {}): Chart & { problems: string[] } {
  const rules: AccountRule[] = Object.entries(patterns).map(([pattern, a]) => ({
    pattern,
    type: a.type,
    ...(a.cash !== undefined ? { cash: a.cash } : {}),
    ...(a.name !== undefined ? { name: a.name } : {}),
  }));
  return accountChart(rules);
}
