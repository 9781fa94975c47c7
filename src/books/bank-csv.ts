// A bank, card or accounting-software CSV export, read with csv-parse and a YAML mapping: each
// row becomes a two-posting transaction, the statement's account against the account its rule
// gives (an expense, an income, or for a card payment or a transfer another asset or liability).
import { parse } from 'csv-parse/sync';
import { partitionPoint } from '../collections.js';
import { csvSyntaxError, displayPath, type ConfigError } from '../config/errors.js';
import { add, compare, format, negate, parseAmount, ZERO, type Decimal } from './decimal.js';
import { readText } from './run-tool.js';
import { previousDay } from './totals.js';
import {
  loadRules,
  matchRule,
  statementRulesSchema,
  type StatementRules,
} from './statement-rules.js';
import type { BooksRead, BooksSource, DeclaredAt, Posting } from './types.js';

/** A statement `file` read with the mapping in `rulesFile` (see statementRulesSchema). */
export function bankCsvSource(
  file: string,
  rulesFile: string,
  at: DeclaredAt = { file, line: 1 },
): BooksSource {
  return {
    kind: 'bank_csv',
    file,
    async read() {
      const loaded = await loadRules(rulesFile, statementRulesSchema, at);
      if (!loaded.rules) return { postings: [], prices: [], errors: loaded.errors };
      const text = await readText(file, at);
      if (typeof text !== 'string') return { postings: [], prices: [], errors: [text.error] };
      const read = readStatement(displayPath(file), text, loaded.rules);
      return { ...read, errors: [...loaded.errors, ...read.errors] };
    },
  };
}

/** `text` in `format` as YYYY-MM-DD, or undefined when it is not a real date in that format. */
/** Each date_format as a pattern and the groups holding year, month and day (built once). */
const DATE_SHAPES: Record<StatementRules['date_format'], [RegExp, number, number, number]> = {
  'YYYY-MM-DD': [/^(\d{4})-(\d{2})-(\d{2})$/, 1, 2, 3],
  'MM/DD/YYYY': [/^(\d{2})\/(\d{2})\/(\d{4})$/, 3, 1, 2],
  'DD/MM/YYYY': [/^(\d{2})\/(\d{2})\/(\d{4})$/, 3, 2, 1],
  'DD.MM.YYYY': [/^(\d{2})\.(\d{2})\.(\d{4})$/, 3, 2, 1],
  YYYYMMDD: [/^(\d{4})(\d{2})(\d{2})$/, 1, 2, 3],
  'M/D/YYYY': [/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, 3, 1, 2],
  'D/M/YYYY': [/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, 3, 2, 1],
};
function parseStatementDate(
  text: string,
  format: StatementRules['date_format'],
): string | undefined {
  const [re, y, m, d] = DATE_SHAPES[format];
  const match = re.exec(text.trim());
  if (!match) return undefined;
  const iso = `${match[y]}-${match[m]!.padStart(2, '0')}-${match[d]!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

/**
 * The rows of one statement as postings. Pure: `label` names the file in messages and
 * transaction keys. Each row gives the statement account the row's amount (its ledger sign:
 * money in positive) and the matched rule's account the opposite.
 */
export function readStatement(label: string, text: string, rules: StatementRules): BooksRead {
  const errors: ConfigError[] = [];
  const postings: Posting[] = [];
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(text, {
      delimiter: rules.separator,
      from_line: rules.skip + 1,
      info: true,
      raw: true,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as never;
  } catch (error) {
    return {
      postings,
      prices: [],
      errors: [csvSyntaxError(label, error)],
    };
  }
  const startLine = (entry: (typeof records)[number]) =>
    entry.info.lines - (entry.raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
  const header = rules.header ? records.shift() : undefined;
  const names = new Map((header?.record ?? []).map((name, i) => [name, i]));
  // A column is a header name or a 1-based number; an unknown name is one error, not one per row.
  const indexOf = (c: string | number, key: string): number | undefined => {
    if (typeof c === 'number') return c - 1;
    const i = names.get(c);
    if (i === undefined)
      errors.push({
        file: label,
        line: header ? startLine(header) : rules.skip + 1,
        field: key,
        message: header
          ? `no column "${c}" (columns: ${[...names.keys()].join(', ')})`
          : `"${c}" names a column, but the mapping says there is no header: use its number`,
      });
    return i;
  };
  const dateAt = indexOf(rules.date, 'date');
  const descriptionAt = (
    Array.isArray(rules.description) ? rules.description : [rules.description]
  ).map((c) => indexOf(c, 'description'));
  const amountAt = rules.amount !== undefined ? indexOf(rules.amount, 'amount') : undefined;
  const debitAt = rules.debit !== undefined ? indexOf(rules.debit, 'debit') : undefined;
  const creditAt = rules.credit !== undefined ? indexOf(rules.credit, 'credit') : undefined;
  const balanceAt = rules.balance !== undefined ? indexOf(rules.balance, 'balance') : undefined;
  const ruleFields = rules.rules.map((r) =>
    r.field === undefined ? undefined : indexOf(r.field, 'rules.field'),
  );
  if (errors.length) return { postings, prices: [], errors };

  const cell = (record: string[], i: number | undefined) =>
    i === undefined ? '' : (record[i] ?? '');
  const money = (raw: string, line: number, field: string): Decimal | undefined => {
    if (raw === '') return { units: 0n, scale: 0 };
    const read = parseAmount(raw, rules.decimal_mark);
    if ('problem' in read) errors.push({ file: label, line, field, message: read.problem });
    return 'value' in read ? read.value : undefined;
  };
  // The rows as read, in file order, for the opening balance; the lines of rows that could not be.
  const rows: { line: number; date: string; amount: Decimal; balance?: Decimal }[] = [];
  const unreadable: number[] = [];

  for (const entry of records) {
    const line = startLine(entry);
    const { record } = entry;
    const date = parseStatementDate(cell(record, dateAt), rules.date_format);
    if (!date) {
      errors.push({
        file: label,
        line,
        field: String(rules.date),
        message: `"${cell(record, dateAt)}" is not a date written ${rules.date_format}`,
      });
      unreadable.push(line);
      continue;
    }
    let amount: Decimal | undefined;
    if (amountAt !== undefined) {
      const a = money(cell(record, amountAt), line, String(rules.amount));
      amount = a && (rules.amount_sign === 'outflow' ? negate(a) : a);
    } else {
      // Money in minus money out, whatever sign the export writes each with.
      const out = money(cell(record, debitAt), line, String(rules.debit));
      const into = money(cell(record, creditAt), line, String(rules.credit));
      const abs = (d: Decimal) => (d.units < 0n ? negate(d) : d);
      amount = out && into && add(abs(into), negate(abs(out)));
    }
    if (!amount) {
      unreadable.push(line);
      continue;
    }
    const balanceCell = cell(record, balanceAt);
    const balance =
      balanceAt !== undefined && balanceCell !== ''
        ? money(balanceCell, line, String(rules.balance))
        : undefined;
    rows.push({ line, date, amount, ...(balance ? { balance } : {}) });
    const description = descriptionAt
      .map((i) => cell(record, i))
      .filter(Boolean)
      .join(' | ');
    const rule = matchRule(rules.rules, (field) =>
      field === undefined
        ? description
        : cell(record, ruleFields[rules.rules.findIndex((r) => r.field === field)]),
    );
    const transaction = `${label}:${line}`;
    const source = { file: label, line };
    const shared = {
      date,
      transaction,
      description: rule?.description ?? description,
      commodity: rules.currency,
      source,
    };
    postings.push(
      { ...shared, account: rules.account, amount },
      { ...shared, account: rule?.account ?? rules.default_account, amount: negate(amount) },
    );
  }
  const opening = openingBalance(label, rows, unreadable, rules, errors);
  if (opening) {
    const shared = {
      date: opening.date,
      transaction: `${label}:opening`,
      description: 'Opening balance',
      commodity: rules.currency,
      source: { file: label, line: opening.line },
    };
    postings.push(
      { ...shared, account: rules.account, amount: opening.amount },
      { ...shared, account: rules.opening_account, amount: negate(opening.amount) },
    );
  }
  return { postings, prices: [], errors };
}

/**
 * What the account held before the statement's first row: from the balance column (the latest
 * row's balance less every amount up to it, dated the day before the first row) and/or
 * `opening_balance`. A balance that does not follow from the balance before it (balanceBreak),
 * or two openings that disagree, is one error. Undefined when the rules give neither.
 * `unreadable`: the lines of rows left out because a cell could not be read (see balanceBreak).
 */
function openingBalance(
  label: string,
  fileRows: readonly { line: number; date: string; amount: Decimal; balance?: Decimal }[],
  unreadable: readonly number[],
  rules: StatementRules,
  errors: ConfigError[],
): { date: string; amount: Decimal; line: number } | undefined {
  if (fileRows.length === 0) return undefined;
  const rows = inDateOrder(fileRows, rules.balance !== undefined, unreadable);
  const first = rows[0]!;
  let fromColumn: { amount: Decimal; line: number; balance: Decimal } | undefined;
  if (rules.balance !== undefined) {
    let latest = -1;
    rows.forEach((row, i) => {
      if (row.balance) latest = i;
    });
    if (latest >= 0) {
      let moved = ZERO;
      for (const row of rows.slice(0, latest + 1)) moved = add(moved, row.amount);
      const { balance, line } = rows[latest]!;
      fromColumn = { amount: add(balance!, negate(moved)), line, balance: balance! };
      const broken = balanceBreak(rows, unreadable);
      if (broken) errors.push({ file: label, field: String(rules.balance), ...broken });
    }
  }
  const given = rules.opening_balance;
  if (!given)
    return (
      fromColumn && { date: previousDay(first.date), amount: fromColumn.amount, line: first.line }
    );
  const read = parseAmount(String(given.amount), rules.decimal_mark);
  if ('problem' in read) {
    errors.push({ file: label, line: first.line, field: 'opening_balance', message: read.problem });
    return undefined;
  }
  if (given.date > first.date)
    errors.push({
      file: label,
      line: first.line,
      field: 'opening_balance',
      message: `opening_balance is dated ${given.date}, after the first row (${first.date})`,
    });
  else if (fromColumn && compare(fromColumn.amount, read.value) !== 0)
    errors.push({
      file: label,
      line: first.line,
      field: 'opening_balance',
      message: `opening_balance ${format(read.value)} disagrees with the balance column: line ${fromColumn.line}'s balance ${format(fromColumn.balance)} less the amounts up to it gives ${format(fromColumn.amount)}`,
    });
  return { date: given.date, amount: read.value, line: first.line };
}

/**
 * The statement's rows oldest first. Banks export oldest first or newest first; same-day rows
 * keep the file's order either way. When the first and last rows share a date the dates cannot
 * tell which, and the balances do (with a balance column): reversed when the balances follow in
 * that order only, the file's order when both or neither do (a break is then reported as read).
 */
function inDateOrder<
  Row extends { line: number; date: string; amount: Decimal; balance?: Decimal },
>(fileRows: readonly Row[], hasBalances: boolean, unreadable: readonly number[]): readonly Row[] {
  const [first, last] = [fileRows[0]!.date, fileRows[fileRows.length - 1]!.date];
  if (first !== last) return first > last ? [...fileRows].reverse() : fileRows;
  if (!hasBalances || !balanceBreak(fileRows, unreadable)) return fileRows;
  const reversed = [...fileRows].reverse();
  return balanceBreak(reversed, unreadable) ? fileRows : reversed;
}

/**
 * The first row, reading the file from the top, whose balance is not the balance before it
 * (the nearest earlier row, in date order, that has one) plus the amounts since (its own, and
 * those of rows between with no balance): an error at that row naming the row it disagrees
 * with, by line, and the figures. `rows` in date order (oldest first). A break between two rows
 * with one of the `unreadable` lines (rows left out, each already an error) between them is not
 * one: the row left out may be all that is missing. Undefined when every balance follows.
 */
function balanceBreak(
  rows: readonly { line: number; amount: Decimal; balance?: Decimal }[],
  unreadable: readonly number[],
): { line: number; message: string } | undefined {
  let found: { line: number; message: string } | undefined;
  let before: { line: number; balance: Decimal } | undefined;
  // The rows since `before`, this one included: the lines of the first and their amounts' sum.
  let since: { line: number; moved: Decimal } | undefined;
  for (const row of rows) {
    since = { line: since?.line ?? row.line, moved: add(since?.moved ?? ZERO, row.amount) };
    if (!row.balance) continue;
    if (before && (found === undefined || row.line < found.line)) {
      const expected = add(before.balance, since.moved);
      const [low, high] = [Math.min(before.line, row.line), Math.max(before.line, row.line)];
      if (compare(row.balance, expected) !== 0 && !anyBetween(unreadable, low, high)) {
        const amounts =
          since.line === row.line
            ? `this row's amount ${format(row.amount)}`
            : `the amounts of lines ${Math.min(since.line, row.line)} to ${Math.max(since.line, row.line)}, ${format(since.moved)} in all,`;
        found = {
          line: row.line,
          message: `balance ${format(row.balance)} does not follow from line ${before.line}'s: ${format(before.balance)} plus ${amounts} is ${format(expected)}, so a row between lines ${low} and ${high} is missing or out of order`,
        };
      }
    }
    before = { line: row.line, balance: row.balance };
    since = undefined;
  }
  return found;
}

/** Whether ascending `lines` holds a line strictly between `low` and `high` (a binary search). */
function anyBetween(lines: readonly number[], low: number, high: number): boolean {
  const first = partitionPoint(lines, (line) => line <= low); // the first line after `low`
  return first < lines.length && lines[first]! < high;
}
