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

/**
 * Runway: "2.8 months", "not burning" when the entity earns more than it spends, "no cash" when
 * it burns with `cash` (cash on hand, when given) at or below zero as shown, or "no data".
 */
export function formatRunway(months: unknown, burning: unknown, cash?: unknown): string {
  if (burning === false) return 'not burning';
  if (burning === true && isFigure(cash) && shownMoney(cash) <= 0) return 'no cash';
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

/** Currency symbols a KPI's `unit` may be written with, by their ISO 4217 code. */
const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { '€': 'EUR', '£': 'GBP', '¥': 'JPY' };

/** How a declared unit reads: money in a currency, percentage points, a noun, or nothing. */
type QuantityUnit =
  | { readonly kind: 'money'; readonly currency: string }
  | { readonly kind: 'percent' }
  | { readonly kind: 'noun'; readonly noun: string }
  | { readonly kind: 'none' };

/**
 * Reads a declared unit: an ISO currency code ("USD", "EUR"), its symbol (€, £, ¥), "$" or
 * "money" (the portfolio's `currency`) is money; "%" or "percent" is percentage points; any
 * other word is a noun; no unit is a plain number.
 */
function quantityUnit(unit: unknown, currency: string): QuantityUnit {
  const declared = typeof unit === 'string' ? unit.trim() : '';
  const code = declared.toUpperCase();
  if (declared === '$' || code === 'MONEY' || code === currency.toUpperCase())
    return { kind: 'money', currency };
  const symbol = CURRENCY_SYMBOLS[declared];
  if (symbol) return { kind: 'money', currency: symbol };
  // Another currency only when written as its code in capitals: "USD", not the word "top".
  if (CURRENCIES.has(declared)) return { kind: 'money', currency: declared };
  if (declared === '%' || code === 'PERCENT') return { kind: 'percent' };
  if (declared === '') return { kind: 'none' };
  return { kind: 'noun', noun: declared };
}

/**
 * A value with its declared unit as it is shown by formatQuantity: money to the whole unit,
 * anything else to two decimals at most. A rule on a KPI (below target) compares these, so
 * "$365 vs $365" is never "below target".
 */
export function shownQuantity(value: number, unit: unknown, currency: string): number {
  return quantityUnit(unit, currency).kind === 'money' ? shownMoney(value) : roundTo(value, 2);
}

/**
 * A value with its declared unit (a KPI's `unit`): an ISO currency code ("USD"), its symbol
 * (€, £, ¥) or "$" is money ("$8,400", "€1,200"); "%" or "percent" is percentage points ("75%",
 * the value as written, not a ratio); any other word is a count of it ("42 jobs", "12 days"),
 * singular for exactly 1 ("1 hour", "1 day"); no unit, the number. `currency` is the
 * portfolio's, for "$". "no data" when the value is not a number.
 */
export function formatQuantity(value: unknown, unit: unknown, currency: string): string {
  if (!isFigure(value)) return NO_DATA;
  const reading = quantityUnit(unit, currency);
  if (reading.kind === 'money') return formatMoney(value, reading.currency);
  const shown = shownQuantity(value, unit, currency);
  // As many decimals as the value has, up to two: 75, 1.4, 4.65.
  const digits = [0, 1, 2].find((d) => roundTo(value, d) === shown)!;
  const number = formatNumber(value, digits);
  if (reading.kind === 'percent') return `${number}%`;
  if (reading.kind === 'none') return number;
  const noun = reading.noun;
  if (shown === 1) return `${number} ${singular(noun)}`;
  // "day" is the one unit written singular that reads plural for other counts: "12 days".
  return `${number} ${noun.toLowerCase() === 'day' ? `${noun}s` : noun}`;
}

/**
 * The singular of an English plural noun ending in s ("hours" -> "hour", "properties" ->
 * "property", "matches" -> "match"); a word that is not such a plural ("day", "class", "bonus",
 * "m²") is kept as it is.
 */
function singular(noun: string): string {
  if (!/^[a-z]+s$/i.test(noun) || /(ss|us|is)$/i.test(noun)) return noun;
  if (/[^aeiou]ies$/i.test(noun)) return `${noun.slice(0, -3)}y`;
  if (/(ch|sh|x|z|ss)es$/i.test(noun)) return noun.slice(0, -2);
  return noun.slice(0, -1);
}
