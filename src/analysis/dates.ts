// Calendar arithmetic on YYYY-MM-DD text. Ledger dates are already local to the portfolio's
// time zone, so a month is simply the date's first seven characters.

import { utcMidnight } from '../config/iso-date.js';

const DAY_MS = 86_400_000;

/** Milliseconds since 1970-01-01 UTC of a YYYY-MM-DD date's midnight UTC. */
export function toUtc(date: string): number {
  return utcMidnight(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
}

/**
 * The YYYY-MM-DD date `days` days after `date` (before it when negative). Written from the day
 * count with the civil-from-days algorithm (H. Hinnant's), which gives what
 * `new Date(...).toISOString().slice(0, 10)` gives for years 0–9999 at a fraction of its cost (it
 * runs for every action's due date of every report); other years go through Date as before.
 */
export function addDays(date: string, days: number): string {
  const time = toUtc(date) + days * DAY_MS;
  const z = Math.floor(time / DAY_MS) + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153); // March = 0
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (!(year >= 0 && year <= 9999)) return new Date(time).toISOString().slice(0, 10);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return daysBetweenTimes(toUtc(from), toUtc(to));
}

/**
 * daysBetween for two midnights already read with toUtc (ms since 1970-01-01 UTC): for a caller
 * that keeps the times of dates it compares many times (partialMonths).
 */
export function daysBetweenTimes(from: number, to: number): number {
  return Math.round((to - from) / DAY_MS);
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function addMonths(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
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
  const week = Math.floor((date.getTime() - utcMidnight(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/**
 * The as-of date of the period before, by cadence: a week earlier, or the same day of the month
 * before (the 31st of March compares with the 28th or 29th of February). YYYY-MM-DD.
 */
export function previousAsOf(cadence: 'weekly' | 'monthly', asOf: string): string {
  if (cadence === 'weekly') return addDays(asOf, -7);
  const month = addMonths(monthOf(asOf), -1);
  const lastDay = new Date(
    utcMidnight(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0),
  ).getUTCDate();
  return `${month}-${String(Math.min(Number(asOf.slice(8, 10)), lastDay)).padStart(2, '0')}`;
}
