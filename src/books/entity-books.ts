// One entity's books as the analyses read them: its postings, the prices its books record and
// the chart that types its accounts, whichever sources they came from (a journal, bank exports,
// or data/<id>/ledger.csv alone), so one code path computes every figure for every entity.
import path from 'node:path';
import type { ConfigError } from '../config/errors.js';
import {
  accountChart,
  rulesFromChartOfAccounts,
  type AccountRule,
  type AccountType,
  type Chart,
} from './accounts.js';
import type { AccountPatterns, BookSourceConfig } from './config.js';
import { ledgerRowsToPostings } from './ledger-csv.js';
import { readBooks, sourceFromConfig } from './index.js';
import type { DeclaredAt, Posting, Price, SourcePlace, TransactionId } from './types.js';
import { keepOnce, type KeptOnce } from '../interning.js';

export interface EntityJournal {
  /** Every posting, sorted by date; ledger sign (income negative, spending positive). */
  readonly postings: readonly Posting[];
  readonly prices: readonly Price[];
  readonly chart: Chart;
  /** The currency every figure is given in (the portfolio's); other commodities are priced to it. */
  readonly currency: string;
  /** Some posting is to an account the chart marks cash: the books give cash on hand. */
  readonly hasCash: boolean;
}

/** What portfolio.yml says about accounts: its chart of accounts and its `accounts:` patterns. */
export interface PortfolioAccounts {
  readonly chart_of_accounts: Readonly<
    Record<string, { name: string; type: AccountType; cash?: boolean | undefined }>
  >;
  readonly accounts?: AccountPatterns;
}

function patternRules(patterns: AccountPatterns = {}): AccountRule[] {
  return Object.entries(patterns).map(([pattern, a]) => ({
    pattern,
    type: a.type,
    ...(a.cash !== undefined ? { cash: a.cash } : {}),
    ...(a.name !== undefined ? { name: a.name } : {}),
  }));
}

/**
 * The chart an entity's accounts are typed by: its own `accounts:` patterns, then portfolio.yml's
 * `accounts:`, then its `chart_of_accounts` (codes are patterns too), then hledger's and
 * Beancount's top-level names. The most specific pattern wins; on the same pattern, the entity's.
 * Malformed patterns are in `problems`, each with where it came from.
 */
export function entityChart(
  portfolio: PortfolioAccounts,
  entityAccounts: AccountPatterns = {},
): Chart & {
  problems: {
    from: 'entity' | 'accounts' | 'chart_of_accounts';
    pattern: string;
    message: string;
  }[];
} {
  const sources = [
    ['entity', patternRules(entityAccounts)],
    ['accounts', patternRules(portfolio.accounts)],
    [
      'chart_of_accounts',
      rulesFromChartOfAccounts(
        portfolio.chart_of_accounts as Record<
          string,
          { name: string; type: AccountType; cash?: boolean }
        >,
      ),
    ],
  ] as const;
  const problems = sources.flatMap(([from, rules]) =>
    rules.flatMap((rule) =>
      accountChart([rule]).problems.map((message) => ({ from, pattern: rule.pattern, message })),
    ),
  );
  const chart = accountChart(sources.flatMap(([, rules]) => rules));
  return { classify: (account) => chart.classify(account), problems };
}

/** How a journal keeps its postings' values: see compactPostings. */
export interface KeepOptions {
  /** Copy each text kept (see interning); false where they already are the tables' own. */
  readonly copyTexts?: boolean;
  /** The load's shared values (keepOnce): equal texts and amounts across every journal are one. */
  readonly keep?: KeptOnce;
}

/**
 * A journal over postings already read, typed by `chart`. The postings are kept in their compact
 * form (compactPostings): a journal lives for the whole run. `options` as compactPostings takes
 * them.
 */
export function journalOf(
  postings: readonly Posting[],
  prices: readonly Price[],
  chart: Chart,
  currency: string,
  options: KeepOptions = {},
): EntityJournal {
  return {
    postings: compactPostings(postings, options),
    prices,
    chart,
    currency,
    hasCash: postings.some((p) => chart.classify(p.account)?.cash === true),
  };
}

/**
 * The postings as a journal keeps them for the whole run, with the same values in the same order
 * but for the transaction ids: every posting built by one of four object literals (with or
 * without `category` and `cost`), so they share V8's few hidden classes (an object spread from a
 * per-row object gets a hidden class of its own: about 290 bytes a posting, more than the
 * posting's own data), and equal strings, amounts and sources shared as one value (dates,
 * accounts, descriptions and amounts repeat from month to month and from entity to entity:
 * `keep`, one per load, shares them across journals and tables; without it, across this call).
 * Postings and decimals are never mutated, so sharing them is safe. Each text kept is a copy of
 * its own (interning), so a description cut from a statement's text does not keep the whole
 * text; `copyTexts: false` where the texts already are the loaded tables' own (ledger.csv rows),
 * which the postings then share rather than copy again.
 *
 * Each transaction id becomes a small integer, the same for every posting of one transaction
 * and different for different ones (numbered 0, 1, ... in order of first appearance): the
 * readers only group and match postings by it within one journal, and an id kept as text
 * (`<file>:<line>`, 55 characters on the bench's portfolio) cost two 32-byte string ropes per
 * transaction, where the number is held inside the posting.
 */
export function compactPostings(
  postings: readonly Posting[],
  { copyTexts = true, keep = keepOnce({ copy: copyTexts }) }: KeepOptions = {},
): Posting[] {
  const text = keep.text;
  const decimal = keep.decimal;
  const ids = new Map<TransactionId, number>();
  const transactionOf = (id: TransactionId): number => {
    const known = ids.get(id);
    if (known !== undefined) return known;
    ids.set(id, ids.size);
    return ids.size - 1;
  };
  const sources = new Map<string, SourcePlace>();
  const place = (value: SourcePlace): SourcePlace => {
    const key = `${value.line}:${value.file}`;
    const known = sources.get(key);
    if (known) return known;
    const kept = { file: text(value.file), line: value.line };
    sources.set(key, kept);
    return kept;
  };
  return postings.map((p) => {
    const date = text(p.date);
    const transaction = transactionOf(p.transaction);
    const description = text(p.description);
    const account = text(p.account);
    const amount = decimal(p.amount);
    const commodity = text(p.commodity);
    const source = place(p.source);
    const cost = p.cost && { amount: decimal(p.cost.amount), commodity: text(p.cost.commodity) };
    if (p.category === undefined)
      return cost
        ? { date, transaction, description, account, amount, commodity, cost, source }
        : { date, transaction, description, account, amount, commodity, source };
    const category = text(p.category);
    return cost
      ? { date, transaction, description, account, amount, commodity, cost, category, source }
      : { date, transaction, description, account, amount, commodity, category, source };
  });
}

/**
 * ledger.csv rows (as the loader checked them) as a journal: each row against account 1000.
 * `keep` is the load's (the one the rows' texts were kept by), where there is one.
 */
export function journalFromLedgerRows(
  file: string,
  rows: Parameters<typeof ledgerRowsToPostings>[1],
  currency: string,
  chart: Chart,
  keep?: KeptOnce,
): EntityJournal {
  // The rows' texts are the table's own, kept once by the loader: the postings share them.
  return journalOf(ledgerRowsToPostings(file, rows, currency), [], chart, currency, {
    copyTexts: false,
    ...(keep ? { keep } : {}),
  });
}

/**
 * Reads the sources an entity file's `books:` declares (concurrently: each may run a tool) into
 * a journal. `declaredAt(index)` is where entry `index` is in the entity file, where a missing
 * tool or file is reported. Never rejects for a user-fixable problem: those are `errors`.
 */
export async function readEntityJournal(
  books: readonly BookSourceConfig[],
  options: {
    readonly baseDir: string;
    readonly currency: string;
    readonly chart: Chart;
    readonly declaredAt: (index: number) => DeclaredAt;
    /** The load's shared values (keepOnce), where there is one. */
    readonly keep?: KeptOnce;
  },
): Promise<{ journal: EntityJournal; errors: ConfigError[] }> {
  const sources = books.map((entry, index) =>
    sourceFromConfig(entry, path.resolve(options.baseDir), {
      currency: options.currency,
      at: options.declaredAt(index),
    }),
  );
  const read = await readBooks(sources);
  return {
    journal: journalOf(read.postings, read.prices, options.chart, options.currency, {
      ...(options.keep ? { keep: options.keep } : {}),
    }),
    errors: read.errors,
  };
}
