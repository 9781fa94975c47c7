// Issue 10, item 4: money is added, compared and divided in whole cents, so float noise can never
// turn a net burn of zero into "burning" with a runway of 10^18 months, nor tip a share, a margin
// or NOI over a threshold it sits exactly on.
import { describe, expect, it } from 'vitest';
import { financeMetrics } from '../../src/analysis/finance.js';
import {
  formatMoney,
  money,
  moneyRatio,
  roundTo,
  shownMoney,
  sumMoney,
  toCents,
} from '../../src/figures.js';
import type { Row } from '../../src/config/tables.js';
import { AS_OF, analyze, entity, ids, ledger, portfolio, rows } from '../analysis/build.js';

const MONTHS = ['2026-08', '2026-09', '2026-10'];

/** Pays 60.10 + 40.20 and re-bills exactly 100.30 in each of the 3 months before AS_OF. */
function rebilledLedger(): Row<'ledger'>[] {
  return ledger(
    ...MONTHS.flatMap((month) => [
      { date: `${month}-03`, amount: -60.1, category: 'hosting' },
      { date: `${month}-04`, amount: -40.2, category: 'hosting' },
      { date: `${month}-20`, amount: 100.3, category: 'rebilled' },
    ]),
  );
}

describe('money helpers (src/figures.ts)', () => {
  it('adds amounts as whole cents: 60.10 + 40.20 is 100.30 exactly', () => {
    // The float sum is 100.30000000000001; in cents it is 6,010 + 4,020 = 10,030.
    expect(60.1 + 40.2).not.toBe(100.3);
    expect(sumMoney([60.1, 40.2])).toBe(100.3);
    expect(sumMoney([60.1, 40.2]) - 100.3).toBe(0);
    expect(toCents(60.1)).toBe(6_010);
    expect(sumMoney([])).toBe(0);
  });

  it('rounds the decimal an amount stands for, halves away from zero', () => {
    // 1.005 is 1.00499999999999989... in binary: still a cent up, as written
    expect(money(1.005)).toBe(1.01);
    expect(money(-1.005)).toBe(-1.01);
    expect(roundTo(2.345, 1)).toBe(2.3);
    expect(Object.is(roundTo(-0.004), 0)).toBe(true);
  });

  it('divides only by a whole that is not zero to the cent', () => {
    expect(moneyRatio(24_300, 1.4210854715202004e-14)).toBeNull();
    expect(moneyRatio(5, 0.004)).toBeNull();
    // 2,000.30 of 5,000.75 = 200,030 / 500,075 cents = 0.4 exactly
    expect(moneyRatio(1_000.1 + 1_000.2, 5_000.75)).toBe(0.4);
  });

  it('shows money in whole units and never as "-$0"', () => {
    expect(shownMoney(747.2333)).toBe(747);
    expect(shownMoney(747.5)).toBe(748);
    expect(formatMoney(-0.4, 'USD')).toBe('$0');
    expect(formatMoney(-5_268.4, 'USD')).toBe('-$5,268');
  });
});

describe('the issue: 60.10 + 40.20 paid, 100.30 re-billed every month', () => {
  const e = entity('rebill', { cash: 24_300, tables: { ledger: rebilledLedger() } });
  const p = portfolio({ entities: [e] });

  it('has a net burn of 0 and is not burning: no runway of 1.3e18 months', () => {
    const m = financeMetrics(e, p, AS_OF);
    expect(m.revenue_monthly).toBe(100.3);
    expect(m.gross_burn_monthly).toBe(100.3);
    expect(m.net_burn_monthly).toBe(0);
    expect(m.burning).toBe(false);
    expect(m.runway_months).toBeNull();
  });

  it('is not burning in the portfolio total either, and breaks no financial rule', () => {
    const burn = analyze<{ total: Record<string, unknown> }>(p, 'burn');
    expect(burn.data.total).toMatchObject({
      net_burn_monthly: 0,
      burning: false,
      runway_months: null,
    });
    const rules = analyze<{ checks: unknown[] }>(p, 'financial_rules');
    expect(rules.data.checks).toEqual([]);
    expect(rules.findings).toEqual([]);
  });

  it('is exactly break-even for the accountant: profit 0, not a loss', () => {
    const profit = analyze<{ entities: Record<string, unknown>[] }>(p, 'profitability');
    expect(profit.data.entities[0]).toMatchObject({
      revenue_monthly: 100.3,
      costs_monthly: 100.3,
      profit_monthly: 0,
      margin: 0,
    });
    expect(profit.findings).toEqual([]);
  });
});

describe('the same kind elsewhere: a figure exactly on its threshold after float sums', () => {
  it('a client share of exactly 40% is not over a 40% limit (1,000.70 + 300.10 of 3,252)', () => {
    // Floats, added invoice by invoice, give 0.4000000000000001 > 0.4, which raised "acme is 40%
    // of invoiced revenue". Cents: 130,080 / 325,200 = 0.4 exactly.
    const acme = 0 + 1_000.7 + 300.1;
    expect(acme / (acme + 975.6 + 975.6)).toBeGreaterThan(0.4);
    const invoices = rows('invoices', [
      { invoice_id: 'A1', client: 'acme', amount: 1_000.7 },
      { invoice_id: 'A2', client: 'acme', amount: 300.1 },
      { invoice_id: 'B1', client: 'beta', amount: 975.6 },
      { invoice_id: 'C1', client: 'gamma', amount: 975.6 },
    ]);
    const result = analyze<{ portfolios: { concentration: unknown[] }[] }>(
      portfolio({ entities: [entity('studio', { tables: { invoices } })] }),
      'client_billing',
    );
    expect(result.data.portfolios[0]!.concentration).toEqual([
      { client: 'acme', revenue: 1_300.8, share: 0.4 },
      { client: 'beta', revenue: 975.6, share: 0.3 },
      { client: 'gamma', revenue: 975.6, share: 0.3 },
    ]);
    expect(result.findings).toEqual([]);
  });

  it('a delivery margin of exactly 20% is not under a 20% minimum (2,500.25 - 2,000.20)', () => {
    // Floats: (2500.25 - 2000.2) / 2500.25 = 0.19999999999999998 < 0.2.
    expect((2_500.25 - 2_000.2) / 2_500.25).toBeLessThan(0.2);
    const deliveries = rows('deliveries', [
      {
        delivery_id: 'D1',
        quoted: '2026-10-01',
        accepted: '2026-10-02',
        departed: '2026-10-03',
        delivered: '2026-10-04',
        invoiced: '2026-10-05',
        revenue: 2_500.25,
        cost: 2_000.2,
      },
    ]);
    const result = analyze<{ units: { deliveries: { margin: number }[]; margin: number }[] }>(
      portfolio({ entities: [entity('yacht', { tables: { deliveries } })] }),
      'delivery_ops',
    );
    expect(result.data.units[0]!.deliveries[0]!.margin).toBe(0.2);
    expect(result.data.units[0]!.margin).toBe(0.2);
    expect(ids(result.findings)).toEqual([]);
  });

  it('NOI of a rental whose costs equal its rent to the cent is 0, with a cap rate of 0', () => {
    // Rent 100.30 a month in; 60.10 + 40.20 a month out: NOI 0, not -1.4e-14.
    const e = entity('rental', {
      kind: 'rental_property',
      assets: {
        properties: [
          {
            name: 'Fourplex',
            address: '1 Example St',
            value: 100_000,
            cash_invested: 20_000,
            annual_debt_service: 0,
            annual_expenses: {},
          },
        ],
      },
      tables: { ledger: rebilledLedger() },
    });
    const result = analyze<{ properties: Record<string, unknown>[] }>(
      portfolio({ entities: [e] }),
      'property',
    );
    expect(result.data.properties[0]).toMatchObject({
      rental_income_monthly: 100.3,
      operating_expenses_monthly: 100.3,
      noi_monthly: 0,
      noi_annual: 0,
      cap_rate: 0,
      cash_on_cash: 0,
    });
  });

  it('an entity that nets 0.40 a month over its spending reads $0 and is not burning', () => {
    // Spends 100.70, earns 100.30: net burn 0.40, shown as $0; judged as shown.
    const e = entity('tiny', {
      cash: 1_000,
      tables: {
        ledger: ledger(
          ...MONTHS.flatMap((month) => [
            { date: `${month}-03`, amount: -100.7 },
            { date: `${month}-20`, amount: 100.3 },
          ]),
        ),
      },
    });
    const m = financeMetrics(e, portfolio({ entities: [e] }), AS_OF);
    expect(m.net_burn_monthly).toBe(0.4);
    expect(formatMoney(m.net_burn_monthly, 'USD')).toBe('$0');
    expect(m.burning).toBe(false);
    expect(m.runway_months).toBeNull();
  });
});
