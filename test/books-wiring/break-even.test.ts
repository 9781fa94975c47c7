// Break-even by account type: a refund to a customer nets within revenue and a supplier's credit
// within its cost category, whether the books are ledger.csv rows or a journal typed by patterns.
import { describe, expect, it } from 'vitest';
import { financeMetrics } from '../../src/analysis/finance.js';
import { AS_OF, analyze, entity, ledger, portfolio } from '../analysis/build.js';
import { monthly, tx, withBooks } from './journal.js';

// AS_OF is 2026-11-15: the window is August, September and October 2026.
//   each month: sales 10,000; fuel (variable) 2,000; rent (fixed) 3,000
//   September: a refund of 500 to a customer; October: a 300 credit from the fuel supplier
// revenue  (10,000 + 9,500 + 10,000) / 3 = 9,833.33   (by sign: 30,300 / 3 = 10,100)
// variable (2,000 + 2,000 + 1,700) / 3   = 1,900
// spending (5,000 + 5,000 + 4,700) / 3   = 4,900      (by sign: 15,500 / 3 = 5,166.67)
// contribution 9,833.33 − 1,900 = 7,933.33; ratio 7,933.33 / 9,833.33 = 0.8068
// break-even 3,000 × 9,833.33 / 7,933.33 = 3,718.49
const expected = {
  revenue_monthly: 9_833.33,
  gross_burn_monthly: 4_900,
  net_burn_monthly: -4_933.33,
  fixed_costs_monthly: 3_000,
  variable_costs_monthly: 1_900,
  unclassified_costs_monthly: 0,
  contribution_margin_ratio: 0.8068,
  break_even_revenue_monthly: 3_718.49,
};

describe('break-even with a refund and a supplier credit', () => {
  it('ledger.csv: the refund nets in revenue, the credit in fuel (not income and spending)', () => {
    const rows = ['2026-08', '2026-09', '2026-10'].flatMap((month) => [
      { date: `${month}-01`, account: '4000', category: 'sales', amount: 10_000 },
      { date: `${month}-05`, account: '5100', category: 'fuel', amount: -2_000 },
      { date: `${month}-06`, account: '6350', category: 'rent', amount: -3_000 },
    ]);
    const e = entity('e', {
      cash: 50_000,
      tables: {
        ledger: ledger(
          ...rows,
          { date: '2026-09-12', account: '4000', category: 'sales', amount: -500 },
          { date: '2026-10-12', account: '5100', category: 'fuel', amount: 300 },
        ),
      },
    });
    const settings = {
      cost_categories: { fixed: ['rent'], variable: ['fuel'], subscriptions: [] },
    };
    const p = portfolio({ entities: [e], settings });
    expect(financeMetrics(e, p, AS_OF)).toMatchObject(expected);
    const section = analyze<{ entities: Record<string, unknown>[] }>(p, 'break_even');
    expect(section.data.entities[0]).toMatchObject({
      revenue_monthly: 9_833.33,
      break_even_revenue_monthly: 3_718.49,
      gap_monthly: 6_114.84, // 9,833.33 − 3,718.49
    });
    expect(section.findings).toEqual([]);
  });

  it('a journal: cost_categories name expense accounts and patterns', () => {
    const e = withBooks(
      entity('j', { cash: 50_000 }),
      [
        ...monthly(
          '01',
          'Charter',
          ['Assets:Bank:Checking', '10000'],
          ['Income:Charters', '-10000'],
        ),
        ...monthly('05', 'Diesel', ['Expenses:Fuel:Diesel', '2000'], ['Liabilities:Card', '-2000']),
        ...monthly('06', 'Slip', ['Expenses:Rent', '3000'], ['Assets:Bank:Checking', '-3000']),
        tx('2026-09-12', 'Refund', ['Income:Charters', '500'], ['Assets:Bank:Checking', '-500']),
        tx('2026-10-12', 'Credit', ['Liabilities:Card', '300'], ['Expenses:Fuel:Diesel', '-300']),
      ],
      [{ pattern: 'Assets:Bank:*', type: 'asset', cash: true }],
    );
    const settings = {
      cost_categories: {
        fixed: ['Expenses:Rent'],
        variable: ['Expenses:Fuel:*'],
        subscriptions: [],
      },
    };
    const m = financeMetrics(e, portfolio({ entities: [e], settings }), AS_OF);
    expect(m).toMatchObject(expected);
    // The card is not cash: checking moves +10,000 − 3,000 a month, − 500 in September.
    // cash burn −(7,000 + 6,500 + 7,000) / 3 = −6,833.33; the card's fuel is not paid yet.
    expect(m.cash_burn_monthly).toBe(-6_833.33);
  });
});

describe('unclassified costs add up with fixed and variable to gross burn', () => {
  // Each month of August to October: 1.00 spent in each of three categories in August only.
  // Each category averages 0.333… = 0.33 on its own, but the month totals average exactly so.
  const spend = (categories: string[]) =>
    ledger(
      { date: '2026-08-01', account: '4000', category: 'sales', amount: 10 },
      { date: '2026-09-01', account: '4000', category: 'sales', amount: 10 },
      { date: '2026-10-01', account: '4000', category: 'sales', amount: 10 },
      ...categories.map((category) => ({
        date: '2026-08-10',
        account: '5100',
        category,
        amount: -1,
      })),
    );

  it('all unclassified: unclassified is gross burn (1.00), not the sum of 0.33 + 0.33 + 0.33', () => {
    // Given (the instance found on real books: 8,223.61 unclassified against 8,223.59 gross).
    const e = entity('e', { cash: 50, tables: { ledger: spend(['ink', 'paper', 'toner']) } });
    const m = financeMetrics(e, portfolio({ entities: [e] }), AS_OF);
    expect(m.gross_burn_monthly).toBe(1);
    expect(m.unclassified_costs_monthly).toBe(1);
    expect(m.unclassified_categories.map((c) => c.monthly)).toEqual([0.33, 0.33, 0.33]);
  });

  it('with a fixed category: fixed 0.33 and unclassified 0.67 make gross burn 1.00', () => {
    // Second instance: one class averaged as a whole beside two unclassified categories.
    const e = entity('e', { cash: 50, tables: { ledger: spend(['rent', 'ink', 'paper']) } });
    const settings = { cost_categories: { fixed: ['rent'], variable: [], subscriptions: [] } };
    const m = financeMetrics(e, portfolio({ entities: [e], settings }), AS_OF);
    expect(m).toMatchObject({
      gross_burn_monthly: 1,
      fixed_costs_monthly: 0.33,
      variable_costs_monthly: 0,
      unclassified_costs_monthly: 0.67,
    });
  });
});
