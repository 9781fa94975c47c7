// A calendar date written YYYY-MM-DD, read the one way every input is read: table cells, YAML
// values, the templates' date filters and the `as-of` input. Apart from schema.ts so that the
// options (loaded before anything else, also for `--help`) can read a date without loading zod.

/**
 * The date `text` names as UTC midnight, or undefined when it is not exactly ten ASCII
 * characters YYYY-MM-DD naming a real day of the Gregorian calendar. Years 0000-0099 are
 * refused: Date.UTC reads them as 1900-1999. Never throws.
 */
export function parseIsoDate(text: string): Date | undefined {
  // Read digit by digit, not by a regular expression and toISOString: every date cell of every
  // table is read here (a check of the example reads thousands), and the match array, the ISO
  // text and the comparison cost more than the date itself.
  if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH)
    return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return undefined;
  return new Date(Date.UTC(year, month - 1, day));
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
