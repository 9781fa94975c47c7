// The portfolio runway over the entities whose burn is known, as capital deployment counts them
// (issue 11). Window: August–October 2026.
import { describe, expect, it } from 'vitest';
import { leftOutOfRunway } from '../../src/analysis/portfolio-runway.js';
import type { PortfolioFile } from '../../src/config/schema.js';
import { analyze, entity, ledger, portfolio } from '../analysis/build.js';

const settings: Partial<PortfolioFile> = {
  chart_of_accounts: {
    '4000': { name: 'Sales', type: 'income' },
    '6000': { name: 'Operating costs', type: 'expense' },
  },
  cost_categories: { fixed: ['costs'], variable: [], subscriptions: [] },
};
const months = ['2026-08', '2026-09', '2026-10'];
const burning = (income: number, spending: number) =>
  ledger(
    ...months.flatMap((month) => [
      { date: `${month}-01`, account: '4000', category: 'sales', amount: income },
      { date: `${month}-10`, account: '6000', category: 'costs', amount: -spending },
    ]),
  );

// A: 30,000 of cash, burning 2,000 a month. B: 12,000 of cash, 3,000 spent and 2,000 earned a
// month: burning 1,000. C: 100,000 of cash and no ledger rows in the window: burn unknown.
const holdings = () =>
  portfolio({
    entities: [
      entity('a', { name: 'Alpha', cash: 30_000, tables: { ledger: burning(0, 2_000) } }),
      entity('b', { name: 'Bravo', cash: 12_000, tables: { ledger: burning(2_000, 3_000) } }),
      entity('c', {
        name: 'Charlie',
        cash: 100_000,
        tables: { ledger: ledger({ date: '2026-03-01', account: '6000', amount: -10 }) },
      }),
    ],
    settings,
  });

type BurnTotal = {
  cash_on_hand: number | null;
  net_burn_monthly: number | null;
  runway_months: number | null;
  burning: boolean | null;
  left_out: { id: string; name: string; cash_on_hand: number | null; reason: string }[];
};

describe('the portfolio runway', () => {
  it('leaves out and names the entity whose burn is unknown, as capital deployment does', () => {
    const p = holdings();
    const total = analyze<{ total: BurnTotal }>(p, 'burn').data.total;
    const capital = analyze<{
      cash_on_hand: number;
      left_out: { id: string; name: string; cash_on_hand: number | null }[];
    }>(p, 'capital_deployment').data;
    expect(total).toMatchObject({
      cash_on_hand: 42_000, // 30,000 + 12,000: not Charlie's 100,000
      net_burn_monthly: 3_000, // 2,000 + 1,000
      // 42,000 / 3,000; with Charlie's cash it read 142,000 / 3,000 = 47.3 months.
      runway_months: 14,
      burning: true,
      left_out: [{ id: 'c', name: 'Charlie', cash_on_hand: 100_000, reason: 'no burn' }],
    });
    // The same cash, and the same entity left out, in capital deployment.
    expect(capital.cash_on_hand).toBe(total.cash_on_hand);
    expect(capital.left_out.map((e) => e.id)).toEqual(total.left_out.map((e) => e.id));
  });

  it('names an entity whose cash is unknown, and one whose burn is unknown, each with why', () => {
    expect(
      leftOutOfRunway([
        { id: 'a', name: 'Alpha', net_burn_monthly: 2_000, cash_on_hand: 30_000 },
        { id: 'd', name: 'Delta', net_burn_monthly: 500, cash_on_hand: null },
        { id: 'c', name: 'Charlie', net_burn_monthly: null, cash_on_hand: 100_000 },
      ]),
    ).toEqual([
      { id: 'd', name: 'Delta', cash_on_hand: null, reason: 'no cash' },
      { id: 'c', name: 'Charlie', cash_on_hand: 100_000, reason: 'no burn' },
    ]);
  });
});
