// The analyses read each entity's books once where they used to read them at every call, and
// give what the longer way gives: the import checks without a whole bookTotals, the partial
// months from each journal's posting dates kept once, the cost classes built once per portfolio,
// the chart of accounts sorted without a collator call per comparison once its codes are known,
// and two dates compared without the collator.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as CostClasses from '../../src/books/cost-classes.js';

// costClassifier, counted: financeFigures is to build it once per portfolio, not once a call.
const classifierCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/books/cost-classes.js', async (importOriginal) => {
  const original = await importOriginal<typeof CostClasses>();
  return {
    ...original,
    costClassifier: (...args: Parameters<typeof original.costClassifier>) => {
      classifierCalls.count += 1;
      return original.costClassifier(...args);
    },
  };
});

import { Analyzer } from '../../src/analysis/index.js';
import { bookChecks, booksOf } from '../../src/analysis/books.js';
import { addDays, addMonths, daysBetween, monthOf } from '../../src/analysis/dates.js';
import { bookEntries, forEachBookEntry } from '../../src/analysis/entries.js';
import { compareText } from '../../src/analysis/words.js';
import { dayFinanceMetrics, financeMetrics } from '../../src/analysis/finance.js';
import { PARTIAL_MONTH_DAYS, partialMonths, type PartialMonth } from '../../src/analysis/ledger.js';
import type { EntityJournal } from '../../src/books/entity-books.js';
import { bookTotals, nextDay } from '../../src/books/totals.js';
import type { Posting } from '../../src/books/types.js';
import { loadPortfolio, type Entity, type Portfolio } from '../../src/config/load.js';
import { entity, portfolio as buildPortfolio } from '../analysis/build.js';
import { EXAMPLE_CONFIG } from '../helpers.js';
import { price, tx, withBooks } from '../books-wiring/journal.js';

const AS_OF = '2026-11-24';
let example: Portfolio;

beforeAll(async () => {
  const loaded = await loadPortfolio(EXAMPLE_CONFIG);
  if (!loaded.ok) throw new Error(loaded.errors[0]!.message);
  example = new Analyzer(loaded.portfolio, AS_OF).portfolio;
});

afterEach(() => vi.restoreAllMocks());

/**
 * A copy of `journal` whose postings array counts the passes made over it: each `for…of`, and
 * each call of an array method that walks it (filter, map, some, forEach, reduce…).
 */
function countingPasses(journal: EntityJournal): { journal: EntityJournal; passes: () => number } {
  let passes = 0;
  const walking = new Set(['filter', 'map', 'some', 'every', 'forEach', 'reduce', 'find']);
  const postings = new Proxy(journal.postings as Posting[], {
    get(target, key, receiver) {
      if (key === Symbol.iterator || (typeof key === 'string' && walking.has(key))) passes += 1;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { journal: { ...journal, postings }, passes: () => passes };
}

/** Books of a few months with an untyped account, priced and unpriced commodities, foreign cash. */
function mixedBooks(): Entity {
  const cash = [
    { pattern: 'Assets:Bank:*', type: 'asset' as const, cash: true },
    { pattern: 'Assets:Wallet:*', type: 'asset' as const, cash: true },
  ];
  return withBooks(
    entity('mixed'),
    [
      tx('2026-06-02', 'Opening', ['Assets:Bank:Checking', '5000'], ['Equity:Opening', '-5000']),
      tx('2026-07-03', 'Sale', ['Assets:Bank:Checking', '1200'], ['Income:Sales', '-1200']),
      tx(
        '2026-08-03',
        'Sale abroad',
        ['Assets:Wallet:EUR', '300', 'EUR'],
        ['Income:Sales', '-300', 'EUR'],
      ),
      tx('2026-08-09', 'Tokens', ['Assets:Wallet:TOK', '40', 'TOK'], ['Income:Tips', '-40', 'TOK']),
      tx('2026-08-15', 'Gone', ['Assets:Wallet:GONE', '7', 'GONE'], ['Income:Tips', '-7', 'GONE']),
      tx(
        '2026-08-16',
        'Gone back',
        ['Assets:Wallet:GONE', '-7', 'GONE'],
        ['Expenses:Fees', '7', 'GONE'],
      ),
      tx('2026-09-04', 'Mystery', ['Suspense:Unknown', '80'], ['Assets:Bank:Checking', '-80']),
      tx('2026-09-05', 'Another', ['Clearing', '20'], ['Assets:Bank:Checking', '-20']),
      tx(
        '2026-09-05',
        'Lunch',
        ['Expenses:Food', '12.5', 'TOK'],
        ['Assets:Wallet:TOK', '-12.5', 'TOK'],
      ),
      tx('2026-10-11', 'Rent', ['Expenses:Rent', '900'], ['Assets:Bank:Checking', '-900']),
      tx('2026-10-12', 'Later mystery', ['Suspense:Unknown', '5'], ['Assets:Bank:Checking', '-5']),
      tx(
        '2026-11-02',
        'After',
        ['Assets:Wallet:LATE', '3', 'LATE'],
        ['Income:Sales', '-3', 'LATE'],
      ),
    ],
    cash,
    { prices: [price('2026-08-01', 'EUR', '1.1')] },
  );
}

describe('bookChecks', () => {
  it("lists bookTotals' untyped accounts and unpriced commodities for the same window", () => {
    const books = [booksOf(mixedBooks()), ...example.entities.map((e) => booksOf(e, example))];
    let windows = 0;
    let unpriced = 0;
    let untyped = 0;
    for (const journal of books)
      for (const [from, through] of [
        ['2026-06-01', '2026-11-30'],
        ['2026-08-01', '2026-08-31'],
        ['2026-09-01', '2026-10-31'],
        ['2026-08-10', '2026-09-04'],
        ['2025-01-01', '2025-12-31'],
        ['2026-01-01', '2027-12-31'],
      ] as const) {
        const checks = bookChecks(journal, from, through);
        const totals = bookTotals(
          journal.postings,
          journal.prices,
          journal.chart,
          { from, to: nextDay(through) },
          { currency: journal.currency },
        );
        expect(checks.untyped, `${from}..${through}`).toEqual(totals.untyped);
        expect(checks.unpriced, `${from}..${through}`).toEqual(totals.unpriced);
        windows += 1;
        unpriced += checks.unpriced.length;
        untyped += checks.untyped.length;
      }
    // The comparisons covered both lists with something in them, not only empty ones.
    expect(windows).toBeGreaterThan(10);
    expect(unpriced).toBeGreaterThan(3);
    expect(untyped).toBeGreaterThan(2);
    const whole = bookChecks(booksOf(mixedBooks()), '2026-06-01', '2026-10-31');
    // Income in TOK and GONE has no price; the TOK wallet is still holding 27.5 at the end, the
    // GONE one nothing; EUR has a price; LATE is after the window.
    expect(whole.unpriced).toEqual([
      { commodity: 'GONE', kind: 'income', postings: 1, total: '-7' },
      { commodity: 'GONE', kind: 'expense', postings: 1, total: '7' },
      { commodity: 'TOK', kind: 'income', postings: 1, total: '-40' },
      { commodity: 'TOK', kind: 'expense', postings: 1, total: '12.5' },
      { commodity: 'TOK', kind: 'cash', postings: 2, total: '27.5' },
    ]);
    expect(whole.untyped).toEqual([
      { account: 'Clearing', postings: 1 },
      { account: 'Suspense:Unknown', postings: 2 },
    ]);
  });

  it('makes one pass over the postings', () => {
    const { journal, passes } = countingPasses(booksOf(mixedBooks()));
    bookChecks(journal, '2026-08-01', '2026-10-31');
    expect(passes()).toBe(1);
  });
});

/** partialMonths as it was written before the journal's dates were kept: every posting, each call. */
function partialMonthsReference(postings: readonly Posting[], months: readonly string[]) {
  if (postings.length === 0 || months.length === 0) return [];
  let first = postings[0]!.date;
  let last = first;
  for (const p of postings) {
    if (p.date < first) first = p.date;
    if (p.date > last) last = p.date;
  }
  const wanted = new Set(months);
  const dates = [
    ...new Set(postings.filter((p) => wanted.has(monthOf(p.date))).map((p) => p.date)),
  ].sort();
  if (dates.length < 3 || new Set(dates.map(monthOf)).size < 2) return [];
  let quiet = PARTIAL_MONTH_DAYS;
  for (let i = 1; i < dates.length; i += 1)
    quiet = Math.max(quiet, daysBetween(dates[i - 1]!, dates[i]!));
  const partial: PartialMonth[] = [];
  const start = monthOf(first);
  if (wanted.has(start) && daysBetween(`${start}-01`, first) > quiet)
    partial.push({ month: start, edge: 'start', date: first });
  const end = monthOf(last);
  const lastDay = addDays(`${addMonths(end, 1)}-01`, -1);
  if (
    wanted.has(end) &&
    daysBetween(last, lastDay) > quiet &&
    !partial.some((p) => p.month === end)
  )
    partial.push({ month: end, edge: 'end', date: last });
  return partial;
}

/** A pseudo-random generator (a linear congruential one): the same books on every run. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('partialMonths', () => {
  it('gives what a pass over every posting gives, on generated books and month windows', () => {
    const random = generator(7);
    let partial = 0;
    for (let book = 0; book < 150; book += 1) {
      // Books that start and stop anywhere in 2026, posting every 1 to 40 days, some days twice,
      // written out of order.
      const postings: Posting[][] = [];
      let day = `2026-${String(1 + Math.floor(random() * 9)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
      const count = Math.floor(random() * 40);
      const gap = 1 + Math.floor(random() * 40);
      for (let i = 0; i < count; i += 1) {
        postings.push(tx(day, 'Rent', ['Expenses:Rent', '10'], ['Assets:Bank', '-10']));
        day = addDays(day, random() < 0.2 ? 0 : 1 + Math.floor(random() * gap));
      }
      const e = withBooks(entity(`gen-${book}`), postings.reverse());
      const all = booksOf(e).postings;
      for (let at = 0; at < 8; at += 1) {
        const asOf = `2026-${String(2 + Math.floor(random() * 11)).padStart(2, '0')}-01`;
        const length = 1 + Math.floor(random() * 4);
        const months = Array.from({ length }, (_, i) => addMonths(monthOf(asOf), i - length));
        const found = partialMonths(e, months);
        expect(found, `${e.id} ${months.join(',')}`).toEqual(partialMonthsReference(all, months));
        partial += found.length;
      }
      // Months out of order, repeated, or with none of the books' dates.
      const odd = ['2026-09', '2026-03', '2026-09', '2025-12'];
      expect(partialMonths(e, odd)).toEqual(partialMonthsReference(all, odd));
    }
    expect(partial).toBeGreaterThan(20);
  });

  it("reads a journal's postings once, however often it is asked", () => {
    const e = withBooks(entity('e'), [
      tx('2026-08-02', 'Rent', ['Expenses:Rent', '10'], ['Assets:Bank', '-10']),
      tx('2026-08-20', 'Rent', ['Expenses:Rent', '10'], ['Assets:Bank', '-10']),
      tx('2026-09-02', 'Rent', ['Expenses:Rent', '10'], ['Assets:Bank', '-10']),
      tx('2026-10-02', 'Rent', ['Expenses:Rent', '10'], ['Assets:Bank', '-10']),
    ]);
    const { journal, passes } = countingPasses(booksOf(e));
    const counted: Entity = { ...e, journal };
    const reference = partialMonthsReference(journal.postings, ['2026-08', '2026-09', '2026-10']);
    const before = passes();
    for (let month = 0; month < 12; month += 1)
      expect(partialMonths(counted, ['2026-08', '2026-09', '2026-10'])).toEqual(reference);
    expect(passes() - before).toBe(1);
  });
});

describe("financeMetrics' cost classes", () => {
  it('are built once per portfolio, not once per figure', () => {
    const entities = example.entities;
    classifierCalls.count = 0;
    for (const e of entities) {
      financeMetrics(e, example, AS_OF);
      for (let back = 0; back < 12; back += 1)
        dayFinanceMetrics(e, example, `${addMonths(monthOf(AS_OF), -back)}-01`, {
          max_cash_age_days: 45,
        });
    }
    expect(entities.length * 13).toBeGreaterThan(13);
    expect(classifierCalls.count).toBeLessThanOrEqual(1);
  });
});

describe('forEachBookEntry', () => {
  it("visits bookEntries' entries, with their fields, in their order", () => {
    let compared = 0;
    for (const e of [mixedBooks(), ...example.entities]) {
      const seen: unknown[] = [];
      forEachBookEntry(e, example, (date, account, type, amount, implicit) =>
        seen.push({ date, account, type, amount, implicit }),
      );
      expect(seen).toEqual(
        bookEntries(e, example).map(({ date, account, type, amount, implicit }) => ({
          date,
          account,
          type,
          amount,
          implicit,
        })),
      );
      compared += seen.length;
    }
    expect(compared).toBeGreaterThan(100);
  });
});

describe("the chart of accounts' order", () => {
  /** An entity whose ledger posts to each of `codes` once. */
  const posting = (id: string, codes: string[]) =>
    withBooks(
      entity(id),
      codes.map((code, i) =>
        tx(`2026-10-${String(i + 1).padStart(2, '0')}`, 'Row', [code, '1'], ['Assets:Bank', '-1']),
      ),
      [{ pattern: 'Assets:Bank', type: 'asset', cash: true }],
    );
  const codes = ['b', 'B', 'a', 'é', 'e', 'E', '10', '9', 'Ab', 'ab', 'a-b', 'ab-', 'Ω', 'z', '_x'];
  const p = () =>
    buildPortfolio({
      entities: [posting('one', codes.slice(0, 8)), posting('two', codes.slice(5))],
    });

  /** The codes of the chart-of-accounts section over the entities named, as `analyzer` lists them. */
  const mapping = (analyzer: Analyzer, portfolio: Portfolio, ids: string[]) =>
    (
      analyzer.section(
        'chart_of_accounts',
        portfolio.entities.filter((e) => ids.includes(e.id)),
      ).data as { accounts: { code: string }[] }
    ).accounts.map((a) => a.code);

  it("is localeCompare's, with the accounts a report has", () => {
    const portfolio = p();
    const analyzer = new Analyzer(portfolio, '2026-11-15');
    const expected = (list: string[]) =>
      [...new Set(['Assets:Bank', ...list])].sort((a, b) => a.localeCompare(b));
    expect(mapping(analyzer, portfolio, ['one'])).toEqual(expected(codes.slice(0, 8)));
    expect(mapping(analyzer, portfolio, ['two'])).toEqual(expected(codes.slice(5)));
    expect(mapping(analyzer, portfolio, ['one', 'two'])).toEqual(expected(codes));
  });

  it('calls the collator only for codes it has not met', () => {
    const portfolio = p();
    const analyzer = new Analyzer(portfolio, '2026-11-15');
    const first = mapping(analyzer, portfolio, ['one', 'two']);
    const compare = vi.spyOn(Intl.Collator.prototype, 'compare', 'get');
    // Each report combines the section afresh (nothing is kept per report): the same order,
    // sorted without the collator.
    for (let i = 0; i < 5; i += 1)
      expect(mapping(analyzer, portfolio, ['one', 'two'])).toEqual(first);
    expect(compare).not.toHaveBeenCalled();
  });
});

describe('compareText on dates', () => {
  it("orders YYYY-MM-DD texts as localeCompare does, with the collator's sign", () => {
    const random = generator(11);
    const digits = (n: number) =>
      Array.from({ length: n }, () => String(Math.floor(random() * 10))).join('');
    const texts = [
      '2026-10-01',
      '2026-10-10',
      '2026-01-10',
      '0000-00-00',
      '9999-99-99',
      '2026-10-1a',
      '2026/10/01',
      '2026-10-01 ',
      '2026-1-001',
      ...Array.from({ length: 200 }, () => `${digits(4)}-${digits(2)}-${digits(2)}`),
    ];
    for (const a of texts)
      for (const b of texts)
        expect(Math.sign(compareText(a, b)), `${a} ${b}`).toBe(Math.sign(a.localeCompare(b)));
  });

  it('calls the collator for no two dates', () => {
    const compare = vi.spyOn(Intl.Collator.prototype, 'compare', 'get');
    const days = Array.from({ length: 50 }, (_, i) => addDays('2026-09-15', (i * 37) % 101));
    const sorted = [...days].sort(compareText);
    expect(sorted).toEqual([...days].sort());
    expect(compare).not.toHaveBeenCalled();
    // Anything else still goes to it.
    expect(compareText('b', 'A')).toBeGreaterThan(0);
    expect(compare).toHaveBeenCalled();
  });
});
