// Equal values kept once: data that lives for the whole run (loaded tables, journals) repeats the
// same dates, accounts, memos and amounts down thousands of rows, and across entities.
import type { Decimal } from './books/decimal.js';

/**
 * A function that returns, for each text, the first equal text it was given, as a copy of its
 * own (flatCopy) unless `copy` is false: every later copy can then be dropped by the garbage
 * collector. Its table lives as long as the function: one per load (`keepOnce`), so nothing
 * outlives the run that loaded it.
 */
export function interning({ copy = true }: { copy?: boolean } = {}): (text: string) => string {
  const kept = new Map<string, string>();
  return (text) => {
    const known = kept.get(text);
    if (known !== undefined) return known;
    const own = copy ? flatCopy(text) : text;
    kept.set(own, own);
    return own;
  };
}

/**
 * What one load keeps once, shared by every table and journal it reads: equal texts (as
 * `interning` keeps them), equal non-integer numbers (a CSV cell's 79.5 is a heap object of its
 * own each time it is read) and equal exact decimals (never mutated, so sharing is safe). On the
 * bench's portfolio the 200 entities' tables and journals repeat the same dates, categories and
 * 1,384 distinct amounts: kept per table, each date had 250-400 copies and each amount ~30.
 * Make one per load (loadPortfolio) and drop it with the load: it holds every value it was given.
 */
export interface KeptOnce {
  /** The first equal text, a copy of its own (`copy: true`) or as given. */
  readonly text: (text: string) => string;
  /** The first equal number; -0, NaN and integers (V8 keeps small ones inline) as given. */
  readonly number: (value: number) => number;
  /** The first equal decimal (same units and scale), as a plain `{ units, scale }`. */
  readonly decimal: (value: Decimal) => Decimal;
}

/** A new, empty KeptOnce; `copy` as `interning` takes it. */
export function keepOnce({ copy = true }: { copy?: boolean } = {}): KeptOnce {
  const text = interning({ copy });
  const numbers = new Map<number, number>();
  const decimals = new Map<bigint, Decimal[]>();
  return {
    text,
    number: (value) => {
      // Map keys are compared as SameValueZero: -0 would come back as 0.
      if (Number.isInteger(value) || Number.isNaN(value)) return value;
      const known = numbers.get(value);
      if (known !== undefined) return known;
      numbers.set(value, value);
      return value;
    },
    decimal: (value) => {
      const same = decimals.get(value.units);
      const known = same?.find((d) => d.scale === value.scale);
      if (known) return known;
      const kept = { units: value.units, scale: value.scale };
      if (same) same.push(kept);
      else decimals.set(value.units, [kept]);
      return kept;
    },
  };
}

/**
 * The same text, holding on to no other string. A cell split out of a file's text is, in V8, a
 * slice that keeps the whole file's text alive (each ledger.csv's 15-30 KB for the run, because
 * its memos were kept), and a text built by `+` keeps its parts. V8 makes that kind of string
 * only from 13 characters up; from a longer one, `(' ' + text).slice(1)` makes a flat string
 * one character longer and a slice of it, which hold nothing else (the slice costs 32 bytes more
 * than a flat copy, but half the time of one: the render's memos take this one).
 */
export function standalone(text: string): string {
  return text.length < STANDALONE_BELOW ? text : (' ' + text).slice(1);
}

/**
 * The same text as a flat string of its own, holding on to no other string and held by none:
 * a load's kept texts (interning) are made once per distinct value and live for the run, so
 * the 32-byte slice `standalone` leaves is worth the copy's time there (the bench's portfolio
 * kept 42,446 of them). JSON's parser builds a new flat string, exactly the same text (lone
 * surrogates included).
 */
export function flatCopy(text: string): string {
  return text.length < STANDALONE_BELOW ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/** V8 copies a shorter substring or concatenation outright (SlicedString::kMinLength). */
const STANDALONE_BELOW = 13;
