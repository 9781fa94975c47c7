// A report's tables as CSV files: the report's JSON document (OUT/reports/<id>.json) is the one
// source, so a CSV row carries exactly the figures the JSON does. Pure: no I/O.
//
// What is a table: every list of records in the document — a section's rows (`burn.entities`,
// `capital_deployment.allocations`), a list inside each row (`client_billing.portfolios[].aging`,
// one table for all rows, each row keyed by its parent's id), the report's findings and actions,
// and "What changed". A section's single figures (`capital_deployment.cash_on_hand`) make one
// more table of figure, value and currency. Chart specs are drawings of those figures, and the
// `text` of a figure change is its display form ("$12,345"): neither is a table.
import { stringify } from 'csv-stringify/sync';

/** A cell as the JSON has it: text, number, true/false, or null (an empty cell). */
export type CsvCell = string | number | boolean | null;

/** One table: its name within the report (`burn-entities`), its columns and rows. */
export interface CsvTable {
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly CsvCell[])[];
}

/** One CSV attachment: a safe, stable file name and its bytes (UTF-8, CRLF, RFC 4180). */
export interface CsvFile {
  readonly fileName: string;
  readonly content: Buffer;
}

/** The MIME type of every CSV file boardroom writes (RFC 7111, with its charset). */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

// A field is money by the words of its name (`revenue_monthly`, `cash_on_hand`, `amount`), unless
// a word says it measures something else (`runway_months`, `contribution_margin_ratio`,
// `expected_monthly_bookings`). Figures whose unit is a column of their row (a rule's `limit`, a
// KPI's `target`, a change's `current`) are plain numbers: their `unit` column says what they are.
const MONEY_WORDS = new Set([
  'amount',
  'annual',
  'available',
  'burn',
  'cac',
  'cash',
  'cost',
  'costs',
  'deferred',
  'deposit',
  'deposits',
  'estimate',
  'expenses',
  'gap',
  'income',
  'invested',
  'monthly',
  'noi',
  'profit',
  'receivable',
  'released',
  'rent',
  'reserve',
  'revenue',
  'spend',
  'unbilled',
  'value',
]);
const NOT_MONEY_WORDS = new Set([
  'age',
  'bookings',
  'clients',
  'count',
  'day',
  'days',
  'hours',
  'invoices',
  'leads',
  'line',
  'margin',
  'month',
  'months',
  'occupancy',
  'occupied',
  'postings',
  'rank',
  'rate',
  'ratio',
  'roas',
  'rows',
  'share',
  'times',
  'units',
]);
/** Whole names the word rule would read wrongly: a return on cash is a ratio; the receipt
 * threshold is the amount from which a charge needs a receipt. */
const NOT_MONEY_NAMES = new Set(['cash_on_cash']);
const MONEY_NAMES = new Set(['receipt_threshold']);

/**
 * Whether a field holds money, by its name's last segment (`cash_override.amount` -> `amount`):
 * true for `revenue_monthly`, `cash_on_hand`, `amount`; false for `runway_months`, `share`,
 * `cash_on_cash`.
 */
export function isMoneyField(name: string): boolean {
  const leaf = name.slice(name.lastIndexOf('.') + 1);
  if (NOT_MONEY_NAMES.has(leaf)) return false;
  if (MONEY_NAMES.has(leaf)) return true;
  const words = leaf.split('_');
  if (words.some((word) => NOT_MONEY_WORDS.has(word))) return false;
  return words.some((word) => MONEY_WORDS.has(word));
}

/** The report's JSON document as pipeline.ts writes it (the parts tables come from). */
export interface ReportDocument {
  readonly sections: readonly { readonly id: string; readonly data: unknown }[];
  readonly findings?: readonly unknown[];
  readonly actions?: readonly unknown[];
  readonly changes?: unknown;
}

/**
 * Every table of a report's JSON document, in the document's order: each section's tables, then
 * its figures; then findings, actions and "What changed". Empty lists make no table.
 */
export function reportTables(document: ReportDocument): CsvTable[] {
  const tables: CsvTable[] = [];
  for (const section of document.sections) collectObject(section.data, [section.id], tables);
  collectObject(
    {
      findings: document.findings ?? [],
      actions: document.actions ?? [],
      // `changes.sections` holds the figures of `changes.entities` again, grouped by section.
      ...(isObject(document.changes)
        ? { changes: { ...document.changes, sections: undefined } }
        : {}),
    },
    [],
    tables,
  );
  return tables;
}

/**
 * A report's tables as CSV files named `<report>-<table>.csv` (`cfo-burn-entities.csv`): money
 * in plain decimals with two places and the currency in its column's header
 * (`revenue_monthly (USD)`), CRLF line ends, RFC 4180 quoting, UTF-8 without a byte-order mark.
 * A text cell that a spreadsheet would run as a formula (=, +, -, @ first) starts with `'`.
 */
export function reportCsvFiles(
  reportId: string,
  document: ReportDocument,
  currency: string,
): CsvFile[] {
  const used = new Set<string>();
  return reportTables(document).map((table) => {
    let base = safeFileName(`${reportId}-${table.name}`);
    for (let n = 2; used.has(base); n += 1) base = safeFileName(`${reportId}-${table.name}-${n}`);
    used.add(base);
    return { fileName: `${base}.csv`, content: Buffer.from(tableCsv(table, currency), 'utf8') };
  });
}

/**
 * One table as CSV text. A money column (isMoneyField) is headed `<name> (<currency>)` and its
 * numbers written with two decimals; a figures table's money rows say the currency in their own
 * `currency` column.
 */
function tableCsv(table: CsvTable, currency: string): string {
  const figures = table.columns.length === 3 && table.columns[0] === FIGURE_COLUMN;
  // A money column holds numbers (or nothing): `cash_as_of` and `no_cash` are not amounts.
  const money = table.columns.map(
    (column, i) =>
      !figures &&
      isMoneyField(column) &&
      table.rows.every((row) => row[i] === null || typeof row[i] === 'number'),
  );
  const header = table.columns.map((column, i) => (money[i] ? `${column} (${currency})` : column));
  const rows = table.rows.map((row) => {
    const figureIsMoney = figures && isMoneyField(String(row[0])) && typeof row[1] === 'number';
    return row.map((cell, i) => {
      if (figures && i === 2) return figureIsMoney ? currency : '';
      return cellText(cell, money[i] === true || (figureIsMoney && i === 1));
    });
  });
  // csv-stringify quotes a field holding its delimiter, a quote or the record delimiter (CRLF)
  // only: a bare LF or CR inside a cell, and spaces at either end, are quoted here too.
  return stringify([header, ...rows], {
    record_delimiter: 'windows',
    quoted_match: /[\r\n]|^\s|\s$/,
  });
}

/** The column that names a section's single figures, in its figures table. */
const FIGURE_COLUMN = 'figure';

function cellText(cell: CsvCell, money: boolean): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return '';
    // Money is whole cents in the JSON: two decimals say it exactly; anything else as it is.
    if (money && Number(cell.toFixed(2)) === cell) return cell.toFixed(2);
    return String(cell);
  }
  // A spreadsheet runs a cell starting with = + - @ (or a tab or CR) as a formula; a lone
  // sign (a change's "=" arrow) is no formula.
  return cell.length > 1 && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** Letters, digits, `_`, `.` and `-` only, at most 120 characters: a name safe on every system. */
function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 120);
}

type Json = CsvCell | readonly Json[] | { readonly [key: string]: Json };
type JsonObject = { readonly [key: string]: Json };

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A chart spec (src/charts/spec.ts): a drawing of figures the tables already carry. */
function isChartSpec(value: unknown): boolean {
  return isObject(value) && Array.isArray(value.series) && Array.isArray(value.categories);
}

/**
 * Display-only keys: a chart, and a figure change's `text` (its figures formatted for reading).
 * A chart slot is known by its name too (`chart`, `cash_chart`, `aging_chart`: the analyses'
 * naming), because it is null when there is nothing to draw, and null says nothing of its kind.
 */
function isDisplayOnly(key: string, value: unknown): boolean {
  return isChartSpec(value) || /(^|_)chart$/.test(key) || (key === 'text' && isObject(value));
}

/** A list is a table when any element is a record; a list of plain values is one cell. */
function isRecordList(value: unknown): value is readonly Json[] {
  return Array.isArray(value) && value.some(isObject);
}

/**
 * An object's tables (its record lists, at any depth of plain objects) and one table of its
 * single figures, named by `path`.
 */
function collectObject(value: unknown, path: readonly string[], tables: CsvTable[]): void {
  if (!isObject(value)) return;
  const figures: CsvCell[][] = [];
  const walk = (object: JsonObject, prefix: readonly string[]) => {
    for (const [key, item] of Object.entries(object)) {
      if (item === undefined || isDisplayOnly(key, item)) continue;
      if (isRecordList(item)) collectRecords(item, [], [...path, ...prefix, key], tables);
      else if (isObject(item)) walk(item, [...prefix, key]);
      else figures.push([[...prefix, key].join('.'), cellOf(item), null]);
    }
  };
  walk(value, []);
  if (figures.length > 0 && path.length > 0)
    tables.push({
      name: [...path, 'figures'].join('-'),
      columns: [FIGURE_COLUMN, 'value', 'currency'],
      rows: figures,
    });
}

/** A parent row's key in its child table: `<list>.<id or name or row>` and its value. */
interface ParentKey {
  readonly column: string;
  readonly value: CsvCell;
}

/**
 * One table from a list of records (pushed before its child tables). `keysOf[i]` are the keys
 * of the rows record i belongs to (none for a top-level list): its first columns. A record's
 * plain objects become dotted columns (`cash_override.amount`), its lists of plain values one
 * cell joined with "; ", its lists of records one child table for all rows, keyed by the row
 * they belong to (`entities.id`).
 */
function collectRecords(
  records: readonly Json[],
  keysOf: readonly (readonly ParentKey[])[],
  path: readonly string[],
  tables: CsvTable[],
): void {
  const rows = records.flatMap((record, i) =>
    isObject(record) ? [{ record, keys: keysOf[i] ?? [] }] : [],
  );
  if (rows.length === 0) return;
  // Keys holding records in any row make child tables, in every row.
  const childKeys = new Set<string>();
  for (const { record } of rows)
    for (const [key, item] of Object.entries(record)) if (isRecordList(item)) childKeys.add(key);
  const columns: string[] = [];
  const index = new Map<string, number>();
  const flatRows = rows.map(({ record, keys }) => {
    const cells = new Map<string, CsvCell>(keys.map((k) => [k.column, k.value]));
    const flatten = (object: JsonObject, prefix: string) => {
      for (const [key, item] of Object.entries(object)) {
        const name = prefix + key;
        if (item === undefined || isDisplayOnly(key, item) || (!prefix && childKeys.has(key)))
          continue;
        if (isObject(item)) flatten(item, `${name}.`);
        else cells.set(name, cellOf(item));
      }
    };
    flatten(record, '');
    for (const name of cells.keys())
      if (!index.has(name)) {
        index.set(name, columns.length);
        columns.push(name);
      }
    return cells;
  });
  tables.push({
    name: path.join('-'),
    columns,
    rows: flatRows.map((cells) => {
      const row: CsvCell[] = columns.map(() => null);
      for (const [name, cell] of cells) row[index.get(name)!] = cell;
      return row;
    }),
  });
  const list = path[path.length - 1]!;
  for (const key of childKeys) {
    const children: Json[] = [];
    const childKeysOf: ParentKey[][] = [];
    rows.forEach(({ record, keys }, i) => {
      const item = record[key];
      if (!Array.isArray(item)) return;
      const own = recordKey(record, list, i);
      for (const child of item as readonly Json[]) {
        children.push(child);
        childKeysOf.push([...keys, own]);
      }
    });
    collectRecords(children, childKeysOf, [...path, key], tables);
  }
}

/** How a record is named in its child tables: its `id`, else its `name`, else its row number. */
function recordKey(record: JsonObject, list: string, index: number): ParentKey {
  for (const field of ['id', 'name']) {
    const value = record[field];
    if (typeof value === 'string' || typeof value === 'number')
      return { column: `${list}.${field}`, value };
  }
  return { column: `${list}.row`, value: index + 1 };
}

/** A plain value as itself; a list of plain values as one cell, joined with "; ". */
function cellOf(value: Json): CsvCell {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => String(cellOf(item) ?? '')).join('; ');
  return JSON.stringify(value);
}

/**
 * The files a report attaches (`attachments:` in its file), from its JSON document as written
 * (`json`, the text of OUT/reports/<id>.json): its CSV tables for `csv`, none otherwise.
 */
export function reportAttachmentFiles(
  report: { readonly id: string; readonly attachments?: readonly string[] },
  json: string,
  currency: string,
): CsvFile[] {
  if (!report.attachments?.includes('csv')) return [];
  return reportCsvFiles(report.id, JSON.parse(json) as ReportDocument, currency);
}
