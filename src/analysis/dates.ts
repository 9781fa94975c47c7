// Calendar arithmetic on YYYY-MM-DD text. Ledger dates are already local to the portfolio's
// time zone, so a month is simply the date's first seven characters.

const DAY_MS = 86_400_000;

export function toUtc(date: string): number {
  return Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
}

export function addDays(date: string, days: number): string {
  return new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function addMonths(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The `count` full calendar months before the month of `asOf`, oldest first. */
export function trailingMonths(asOf: string, count = 3): string[] {
  const current = monthOf(asOf);
  return Array.from({ length: count }, (_, i) => addMonths(current, i - count));
}

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export function monthName(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** Today's date in a time zone, YYYY-MM-DD. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * The reporting period a date falls in: ISO week for weekly reports (2026-W48), the month for
 * monthly ones (2026-11). The delivery ledger keys on it, so a re-run in the same period skips.
 */
export function periodOf(cadence: 'weekly' | 'monthly', asOf: string): string {
  if (cadence === 'monthly') return monthOf(asOf);
  const date = new Date(toUtc(asOf));
  const weekday = (date.getUTCDay() + 6) % 7; // Monday = 0
  date.setUTCDate(date.getUTCDate() - weekday + 3); // the Thursday of this week decides its year
  const year = date.getUTCFullYear();
  const week = Math.floor((date.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The as-of date of the period before, by cadence: a week earlier, or the same day of the month
 * before (the 31st of March compares with the 28th or 29th of February). YYYY-MM-DD.
 */
export function previousAsOf(cadence: 'weekly' | 'monthly', asOf: string): string {
  if (cadence === 'weekly') return addDays(asOf, -7);
  const month = addMonths(monthOf(asOf), -1);
  const lastDay = new Date(
    Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0),
  ).getUTCDate();
  return `${month}-${String(Math.min(Number(asOf.slice(8, 10)), lastDay)).padStart(2, '0')}`;
}
