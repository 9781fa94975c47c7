// The one table every source of books is read into: postings with exact amounts, the prices
// the books record, and the problems found, each named by file and line.
import type { ConfigError } from '../config/errors.js';
import type { Decimal } from './decimal.js';

export type { Decimal } from './decimal.js';

/**
 * The equity account boardroom books an opening balance against (a bank CSV's balance column or
 * `opening_balance`, an OFX statement's ledger balance). Any account whose name says "opening"
 * is treated the same way in the figures (see totals.ts).
 */
export const OPENING_BALANCES = 'Equity:Opening-Balances';

/** Where a posting or price was read from: the book's file and the line of its transaction. */
export interface SourcePlace {
  readonly file: string;
  readonly line: number;
}

/**
 * Names one transaction among an entity's postings, compared only for equality: as a source reads
 * it, text unique across the entity's sources (`<file>:<line>`, `<file>#<index>`); in a journal
 * (compactPostings), a small integer per transaction, which costs no string per posting.
 */
export type TransactionId = string | number;

/**
 * One leg of a double-entry transaction. The legs of a transaction share `transaction` and sum
 * to zero per commodity (as hledger and Beancount record them: income negative, spending
 * positive, money into an asset positive).
 */
export interface Posting {
  /** YYYY-MM-DD. */
  readonly date: string;
  /** Groups the postings of one transaction; unique across all the sources of one entity. */
  readonly transaction: TransactionId;
  /** Payee and narration as the book writes them (`Payee | note` for hledger and Beancount). */
  readonly description: string;
  /** The full account name (`Expenses:Food:Groceries`) or code (`6100`). */
  readonly account: string;
  /** Exact amount in `commodity`. */
  readonly amount: Decimal;
  /** `USD`, `EUR`, `VACHR`, a ticker: whatever the book names it. */
  readonly commodity: string;
  /**
   * What the posting cost in another commodity, where the books say (hledger `@`/`@@`,
   * Beancount `{}`/`@`: its weight), signed as `amount`: its value in the figures.
   */
  readonly cost?: { readonly amount: Decimal; readonly commodity: string };
  /** boardroom's ledger.csv category, where the source has one. */
  readonly category?: string;
  readonly source: SourcePlace;
}

/** One unit of `commodity` was worth `price` units of `currency` on `date`. */
export interface Price {
  readonly date: string;
  readonly commodity: string;
  readonly price: Decimal;
  readonly currency: string;
  readonly source: SourcePlace;
}

/** What reading one source gives. Errors are values: a run collects them all before stopping. */
export interface BooksRead {
  readonly postings: Posting[];
  readonly prices: Price[];
  readonly errors: ConfigError[];
}

/**
 * A source of books (an hledger journal, a Beancount file, a bank CSV with its rules, an OFX
 * statement, boardroom's ledger.csv). A new source is a new file implementing this, not a new
 * branch in the loader.
 */
export interface BooksSource {
  readonly kind: 'hledger' | 'beancount' | 'bank_csv' | 'ofx' | 'ledger_csv';
  /** The file the source reads, for messages. */
  readonly file: string;
  /** Never rejects for a user-fixable problem (a missing tool, a bad journal): those are errors. */
  read(): Promise<BooksRead>;
}

/** Where a whole-source problem (a missing tool, a missing file) is reported. */
export interface DeclaredAt {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
}
