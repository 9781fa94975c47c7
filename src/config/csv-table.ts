// Parses one CSV table against its column list: every bad cell is named by row and column.
import { parse } from 'csv-parse/sync';
import { parseIsoDate } from './schema.js';
import type { ConfigError } from './errors.js';
import type { ColumnSpec } from './tables.js';

export type Cell = string | number | undefined;
export type ParsedRow = Record<string, Cell> & { line: number };

const NUMBER_PATTERN = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;
const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function parseCsvTable(
  file: string,
  text: string,
  columns: readonly ColumnSpec[],
): { rows: ParsedRow[]; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(text, {
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      bom: true,
    }) as unknown as { record: string[]; info: { lines: number }; raw: string }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      rows: [],
      errors: [{ file, line, message: `CSV syntax: ${(error as Error).message}` }],
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

  const index = new Map(header.record.map((name, i) => [name, i]));
  const missing = columns.filter((column) => !index.has(column.name));
  for (const column of missing) {
    errors.push({ file, line: startLine(header), field: column.name, message: 'missing column' });
  }
  const known = new Set(columns.map((c) => c.name));
  for (const name of header.record) {
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
  for (const entry of body) {
    const { record } = entry;
    const line = startLine(entry);
    if (record.length !== header.record.length) {
      errors.push({
        file,
        line,
        message: `expected ${header.record.length} fields, found ${record.length}`,
      });
      continue;
    }
    const row: ParsedRow = { line };
    for (const column of columns) {
      const raw = record[index.get(column.name)!]!;
      const cell = parseCell(raw, column);
      if (typeof cell === 'object') {
        errors.push({ file, line, field: column.name, message: cell.error });
      } else {
        row[column.name] = cell;
      }
    }
    rows.push(row);
  }
  return { rows, errors };
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
