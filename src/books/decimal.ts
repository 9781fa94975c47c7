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
 * else, so the caller can name the cell.
 */
export function parseDecimal(text: string, decimalMark: '.' | ',' = '.'): Decimal | undefined {
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
  const group = decimalMark === '.' ? /[,\s'’]/g : /[.\s'’]/g;
  s = s.replace(group, '');
  if (decimalMark === ',') s = s.replace(',', '.');
  const match = /^(\d*)(?:\.(\d*))?$/.exec(s);
  if (!match || (match[1] === '' && !match[2])) return undefined;
  const fraction = match[2] ?? '';
  const units = BigInt(`${match[1] || '0'}${fraction}`);
  return { units: negative ? -units : units, scale: fraction.length };
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
