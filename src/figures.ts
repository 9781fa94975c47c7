// How money is added up and how every figure is rounded for the reader: the one place both the
// analysis (rules, finding titles) and the render stage (tables, the run summary) take them from,
// so a figure is rounded once and reads the same in every table, finding, task and summary.
//
// Money is added and compared in whole cents (binary floats make 60.10 + 40.20 differ from
// 100.30), and every other figure is judged at the precision it is shown at, so a rule never
// contradicts the figure printed beside it.

/** What a figure that could not be computed reads as. */
export const NO_DATA = 'no data';

/**
 * `value` rounded to `digits` decimals, halves away from zero, on the decimal the value stands
 * for: 1.005 is 1.00499999999999989... in binary, and still rounds to 1.01. Never returns -0.
 */
export function roundTo(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return roundHalfAway(value * factor) / factor + 0;
}

/** An amount as a whole number of cents (hundredths of the currency unit). */
export function toCents(amount: number): number {
  return roundHalfAway(amount * 100) + 0;
}

/** The nearest integer, halves away from zero, reading a near-half as the decimal it stands for. */
function roundHalfAway(scaled: number): number {
  const magnitude = Math.abs(scaled);
  // Only a value within float noise of a half needs its decimal read back (15 significant
  // digits): 1.005 * 100 is 100.49999999999999. The rest skip the costly toPrecision.
  const near = Math.abs((magnitude % 1) - 0.5) <= 1e-9 + magnitude * 1e-14;
  const exact = near ? Number(magnitude.toPrecision(15)) : magnitude;
  return Math.sign(scaled) * Math.round(exact);
}

/** An amount rounded to the cent: every money figure the analysis keeps is one of these. */
export function money(amount: number): number {
  return toCents(amount) / 100;
}

/** The exact sum of amounts, to the cent: added as whole cents, so 60.10 + 40.20 is 100.30. */
export function sumMoney(amounts: Iterable<number>): number {
  let cents = 0;
  for (const amount of amounts) cents += toCents(amount);
  return cents / 100;
}

/**
 * `part / whole` on amounts rounded to the cent (a share, a margin, months of cash): null when
 * the whole is zero to the cent, so float noise can never become a huge or infinite ratio.
 */
export function moneyRatio(part: number, whole: number): number | null {
  const wholeCents = toCents(whole);
  return wholeCents === 0 ? null : toCents(part) / wholeCents;
}

// The precision each kind of figure is shown at. A rule compares the figure rounded this way,
// so "6.0 months" is never "under the 6-month minimum" and "$500 a month" never over a $500 cap.

/** Money as shown: whole currency units. */
export function shownMoney(amount: number): number {
  return roundTo(amount, 0);
}

/** Months and days as shown: to a tenth. */
export function shownTenths(value: number): number {
  return roundTo(value, 1);
}

/** A ratio as shown in percent with `digits` decimals (1: 0.39949 -> 0.399, "39.9%"). */
export function shownRatio(ratio: number, digits = 1): number {
  return roundTo(ratio, digits + 2);
}

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

const isFigure = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** Money in whole units of `currency` (an ISO 4217 code): 747.23 -> "$747"; "no data" if unknown. */
export function formatMoney(value: unknown, currency: string): string {
  if (!isFigure(value)) return NO_DATA;
  // Whole units: cents add noise to an executive report, and mixed precision misleads.
  return formatter(`money:${currency}`, {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
  }).format(shownMoney(value));
}

/** A ratio as a percentage: 0.1234 -> "12.3%" (`digits` decimals). */
export function formatPercent(value: unknown, digits = 1): string {
  if (!isFigure(value)) return NO_DATA;
  const whole = wholeDigits(digits);
  // The same rounding a rule judges the ratio by (shownRatio), printed in percent.
  return `${(shownRatio(value, whole) * 100).toFixed(whole)}%`;
}

/** A number with `digits` decimals and thousands separators: 1234.5 -> "1,234.5" (digits 1). */
export function formatNumber(value: unknown, digits = 0): string {
  if (!isFigure(value)) return NO_DATA;
  const whole = wholeDigits(digits);
  // Made first: a digit count Intl refuses (over 100) fails the render, not the rounding.
  const made = formatter(`number:${whole}`, {
    minimumFractionDigits: whole,
    maximumFractionDigits: whole,
  });
  return made.format(roundTo(value, whole));
}

/** Runway: "2.8 months", "not burning" when the entity earns more than it spends, or "no data". */
export function formatRunway(months: unknown, burning: unknown): string {
  if (burning === false) return 'not burning';
  if (!isFigure(months)) return NO_DATA;
  return `${shownTenths(months).toFixed(1)} months`;
}

/** Days to a tenth, as the quote-to-invoice steps show them: 5.04 -> "5.0 days". */
export function formatDays(days: number): string {
  return `${formatNumber(days, 1)} days`;
}

// Intl and toFixed take whole digits from 0 to 100 and throw otherwise (a template error);
// keyed by whole digits, a template cannot grow the formatter cache past 101.
function wholeDigits(digits: unknown): number {
  return typeof digits === 'number' ? Math.floor(digits) : 0;
}

const CURRENCIES = new Set(
  (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('currency') ?? [],
);

/**
 * A value with its declared unit (a KPI's `unit`): an ISO currency code ("USD") or "$" is money
 * ("$8,400"); "%" or "percent" is percentage points ("75%", the value as written, not a ratio);
 * "day"/"days" reads "12 days"; any other word is a count of it ("42 jobs"); no unit, the number.
 * `currency` is the portfolio's, for "$".
 */
export function formatQuantity(value: unknown, unit: unknown, currency: string): string {
  if (!isFigure(value)) return NO_DATA;
  const declared = typeof unit === 'string' ? unit.trim() : '';
  // As many decimals as the value has, up to two: 75, 1.4, 4.65.
  const digits = [0, 1, 2].find((d) => roundTo(value, d) === roundTo(value, 2))!;
  const number = formatNumber(value, digits);
  const code = declared.toUpperCase();
  if (declared === '$' || code === 'MONEY' || code === currency.toUpperCase())
    return formatMoney(value, currency);
  // Another currency only when written as its code in capitals: "USD", not the word "top".
  if (CURRENCIES.has(declared)) return formatMoney(value, declared);
  if (declared === '%' || code === 'PERCENT') return `${number}%`;
  if (declared === '') return number;
  if (code === 'DAY' || code === 'DAYS') return `${number} ${value === 1 ? 'day' : 'days'}`;
  return `${number} ${declared}`;
}
