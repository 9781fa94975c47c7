// A Beancount file, read through Beancount's own query tool (`bean-query -f csv`) and its price
// report (`bean-report FILE all_prices`), or the CSV a user exported with the same query.
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { csvSyntaxError, displayPath, type ConfigError } from '../config/errors.js';
import { parseDecimal } from './decimal.js';
import { checkReadable, INSTALL_LINE, readText, runTool, toolErrors } from './run-tool.js';
import type { BooksRead, BooksSource, DeclaredAt, Posting, Price } from './types.js';

/** The query whose CSV boardroom reads; an exported CSV must have these columns. */
// `str(number)`: bean-query's CSV rounds a plain number column to one precision for every
// currency in it (4.709 RGAGX printed as 4.71), so the exact value is taken as text.
// `weight` is what the posting counts for in its transaction: its cost (`{}`) or price (`@`).
const BEANCOUNT_POSTINGS_QUERY =
  'SELECT id, filename, lineno, date, payee, narration, account, str(number) AS number, currency, str(weight) AS weight';

/** Beancount 3 has no bean-report: its prices come from beanquery's `#prices` table. */
const BEANCOUNT_PRICES_QUERY = 'SELECT date, currency, amount FROM #prices';

/**
 * A Beancount file read with `bean-query -f csv FILE "<BEANCOUNT_POSTINGS_QUERY>"` (pad entries
 * included, so opening balances count) and `bean-report FILE all_prices`; a `.csv` file is read
 * as that query's exported output, with an optional `<name>.prices` file of price directives.
 */
export function beancountSource(file: string, at: DeclaredAt = { file, line: 1 }): BooksSource {
  return {
    kind: 'beancount',
    file,
    read: () => (/\.csv$/i.test(file) ? readExported(file, at) : readLedger(file, at)),
  };
}

async function readLedger(file: string, at: DeclaredAt): Promise<BooksRead> {
  const missing = await checkReadable(file, at);
  if (missing) return { postings: [], prices: [], errors: [missing] };
  const queried = await runTool('bean-query', ['-f', 'csv', file, BEANCOUNT_POSTINGS_QUERY], at);
  if ('error' in queried) return { postings: [], prices: [], errors: [queried.error] };
  // bean-query prints the loader's errors (an unbalanced transaction, a failed balance
  // assertion) on stderr and still answers: they are the user's to fix, so they are errors.
  const errors = toolErrors('bean-query', queried.stderr, at);
  if (queried.code !== 0 && errors.length === 0)
    errors.push({ ...at, message: `bean-query failed with exit code ${queried.code}` });
  const postings = readQueryCsv(queried.stdout, displayPath(file), errors);
  const report = await runTool('bean-report', [file, 'all_prices'], at);
  if (!('error' in report)) {
    const prices = parseBeancountPrices(report.stdout, displayPath(file), errors, false);
    return { postings, prices, errors };
  }
  // Beancount 3: bean-query is here (it answered above) but bean-report is gone.
  const listed = await runTool('bean-query', ['-f', 'csv', file, BEANCOUNT_PRICES_QUERY], at);
  if ('error' in listed) return { postings, prices: [], errors: [...errors, listed.error] };
  if (listed.code !== 0)
    return {
      postings,
      prices: [],
      errors: [
        ...errors,
        {
          ...at,
          message: `bean-report is not installed and bean-query cannot list prices (${listed.stderr.trim().split('\n')[0] ?? ''}): add ${INSTALL_LINE['bean-report']} to the workflow, or Beancount 3's beanquery`,
        },
      ],
    };
  return { postings, prices: pricesFromQuery(listed.stdout, displayPath(file), errors), errors };
}

/** The CSV of BEANCOUNT_PRICES_QUERY: `date,currency,amount` with the amount as `70.47 USD`. */
function pricesFromQuery(text: string, label: string, errors: ConfigError[]): Price[] {
  const prices: Price[] = [];
  const records = parse(text, { columns: true, trim: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  for (const record of records) {
    const m = /^(\S+)\s+(\S+)$/.exec(record.amount ?? '');
    const price = m ? parseDecimal(m[1]!) : undefined;
    if (!m || !price || !/^\d{4}-\d{2}-\d{2}$/.test(record.date ?? '') || !record.currency) {
      errors.push({
        file: label,
        line: 1,
        message: `bean-query #prices: cannot read ${JSON.stringify(record)}`,
      });
      continue;
    }
    prices.push({
      date: record.date!,
      commodity: record.currency,
      price,
      currency: m[2]!,
      source: { file: label, line: 1 },
    });
  }
  return prices;
}

async function readExported(file: string, at: DeclaredAt): Promise<BooksRead> {
  const text = await readText(file, at);
  if (typeof text !== 'string') return { postings: [], prices: [], errors: [text.error] };
  const errors: ConfigError[] = [];
  const postings = readQueryCsv(text, displayPath(file), errors);
  const pricesFile = path.join(
    path.dirname(file),
    `${path.basename(file, path.extname(file))}.prices`,
  );
  const pricesText = await readText(pricesFile, at);
  const prices =
    typeof pricesText === 'string'
      ? parseBeancountPrices(pricesText, displayPath(pricesFile), errors, true)
      : [];
  return { postings, prices, errors };
}

/**
 * The query's CSV: bean-query pads cells to a column width, so every cell is trimmed. With
 * `filename`/`lineno` columns each posting points into the Beancount file; an exported CSV
 * without them points at its own row.
 */
function readQueryCsv(text: string, label: string, errors: ConfigError[]): Posting[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: true,
      info: true,
      trim: true,
      bom: true,
      skip_empty_lines: true,
    }) as never;
  } catch (error) {
    errors.push(csvSyntaxError(label, error));
    return [];
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const missing = ['date', 'account', 'number', 'currency'].filter((c) => !header.includes(c));
  if (records.length && missing.length) {
    errors.push({
      file: label,
      line: 1,
      message: `missing column(s) ${missing.join(', ')}: export with bean-query -f csv "${BEANCOUNT_POSTINGS_QUERY}"`,
    });
    return [];
  }
  const postings: Posting[] = [];
  for (const { record, info } of records) {
    const own = { file: label, line: info.lines };
    const amount = parseDecimal(/^Decimal\('(.*)'\)$/.exec(record.number!)?.[1] ?? record.number!);
    if (!amount || !/^\d{4}-\d{2}-\d{2}$/.test(record.date!)) {
      errors.push({
        ...own,
        field: amount ? 'date' : 'number',
        message: `"${amount ? record.date : record.number}" cannot be read`,
      });
      continue;
    }
    const source =
      record.filename && record.lineno
        ? { file: displayPath(record.filename), line: Number(record.lineno) }
        : own;
    const weight = record.weight ? /^(-?[\d.]+)\s+(\S+)$/.exec(record.weight) : null;
    const weightAmount = weight ? parseDecimal(weight[1]!) : undefined;
    const cost =
      weight && weightAmount && weight[2] !== record.currency
        ? { amount: weightAmount, commodity: weight[2]! }
        : undefined;
    const payee = record.payee ?? '';
    const narration = record.narration ?? record.description ?? '';
    postings.push({
      date: record.date!,
      // Pad and summarising entries can share an id with nothing else; the line keeps them apart.
      transaction: `${label}#${record.id ?? `${source.file}:${source.line}`}@${source.line}`,
      description: payee ? `${payee} | ${narration}` : narration,
      account: record.account!,
      amount,
      commodity: record.currency!,
      ...(cost ? { cost } : {}),
      source,
    });
  }
  return postings;
}

/** `2013-01-04 price VBMPX   70.47 USD` lines, as `bean-report all_prices` prints them. */
function parseBeancountPrices(
  text: string,
  label: string,
  errors: ConfigError[],
  numbered: boolean,
): Price[] {
  const prices: Price[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (!line.trim() || /^\s*;/.test(line)) continue;
    const place = { file: label, line: numbered ? index + 1 : 1 };
    const m = /^(\d{4}-\d{2}-\d{2})\s+price\s+(\S+)\s+(\S+)\s+(\S+)\s*$/.exec(line);
    const price = m ? parseDecimal(m[3]!) : undefined;
    if (!m || !price) {
      errors.push({ ...place, message: `cannot read the price "${line.trim()}"` });
      continue;
    }
    prices.push({ date: m[1]!, commodity: m[2]!, price, currency: m[4]!, source: place });
  }
  return prices;
}
