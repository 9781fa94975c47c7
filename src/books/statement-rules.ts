// The YAML mapping that turns a bank, card or accounting-software export into postings, in the
// spirit of hledger's CSV rules: how to read the file, and which account each row's other leg
// goes to. OFX statements use the same `rules` and `default_account`.
import * as z from 'zod';
import { parseYamlFile } from '../config/yaml-file.js';
import { displayPath, type ConfigError } from '../config/errors.js';
import { readText } from './run-tool.js';
import { cachedIn } from '../collections.js';
import { OPENING_BALANCES, type DeclaredAt } from './types.js';

const column = z.union([z.string().min(1), z.number().int().min(1)]);

const pattern = z
  .string()
  .min(1)
  .superRefine((value, ctx) => {
    try {
      new RegExp(value, 'i');
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `not a regular expression: ${(error as Error).message}`,
      });
    }
  });

/** One rule: rows whose `field` matches `match` (a case-insensitive regular expression). */
export const statementRule = z
  .object({
    match: pattern,
    /** The column to test (a header name or 1-based number); the description when absent. */
    field: column.optional(),
    /** The other leg's account: an expense, an income, or for a transfer another asset or liability. */
    account: z.string().min(1),
    /** A description to use instead of the statement's. */
    description: z.string().optional(),
  })
  .strict();

const DATE_FORMATS = [
  'YYYY-MM-DD',
  'MM/DD/YYYY',
  'DD/MM/YYYY',
  'DD.MM.YYYY',
  'YYYYMMDD',
  'M/D/YYYY',
  'D/M/YYYY',
] as const;

/** The mapping of a CSV export (a bank or card statement, a QuickBooks or Xero transaction list). */
export const statementRulesSchema = z
  .object({
    /** The account the statement is for, as the chart of accounts names it. */
    account: z.string().min(1),
    /** The statement's currency. */
    currency: z.string().min(1).default('USD'),
    separator: z.string().length(1).default(','),
    /** Lines before the header (or before the first row when there is no header). */
    skip: z.number().int().min(0).default(0),
    /** Whether the first row after `skip` names the columns. */
    header: z.boolean().default(true),
    date: column,
    date_format: z.enum(DATE_FORMATS).default('YYYY-MM-DD'),
    /** The column(s) read as the description, joined with " | ". */
    description: z.union([column, z.array(column).min(1)]),
    /** One signed amount column … */
    amount: column.optional(),
    /** … or two: money out of the account (a charge on a card) and money in (a payment). */
    debit: column.optional(),
    credit: column.optional(),
    /**
     * What a positive `amount` means: `inflow` (money into the account, or a card's debt paid
     * down: the usual bank export) or `outflow` (money out, or a charge on a card: many card
     * exports). Debit/credit columns are read as out and in whatever their signs.
     */
    amount_sign: z.enum(['inflow', 'outflow']).default('inflow'),
    /**
     * The running balance after each row, as banks export it. The latest row's balance then fixes
     * the account's balance: an opening balance is booked the day before the first row (that
     * balance less every amount up to it), against `opening_account`.
     */
    balance: column.optional(),
    /**
     * The account's balance before the statement's first row, `date` on or before that row, when
     * the export has no balance column. With a balance column too, the two must agree.
     */
    opening_balance: z
      .object({
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD'),
        amount: z.union([z.number(), z.string().min(1)]),
      })
      .strict()
      .optional(),
    /** The equity account an opening balance is booked against. */
    opening_account: z.string().min(1).default(OPENING_BALANCES),
    /** Balance and amount cells are read strictly with this mark (see parseAmount). */
    decimal_mark: z.enum(['.', ',']).default('.'),
    /** The other leg of a row no rule matches. */
    default_account: z.string().min(1).default('Expenses:Uncategorized'),
    /** First match wins. */
    rules: z.array(statementRule).default([]),
  })
  .strict()
  .superRefine((rules, ctx) => {
    const single = rules.amount !== undefined;
    const pair = rules.debit !== undefined || rules.credit !== undefined;
    if (single === pair)
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: 'give either `amount` or `debit` and `credit`',
      });
    else if (pair && (rules.debit === undefined || rules.credit === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [rules.debit === undefined ? 'debit' : 'credit'],
        message: 'debit and credit go together',
      });
  });

export type StatementRules = z.output<typeof statementRulesSchema>;

/** The part of a mapping an OFX statement needs: it brings its own dates, amounts and currency. */
export const ofxRulesSchema = z
  .object({
    default_account: z.string().min(1).default('Expenses:Uncategorized'),
    rules: z
      .array(
        statementRule
          .extend({ field: z.enum(['name', 'memo', 'payee', 'type']).optional() })
          .strict(),
      )
      .default([]),
  })
  .strict();

export type OfxRules = z.output<typeof ofxRulesSchema>;

/** Reads and checks a rules file; every problem is a ConfigError with its line and column. */
export async function loadRules<S extends z.ZodType>(
  file: string,
  schema: S,
  at: DeclaredAt,
): Promise<{ rules?: z.output<S>; errors: ConfigError[] }> {
  const text = await readText(file, at);
  if (typeof text !== 'string') return { errors: [text.error] };
  const parsed = parseYamlFile(displayPath(file), text, schema);
  return parsed.value !== undefined
    ? { rules: parsed.value, errors: parsed.errors }
    : { errors: parsed.errors };
}

/** The first rule whose pattern matches the row's field (the description when it names none). */
export function matchRule<R extends { match: string; field?: string | number }>(
  rules: readonly R[],
  fieldOf: (field: string | number | undefined) => string,
): R | undefined {
  return rules.find((rule) => compiled(rule.match).test(fieldOf(rule.field)));
}

// A statement has thousands of rows and a handful of patterns: compile each pattern once.
const patterns = new Map<string, RegExp>();
const compile = (source: string): RegExp => new RegExp(source, 'i');
function compiled(source: string): RegExp {
  return cachedIn(patterns, source, compile);
}
