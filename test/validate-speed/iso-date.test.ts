// Issue 13, validate's cold start: parseIsoDate reads every date cell of every table, and now
// reads it digit by digit instead of by a regular expression and a round trip through
// toISOString. It must accept and refuse exactly the texts the round trip did, to the same date.
// Found with it: the `as-of` input had a date check of its own, which threw a RangeError (a crash,
// exit 1) for a month 00 or 13 and took years 0000-0099 that every table refuses; it now reads
// dates the same one way (src/config/iso-date.ts).
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { parseIsoDate } from '../../src/config/iso-date.js';
import { parseIsoDate as schemaParseIsoDate } from '../../src/config/schema.js';
import type { Logger } from '../../src/logger.js';
import { ArgumentError, resolveOptions } from '../../src/options.js';

/** The previous implementation, kept here as the reference the new one must equal. */
function byRoundTrip(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().startsWith(text) ? date : undefined;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Every year, month 00-13 and day 00-32 text over the years given. */
function* datesOver(years: Iterable<number>): Generator<string> {
  for (const year of years)
    for (let month = 0; month <= 13; month += 1)
      for (let day = 0; day <= 32; day += 1)
        yield `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('parseIsoDate reads a date digit by digit', () => {
  it('gives what the round trip gave for every month and day of the telling years', () => {
    // 0-120: Date.UTC's 1900s for 0-99; the leap rules at 1900, 2000, 2100 and 400-year steps.
    const years = [...range(0, 120), ...range(1896, 2104), 1600, 1700, 1800, 2400, 9996, 9999];
    let accepted = 0;
    const differ: string[] = [];
    for (const text of datesOver(years)) {
      const want = byRoundTrip(text)?.getTime();
      if (parseIsoDate(text)?.getTime() !== want) differ.push(text);
      if (want !== undefined) accepted += 1;
    }
    expect(differ).toEqual([]);
    // Not vacuous: 236 years of real dates (0100-0120, 1896-2104 and six more), leap days among them.
    expect(accepted).toBeGreaterThan(86_000);
    expect(parseIsoDate('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseIsoDate('1900-02-29')).toBeUndefined();
    expect(parseIsoDate('2000-02-29')?.toISOString()).toBe('2000-02-29T00:00:00.000Z');
    expect(parseIsoDate('0099-12-31')).toBeUndefined();
    expect(parseIsoDate('0100-01-01')?.toISOString()).toBe('0100-01-01T00:00:00.000Z');
  });

  it('refuses what is not ten ASCII characters YYYY-MM-DD, as the round trip did', () => {
    const texts = [
      '',
      '2024-1-05',
      '2024-01-5',
      '2024/01/05',
      '2024-01-05 ',
      ' 2024-01-05',
      '2024-01-05T00:00:00Z',
      '+02024-01-05',
      '-2024-01-05',
      '20240105',
      '2024-0a-05',
      '2024-01-0x',
      '2O24-01-05',
      '2024-\u0661\u0662-05', // Arabic-Indic digits are not \d
      '２０２４-01-05', // full-width digits
      '2024-01-05\n',
      '2024 01 05',
      '2024-00-00',
      '9999-12-32',
      '2024-01-05'.replace('-', '\u2010'),
    ];
    for (const text of texts) {
      expect(parseIsoDate(text), JSON.stringify(text)).toEqual(byRoundTrip(text));
      expect(parseIsoDate(text), JSON.stringify(text)).toBeUndefined();
    }
  });
});

describe('the as-of input reads a date as every other input does', () => {
  it("is the one parseIsoDate: the schema's is the same function", () => {
    expect(schemaParseIsoDate).toBe(parseIsoDate);
  });

  it('names a month 00 or 13 as not a date instead of throwing a RangeError', () => {
    for (const asOf of ['2026-13-01', '2026-00-10']) {
      let thrown: unknown;
      try {
        resolveOptions({ 'as-of': asOf }, {});
      } catch (error) {
        thrown = error;
      }
      expect(thrown, asOf).toBeInstanceOf(ArgumentError);
      expect((thrown as Error).message).toBe(`as-of: "${asOf}" is not a date written YYYY-MM-DD`);
    }
  });

  it('refuses a year before 0100 as the tables do, and takes a real leap day', () => {
    expect(() => resolveOptions({ 'as-of': '0099-05-01' }, {})).toThrow(
      'as-of: "0099-05-01" is before 0100-01-01, the earliest date boardroom reads',
    );
    expect(resolveOptions({ 'as-of': '2024-02-29' }, {}).asOf).toBe('2024-02-29');
  });

  it('the CLI answers a month 13 with exit 2 and the message, not a crash', async () => {
    const errors: string[] = [];
    const log: Logger = { info: () => {}, warning: () => {}, error: (m) => void errors.push(m) };
    const code = await main(
      ['run', '--as-of', '2026-13-01', '--mode', 'dry-run', '--config', 'no-such-folder'],
      {},
      log,
    );
    expect(code).toBe(2);
    expect(errors).toEqual(['as-of: "2026-13-01" is not a date written YYYY-MM-DD']);
  });
});
