// Parses one CSV table against its column list: every bad cell is named by row and column.
// CSV is read as spreadsheets and banks write it: any mix of CRLF, LF and CR line ends (lines
// are numbered as an editor shows them), blank rows (`,,,,,`) skipped, empty columns Excel pads
// on the right ignored, and a file separated by ";" or tabs named in one message.
import { parse } from 'csv-parse/sync';
import { parseIsoDate } from './schema.js';
import type { ConfigError } from './errors.js';
import type { ColumnSpec } from './tables.js';
import { keepOnce, type KeptOnce } from '../interning.js';

export type Cell = string | number | undefined;
export type ParsedRow = Record<string, Cell> & { line: number };

const NUMBER_PATTERN = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;
const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Separators a header may use instead of commas (European Excel, bank exports, TSV). */
const OTHER_SEPARATORS = [
  { char: ';', name: '";"' },
  { char: '\t', name: 'tabs' },
  { char: '|', name: '"|"' },
];

/**
 * Parses `text` (the content of `file`, as named in messages) as a CSV table whose header must
 * name every column of `columns`. Returns the rows without a problem (each with its 1-based
 * physical line) and every problem found; a row with a bad cell is left out of `rows`. The rows
 * live for the whole run: each text and number cell is kept through `keep`, which a load shares
 * across every table and journal it reads (see keepOnce), so a date, account or amount repeated
 * down a column or across entities is one value.
 */
export function parseCsvTable(
  file: string,
  text: string,
  columns: readonly ColumnSpec[],
  keep: KeptOnce = keepOnce(),
): { rows: ParsedRow[]; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  // One line end for the whole file: csv-parse takes the first line's end for every line, so an
  // LF header over CRLF rows would count each row as two lines.
  const lines = text.replace(/\r\n?/g, '\n');
  // Told before parsing: quoted fields (`"date";"amount"`) would fail as a CSV syntax error.
  const other = headerSeparator(lines);
  if (other)
    return {
      rows: [],
      errors: [
        {
          file,
          line: other.line,
          message: `the header is separated by ${other.name}, not commas: save as "CSV UTF-8 (Comma delimited)"${other.char === ';' ? ', with "." as the decimal point' : ''}`,
        },
      ],
    };
  let lastRecordLine = 0;
  try {
    records =
      plainRecords(lines) ??
      (parse(lines, {
        on_record: (record, context) => {
          lastRecordLine = context.lines;
          return record;
        },
        // A bare quote inside a cell (`12" monitor`) is text, as a spreadsheet shows it.
        relax_quotes: true,
        info: true,
        raw: true,
        skip_empty_lines: true,
        skip_records_with_empty_values: true,
        relax_column_count: true,
        trim: true,
        bom: true,
      }) as unknown as { record: string[]; info: { lines: number }; raw: string }[]);
  } catch (error) {
    const { code, lines: endLine = 1 } = error as { code?: string; lines?: number };
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      // csv-parse names the end of the file; the quote opened on the first line with a quote
      // after the last complete record.
      const opened = lines
        .split('\n')
        .findIndex((line, index) => index >= lastRecordLine && line.includes('"'));
      return {
        rows: [],
        errors: [
          {
            file,
            line: opened >= 0 ? opened + 1 : endLine,
            message: 'CSV syntax: a quoted cell starts on this line and is never closed',
          },
        ],
      };
    }
    return {
      rows: [],
      errors: [{ file, line: endLine, message: `CSV syntax: ${(error as Error).message}` }],
    };
  }

  // csv-parse counts the line a record ends on; a quoted line break moves that past its start.
  const startLine = (entry: (typeof records)[number]) =>
    entry.info.lines - (entry.raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
  const [header, ...body] = records;
  if (!header)
    return {
      rows: [],
      errors: [{ file, line: 1, message: 'the file is empty: a header row is required' }],
    };

  const names = withoutTrailingEmpty(header.record);
  const index = new Map(names.map((name, i) => [name, i]));
  const missing = columns.filter((column) => !index.has(column.name));
  for (const column of missing) {
    errors.push({ file, line: startLine(header), field: column.name, message: 'missing column' });
  }
  const known = new Set(columns.map((c) => c.name));
  for (const name of names) {
    if (!known.has(name)) {
      errors.push({
        file,
        line: startLine(header),
        field: name,
        message: `unknown column (expected ${columns.map((c) => c.name).join(', ')})`,
      });
    }
  }
  if (missing.length > 0) return { rows: [], errors };

  const rows: ParsedRow[] = [];
  const shared = (cell: Cell): Cell =>
    typeof cell === 'string'
      ? keep.text(cell)
      : typeof cell === 'number'
        ? keep.number(cell)
        : cell;
  const Row = rowOf(columns);
  for (const entry of body) {
    // Excel pads every row to the widest one it has seen: empty fields past the header are not data.
    const record =
      entry.record.length > names.length ? withoutTrailingEmpty(entry.record) : entry.record;
    const line = startLine(entry);
    if (record.length !== names.length) {
      errors.push({
        file,
        line,
        message: `expected ${names.length} fields, found ${record.length}`,
      });
      continue;
    }
    const row = new Row(line) as ParsedRow;
    let bad = false;
    for (const column of columns) {
      const raw = record[index.get(column.name)!]!;
      const cell = parseCell(raw, column);
      if (typeof cell === 'object') {
        errors.push({ file, line, field: column.name, message: cell.error });
        bad = true;
      } else {
        row[column.name] = shared(cell);
      }
    }
    // A row with a bad cell is reported once, here, not again by the checks that read rows.
    if (!bad) rows.push(row);
  }
  return { rows, errors };
}

/**
 * A constructor of rows for `columns`: `new Row(line)` is a plain object (its prototype is
 * Object.prototype) with `line`, then every column's field in their order, each undefined until
 * set. A row built field by field from `{ line }` kept all fields but the first in a separate
 * property array (the bench portfolio's rows: 4 MB of property arrays on a 51 MB heap); a
 * constructor's objects keep every field they get inside the object (V8 sizes them after the
 * first few built). One per column list (rowConstructors). Its first object is built here,
 * with every field undefined, so no field is stored as an unboxed number: a CSV number stays
 * the one shared value `keep` gives it.
 */
function rowOf(columns: readonly ColumnSpec[]): RowConstructor {
  const known = rowConstructors.get(columns);
  if (known) return known;
  const names = columns.map((column) => column.name);
  function Row(this: Record<string, Cell>, line: number) {
    this.line = line;
    for (const name of names) this[name] = undefined;
  }
  Row.prototype = Object.prototype;
  const make = Row as unknown as RowConstructor;
  // The first object fixes each field as "any value", not as a number V8 would box per row.
  void new make(0);
  rowConstructors.set(columns, make);
  return make;
}

type RowConstructor = new (line: number) => Record<string, Cell>;

/**
 * One constructor per column list (tableSpecs' lists live as long as the process), so every
 * table of a kind, in every entity, has rows of one V8 hidden class: the analyses' property
 * reads stay monomorphic. It holds no row.
 */
const rowConstructors = new WeakMap<readonly ColumnSpec[], RowConstructor>();

/**
 * The records csv-parse returns for `lines` (LF line ends) with the options parseCsvTable gives
 * it, built without it when the text needs none of its rules: no `"`, no white space but spaces,
 * tabs and line feeds, and no blank line (csv-parse leaves a skipped blank line out of the lines
 * it counts). Such text is one record a line, its cells split at commas and trimmed, a line of
 * empty cells left out; `info.lines` is the record's 1-based line and `raw` the line with its LF,
 * as csv-parse gives them. Undefined for any other text. csv-parse works byte by byte over a
 * Buffer and took about a tenth of a `validate` of the example.
 */
function plainRecords(
  lines: string,
): { record: string[]; info: { lines: number }; raw: string }[] | undefined {
  if (/["]|[^\S \t\n]/.test(lines)) return undefined;
  const all = lines.split('\n');
  // A final LF ends the last line; it does not start another.
  const count = all.at(-1) === '' ? all.length - 1 : all.length;
  const records: { record: string[]; info: { lines: number }; raw: string }[] = [];
  for (let index = 0; index < count; index += 1) {
    const line = all[index]!;
    if (line.trim() === '') return undefined;
    const record = line.split(',').map((cell) => cell.trim());
    if (record.every((cell) => cell === '')) continue;
    records.push({ record, info: { lines: index + 1 }, raw: `${line}\n` });
  }
  return records;
}

/**
 * The separator the header (the first line with text, `lines` having LF ends) uses instead of
 * commas, and the header's 1-based line: counted outside quotes, so `"date";"amount"` and
 * `date;"memo, long"` are both named. Undefined when the header has a comma outside quotes or
 * no other separator.
 */
function headerSeparator(lines: string): { char: string; name: string; line: number } | undefined {
  let at = lines.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  // Blank lines before the header are skipped, as the parser skips them.
  for (let end = lines.indexOf('\n', at); end >= 0 && !lines.slice(at, end).trim();) {
    at = end + 1;
    line += 1;
    end = lines.indexOf('\n', at);
  }
  const counts = new Map<string, number>();
  let quoted = false;
  for (; at < lines.length; at += 1) {
    const char = lines[at]!;
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n') break;
    else if (!quoted) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  if (counts.has(',')) return undefined;
  const [found] = OTHER_SEPARATORS.filter((separator) => counts.has(separator.char)).sort(
    (a, b) => counts.get(b.char)! - counts.get(a.char)!,
  );
  return found && { ...found, line };
}

function withoutTrailingEmpty(record: readonly string[]): string[] {
  let end = record.length;
  while (end > 0 && record[end - 1] === '') end -= 1;
  return record.slice(0, end);
}

function parseCell(raw: string, column: ColumnSpec): Cell | { error: string } {
  if (raw === '') {
    return column.optional ? undefined : { error: 'is empty' };
  }
  switch (column.type) {
    case 'number':
      return NUMBER_PATTERN.test(raw) ? Number(raw) : { error: `"${raw}" is not a number` };
    case 'date':
      return parseIsoDate(raw) ? raw : { error: `"${raw}" is not a date (YYYY-MM-DD)` };
    case 'month':
      return MONTH_PATTERN.test(raw) ? raw : { error: `"${raw}" is not a month (YYYY-MM)` };
    case 'text':
      if (column.values && !column.values.includes(raw)) {
        return { error: `"${raw}" must be one of ${column.values.join(', ')}` };
      }
      return raw;
  }
}
