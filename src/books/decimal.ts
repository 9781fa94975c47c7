// Exact decimals for money and quantities: an integer count of 10^-scale units, never a float,
// so sums of thousands of postings agree with hledger and bean-query to the last digit.

/** `units × 10^-scale`: 12.34 is { units: 1234n, scale: 2 }. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

export const ZERO: Decimal = { units: 0n, scale: 0 };

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/**
 * Reads a written number: an optional sign or accounting parentheses `(12.00)`, digit grouping
 * (`1,234.56`, or `1.234,56` with `decimalMark: ','`, spaces and apostrophes too) and a currency
 * symbol or code before or after (`$12`, `-22.32 USD`, `12,00 €`). Returns undefined for anything
 * else, so the caller can name the cell; `parseAmount` says why.
 */
export function parseDecimal(text: string, decimalMark: '.' | ',' = '.'): Decimal | undefined {
  const read = parseAmount(text, decimalMark);
  return 'value' in read ? read.value : undefined;
}

/**
 * The one amount parser, strict for the declared decimal mark: with `.`, a `,` (or a space or
 * apostrophe) only groups thousands (`1,234,567.89`: groups of exactly three digits before the
 * decimal point); with `,`, likewise `.`, a space or an apostrophe. A mark that cannot be a
 * grouping (`-4,00`, `1.350,60` read with `.`; `12.50` read with `,`) is a problem naming the
 * likely fix, never a number 10–1,000× off. `problem` is a sentence for a `file:line` message.
 */
export function parseAmount(
  text: string,
  decimalMark: '.' | ',' = '.',
): { value: Decimal } | { problem: string } {
  let s = text.trim();
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1]!.trim();
  }
  // A currency symbol or code on either side, and a sign before or after it.
  s = s.replace(/^[+-]?\s*(?:[A-Za-z]{1,5}|[$€£¥₹]|"[^"]*")\s*/, (m) =>
    m.trim().startsWith('-') ? '-' : '',
  );
  s = s.replace(/\s*(?:[A-Za-z]{1,5}|[$€£¥₹]|"[^"]*")$/, '');
  const sign = /^([+-])\s*(.*)$/.exec(s);
  if (sign) {
    if (sign[1] === '-') negative = !negative;
    s = sign[2]!;
  }
  const other = decimalMark === '.' ? ',' : '.';
  const mark = decimalMark === '.' ? '\\.' : ',';
  const group = decimalMark === '.' ? "[,\\s'’]" : "[.\\s'’]";
  const plain = new RegExp(`^(\\d*)(?:${mark}(\\d*))?$`);
  const grouped = new RegExp(`^(\\d{1,3}(?:${group}\\d{3})+)(?:${mark}(\\d*))?$`);
  const match = plain.exec(s) ?? grouped.exec(s);
  if (!match || (match[1] === '' && !match[2])) {
    const fix =
      decimalMark === '.'
        ? "looks like a decimal comma: set decimal_mark: ','"
        : "looks like a decimal point: set decimal_mark: '.'";
    return {
      problem:
        /\d/.test(s) && s.includes(other)
          ? `"${text.trim()}" is not an amount with decimal mark '${decimalMark}' (it ${fix})`
          : `"${text.trim()}" is not an amount`,
    };
  }
  const whole = match[1]!.replace(/\D/g, '');
  const fraction = match[2] ?? '';
  const units = BigInt(`${whole || '0'}${fraction}`);
  return { value: { units: negative ? -units : units, scale: fraction.length } };
}

/** The same value written with `scale` decimals; scale must not drop digits (use round). */
function widen(d: Decimal, scale: number): bigint {
  return d.units * pow10(scale - d.scale);
}

export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: widen(a, scale) + widen(b, scale), scale };
}

export function negate(d: Decimal): Decimal {
  return { units: -d.units, scale: d.scale };
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const value of values) total = add(total, value);
  return total;
}

/** The exact product: the scales add. */
export function multiply(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** a ÷ b to `scale` decimals, half away from zero; b must not be zero. */
export function divide(a: Decimal, b: Decimal, scale: number): Decimal {
  // a.units·10^-a.scale / (b.units·10^-b.scale), carried one digit further, then rounded.
  const numerator = a.units * pow10(scale + 1 + b.scale);
  const denominator = b.units * pow10(a.scale);
  return round({ units: numerator / denominator, scale: scale + 1 }, scale);
}

/** Rounds to `scale` decimals, half away from zero (the one rounding a total gets). */
export function round(d: Decimal, scale: number): Decimal {
  if (d.scale <= scale) return { units: widen(d, scale), scale };
  const divisor = pow10(d.scale - scale);
  const magnitude = d.units < 0n ? -d.units : d.units;
  const rounded = (magnitude + divisor / 2n) / divisor;
  return { units: d.units < 0n ? -rounded : rounded, scale };
}

/** Minor units (cents for scale 2) as a JS number, rounded once, half away from zero. */
export function toMinorUnits(d: Decimal, scale = 2): number {
  const units = round(d, scale).units;
  if (units > BigInt(Number.MAX_SAFE_INTEGER) || units < -BigInt(Number.MAX_SAFE_INTEGER))
    throw new RangeError(`amount ${format(d)} is too large`);
  return Number(units);
}

export function isZero(d: Decimal): boolean {
  return d.units === 0n;
}

export function compare(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const diff = widen(a, scale) - widen(b, scale);
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

/** Plain text, `-1234.50` style, with exactly the decimals it carries. */
export function format(d: Decimal): string {
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, '0');
  const whole = digits.slice(0, digits.length - d.scale);
  const fraction = d.scale > 0 ? `.${digits.slice(digits.length - d.scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}
