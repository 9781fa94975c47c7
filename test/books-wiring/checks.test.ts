// The checks that catch a bad import: one finding per account, category or commodity, never
// one per row; and a hand-typed cash figure that is stale or dated after the as-of date.
import { describe, expect, it } from 'vitest';
import { financeMetrics } from '../../src/analysis/finance.js';
import type { Finding } from '../../src/analysis/types.js';
import { AS_OF, analyze, byRule, entity, ledger, portfolio } from '../analysis/build.js';
import { monthly, price, tx, withBooks } from './journal.js';

const cashRules = [{ pattern: 'Assets:Bank:*', type: 'asset' as const, cash: true }];
const burnFindings = (p: ReturnType<typeof portfolio>): Finding[] => analyze(p, 'burn').findings;

describe('flipped signs', () => {
  it('an income account whose postings mostly reduce income: one finding, not one per row', () => {
    // Imported with the signs turned: three sales of 1,000 booked as debits, one refund of 200
    // as a credit. 3 of 4 postings reduce income; revenue −3,000 + 200 = −2,800.
    const e = withBooks(entity('e'), [
      ...monthly('05', 'Sale', ['Income:Sales', '1000'], ['Assets:Bank:Checking', '-1000']),
      tx('2026-10-20', 'Refund', ['Assets:Bank:Checking', '200'], ['Income:Sales', '-200']),
      ...monthly('06', 'Rent', ['Expenses:Rent', '500'], ['Assets:Bank:Checking', '-500']),
    ]);
    const flipped = byRule(burnFindings(portfolio({ entities: [e] })), 'finance.flipped-signs');
    expect(flipped.map((f) => [f.id, f.figures])).toEqual([
      [
        'finance.flipped-signs:e:Income:Sales',
        { account: 'Income:Sales', postings: 4, reducing: 3, revenue: -2_800 },
      ],
    ]);
  });

  it('ledger.csv income rows typed negative: one finding for the account', () => {
    // Three charter rows on income account 4000 with the sign of spending: revenue −9,000.
    const e = entity('csv', {
      tables: {
        ledger: ledger(
          { date: '2026-08-03', account: '4000', category: 'charters', amount: -3_000 },
          { date: '2026-09-03', account: '4000', category: 'charters', amount: -3_000 },
          { date: '2026-10-03', account: '4000', category: 'charters', amount: -3_000 },
        ),
      },
    });
    const findings = burnFindings(portfolio({ entities: [e] }));
    expect(byRule(findings, 'finance.flipped-signs').map((f) => f.id)).toEqual([
      'finance.flipped-signs:csv:4000',
    ]);
    expect(byRule(findings, 'finance.flipped-signs')[0]!.figures.revenue).toBe(-9_000);
  });

  it('a real refund among sales is not flipped', () => {
    const e = withBooks(entity('ok'), [
      ...monthly('05', 'Sale', ['Assets:Bank:Checking', '1000'], ['Income:Sales', '-1000']),
      tx('2026-10-20', 'Refund', ['Income:Sales', '200'], ['Assets:Bank:Checking', '-200']),
    ]);
    expect(byRule(burnFindings(portfolio({ entities: [e] })), 'finance.flipped-signs')).toEqual([]);
  });
});

describe('cash on hand typed by hand', () => {
  // Books: opening 12,000 in July, then 1,000 of income and 2,000 of rent a month:
  // cash on the as-of date 12,000 − 3 × 1,000 = 9,000; cash burn 1,000 a month.
  const books = () => [
    tx('2026-07-01', 'Opening', ['Assets:Bank:Checking', '12000'], ['Equity:Opening', '-12000']),
    ...monthly('01', 'Sale', ['Assets:Bank:Checking', '1000'], ['Income:Sales', '-1000']),
    ...monthly('02', 'Rent', ['Expenses:Rent', '2000'], ['Assets:Bank:Checking', '-2000']),
  ];

  it('dated more than max_cash_age_days before the as-of date: a finding, and the books’ balance wins', () => {
    // 2026-10-01 to 2026-11-15 is 45 days, over the default 31. The books give 9,000 at the
    // as-of date, so the stale 30,000 is not used (review fixes, item 3).
    const e = withBooks(entity('e'), [...books()], cashRules, {
      cashOnHand: { amount: 30_000, as_of: '2026-10-01' },
    });
    const p = portfolio({ entities: [e] });
    const m = financeMetrics(e, p, AS_OF);
    expect([m.cash_on_hand, m.cash_source, m.cash_override?.problem]).toEqual([
      9_000,
      'books',
      'stale',
    ]);
    const stale = byRule(burnFindings(p), 'finance.stale-cash');
    expect(stale.map((f) => [f.id, f.figures.age_days])).toEqual([['finance.stale-cash:e', 45]]);
  });

  it('max_cash_age_days from portfolio.yml: 45 days is within 60', () => {
    const e = withBooks(entity('e'), [...books()], cashRules, {
      cashOnHand: { amount: 30_000, as_of: '2026-10-01' },
    });
    const p = portfolio({ entities: [e], settings: { thresholds: { max_cash_age_days: 60 } } });
    expect(byRule(burnFindings(p), 'finance.stale-cash')).toEqual([]);
    expect(financeMetrics(e, p, AS_OF).cash_override?.problem).toBe(null);
  });

  it('dated after the as-of date: a finding, and the books’ balance is used', () => {
    const e = withBooks(entity('e'), [...books()], cashRules, {
      cashOnHand: { amount: 30_000, as_of: '2038-11-01' },
    });
    const p = portfolio({ entities: [e] });
    const m = financeMetrics(e, p, AS_OF);
    expect([m.cash_on_hand, m.cash_as_of, m.cash_source]).toEqual([9_000, AS_OF, 'books']);
    // runway on cash burn: 9,000 / 1,000 = 9.0
    expect(m.runway_months).toBe(9);
    const future = byRule(burnFindings(p), 'finance.cash-after-as-of');
    expect(future.map((f) => [f.id, f.figures.cash_on_hand])).toEqual([
      ['finance.cash-after-as-of:e', 9_000],
    ]);
  });

  it('dated after the as-of date with no cash accounts in the books: no data, never the figure', () => {
    const e = entity('csv', {
      tables: { ledger: ledger({ date: '2026-10-02', amount: -2_000, category: 'rent' }) },
    });
    const future = { ...e, cash_on_hand: { amount: 30_000, as_of: '2026-12-01' } };
    const p = portfolio({ entities: [future] });
    const m = financeMetrics(future, p, AS_OF);
    expect([m.cash_on_hand, m.cash_source, m.runway_months, m.burning]).toEqual([
      null,
      null,
      null,
      true,
    ]);
    expect(byRule(burnFindings(p), 'finance.cash-after-as-of')).toHaveLength(1);
  });
});

describe('unclassified spending', () => {
  it('a category neither fixed nor variable: one finding, and its own column in break-even', () => {
    // "boat_show" 1,200 in August and 300 in October: (1,200 + 300) / 3 = 500 a month.
    const e = entity('e', {
      tables: {
        ledger: ledger(
          ...['2026-08', '2026-09', '2026-10'].flatMap((month) => [
            { date: `${month}-01`, amount: 6_000, category: 'sales' },
            { date: `${month}-02`, amount: -1_000, category: 'rent' },
          ]),
          { date: '2026-08-15', amount: -1_200, category: 'boat_show' },
          { date: '2026-10-15', amount: -300, category: 'boat_show' },
        ),
      },
    });
    const p = portfolio({
      entities: [e],
      settings: { cost_categories: { fixed: ['rent'], variable: [], subscriptions: [] } },
    });
    const section = analyze<{ entities: Record<string, unknown>[] }>(p, 'break_even');
    expect(section.data.entities[0]).toMatchObject({
      fixed_costs_monthly: 1_000,
      unclassified_costs_monthly: 500,
      unclassified_categories: [{ category: 'boat_show', monthly: 500 }],
    });
    expect(section.findings.map((f) => [f.id, f.figures.monthly])).toEqual([
      ['finance.unclassified-cost:e:boat_show', 500],
    ]);
  });
});

describe('commodities with no price', () => {
  it('one finding per commodity with its count and total; priced ones are converted', () => {
    // Vacation hours: 8 + 8 − 2.5 = 13.5 VACHR on an expense account, no price to USD.
    // 300 EUR of parts at the books' 1.10 = 330 USD: converted, no finding.
    const e = withBooks(
      entity('e'),
      [
        ...monthly('05', 'Sale', ['Assets:Bank:Checking', '2000'], ['Income:Sales', '-2000']),
        tx(
          '2026-08-20',
          'Leave',
          ['Expenses:Vacation', '8', 'VACHR'],
          ['Assets:Leave', '-8', 'VACHR'],
        ),
        tx(
          '2026-09-20',
          'Leave',
          ['Expenses:Vacation', '8', 'VACHR'],
          ['Assets:Leave', '-8', 'VACHR'],
        ),
        tx(
          '2026-10-20',
          'Leave back',
          ['Assets:Leave', '2.5', 'VACHR'],
          ['Expenses:Vacation', '-2.5', 'VACHR'],
        ),
        tx(
          '2026-09-12',
          'Parts',
          ['Expenses:Repairs', '300', 'EUR'],
          ['Liabilities:Card', '-300', 'EUR'],
        ),
      ],
      cashRules,
      { prices: [price('2026-09-01', 'EUR', '1.10')] },
    );
    const p = portfolio({ entities: [e] });
    const unpriced = byRule(burnFindings(p), 'finance.unpriced-commodity');
    expect(unpriced.map((f) => [f.id, f.figures])).toEqual([
      ['finance.unpriced-commodity:e:VACHR', { commodity: 'VACHR', postings: 3, total: '13.5' }],
    ]);
    // spending 330 / 3 = 110 a month: the hours are left out, the euros converted
    expect(financeMetrics(e, p, AS_OF).gross_burn_monthly).toBe(110);
  });
});

describe('accounts with no type', () => {
  it('one finding per account, naming its postings; its amounts are in no figure', () => {
    // "Suspense" is none of hledger's top-level names and no pattern types it.
    const e = withBooks(entity('e'), [
      ...monthly('05', 'Sale', ['Assets:Bank:Checking', '1000'], ['Income:Sales', '-1000']),
      ...monthly('07', 'Unknown', ['Suspense', '400'], ['Assets:Bank:Checking', '-400']),
    ]);
    const p = portfolio({ entities: [e] });
    expect(
      byRule(burnFindings(p), 'finance.untyped-account').map((f) => [f.id, f.figures.postings]),
    ).toEqual([['finance.untyped-account:e:Suspense', 3]]);
    expect(financeMetrics(e, p, AS_OF).gross_burn_monthly).toBe(0);
  });
});
