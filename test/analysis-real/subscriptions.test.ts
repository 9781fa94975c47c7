// Recurring charges found by payee and cadence, with amounts that vary (issue 11).
import { describe, expect, it } from 'vitest';
import { payeeOf } from '../../src/analysis/accounting.js';
import type { PortfolioFile } from '../../src/config/schema.js';
import { analyze, entity, ledger, portfolio } from '../analysis/build.js';

type Subscription = {
  memo: string;
  amount: number;
  cadence: string;
  monthly: number;
  last: string;
};
type AuditData = {
  entities: { subscriptions: Subscription[]; subscriptions_monthly: number | null }[];
};

const settings: Partial<PortfolioFile> = {
  chart_of_accounts: {
    '6300': { name: 'Supplies', type: 'expense' },
    '6500': { name: 'Utilities and telecom', type: 'expense' },
  },
  cost_categories: {
    fixed: ['telecom', 'utilities'],
    variable: ['supplies'],
    subscriptions: ['telecom', 'utilities', 'supplies'],
  },
};

const audit = (...lines: Parameters<typeof ledger>) =>
  analyze<AuditData>(
    portfolio({ entities: [entity('e', { tables: { ledger: ledger(...lines) } })], settings }),
    'expense_audit',
  ).data.entities[0]!;

const phone = (date: string, amount: number, memo: string) => ({
  date,
  account: '6500',
  category: 'telecom',
  amount: -amount,
  memo,
});

describe('subscriptions by payee and cadence', () => {
  it('finds a phone bill that varies by cents, a utility bill within 15%, and not an irregular payee', () => {
    const result = audit(
      // The phone bill: a new reference number and a few cents' difference every month.
      phone('2026-08-05', 67.12, 'VERIZON WIRELESS 08/2026 #1001'),
      phone('2026-09-05', 67.45, 'VERIZON WIRELESS 09/2026 #1002'),
      phone('2026-10-05', 66.98, 'VERIZON WIRELESS 10/2026 #1003'),
      // A handset from the same payee: a one-off far from its median bill, not part of the series.
      phone('2026-10-20', 899, 'Verizon Wireless handset order 55810'),
      // Water: 120, then 15% more (138), then 15% less (102), billed on the 18th.
      {
        date: '2026-08-18',
        account: '6500',
        category: 'utilities',
        amount: -120,
        memo: 'City Water Aug acct 5521',
      },
      {
        date: '2026-09-18',
        account: '6500',
        category: 'utilities',
        amount: -138,
        memo: 'City Water Sep acct 5521',
      },
      {
        date: '2026-10-18',
        account: '6500',
        category: 'utilities',
        amount: -102,
        memo: 'City Water Oct acct 5521',
      },
      // A hardware store: some months, no steady cycle, amounts all over the place.
      {
        date: '2026-07-02',
        account: '6300',
        category: 'supplies',
        amount: -48.1,
        memo: 'Harbor Hardware',
      },
      {
        date: '2026-08-29',
        account: '6300',
        category: 'supplies',
        amount: -312,
        memo: 'Harbor Hardware',
      },
      {
        date: '2026-09-03',
        account: '6300',
        category: 'supplies',
        amount: -19.99,
        memo: 'Harbor Hardware',
      },
      {
        date: '2026-10-22',
        account: '6300',
        category: 'supplies',
        amount: -75,
        memo: 'Harbor Hardware',
      },
    );
    expect(result.subscriptions).toEqual([
      // The latest cycle's bill, a month: 66.98.
      {
        memo: 'VERIZON WIRELESS 10/2026 #1003',
        amount: 66.98,
        cadence: 'monthly',
        monthly: 66.98,
        last: '2026-10-05',
      },
      {
        memo: 'City Water Oct acct 5521',
        amount: 102,
        cadence: 'monthly',
        monthly: 102,
        last: '2026-10-18',
      },
    ]);
    // 66.98 + 102; matched on exact memo and amount, none of these was found (0).
    expect(result.subscriptions_monthly).toBe(168.98);
  });

  it('a bill more than 25% off the median is not the same series; a quarterly bill is a third a month', () => {
    const result = audit(
      // Internet: 80, 80, then 120 (50% over the median 80): the 120 is not part of the series,
      // and two monthly bills are too few to call it a subscription.
      phone('2026-08-09', 80, 'Harbor Fiber'),
      phone('2026-09-09', 80, 'Harbor Fiber'),
      phone('2026-10-09', 120, 'Harbor Fiber'),
      // An answering service billed each quarter: 150.30 and 161.70 (within 25%), 161.70 / 3 a month.
      phone('2026-05-14', 150.3, 'Answer Desk Q2 inv 7781'),
      phone('2026-08-14', 161.7, 'Answer Desk Q3 inv 8120'),
    );
    expect(result.subscriptions).toEqual([
      {
        memo: 'Answer Desk Q3 inv 8120',
        amount: 161.7,
        cadence: 'quarterly',
        monthly: 53.9, // 161.70 / 3
        last: '2026-08-14',
      },
    ]);
    expect(result.subscriptions_monthly).toBe(53.9);
  });

  it('names a payee without its dates, reference numbers and month names', () => {
    const of = (description: string) =>
      payeeOf({ description, category: 'telecom', account: '6500' });
    expect(of('VERIZON WIRELESS 10/2026 #88231')).toBe('verizon wireless');
    expect(of('Verizon Wireless 11/2026 #90412')).toBe('verizon wireless');
    expect(of('City Water Oct acct 5521')).toBe('city water acct');
    // A journal's "Payee | note": the payee.
    expect(of('Verizon | October bill')).toBe('verizon');
    // Nothing but numbers: the category.
    expect(of('20261005-0042')).toBe('telecom');
  });
});
