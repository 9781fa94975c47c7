// boardroom's own ledger.csv: single-entry rows, income positive and spending negative. Each
// row becomes a two-posting transaction against one implicit cash account, so the same
// account-type rules decide revenue, spending and transfers as for double-entry books.
import { parseCsvTable } from '../config/csv-table.js';
import { displayPath } from '../config/errors.js';
import { tableSpecs, type Row } from '../config/tables.js';
import { negate, parseDecimal } from './decimal.js';
import { readText } from './run-tool.js';
import type { BooksRead, BooksSource, DeclaredAt, Posting } from './types.js';

/** The cash account rows are booked against when the source names none (the chart's 1000). */
export const DEFAULT_LEDGER_CASH_ACCOUNT = '1000';

/**
 * Rows already loaded from ledger.csv as postings: the row's `account` gets −amount (income
 * positive in the file is a negative income posting), `cashAccount` gets +amount, both in
 * `currency`. The loader's numbers have at most the digits typed, so they print back exactly.
 */
export function ledgerRowsToPostings(
  file: string,
  rows: readonly (Pick<Row<'ledger'>, 'date' | 'account' | 'category' | 'amount' | 'line'> & {
    memo?: string | undefined;
  })[],
  currency: string,
  cashAccount = DEFAULT_LEDGER_CASH_ACCOUNT,
): Posting[] {
  const label = displayPath(file);
  return rows.flatMap((row) => {
    const amount = parseDecimal(String(row.amount));
    if (!amount) return [];
    const account = String(row.account);
    const shared = {
      date: row.date,
      transaction: `${label}:${row.line}`,
      description: row.memo ?? row.category,
      // The category describes the row's account (src/analysis/entries.ts gives it to that
      // posting only). A row on the cash account itself moves no money: its two postings cancel,
      // and a category there would make its own posting debt service, say, as the chart marks
      // the account cash or not.
      category: account === cashAccount ? undefined : row.category,
      commodity: currency,
      source: { file: label, line: row.line },
    };
    return [
      { ...shared, account, amount: negate(amount) },
      { ...shared, account: cashAccount, amount },
    ];
  });
}

/**
 * ledger.csv read with the loader's own table checks. Its amounts are in the portfolio's
 * currency, which `currency` names (the postings carry it as their commodity).
 */
export function ledgerCsvSource(
  file: string,
  options: { currency: string; cashAccount?: string },
  at: DeclaredAt = { file, line: 1 },
): BooksSource {
  return {
    kind: 'ledger_csv',
    file,
    async read(): Promise<BooksRead> {
      const text = await readText(file, at);
      if (typeof text !== 'string') return { postings: [], prices: [], errors: [text.error] };
      const { rows, errors } = parseCsvTable(displayPath(file), text, tableSpecs.ledger);
      const postings = ledgerRowsToPostings(
        file,
        rows as unknown as Row<'ledger'>[],
        options.currency,
        options.cashAccount,
      );
      return { postings, prices: [], errors };
    },
  };
}
