import { describe, expect, it } from 'vitest';
import { financeMetrics } from '../../src/analysis/finance.js';
import type { Row } from '../../src/config/tables.js';
import { AS_OF, analyze, byRule, channel, entity, ids, ledger, portfolio, rows } from './build.js';

// AS_OF is 2026-11-15: the trailing 3 full months are August, September and October 2026.

/** The same spending and income in each of August, September and October. */
function steadyLedger(spending: number, income: number): Row<'ledger'>[] {
  return ledger(
    ...['2026-08', '2026-09', '2026-10'].flatMap((month) => [
      { date: `${month}-05`, amount: -spending, category: 'opex' },
      ...(income ? [{ date: `${month}-10`, amount: income, category: 'sales' }] : []),
    ]),
  );
}

describe('burn and runway', () => {
  it('averages gross and net burn over the 3 full months before the as-of date', () => {
    const e = entity('e', {
      cash: 24_000,
      tables: {
        ledger: ledger(
          { date: '2026-07-31', amount: -5_000 }, // July: before the window
          { date: '2026-08-05', amount: -3_000 },
          { date: '2026-08-20', amount: 1_000 },
          { date: '2026-09-05', amount: -3_000 },
          { date: '2026-09-20', amount: 1_500 },
          { date: '2026-10-05', amount: -3_000 },
          { date: '2026-10-31', amount: 500 },
          { date: '2026-11-01', amount: -8_000 }, // the as-of month, before the as-of date
          { date: '2026-11-20', amount: -8_000 }, // the as-of month, after the as-of date
        ),
      },
    });
    const m = financeMetrics(e, portfolio({ entities: [e] }), AS_OF);
    expect(m.months).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(m.missing_months).toEqual([]);
    // spending Aug 3,000 + Sep 3,000 + Oct 3,000 = 9,000 / 3 = 3,000
    expect(m.gross_burn_monthly).toBe(3_000);
    // income 1,000 + 1,500 + 500 = 3,000 / 3 = 1,000
    expect(m.revenue_monthly).toBe(1_000);
    // net (3,000 - 1,000) + (3,000 - 1,500) + (3,000 - 500) = 6,000 / 3 = 2,000
    expect(m.net_burn_monthly).toBe(2_000);
    // runway 24,000 / 2,000 = 12.0
    expect(m.runway_months).toBe(12);
    expect(m.burning).toBe(true);
    expect(m.cash_on_hand).toBe(24_000);
  });

  it('runway = cash / net burn: 120,000 / 10,000 = 12.0 months', () => {
    // spending 12,000 - income 2,000 = 10,000 net burn a month
    const e = entity('e', { cash: 120_000, tables: { ledger: steadyLedger(12_000, 2_000) } });
    const m = financeMetrics(e, portfolio({ entities: [e] }), AS_OF);
    expect(m.gross_burn_monthly).toBe(12_000);
    expect(m.net_burn_monthly).toBe(10_000);
    expect(m.runway_months).toBe(12.0);
  });

  it('rounds runway to one decimal: 100,000 / 30,000 = 3.33 -> 3.3', () => {
    const e = entity('e', { cash: 100_000, tables: { ledger: steadyLedger(30_000, 0) } });
    expect(financeMetrics(e, portfolio({ entities: [e] }), AS_OF).runway_months).toBe(3.3);
  });

  it('is not burning when income exceeds spending: runway null, burning false, no runway finding', () => {
    // spending 3,000 - income 5,000 = -2,000 net burn a month
    const e = entity('e', { cash: 100, tables: { ledger: steadyLedger(3_000, 5_000) } });
    const p = portfolio({ entities: [e] });
    const m = financeMetrics(e, p, AS_OF);
    expect(m.net_burn_monthly).toBe(-2_000);
    expect(m.gross_burn_monthly).toBe(3_000);
    expect(m.runway_months).toBeNull();
    expect(m.burning).toBe(false);
    const rules = analyze<{ checks: unknown[] }>(p, 'financial_rules');
    expect(rules.findings).toEqual([]);
    expect(rules.data.checks).toEqual([]);
  });

  it('exactly break-even (net burn 0) is not burning', () => {
    const e = entity('e', { cash: 1_000, tables: { ledger: steadyLedger(4_000, 4_000) } });
    const m = financeMetrics(e, portfolio({ entities: [e] }), AS_OF);
    expect(m.net_burn_monthly).toBe(0);
    expect(m.burning).toBe(false);
    expect(m.runway_months).toBeNull();
  });

  it('with one month of data, averages over that month and reports the missing months', () => {
    const e = entity('e', {
      cash: 40_000,
      tables: {
        ledger: ledger(
          { date: '2026-10-03', amount: -6_000 },
          { date: '2026-10-09', amount: 2_000 },
        ),
      },
    });
    const p = portfolio({ entities: [e] });
    const m = financeMetrics(e, p, AS_OF);
    expect(m.missing_months).toEqual(['2026-08', '2026-09']);
    // October only: spending 6,000 / 1 month; net 6,000 - 2,000 = 4,000
    expect(m.gross_burn_monthly).toBe(6_000);
    expect(m.net_burn_monthly).toBe(4_000);
    // 40,000 / 4,000 = 10.0
    expect(m.runway_months).toBe(10);

    const burn = analyze(p, 'burn');
    expect(ids(burn.findings)).toEqual([
      'finance.missing-month:e:2026-08',
      'finance.missing-month:e:2026-09',
    ]);
    expect(burn.findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(burn.actions).toHaveLength(2);
  });

  it('with no ledger at all, reports it once and leaves every figure null (no crash)', () => {
    const e = entity('e', { cash: 5_000 });
    const p = portfolio({
      entities: [e],
      settings: { cost_categories: { fixed: ['rent'], variable: [], subscriptions: [] } },
    });
    const m = financeMetrics(e, p, AS_OF);
    expect(m.missing_months).toEqual(['2026-08', '2026-09', '2026-10']);
    for (const key of [
      'revenue_monthly',
      'gross_burn_monthly',
      'net_burn_monthly',
      'runway_months',
      'burning',
      'fixed_costs_monthly',
      'variable_costs_monthly',
      'contribution_margin_ratio',
      'break_even_revenue_monthly',
    ] as const)
      expect(m[key], key).toBeNull();
    expect(m.cash_on_hand).toBe(5_000);

    const burn = analyze(p, 'burn');
    expect(ids(burn.findings)).toEqual(['finance.no-ledger:e']);
    expect(burn.findings[0]!.severity).toBe('warning');
    // the other CFO sections run and raise nothing about an entity without numbers
    for (const section of ['break_even', 'financial_rules'] as const)
      expect(analyze(p, section).findings, section).toEqual([]);
    // ... except capital deployment, which leaves its cash out instead of calling it free
    const capital = analyze<{ cash_on_hand: number; available: number; left_out: unknown[] }>(
      p,
      'capital_deployment',
    );
    expect(ids(capital.findings)).toEqual(['finance.reserve-unknown:e']);
    expect(capital.data).toMatchObject({
      cash_on_hand: 0,
      available: 0,
      left_out: [{ id: 'e', name: 'E', cash_on_hand: 5_000 }],
    });
  });

  it('a ledger whose rows all fall outside the window is the same as no ledger', () => {
    const e = entity('e', {
      tables: {
        ledger: ledger({ date: '2026-07-15', amount: -100 }, { date: '2026-11-02', amount: -100 }),
      },
    });
    const p = portfolio({ entities: [e] });
    expect(financeMetrics(e, p, AS_OF).gross_burn_monthly).toBeNull();
    expect(ids(analyze(p, 'burn').findings)).toEqual(['finance.no-ledger:e']);
  });

  it('the burn section lists each entity and a portfolio total', () => {
    const a = entity('a', { cash: 60_000, tables: { ledger: steadyLedger(10_000, 0) } });
    const b = entity('b', { cash: 40_000, tables: { ledger: steadyLedger(6_000, 1_000) } });
    const burn = analyze<{
      entities: { id: string; net_burn_monthly: number }[];
      total: Record<string, unknown>;
    }>(portfolio({ entities: [a, b] }), 'burn');
    expect(burn.data.entities.map((r) => [r.id, r.net_burn_monthly])).toEqual([
      ['a', 10_000],
      ['b', 5_000],
    ]);
    // cash 60,000 + 40,000 = 100,000; gross 10,000 + 6,000; net 10,000 + 5,000 = 15,000
    // runway 100,000 / 15,000 = 6.67 -> 6.7
    expect(burn.data.total).toEqual({
      cash_on_hand: 100_000,
      // revenue 0 + 1,000 (the sum over the entities, no longer a bare dash)
      revenue_monthly: 1_000,
      gross_burn_monthly: 16_000,
      net_burn_monthly: 15_000,
      // ledger.csv alone, its cash account not marked cash: runway on operating net burn
      runway_burn_monthly: 15_000,
      runway_months: 6.7,
      no_cash: false,
      burning: true,
      // both entities' burn and cash are known: none left out
      left_out: [],
    });
  });
});

describe('break-even', () => {
  const settings = {
    cost_categories: {
      fixed: ['rent', 'insurance'],
      variable: ['fuel', 'commissions'],
      subscriptions: [],
    },
  };

  it('is fixed costs / contribution margin ratio, with categories from cost_categories', () => {
    const e = entity('e', {
      tables: {
        ledger: ledger(
          // income Aug 9,000 + Sep 10,000 + Oct 11,000 = 30,000 / 3 = 10,000
          { date: '2026-08-01', amount: 9_000, category: 'sales' },
          { date: '2026-09-01', amount: 10_000, category: 'sales' },
          { date: '2026-10-01', amount: 11_000, category: 'sales' },
          // fixed: rent 2,000 x 3 + insurance 3,000 once = 9,000 / 3 = 3,000
          { date: '2026-08-02', amount: -2_000, category: 'rent' },
          { date: '2026-09-02', amount: -2_000, category: 'rent' },
          { date: '2026-10-02', amount: -2_000, category: 'rent' },
          { date: '2026-09-03', amount: -3_000, category: 'insurance' },
          // variable: fuel 2,000 + 3,000 + 4,000 + commissions 3,000 = 12,000 / 3 = 4,000
          { date: '2026-08-04', amount: -2_000, category: 'fuel' },
          { date: '2026-09-04', amount: -3_000, category: 'fuel' },
          { date: '2026-10-04', amount: -4_000, category: 'fuel' },
          { date: '2026-10-05', amount: -3_000, category: 'commissions' },
          // neither fixed nor variable: counted in burn, not in break-even, and a finding
          { date: '2026-10-06', amount: -900, category: 'misc' },
        ),
      },
    });
    const p = portfolio({ entities: [e], settings });
    const m = financeMetrics(e, p, AS_OF);
    expect(m.revenue_monthly).toBe(10_000);
    expect(m.fixed_costs_monthly).toBe(3_000);
    expect(m.variable_costs_monthly).toBe(4_000);
    // (10,000 - 4,000) / 10,000 = 0.6
    expect(m.contribution_margin_ratio).toBe(0.6);
    // 3,000 / 0.6 = 5,000
    expect(m.break_even_revenue_monthly).toBe(5_000);
    // gross burn: 9,000 + 12,000 + 900 = 21,900 / 3 = 7,300
    expect(m.gross_burn_monthly).toBe(7_300);

    const section = analyze<{ entities: { gap_monthly: number }[] }>(p, 'break_even');
    // revenue 10,000 - break-even 5,000 = 5,000 above: no gap finding; misc 900 / 3 = 300 a
    // month is spending break-even cannot place: one finding for the category
    expect(section.data.entities[0]!.gap_monthly).toBe(5_000);
    expect(m.unclassified_costs_monthly).toBe(300);
    expect(section.findings.map((f) => [f.id, f.figures.monthly])).toEqual([
      ['finance.unclassified-cost:e:misc', 300],
    ]);
  });

  it('flags revenue below break-even', () => {
    const e = entity('e', {
      tables: {
        ledger: ledger(
          ...['2026-08', '2026-09', '2026-10'].flatMap((month) => [
            { date: `${month}-01`, amount: 3_000, category: 'sales' },
            { date: `${month}-02`, amount: -3_000, category: 'rent' },
            { date: `${month}-03`, amount: -1_200, category: 'fuel' },
          ]),
        ),
      },
    });
    const section = analyze(portfolio({ entities: [e], settings }), 'break_even');
    // ratio (3,000 - 1,200) / 3,000 = 0.6; break-even 3,000 / 0.6 = 5,000; gap 3,000 - 5,000 = -2,000
    expect(ids(section.findings)).toEqual(['finance.below-break-even:e']);
    expect(section.findings[0]!.figures).toMatchObject({
      revenue_monthly: 3_000,
      break_even_revenue_monthly: 5_000,
      gap_monthly: -2_000,
    });
  });

  it('has no break-even when variable costs take all revenue', () => {
    const e = entity('e', {
      tables: {
        ledger: ledger(
          { date: '2026-10-01', amount: 1_000, category: 'sales' },
          { date: '2026-10-02', amount: -1_500, category: 'fuel' },
          { date: '2026-10-03', amount: -500, category: 'rent' },
        ),
      },
    });
    const p = portfolio({ entities: [e], settings });
    const m = financeMetrics(e, p, AS_OF);
    // (1,000 - 1,500) / 1,000 = -0.5
    expect(m.contribution_margin_ratio).toBe(-0.5);
    expect(m.break_even_revenue_monthly).toBeNull();
    expect(ids(analyze(p, 'break_even').findings)).toEqual(['finance.no-contribution-margin:e']);
  });

  it('revenue exactly at break-even is not below it', () => {
    const e = entity('e', {
      tables: {
        ledger: ledger(
          ...['2026-08', '2026-09', '2026-10'].flatMap((month) => [
            { date: `${month}-01`, amount: 5_000, category: 'sales' },
            { date: `${month}-02`, amount: -3_000, category: 'rent' },
            { date: `${month}-03`, amount: -2_000, category: 'fuel' },
          ]),
        ),
      },
    });
    const section = analyze<{
      entities: { break_even_revenue_monthly: number; gap_monthly: number }[];
    }>(portfolio({ entities: [e], settings }), 'break_even');
    // ratio (5,000 - 2,000) / 5,000 = 0.6; break-even 3,000 / 0.6 = 5,000; gap 5,000 - 5,000 = 0
    expect(section.data.entities[0]!.break_even_revenue_monthly).toBe(5_000);
    expect(section.data.entities[0]!.gap_monthly).toBe(0);
    expect(section.findings).toEqual([]);
  });

  it('with one month of data, works over that month only', () => {
    const e = entity('e', {
      tables: {
        ledger: ledger(
          { date: '2026-10-01', amount: 2_000, category: 'sales' },
          { date: '2026-10-02', amount: -3_000, category: 'rent' },
          { date: '2026-10-03', amount: -500, category: 'fuel' },
        ),
      },
    });
    const section = analyze<{ entities: Record<string, unknown>[] }>(
      portfolio({ entities: [e], settings }),
      'break_even',
    );
    // October only: revenue 2,000, fixed 3,000, variable 500 (not divided by 3)
    // ratio (2,000 - 500) / 2,000 = 0.75; break-even 3,000 / 0.75 = 4,000; gap 2,000 - 4,000 = -2,000
    expect(section.data.entities[0]).toEqual({
      id: 'e',
      name: 'E',
      revenue_monthly: 2_000,
      fixed_costs_monthly: 3_000,
      variable_costs_monthly: 500,
      unclassified_costs_monthly: 0,
      unclassified_categories: [],
      contribution_margin_ratio: 0.75,
      break_even_revenue_monthly: 4_000,
      gap_monthly: -2_000,
    });
    expect(ids(section.findings)).toEqual(['finance.below-break-even:e']);
    expect(section.findings[0]!.figures).toEqual({
      revenue_monthly: 2_000,
      break_even_revenue_monthly: 4_000,
      gap_monthly: -2_000,
    });
  });

  it('with no ledger, every break-even figure is null and nothing is flagged', () => {
    const e = entity('e', { cash: 1_000 });
    const section = analyze<{ entities: Record<string, unknown>[] }>(
      portfolio({ entities: [e], settings }),
      'break_even',
    );
    expect(section.data.entities).toEqual([
      {
        id: 'e',
        name: 'E',
        revenue_monthly: null,
        fixed_costs_monthly: null,
        variable_costs_monthly: null,
        unclassified_costs_monthly: null,
        unclassified_categories: [],
        contribution_margin_ratio: null,
        break_even_revenue_monthly: null,
        gap_monthly: null,
      },
    ]);
    expect(section.findings).toEqual([]);
  });
});

describe('capital deployment', () => {
  const priorities = [
    { id: 'first', title: 'First', share: 0.5 },
    { id: 'second', title: 'Second', share: 0.3 },
    { id: 'third', title: 'Third', share: 0.2 },
  ];

  it('keeps reserve months x net burn back and shares out the rest by priority', () => {
    const burning = entity('a', { cash: 80_000, tables: { ledger: steadyLedger(10_000, 0) } });
    // b earns more than it spends: it adds cash but no burn
    const earning = entity('b', { cash: 20_000, tables: { ledger: steadyLedger(1_000, 6_000) } });
    const p = portfolio({
      entities: [burning, earning],
      settings: { capital_priorities: priorities },
    });
    const section = analyze<Record<string, unknown>>(p, 'capital_deployment');
    // cash 80,000 + 20,000 = 100,000; burn 10,000 (b's -5,000 counts as 0)
    // reserve 3 x 10,000 = 30,000; available 100,000 - 30,000 = 70,000
    expect(section.data).toMatchObject({
      cash_on_hand: 100_000,
      net_burn_monthly: 10_000,
      reserve_months: 3,
      reserve: 30_000,
      available: 70_000,
    });
    // 70,000 x 0.5 = 35,000; x 0.3 = 21,000; x 0.2 = 14,000
    expect(
      (section.data.allocations as { rank: number; id: string; amount: number }[]).map((a) => [
        a.rank,
        a.id,
        a.amount,
      ]),
    ).toEqual([
      [1, 'first', 35_000],
      [2, 'second', 21_000],
      [3, 'third', 14_000],
    ]);
    expect(section.findings).toEqual([]);
  });

  it('uses the CFO persona reserve months', () => {
    const e = entity('a', { cash: 100_000, tables: { ledger: steadyLedger(10_000, 0) } });
    const p = portfolio({
      entities: [e],
      settings: { capital_priorities: priorities },
      personas: { cfo: { thresholds: { cash_reserve_months: 4 } } },
    });
    const data = analyze<Record<string, unknown>>(p, 'capital_deployment').data;
    // reserve 4 x 10,000 = 40,000; available 60,000; first 60,000 x 0.5 = 30,000
    expect(data).toMatchObject({ reserve_months: 4, reserve: 40_000, available: 60_000 });
    expect((data.allocations as { amount: number }[])[0]!.amount).toBe(30_000);
  });

  it('is critical when cash does not cover the reserve, and deploys nothing', () => {
    const e = entity('a', { cash: 25_000, tables: { ledger: steadyLedger(10_000, 0) } });
    const p = portfolio({ entities: [e], settings: { capital_priorities: priorities } });
    const section = analyze<Record<string, unknown>>(p, 'capital_deployment');
    // reserve 3 x 10,000 = 30,000 > cash 25,000: shortfall 5,000
    expect(ids(section.findings)).toEqual(['finance.reserve-short:portfolio']);
    expect(section.findings[0]!.severity).toBe('critical');
    expect(section.findings[0]!.figures).toMatchObject({ reserve: 30_000, shortfall: 5_000 });
    expect(section.data.available).toBe(0);
    expect((section.data.allocations as { amount: number }[]).map((a) => a.amount)).toEqual([
      0, 0, 0,
    ]);
  });

  it('is not short when cash equals the reserve exactly; one unit less is short', () => {
    // net burn 10,000; reserve 3 x 10,000 = 30,000
    const run = (cash: number) =>
      analyze<Record<string, unknown>>(
        portfolio({
          entities: [entity('a', { cash, tables: { ledger: steadyLedger(10_000, 0) } })],
        }),
        'capital_deployment',
      );
    // cash 30,000 = reserve 30,000: covered, nothing left to deploy
    const at = run(30_000);
    expect(at.data).toMatchObject({ reserve: 30_000, available: 0 });
    expect(at.findings).toEqual([]);
    // cash 29,999 < 30,000: short by 1. The title says the two amounts the capital table shows
    // (29,999 / 10,000 = 2.9999 months would read 3.0, so months cannot say it truthfully).
    const under = run(29_999);
    expect(ids(under.findings)).toEqual(['finance.reserve-short:portfolio']);
    expect(under.findings[0]!.figures).toEqual({
      cash_on_hand: 29_999,
      reserve: 30_000,
      shortfall: 1,
    });
    expect(under.findings[0]!.title).toBe(
      'Cash on hand ($29,999) is under the 3-month reserve of operating net burn ($30,000)',
    );
  });

  it('says cash is below zero when nothing burns, rather than dividing by zero', () => {
    // No net burn (income covers spending): the reserve is 0, and cash of -2,000 is short of it.
    const result = analyze<Record<string, unknown>>(
      portfolio({
        entities: [entity('a', { cash: -2_000, tables: { ledger: steadyLedger(5_000, 6_000) } })],
      }),
      'capital_deployment',
    );
    expect(result.data).toMatchObject({ net_burn_monthly: 0, reserve: 0, available: 0 });
    expect(ids(result.findings)).toEqual(['finance.reserve-short:portfolio']);
    expect(result.findings[0]!.title).toBe('Cash on hand is -$2,000: below zero');
  });

  it('cash_reserve_months from the portfolio, and the CFO persona over it, change the finding', () => {
    // cash 35,000; net burn 10,000
    const e = entity('a', { cash: 35_000, tables: { ledger: steadyLedger(10_000, 0) } });
    // default 3 months: reserve 30,000 <= 35,000
    expect(analyze(portfolio({ entities: [e] }), 'capital_deployment').findings).toEqual([]);
    // 4 months: reserve 40,000 > 35,000, short by 5,000
    const fourMonths = analyze(
      portfolio({ entities: [e], settings: { thresholds: { cash_reserve_months: 4 } } }),
      'capital_deployment',
    );
    expect(ids(fourMonths.findings)).toEqual(['finance.reserve-short:portfolio']);
    expect(fourMonths.findings[0]!.figures).toEqual({
      cash_on_hand: 35_000,
      reserve: 40_000,
      shortfall: 5_000,
    });
    // the CFO's 3.5 months over the portfolio's 4: reserve 3.5 x 10,000 = 35,000 = cash, covered
    const persona = analyze<Record<string, unknown>>(
      portfolio({
        entities: [e],
        settings: { thresholds: { cash_reserve_months: 4 } },
        personas: { cfo: { thresholds: { cash_reserve_months: 3.5 } } },
      }),
      'capital_deployment',
    );
    expect(persona.data).toMatchObject({ reserve_months: 3.5, reserve: 35_000, available: 0 });
    expect(persona.findings).toEqual([]);
  });

  it("with one month of ledger, the reserve is reserve months x that month's net burn", () => {
    const e = entity('a', {
      cash: 25_000,
      tables: { ledger: ledger({ date: '2026-10-05', amount: -10_000 }) },
    });
    const section = analyze<Record<string, unknown>>(
      portfolio({ entities: [e] }),
      'capital_deployment',
    );
    // October only: net burn 10,000 / 1 month; reserve 3 x 10,000 = 30,000 > 25,000
    expect(section.data).toMatchObject({ net_burn_monthly: 10_000, reserve: 30_000, available: 0 });
    expect(ids(section.findings)).toEqual(['finance.reserve-short:portfolio']);
    expect(section.findings[0]!.figures.shortfall).toBe(5_000);
  });
});

describe('the runway rule', () => {
  // net burn 10,000 a month in every case: spending 10,000, no income
  const withCash = (cash: number) =>
    entity('e', { cash, tables: { ledger: steadyLedger(10_000, 0) } });

  it('is not broken when runway equals the minimum exactly', () => {
    // 60,000 / 10,000 = 6.0 = min_runway_months 6
    const section = analyze<{ checks: { broken: boolean; actual: number }[] }>(
      portfolio({ entities: [withCash(60_000)] }),
      'financial_rules',
    );
    expect(section.data.checks).toEqual([
      expect.objectContaining({ entity: 'e', limit: 6, actual: 6, broken: false }),
    ]);
    expect(section.findings).toEqual([]);
  });

  it('is critical just under the minimum', () => {
    // 59,000 / 10,000 = 5.9 < 6
    const section = analyze<{ checks: { broken: boolean }[]; broken: number }>(
      portfolio({ entities: [withCash(59_000)] }),
      'financial_rules',
    );
    expect(section.data.broken).toBe(1);
    expect(ids(section.findings)).toEqual(['finance.runway-below-minimum:e']);
    const finding = section.findings[0]!;
    expect(finding.severity).toBe('critical');
    expect(finding.figures).toMatchObject({
      runway_months: 5.9,
      min_runway_months: 6,
      net_burn_monthly: 10_000,
      cash_on_hand: 59_000,
    });
    // a critical action: high priority, due in 7 days (2026-11-15 + 7), owned by the CFO
    expect(section.actions).toEqual([
      expect.objectContaining({
        owner: 'cfo',
        priority: 'high',
        due: '2026-11-22',
        finding: 'finance.runway-below-minimum:e',
      }),
    ]);
  });

  it('is not broken just over the minimum', () => {
    // 61,000 / 10,000 = 6.1 >= 6
    const section = analyze<{ checks: { broken: boolean; actual: number }[] }>(
      portfolio({ entities: [withCash(61_000)] }),
      'financial_rules',
    );
    expect(section.data.checks).toEqual([
      expect.objectContaining({ entity: 'e', limit: 6, actual: 6.1, broken: false }),
    ]);
    expect(section.findings).toEqual([]);
  });

  it('judges the runway as shown: 5.9999 months reads 6.0 and meets the minimum; 5.94 reads 5.9', () => {
    // 59,999 / 10,000 = 5.9999, shown (and kept) to a tenth: 6.0, not under 6. A finding here
    // would have to say "6.0 months, under the 6-month minimum" or a figure the table does not.
    const at = analyze<{ checks: { broken: boolean; actual: number }[] }>(
      portfolio({ entities: [withCash(59_999)] }),
      'financial_rules',
    );
    expect(at.data.checks).toEqual([
      expect.objectContaining({ entity: 'e', limit: 6, actual: 6, broken: false }),
    ]);
    expect(at.findings).toEqual([]);
    // 59,400 / 10,000 = 5.94 -> 5.9 < 6: the table and the title both read 5.9
    const under = analyze<{ checks: { broken: boolean; actual: number }[] }>(
      portfolio({ entities: [withCash(59_400)] }),
      'financial_rules',
    );
    expect(under.data.checks).toEqual([
      expect.objectContaining({ entity: 'e', limit: 6, actual: 5.9, broken: true }),
    ]);
    expect(under.findings[0]!.figures).toMatchObject({ runway_months: 5.9, min_runway_months: 6 });
    expect(under.findings[0]!.title).toBe('E has 5.9 months of runway, under the 6-month minimum');
  });

  it("with one month of ledger, runway is cash / that month's net burn", () => {
    // October only: net burn 10,000 / 1 month; 50,000 / 10,000 = 5.0 < 6
    // (averaged over 3 months it would read 50,000 / 3,333.33 = 15.0 and pass)
    const e = entity('e', {
      cash: 50_000,
      tables: { ledger: ledger({ date: '2026-10-05', amount: -10_000 }) },
    });
    const section = analyze(portfolio({ entities: [e] }), 'financial_rules');
    expect(ids(section.findings)).toEqual(['finance.runway-below-minimum:e']);
    expect(section.findings[0]!.figures).toEqual({
      runway_months: 5,
      min_runway_months: 6,
      net_burn_monthly: 10_000,
      cash_on_hand: 50_000,
    });
  });

  it('follows the portfolio threshold, and the CFO persona threshold over it', () => {
    // 100,000 / 10,000 = 10.0 months
    const e = withCash(100_000);
    expect(analyze(portfolio({ entities: [e] }), 'financial_rules').findings).toEqual([]);
    const portfolioWide = portfolio({
      entities: [e],
      settings: { thresholds: { min_runway_months: 12 } },
    });
    expect(ids(analyze(portfolioWide, 'financial_rules').findings)).toEqual([
      'finance.runway-below-minimum:e',
    ]);
    const personaOnly = portfolio({
      entities: [e],
      personas: { cfo: { thresholds: { min_runway_months: 12 } } },
    });
    const finding = analyze(personaOnly, 'financial_rules').findings[0]!;
    expect(finding.id).toBe('finance.runway-below-minimum:e');
    expect(finding.figures.min_runway_months).toBe(12);
    // the persona's 3 months wins over the portfolio's 12
    const overridden = portfolio({
      entities: [e],
      settings: { thresholds: { min_runway_months: 12 } },
      personas: { cfo: { thresholds: { min_runway_months: 3 } } },
    });
    expect(analyze(overridden, 'financial_rules').findings).toEqual([]);
    // another persona's threshold does not apply to the CFO's rule
    const otherPersona = portfolio({
      entities: [e],
      personas: { cto: { thresholds: { min_runway_months: 12 } } },
    });
    expect(analyze(otherPersona, 'financial_rules').findings).toEqual([]);
  });
});

describe('the unproven channel spend rule', () => {
  const withSpend = (monthly: number) =>
    entity('e', {
      channels: [channel('ads')],
      tables: {
        channel_spend: rows(
          'channel_spend',
          ['2026-08', '2026-09', '2026-10'].map((month) => ({
            month,
            channel: 'ads',
            spend: monthly,
          })),
        ),
        // Bookings are recorded and none came through the channel: it is unproven.
        bookings: rows('bookings', []),
      },
    });

  it('is broken above the cap and holds at it', () => {
    // 600 x 3 = 1,800 / 3 = 600 a month > 500
    const over = analyze<{ checks: { actual: number; broken: boolean }[] }>(
      portfolio({ entities: [withSpend(600)] }),
      'financial_rules',
    );
    expect(over.data.checks).toEqual([expect.objectContaining({ actual: 600, broken: true })]);
    expect(ids(over.findings)).toEqual(['finance.unproven-spend-cap:e:ads']);
    // 500 x 3 = 1,500 / 3 = 500 a month: at the cap, not over it
    const at = analyze<{ checks: { actual: number; broken: boolean }[] }>(
      portfolio({ entities: [withSpend(500)] }),
      'financial_rules',
    );
    expect(at.data.checks).toEqual([expect.objectContaining({ actual: 500, broken: false })]);
    expect(at.findings).toEqual([]);
  });

  it('is broken when the spend reads over the cap ($501) and holds while it reads $500', () => {
    // 500.50 x 3 = 1,501.50 / 3 = 500.50 a month: shown as $501 > 500
    const over = analyze<{ checks: { actual: number; broken: boolean }[] }>(
      portfolio({ entities: [withSpend(500.5)] }),
      'financial_rules',
    );
    expect(over.data.checks).toEqual([expect.objectContaining({ actual: 500.5, broken: true })]);
    expect(ids(over.findings)).toEqual(['finance.unproven-spend-cap:e:ads']);
    expect(over.findings[0]!.figures).toEqual({ channel: 'ads', spend_monthly: 500.5, cap: 500 });
    // 500.49 a month reads $500 (and 499.99 too): at the cap, not over it
    for (const monthly of [500.49, 499.99]) {
      const held = analyze<{ checks: { actual: number; broken: boolean }[] }>(
        portfolio({ entities: [withSpend(monthly)] }),
        'financial_rules',
      );
      expect(held.data.checks, String(monthly)).toEqual([
        expect.objectContaining({ actual: monthly, broken: false }),
      ]);
      expect(held.findings).toEqual([]);
    }
  });

  it('averages over the months with spend data, not over three regardless', () => {
    const spend = (months: { month: string; channel: string; spend: number }[]) =>
      analyze<{ checks: { actual: number; broken: boolean }[] }>(
        portfolio({
          entities: [
            entity('e', {
              channels: [channel('ads')],
              tables: {
                channel_spend: rows('channel_spend', months),
                bookings: rows('bookings', []),
              },
            }),
          ],
        }),
        'financial_rules',
      ).data.checks[0]!;
    // Only October is recorded: 1,500 in one month is 1,500 a month, over the 500 cap.
    expect(spend([{ month: '2026-10', channel: 'ads', spend: 1_500 }])).toMatchObject({
      actual: 1_500,
      broken: true,
    });
    // August and September are recorded (another channel) with nothing on ads: 1,500 / 3 = 500.
    expect(
      spend([
        { month: '2026-08', channel: 'other', spend: 10 },
        { month: '2026-09', channel: 'other', spend: 10 },
        { month: '2026-10', channel: 'ads', spend: 1_500 },
      ]),
    ).toMatchObject({ actual: 500, broken: false });
  });

  it('keeps the monthly spend to the cent and judges it as the table shows it', () => {
    // 1,500.01 / 3 = 500.0033 a month: kept as 500, shown as $500, so not over the cap (the old
    // title "$501 a month" beside a table reading "$500 / mo" was one figure with two values).
    const over = analyze<{ checks: { actual: number; broken: boolean }[] }>(
      portfolio({
        entities: [
          entity('e', {
            channels: [channel('ads')],
            tables: {
              channel_spend: rows('channel_spend', [
                { month: '2026-08', channel: 'ads', spend: 500 },
                { month: '2026-09', channel: 'ads', spend: 500 },
                { month: '2026-10', channel: 'ads', spend: 500.01 },
              ]),
              bookings: rows('bookings', []),
            },
          }),
        ],
      }),
      'financial_rules',
    );
    expect(over.data.checks).toEqual([expect.objectContaining({ actual: 500, broken: false })]);
    expect(over.findings).toEqual([]);
    // 1,503 / 3 = 501 a month: the title and the table both read $501
    const broken = analyze(portfolio({ entities: [withSpend(501)] }), 'financial_rules');
    expect(broken.findings[0]!.title).toBe(
      'E spends $501 a month on ADS, which has no attributed booking (cap $500)',
    );
  });

  it('follows the portfolio cap, and the CFO persona cap over it', () => {
    // 500 a month: under the default cap of 500, over a portfolio cap of 400
    const portfolioWide = analyze(
      portfolio({
        entities: [withSpend(500)],
        settings: { thresholds: { max_unproven_channel_spend: 400 } },
      }),
      'financial_rules',
    );
    expect(ids(portfolioWide.findings)).toEqual(['finance.unproven-spend-cap:e:ads']);
    expect(portfolioWide.findings[0]!.figures).toEqual({
      channel: 'ads',
      spend_monthly: 500,
      cap: 400,
    });
    // 600 a month: over the default 500, at the CFO's 600 (which wins over the portfolio's 400)
    const persona = analyze<{ checks: { limit: number; broken: boolean }[] }>(
      portfolio({
        entities: [withSpend(600)],
        settings: { thresholds: { max_unproven_channel_spend: 400 } },
        personas: { cfo: { thresholds: { max_unproven_channel_spend: 600 } } },
      }),
      'financial_rules',
    );
    expect(persona.data.checks).toEqual([expect.objectContaining({ limit: 600, broken: false })]);
    expect(persona.findings).toEqual([]);
  });

  it('checks nothing without spend data or without bookings data', () => {
    const noSpend = entity('e', {
      channels: [channel('ads')],
      tables: { bookings: rows('bookings', []) },
    });
    const noBookings = entity('f', {
      channels: [channel('ads')],
      tables: {
        channel_spend: rows('channel_spend', [{ month: '2026-10', channel: 'ads', spend: 9_000 }]),
      },
    });
    const section = analyze<{ checks: unknown[]; broken: number }>(
      portfolio({ entities: [noSpend, noBookings] }),
      'financial_rules',
    );
    // no channel_spend.csv: spend unknown; no bookings.csv: attribution unknown. Neither is
    // "unproven", and neither has a ledger, so there is no runway check either.
    expect(section.data).toEqual({ checks: [], broken: 0 });
    expect(section.findings).toEqual([]);
  });
});

describe('finance finding ids are stable', () => {
  it('the same problems keep their ids when the figures change', () => {
    const run = (cash: number, spending: number) => {
      const e = entity('e', {
        cash,
        tables: { ledger: ledger({ date: '2026-10-05', amount: -spending }) },
      });
      const p = portfolio({ entities: [e], settings: { capital_priorities: [] } });
      return [
        ...analyze(p, 'burn').findings,
        ...analyze(p, 'financial_rules').findings,
        ...analyze(p, 'capital_deployment').findings,
      ];
    };
    // cash 10,000 / 5,000 = 2.0 and 7,000 / 4,000 = 1.75 -> 1.8 months: both under 6 and both
    // under the 3-month reserve
    const first = run(10_000, 5_000);
    const second = run(7_000, 4_000);
    expect(ids(first)).toEqual([
      'finance.missing-month:e:2026-08',
      'finance.missing-month:e:2026-09',
      'finance.reserve-short:portfolio',
      'finance.runway-below-minimum:e',
    ]);
    expect(ids(second)).toEqual(ids(first));
    expect(byRule(second, 'finance.runway-below-minimum')[0]!.figures.runway_months).toBe(1.8);
  });
});
