// Cash on hand and runway on the 1st of each of the last 12 months (src/analysis/charts-cash.ts):
// each point is what the burn table would have shown that day. Every figure is worked by hand in
// the comments. As of 2026-11-15 the chart shows the 1sts of Dec 2025 to Nov 2026.
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../src/charts/spec.js';
import { chartTable } from '../../src/charts/spec.js';
import type { Entity } from '../../src/config/load.js';
import { analyze, entity, ledger, portfolio, TEST_ACCOUNTS } from '../analysis/build.js';

/** The months from `from` to `to` (YYYY-MM), inclusive. */
const monthsFrom = (from: string, to: string) => {
  const out: string[] = [];
  for (let [y, m] = from.split('-').map(Number) as [number, number]; ;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(month);
    if (month === to) return out;
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
};

// Alpha keeps its cash in account 1000 (cash: true): 20,000 put in on 2025-10-01 (equity), then
// each month 3,000 earned on the 5th and spent on the 20th 2,000 (to April 2026: the cash grows
// 1,000 a month) or 5,000 (from May 2026: it falls 2,000 a month), until October 2026.
const alphaRows = ledger(
  { date: '2025-10-01', account: '3000', category: 'owner', amount: 20_000 },
  ...monthsFrom('2025-10', '2026-10').flatMap((month) => [
    { date: `${month}-05`, account: '4000', category: 'sales', amount: 3_000 },
    {
      date: `${month}-20`,
      account: '6000',
      category: 'costs',
      amount: month < '2026-05' ? -2_000 : -5_000,
    },
  ]),
);
const alpha = (): Entity => ({
  ...entity('alpha', {
    name: 'Alpha Charters',
    accounts: { ...TEST_ACCOUNTS, '1000-1999': { type: 'asset', cash: true } },
    tables: { ledger: alphaRows },
  }),
  // No typed cash: the books' cash account is the only source.
  cash_on_hand: undefined,
});

// Bravo's books have no cash account: 1,000 earned and 2,000 spent a month (operating net burn
// 1,000), and a typed cash on hand of 12,000 as of 2026-10-20: usable on Nov 1 (12 days old),
// after every earlier 1st (so not used then).
const bravo = (): Entity => ({
  ...entity('bravo', {
    name: 'Bravo Hauling',
    tables: {
      ledger: ledger(
        ...monthsFrom('2025-08', '2026-10').flatMap((month) => [
          { date: `${month}-05`, account: '4000', category: 'sales', amount: 1_000 },
          { date: `${month}-20`, account: '6000', category: 'costs', amount: -2_000 },
        ]),
      ),
    },
  }),
  cash_on_hand: { amount: 12_000, as_of: '2026-10-20' },
});

type BurnData = {
  entities: {
    id: string;
    chart: ChartSpec | null;
    cash_chart: ChartSpec | null;
    runway_months: number | null;
  }[];
  cash_chart: ChartSpec | null;
  total: { cash_on_hand: number | null; runway_months: number | null };
};
const burnOf = (...entities: Entity[]) => analyze<BurnData>(portfolio({ entities }), 'burn').data;

const FIRSTS = monthsFrom('2025-12', '2026-11');

describe("an entity's cash and runway on the 1st of each month", () => {
  const data = burnOf(alpha(), bravo());
  const chart = data.entities.find((e) => e.id === 'alpha')!.cash_chart!;
  const [cash, runway] = chart.series;

  it('shows the 1sts of the 12 months ending with the as-of month', () => {
    expect(chart.categories).toEqual(FIRSTS);
    expect(chart.title).toBe('Alpha Charters: cash and runway on the 1st of each month');
  });

  it("reads cash from the books' cash account on each 1st", () => {
    // Dec 1: 20,000 + 1,000 (Oct) + 1,000 (Nov) = 22,000; +1,000 a month to May 1 (27,000),
    // then -2,000 a month: Jun 1 25,000 ... Nov 1 15,000.
    expect(cash!.values).toEqual([
      22_000, 23_000, 24_000, 25_000, 26_000, 27_000, 25_000, 23_000, 21_000, 19_000, 17_000,
      15_000,
    ]);
    expect(cash!.unit).toEqual({ kind: 'money', currency: 'USD' });
  });

  it('computes runway as the burn table would have that day, none while not burning', () => {
    // Runway on the 1st of M: that cash over the average cash burn of the 3 full months before
    // M. To May 1 the cash grew every month: not burning. Jun 1: Mar, Apr, May burn
    // (-1,000 - 1,000 + 2,000) / 3 = 0: not burning. Jul 1: Apr, May, Jun
    // (-1,000 + 2,000 + 2,000) / 3 = 1,000: 23,000 / 1,000 = 23.0. Aug 1: 21,000 / 2,000 = 10.5;
    // Sep 1: 9.5; Oct 1: 8.5; Nov 1: 7.5.
    expect(runway!.values).toEqual([
      null, null, null, null, null, null, null, 23, 10.5, 9.5, 8.5, 7.5,
    ]); // prettier-ignore
    expect(runway!.unit).toEqual({ kind: 'months' });
    expect(runway!.mark).toBe('line');
    expect(cash!.mark).toBe('bar');
  });

  it("ends on the same runway as the table's row (the same three months)", () => {
    // As of Nov 15 the table: 15,000 (no posting Nov 1-15) over Aug-Oct's 2,000 = 7.5.
    expect(data.entities.find((e) => e.id === 'alpha')!.runway_months).toBe(7.5);
  });

  it('puts its numbers in a text table and its alt text', () => {
    const table = chartTable(chart);
    expect(table.header).toEqual(['Month', 'Cash on hand', 'Runway']);
    expect(table.rows[0]).toEqual(['Dec 2025', '$22,000', 'no data']);
    expect(table.rows[7]).toEqual(['Jul 2026', '$23,000', '23.0 months']);
    expect(table.rows[11]).toEqual(['Nov 2026', '$15,000', '7.5 months']);
    expect(chart.alt).toContain('Cash on hand: $22,000 in Dec 2025, $15,000 in Nov 2026');
    expect(chart.alt).toContain(
      'Runway: 23.0 months in Jul 2026, 7.5 months in Nov 2026 (high 23.0 months in Jul 2026',
    );
  });

  it('has no chart for books without a cash account (a typed cash is one day, not a trend)', () => {
    // Bravo's cash is known on Nov 1 only (the typed 12,000): one point is not drawn.
    expect(data.entities.find((e) => e.id === 'bravo')!.cash_chart).toBeNull();
  });

  it('has no chart for a typed cash carried to many 1sts (no cash account): one reading, not a trend', () => {
    // Given: a figure typed on 2026-06-10 that the table carries, stale, to every 1st after it
    // (12,000 over 1,000 a month: 12.0 months on each of Jul 1 to Nov 1). Five equal points
    // drawn from one reading would picture a trend nobody measured.
    const stale = { ...bravo(), cash_on_hand: { amount: 12_000, as_of: '2026-06-10' } };
    expect(burnOf(stale).entities[0]!.cash_chart).toBeNull();
    // Second instance: a year later still, the same single reading on all twelve 1sts.
    const later = analyze<BurnData>(portfolio({ entities: [stale] }), 'burn', '2027-09-15').data;
    expect(later.entities[0]!.cash_chart).toBeNull();
  });

  it('leaves a month the books cover only in part out of the revenue chart, as the table does', () => {
    // Given: books that start on 2026-03-28 (a payment that day, then 1,000 earned on each 5th
    // and 400 spent on each 20th to October): March is partial, so no data, not 500 of revenue
    // against 0. Second instance: books that end on 2026-10-09, inside October.
    const rows = (last: string) =>
      ledger(
        { date: '2026-03-28', account: '4000', category: 'sales', amount: 500 },
        ...monthsFrom('2026-04', '2026-10')
          .flatMap((month) => [
            { date: `${month}-05`, account: '4000', category: 'sales', amount: 1_000 },
            { date: `${month}-20`, account: '6000', category: 'costs', amount: -400 },
          ])
          .filter((row) => row.date <= last),
      );
    const revenue = (last: string) =>
      burnOf({ ...entity('charlie', { tables: { ledger: rows(last) } }), cash_on_hand: undefined })
        .entities[0]!.chart!.series[0]!.values;
    const none = [null, null, null, null];
    expect(revenue('2026-10-31')).toEqual([
      ...none,
      null,
      1000,
      1000,
      1000,
      1000,
      1000,
      1000,
      1000,
    ]);
    expect(revenue('2026-10-09')).toEqual([
      ...none,
      null,
      1000,
      1000,
      1000,
      1000,
      1000,
      1000,
      null,
    ]);
  });

  it('reads cash as unknown before the books begin, not $0', () => {
    // Books from 2025-10-01; as of 2026-01-15 the chart starts at Feb 2025: eight 1sts before.
    const early = analyze<BurnData>(portfolio({ entities: [alpha()] }), 'burn', '2026-01-15');
    const values = early.data.entities[0]!.cash_chart!.series[0]!.values;
    expect(values.slice(0, 8)).toEqual([null, null, null, null, null, null, null, null]);
    // A 1st counts that day's postings: Oct 1 the 20,000 put in; Nov 1 +1,000 (October).
    expect(values.slice(8)).toEqual([20_000, 21_000, 22_000, 23_000]);
  });
});

describe("the portfolio's cash and runway on the 1st of each month (the CEO's chart)", () => {
  it('totals each 1st as the burn table totals its portfolio row', () => {
    const data = burnOf(alpha(), bravo());
    const chart = data.cash_chart!;
    expect(chart.title).toBe('Portfolio: cash and runway on the 1st of each month');
    expect(chart.categories).toEqual(FIRSTS);
    // To Oct 1 only Alpha's cash is known (Bravo's is not): Alpha's figures. Nov 1: Alpha
    // 15,000 + Bravo 12,000 = 27,000 over 2,000 + 1,000 = 3,000 a month: 9.0 months.
    expect(chart.series[0]!.values).toEqual([
      22_000, 23_000, 24_000, 25_000, 26_000, 27_000, 25_000, 23_000, 21_000, 19_000, 17_000,
      27_000,
    ]);
    expect(chart.series[1]!.values).toEqual([
      null, null, null, null, null, null, null, 23, 10.5, 9.5, 8.5, 9,
    ]); // prettier-ignore
  });

  it('is the chart the CEO report shows beside the portfolio cash and runway', () => {
    const p = portfolio({ entities: [alpha(), bravo()] });
    const assets = analyze<{ cash: { chart: ChartSpec | null; cash_on_hand: number | null } }>(
      p,
      'asset_inventory',
    ).data.cash;
    expect(assets.chart).toEqual(burnOf(alpha(), bravo()).cash_chart);
    // The burn table's portfolio row as of Nov 15: Alpha 15,000 + Bravo 12,000 (typed Oct 20).
    expect(assets.cash_on_hand).toBe(27_000);
  });

  it('has none when fewer than two 1sts have a cash figure', () => {
    expect(burnOf(bravo()).cash_chart).toBeNull();
  });
});
