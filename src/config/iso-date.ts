// A calendar date written YYYY-MM-DD, read the one way every input is read: table cells, YAML
// values, the templates' date filters and the `as-of` input. Apart from schema.ts so that the
// options (loaded before anything else, also for `--help`) can read a date without loading zod.

/**
 * The earliest year a date in the portfolio's files or the `as-of` input may have. A report
 * looks back about two years from its as-of date (previous period, trailing months), and that
 * arithmetic (src/analysis/dates.ts) stays within years 0-9999 from here on.
 */
export const EARLIEST_INPUT_YEAR = 100;

/**
 * The date `text` names as UTC midnight, or undefined when it is not exactly ten ASCII
 * characters YYYY-MM-DD naming a real day of the Gregorian calendar in `earliestYear` or later
 * (an input: EARLIEST_INPUT_YEAR; a date the analysis computed, shown in a report: 0). Never
 * throws.
 */
export function parseIsoDate(
  text: string,
  earliestYear: number = EARLIEST_INPUT_YEAR,
): Date | undefined {
  // Read digit by digit, not by a regular expression and toISOString: every date cell of every
  // table is read here (a check of the example reads thousands), and the match array, the ISO
  // text and the comparison cost more than the date itself.
  if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH)
    return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < earliestYear || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return undefined;
  return new Date(utcMidnight(year, month - 1, day));
}

/**
 * Milliseconds since 1970-01-01 UTC of the midnight starting the day `year`-`monthIndex + 1`-`day`
 * (monthIndex 0-11; a day or month out of range rolls over, as in Date.UTC). Unlike Date.UTC, a
 * year 0-99 is that year, not 1900-1999.
 */
export function utcMidnight(year: number, monthIndex: number, day: number): number {
  if (year >= 100) return Date.UTC(year, monthIndex, day);
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}

const DASH = 0x2d;

/** The number written by `count` ASCII digits from `start`, or -1 when one is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i += 1) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Days in `month` (1-12) of `year` in the Gregorian calendar, as Date counts them. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
