import { MONTH_NAMES } from '../analysis/dates.js';
import { parseIsoDate } from '../config/schema.js';
import { NO_DATA } from '../figures.js';

// How figures read: money, percentages, months, dates and the "no data" states. Used by the
// Liquid filters and by the run summary. The figures themselves are formatted by src/figures.ts,
// which the analysis uses for its finding titles too, so a figure reads the same everywhere.
export {
  NO_DATA,
  formatMoney,
  formatNumber,
  formatPercent,
  formatQuantity,
  formatRunway,
} from '../figures.js';

/**
 * A calendar date written YYYY-MM-DD -> "24 Nov 2026" (any year 0000-9999); anything that is not
 * a real date (no value, 2026-13-01, 2026-02-30) reads "no data", read by the same parser as the
 * config's dates.
 */
export function formatDate(value: unknown): string {
  // Any year: a date the analysis computed may be before the inputs' earliest (a report as of
  // 0100-01-01 compares with 0099-12-25).
  const date = typeof value === 'string' ? parseIsoDate(value, 0) : undefined;
  if (!date) return NO_DATA;
  // Four digits, as every date and month boardroom writes: "25 Dec 0099", not "25 Dec 99".
  return `${date.getUTCDate()} ${MONTH_NAMES[date.getUTCMonth()]!.slice(0, 3)} ${String(date.getUTCFullYear()).padStart(4, '0')}`;
}

export function formatSeverity(value: unknown): string {
  return value === 'critical' ? 'CRITICAL' : value === 'warning' ? 'Warning' : 'Info';
}
