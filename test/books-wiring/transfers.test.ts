// Transfers are neither revenue nor spending: a transfer to savings, a card payment and loan
// principal move money between balance-sheet accounts. Cash burn is the fall in the cash
// accounts, and runway is on it where the books mark cash accounts.
import { describe, expect, it } from 'vitest';
import { financeMetrics } from '../../src/analysis/finance.js';
import { AS_OF, analyze, entity, ledger, portfolio } from '../analysis/build.js';
import { monthly, tx, withBooks } from './journal.js';

const cashRules = [{ pattern: 'Assets:Bank:*', type: 'asset' as const, cash: true }];

describe('transfers', () => {
  // Checking and savings are cash; the card is not. Opening balance 20,000 in July.
  // Each month: salary 5,000 in, rent 1,500 out, 1,000 to savings.
  // Card purchases: Aug 600, Sep 800, Oct 700; each paid from checking the next month.
  const household = () =>
    withBooks(
      entity('home'),
      [
        tx(
          '2026-07-01',
          'Opening',
          ['Assets:Bank:Checking', '20000'],
          ['Equity:Opening-Balances', '-20000'],
        ),
        ...monthly('01', 'Salary', ['Assets:Bank:Checking', '5000'], ['Income:Salary', '-5000']),
        ...monthly('03', 'Rent', ['Expenses:Rent', '1500'], ['Assets:Bank:Checking', '-1500']),
        ...monthly(
          '04',
          'To savings',
          ['Assets:Bank:Savings', '1000'],
          ['Assets:Bank:Checking', '-1000'],
        ),
        tx('2026-08-10', 'Groceries', ['Expenses:Food', '600'], ['Liabilities:Card', '-600']),
        tx('2026-09-10', 'Groceries', ['Expenses:Food', '800'], ['Liabilities:Card', '-800']),
        tx('2026-10-10', 'Groceries', ['Expenses:Food', '700'], ['Liabilities:Card', '-700']),
        tx(
          '2026-09-02',
          'Card payment',
          ['Liabilities:Card', '600'],
          ['Assets:Bank:Checking', '-600'],
        ),
        tx(
          '2026-10-02',
          'Card payment',
          ['Liabilities:Card', '800'],
          ['Assets:Bank:Checking', '-800'],
        ),
      ],
      cashRules,
    );

  it('a transfer to savings and a card payment are neither revenue nor spending', () => {
    const e = household();
    const m = financeMetrics(e, portfolio({ entities: [e] }), AS_OF);
    // revenue 5,000; spending (2,100 + 2,300 + 2,200) / 3 = 2,200; net burn 2,200 − 5,000
    expect(m.revenue_monthly).toBe(5_000);
    expect(m.gross_burn_monthly).toBe(2_200);
    expect(m.net_burn_monthly).toBe(-2_800);
    // cash (checking + savings): Aug +3,500, Sep +2,900, Oct +2,700 → burn −9,100 / 3
    expect(m.cash_burn_monthly).toBe(-3_033.33);
    expect(m.runway_basis).toBe('cash');
    expect(m.burning).toBe(false);
    // 20,000 + 3,500 + 2,900 + 2,700 = 29,100 on the as-of date, from the books
    expect([m.cash_on_hand, m.cash_as_of, m.cash_source]).toEqual([29_100, AS_OF, 'books']);
  });

  it('loan principal: operating net burn leaves it out, cash burn and runway count it', () => {
    // Opening 26,000; each month 3,000 in, 3,100 of costs and 200 of interest out, 1,000 of
    // principal out. Operating net burn 3,300 − 3,000 = 300; cash burn 3,300 + 1,000 − 3,000
    // = 1,300; cash on hand 26,000 − 3 × 1,300 = 22,100; runway 22,100 / 1,300 = 17.0
    // (on operating net burn it would read 73.7).
    const e = withBooks(
      entity('boat'),
      [
        tx(
          '2026-07-01',
          'Opening',
          ['Assets:Bank:Operating', '26000'],
          ['Equity:Opening-Balances', '-26000'],
        ),
        ...monthly(
          '01',
          'Charters',
          ['Assets:Bank:Operating', '3000'],
          ['Income:Charters', '-3000'],
        ),
        ...monthly('02', 'Costs', ['Expenses:Moorage', '3100'], ['Assets:Bank:Operating', '-3100']),
        ...monthly(
          '15',
          'Loan payment',
          ['Expenses:Interest', '200'],
          ['Liabilities:Loan', '1000'],
          ['Assets:Bank:Operating', '-1200'],
        ),
      ],
      cashRules,
    );
    const p = portfolio({ entities: [e] });
    const m = financeMetrics(e, p, AS_OF);
    expect(m.net_burn_monthly).toBe(300);
    expect(m.cash_burn_monthly).toBe(1_300);
    expect(m.cash_on_hand).toBe(22_100);
    expect(m.runway_months).toBe(17);
    const burn = analyze<{ entities: { burns_differ: boolean }[]; total: Record<string, unknown> }>(
      p,
      'burn',
    );
    expect(burn.data.entities[0]!.burns_differ).toBe(true);
    expect(burn.data.total).toMatchObject({ runway_burn_monthly: 1_300, runway_months: 17 });
  });

  it('ledger.csv: a card payment and a transfer to savings rows are not spending', () => {
    // Each month: 4,000 of sales, 1,000 of costs, a 600 card payment (account 2200, a
    // liability) and 500 to savings (account 1100, an asset): revenue 4,000, spending 1,000.
    // By sign the payment and the transfer would be spending: 2,100 a month.
    const rows = ['2026-08', '2026-09', '2026-10'].flatMap((month) => [
      { date: `${month}-01`, account: '4000', category: 'sales', amount: 4_000 },
      { date: `${month}-02`, account: '6000', category: 'costs', amount: -1_000 },
      { date: `${month}-03`, account: '2200', category: 'card_payment', amount: -600 },
      { date: `${month}-04`, account: '1100', category: 'savings', amount: -500 },
    ]);
    const e = entity('csv', { cash: 10_000, tables: { ledger: ledger(...rows) } });
    const m = financeMetrics(e, portfolio({ entities: [e] }), AS_OF);
    expect([m.revenue_monthly, m.gross_burn_monthly, m.net_burn_monthly]).toEqual([
      4_000, 1_000, -3_000,
    ]);
    // No account is marked cash: no cash burn, the typed cash, runway on operating net burn.
    expect([m.cash_burn_monthly, m.runway_basis, m.cash_source]).toEqual([
      null,
      'operating',
      'override',
    ]);
  });
});
