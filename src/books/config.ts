// The `books:` and `accounts:` keys of an entity file: where its books are and what each
// account is. Not yet part of the entity schema: src/config/schema.ts adds these when wired.
import * as z from 'zod';

const bookPath = z.string().min(1);

/** One source of an entity's books; paths are relative to the reports-config directory. */
export const bookSourceSchema = z.union([
  /** An hledger or ledger journal (read with `hledger`), or the CSV `hledger print -O csv` wrote. */
  z.object({ hledger: bookPath }).strict(),
  /** A Beancount file (read with `bean-query`), or the CSV of boardroom's query it exported. */
  z.object({ beancount: bookPath }).strict(),
  /** A bank, card, QuickBooks or Xero CSV export and the YAML mapping that reads it. */
  z.object({ bank_csv: bookPath, rules: bookPath }).strict(),
  /** An OFX/QFX statement; `account` names its account (or one per OFX ACCTID). */
  z
    .object({
      ofx: bookPath,
      account: z.union([z.string().min(1), z.record(z.string(), z.string().min(1))]),
      rules: bookPath.optional(),
    })
    .strict(),
  /** boardroom's own ledger.csv, each row against `cash_account` (default 1000). */
  z.object({ ledger_csv: bookPath, cash_account: z.string().min(1).optional() }).strict(),
]);

export type BookSourceConfig = z.output<typeof bookSourceSchema>;

export const booksSchema = z.array(bookSourceSchema).min(1);

/**
 * The account-type chart: a pattern (an exact name or code, `Expenses:Food:*`, `Exp*`,
 * `6100-6199`) → its type, whether it is cash, and an optional display name. The same shape as
 * portfolio.yml's `chart_of_accounts`, with patterns for keys.
 */
export const accountPatternsSchema = z.record(
  z.string().min(1),
  z
    .object({
      type: z.enum(['income', 'expense', 'asset', 'liability', 'equity']),
      cash: z.boolean().optional(),
      name: z.string().optional(),
    })
    .strict()
    .refine((a) => !a.cash || a.type === 'asset' || a.type === 'liability', {
      message: 'only an asset or liability account can be cash',
      path: ['cash'],
    }),
);

export type AccountPatterns = z.output<typeof accountPatternsSchema>;
