import { MONTH_NAMES } from '../analysis/dates.js';

// How figures read: money, percentages, months, dates and the "no data" states. Used by the
// Liquid filters and by the run summary, so a figure reads the same everywhere.

export const NO_DATA = 'no data';

// Building an Intl.NumberFormat costs far more than formatting with one, and a large run formats
// hundreds of thousands of figures: one formatter per currency or digit count, made once.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.NumberFormat('en-US', options);
    formatters.set(key, made);
  }
  return made;
}

export function formatMoney(value: unknown, currency: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return NO_DATA;
  // Whole units: cents add noise to an executive report, and mixed precision misleads.
  return formatter(`money:${currency}`, {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
  }).format(value);
}

/** A ratio as a percentage: 0.1234 -> "12.3%". */
export function formatPercent(value: unknown, digits = 1): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return NO_DATA;
  return `${(value * 100).toFixed(digits)}%`;
}

export function formatNumber(value: unknown, digits = 0): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return NO_DATA;
  // Intl takes whole digits; keyed the same way, a template cannot grow the cache past 101.
  const whole = Math.floor(digits);
  return formatter(`number:${whole}`, {
    minimumFractionDigits: whole,
    maximumFractionDigits: whole,
  }).format(value);
}

/** Runway: months, "not burning" when the entity earns more than it spends, or "no data". */
export function formatRunway(months: unknown, burning: unknown): string {
  if (burning === false) return 'not burning';
  if (typeof months !== 'number') return NO_DATA;
  return `${months.toFixed(1)} months`;
}

/** 2026-11-24 -> "24 Nov 2026". */
export function formatDate(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return NO_DATA;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTH_NAMES[month - 1]!.slice(0, 3)} ${year}`;
}

export function formatSeverity(value: unknown): string {
  return value === 'critical' ? 'CRITICAL' : value === 'warning' ? 'Warning' : 'Info';
}
