// The review's faults on the analysis side, each with the reviewer's instance and a second one of
// the same kind, with figures worked by hand: flipped signs both ways, cash below zero, a stale
// override against the books, books that end or start inside the window, debt service that is
// not listed, the wording of the CFO's sections, and the accountant's sections on the books.
import { describe, expect, it } from 'vitest';
import { financeMetrics } from '../../src/analysis/finance.js';
import { addDays } from '../../src/analysis/dates.js';
import { formatRunway } from '../../src/figures.js';
import { possessive } from '../../src/analysis/words.js';
import type { Entity } from '../../src/config/load.js';
import { AS_OF, analyze, byRule, entity, ledger, portfolio } from '../analysis/build.js';
import { monthly, tx, withBooks } from './journal.js';

const cashRules = [{ pattern: 'Assets:Bank:*', type: 'asset' as const, cash: true }];
const MONTHS = ['2026-08', '2026-09', '2026-10'];

describe('1. flipped signs, income and spending alike', () => {
  it('ledger.csv spending rows typed positive (the reviewer’s lc): one finding per category', () => {
    // Each month: revenue 9,000 on 4200; salaries 4,000, software 120 and subcontractors 1,800
    // typed with the sign of income. Spending = −(4,000 + 120 + 1,800) = −5,920 a month.
    const e = entity('lc', {
      name: 'Flip Co',
      tables: {
        ledger: ledger(
          ...MONTHS.flatMap((m) => [
            { date: `${m}-01`, account: '4200', category: 'web_revenue', amount: 9_000 },
            { date: `${m}-05`, account: '6850', category: 'salaries', amount: 4_000 },
            { date: `${m}-07`, account: '6100', category: 'software_subscriptions', amount: 120 },
            { date: `${m}-09`, account: '5400', category: 'subcontractors', amount: 1_800 },
          ]),
        ),
      },
    });
    const p = portfolio({ entities: [e] });
    const m = financeMetrics(e, p, AS_OF);
    expect([m.revenue_monthly, m.gross_burn_monthly]).toEqual([9_000, -5_920]);
    const flipped = byRule(analyze(p, 'burn').findings, 'finance.flipped-signs');
    // Over the window: salaries 3 × −4,000; software 3 × −120; subcontractors 3 × −1,800.
    expect(flipped.map((f) => [f.id, f.figures])).toEqual([
      [
        'finance.flipped-signs:lc:salaries',
        { account: 'salaries', postings: 3, reducing: 3, spending: -12_000 },
      ],
      [
        'finance.flipped-signs:lc:software_subscriptions',
        { account: 'software_subscriptions', postings: 3, reducing: 3, spending: -360 },
      ],
      [
        'finance.flipped-signs:lc:subcontractors',
        { account: 'subcontractors', postings: 3, reducing: 3, spending: -5_400 },
      ],
    ]);
    expect(flipped[0]!.title).toBe(
      'Flip Co: 3 of 3 postings to spending category salaries reduce spending (spending -$12,000 from 2026-08-01 to 2026-10-31): are its signs flipped?',
    );
  });

  it('a card statement read with the wrong sign: the expense account is flagged', () => {
    // Groceries of 60 credited to Expenses:Food each month: spending 3 × −60 = −180.
    const e = withBooks(entity('card'), [
      ...monthly('10', 'Grocer', ['Expenses:Food', '-60'], ['Liabilities:Card', '60']),
    ]);
    const flipped = byRule(
      analyze(portfolio({ entities: [e] }), 'burn').findings,
      'finance.flipped-signs',
    );
    expect(flipped.map((f) => [f.id, f.figures])).toEqual([
      [
        'finance.flipped-signs:card:Expenses:Food',
        { account: 'Expenses:Food', postings: 3, reducing: 3, spending: -180 },
      ],
    ]);
    expect(flipped[0]!.title).toContain('to expense account Expenses:Food reduce spending');
  });

  it('one realised loss, two refunds, or refunds smaller than the charges: never flagged', () => {
    const e = withBooks(entity('ok'), [
      ...monthly('05', 'Sale', ['Assets:Bank:Checking', '1000'], ['Income:Sales', '-1000']),
      // A realised loss: one debit to an income account (bcexample's Income:US:ETrade:Gains).
      tx('2026-09-20', 'Loss', ['Income:Gains', '50'], ['Assets:Brokerage', '-50']),
      // Two supplier refunds and nothing else: 2 postings, under the 3 it takes.
      tx('2026-08-12', 'Refund', ['Assets:Bank:Checking', '30'], ['Expenses:Parts', '-30']),
      tx('2026-09-12', 'Refund', ['Assets:Bank:Checking', '30'], ['Expenses:Parts', '-30']),
      // 2 of 3 postings reduce spending, but the total is +300: a real charge with refunds.
      tx('2026-08-03', 'Tools', ['Expenses:Tools', '500'], ['Assets:Bank:Checking', '-500']),
      tx('2026-09-03', 'Refund', ['Assets:Bank:Checking', '100'], ['Expenses:Tools', '-100']),
      tx('2026-10-03', 'Refund', ['Assets:Bank:Checking', '100'], ['Expenses:Tools', '-100']),
    ]);
    const findings = analyze(portfolio({ entities: [e] }), 'burn').findings;
    expect(byRule(findings, 'finance.flipped-signs')).toEqual([]);
  });

  it('a runway critical computed from flipped figures says so in its title', () => {
    // Opening 10,000 in July; "sales" of 1,000 debited to income (bank −1,000) and rent 500 a
    // month: cash 10,000 − 3,000 − 1,500 = 5,500; cash burn 1,500; runway 3.67 → 3.7 months.
    const e = withBooks(
      entity('e'),
      [
        tx(
          '2026-07-01',
          'Opening',
          ['Assets:Bank:Checking', '10000'],
          ['Equity:Opening', '-10000'],
        ),
        ...monthly('05', 'Sale', ['Income:Sales', '1000'], ['Assets:Bank:Checking', '-1000']),
        ...monthly('06', 'Rent', ['Expenses:Rent', '500'], ['Assets:Bank:Checking', '-500']),
      ],
      cashRules,
    );
    const p = portfolio({ entities: [e] });
    const runway = byRule(analyze(p, 'financial_rules').findings, 'finance.runway-below-minimum');
    expect(runway.map((f) => [f.severity, f.title])).toEqual([
      [
        'critical',
        'E has 3.7 months of runway, under the 6-month minimum (figures doubtful: the signs of Income:Sales look flipped)',
      ],
    ]);
  });
});

describe('2. cash below zero: no runway, not a negative number of months', () => {
  // Opening 1,000 in July, rent 2,000 a month: cash 1,000 − 6,000 = −5,000; cash burn 2,000.
  const negative = () =>
    withBooks(
      entity('neg', { name: 'Neg' }),
      [
        tx('2026-07-01', 'Opening', ['Assets:Bank:Checking', '1000'], ['Equity:Opening', '-1000']),
        ...monthly('02', 'Rent', ['Expenses:Rent', '2000'], ['Assets:Bank:Checking', '-2000']),
      ],
      cashRules,
    );

  it('cash of −5,000 burning 2,000 a month (the reviewer’s −5.2 months): "no cash", critical', () => {
    const e = negative();
    const p = portfolio({ entities: [e] });
    const m = financeMetrics(e, p, AS_OF);
    expect([m.cash_on_hand, m.cash_burn_monthly, m.runway_months, m.no_cash]).toEqual([
      -5_000,
      2_000,
      null,
      true,
    ]);
    expect(formatRunway(m.runway_months, m.burning, m.cash_on_hand)).toBe('no cash');
    const rules = analyze(p, 'financial_rules');
    expect(rules.findings.map((f) => [f.id, f.severity, f.title])).toEqual([
      [
        'finance.runway-below-minimum:neg',
        'critical',
        'Neg has no runway: its cash on hand (-$5,000) is at or below zero while it burns cash',
      ],
    ]);
    const burn = analyze<{ total: Record<string, unknown> }>(p, 'burn');
    expect([burn.data.total.runway_months, burn.data.total.no_cash]).toEqual([null, true]);
    // The cash-below-zero finding stays critical.
    expect(
      analyze(p, 'capital_deployment').findings.map((f) => [f.id, f.severity, f.title]),
    ).toEqual([
      ['finance.reserve-short:portfolio', 'critical', 'Cash on hand is -$5,000: below zero'],
    ]);
  });

  it('cash of exactly 0 (a ledger.csv entity) burning: also "no cash"', () => {
    // entity() types cash 0 as of the as-of date; spending 1,000 a month.
    const e = entity('zero', {
      tables: {
        ledger: ledger(
          ...MONTHS.map((m) => ({ date: `${m}-03`, amount: -1_000, category: 'rent' })),
        ),
      },
    });
    const m = financeMetrics(e, portfolio({ entities: [e] }), AS_OF);
    expect([m.cash_on_hand, m.net_burn_monthly, m.runway_months, m.no_cash]).toEqual([
      0,
      1_000,
      null,
      true,
    ]);
    expect(formatRunway(m.runway_months, m.burning, m.cash_on_hand)).toBe('no cash');
    // A positive cash figure still reads in months; not burning still reads so.
    expect(formatRunway(2.8, true, 500)).toBe('2.8 months');
    expect(formatRunway(null, false, -5)).toBe('not burning');
  });
});

describe('3. a stale cash_on_hand never beats the books', () => {
  // Opening 10,000.01 in July; sales 1,000 and rent 2,807.68 a month:
  // cash 10,000.01 + 3,000 − 8,423.04 = 4,576.97 at the as-of date.
  const books = () => [
    tx(
      '2026-07-01',
      'Opening',
      ['Assets:Bank:Checking', '10000.01'],
      ['Equity:Opening', '-10000.01'],
    ),
    ...monthly('01', 'Sale', ['Assets:Bank:Checking', '1000'], ['Income:Sales', '-1000']),
    ...monthly('02', 'Rent', ['Expenses:Rent', '2807.68'], ['Assets:Bank:Checking', '-2807.68']),
  ];

  it('$99,999 dated 546 days before the as-of date: the books’ $4,576.97 is used, both named', () => {
    // 2025-05-18 to 2026-11-15: 181 + 365 = 546 days.
    const e = withBooks(entity('hs', { name: 'Home statements' }), books(), cashRules, {
      cashOnHand: { amount: 99_999, as_of: '2025-05-18' },
    });
    const p = portfolio({ entities: [e] });
    const m = financeMetrics(e, p, AS_OF);
    expect([m.cash_on_hand, m.cash_source, m.cash_as_of, m.cash_override?.problem]).toEqual([
      4_576.97,
      'books',
      AS_OF,
      'stale',
    ]);
    const stale = byRule(analyze(p, 'burn').findings, 'finance.stale-cash');
    expect(stale.map((f) => f.title)).toEqual([
      "Home statements' cash on hand ($99,999) is 546 days old (as of 2025-05-18; at most 31): the books' balance at 2026-11-15 ($4,577) is used instead",
    ]);
    expect(stale[0]!.figures.books_cash_on_hand).toBe(4_576.97);
  });

  it('without cash accounts (ledger.csv): the stale figure is used, with the finding', () => {
    // 2026-09-01 to 2026-11-15: 75 days.
    const e = {
      ...entity('csv', {
        tables: { ledger: ledger({ date: '2026-10-02', amount: -2_000, category: 'rent' }) },
      }),
      cash_on_hand: { amount: 20_000, as_of: '2026-09-01' },
    } satisfies Entity;
    const p = portfolio({ entities: [e] });
    const m = financeMetrics(e, p, AS_OF);
    expect([m.cash_on_hand, m.cash_source]).toEqual([20_000, 'override']);
    expect(byRule(analyze(p, 'burn').findings, 'finance.stale-cash').map((f) => f.title)).toEqual([
      "CSV's cash on hand ($20,000) is 75 days old (as of 2026-09-01; at most 31)",
    ]);
  });
});

describe('4. books that end or start inside the window', () => {
  /** Food of 70 every 7 days from `from` through `to`. */
  const weekly = (from: string, to: string) => {
    const out = [];
    for (let d = from; d <= to; d = addDays(d, 7))
      out.push(tx(d, 'Grocer', ['Expenses:Food', '70'], ['Assets:Bank:Checking', '-70']));
    return out;
  };

  it('books that end on 2026-10-10, as-of 2026-11-01 (bcexample ends 2014-10-11): October left out', () => {
    // August: 1, 8, 15, 22, 29 → 350; September: 5, 12, 19, 26 → 280; October: 3, 10 (the books
    // stop 21 days before the month ends, a week is their longest quiet) → left out.
    // Gross burn (350 + 280) / 2 = 315.
    const e = withBooks(entity('bc', { name: 'Books' }), weekly('2026-08-01', '2026-10-10'));
    const p = portfolio({ entities: [e] });
    const m = financeMetrics(e, p, '2026-11-01');
    expect(m.partial_months).toEqual([{ month: '2026-10', edge: 'end', date: '2026-10-10' }]);
    expect(m.gross_burn_monthly).toBe(315);
    const partial = byRule(analyze(p, 'burn', '2026-11-01').findings, 'finance.partial-month');
    expect(partial.map((f) => [f.id, f.title])).toEqual([
      [
        'finance.partial-month:bc:2026-10',
        "Books' books end on 2026-10-10, inside October 2026: that month is left out of the averages",
      ],
    ]);
  });

  it('books that start on 2026-09-19: September left out, August missing, October alone counts', () => {
    // September 19, 26; October 3, 10, 17, 24, 31 → 5 × 70 = 350.
    const e = withBooks(entity('new'), weekly('2026-09-19', '2026-10-31'));
    const p = portfolio({ entities: [e] });
    const m = financeMetrics(e, p, '2026-11-01');
    expect(m.partial_months).toEqual([{ month: '2026-09', edge: 'start', date: '2026-09-19' }]);
    expect(m.missing_months).toEqual(['2026-08']);
    expect(m.gross_burn_monthly).toBe(350);
    expect(
      byRule(analyze(p, 'burn', '2026-11-01').findings, 'finance.partial-month').map((f) => f.id),
    ).toEqual(['finance.partial-month:new:2026-09']);
  });

  it('a ledger that posts once a month on the 2nd is whole: its quiet end is its rhythm', () => {
    const e = withBooks(entity('m'), [
      ...monthly('02', 'Rent', ['Expenses:Rent', '900'], ['Assets:Bank:Checking', '-900']),
    ]);
    const m = financeMetrics(e, portfolio({ entities: [e] }), '2026-11-01');
    expect([m.partial_months, m.gross_burn_monthly]).toEqual([[], 900]);
  });
});

describe('5. debt service the books hold but cost_categories does not list', () => {
  // The reviewer's pr books, in August to October: rent 8,000; mortgage interest 2,000 and
  // principal 1,000; repairs 500; insurance 200; a security deposit of 2,000 held in September.
  const rental = () =>
    withBooks(
      entity('elm', {
        name: 'Elm St',
        kind: 'rental_property',
        assets: {
          properties: [
            {
              name: 'Elm St duplex',
              address: '1 Example St, Springfield',
              value: 600_000,
              cash_invested: 200_000,
              annual_debt_service: 0,
              annual_expenses: {},
            },
          ],
        },
      }),
      [
        ...monthly(
          '01',
          'Tenants rent',
          ['Assets:Bank:Checking', '8000'],
          ['Income:Rent:Elm', '-8000'],
        ),
        ...monthly(
          '05',
          'Mortgage payment',
          ['Expenses:Mortgage:Interest', '2000'],
          ['Liabilities:Mortgage', '1000'],
          ['Assets:Bank:Checking', '-3000'],
        ),
        ...monthly('10', 'Repairs', ['Expenses:Repairs', '500'], ['Assets:Bank:Checking', '-500']),
        ...monthly(
          '12',
          'Insurance',
          ['Expenses:Insurance', '200'],
          ['Assets:Bank:Checking', '-200'],
        ),
        tx(
          '2026-09-15',
          'Deposit',
          ['Assets:Bank:Checking', '2000'],
          ['Liabilities:Deposits', '-2000'],
        ),
      ],
      cashRules,
    );

  it('without debt_service: one finding naming the interest and the loan; NOI bears the interest', () => {
    const p = portfolio({ entities: [rental()] });
    const section = analyze<{ properties: { noi_monthly: number }[] }>(p, 'property');
    // NOI 8,000 − (2,000 + 500 + 200) = 5,300: the interest is taken as an operating cost.
    expect(section.data.properties[0]!.noi_monthly).toBe(5_300);
    const debt = byRule(section.findings, 'property.unlisted-debt-service');
    // 3 interest + 3 principal postings; 3 × 2,000 + 3 × 1,000 = 9,000. The deposit is not one.
    expect(debt.map((f) => [f.id, f.figures])).toEqual([
      [
        'property.unlisted-debt-service:elm',
        {
          accounts: 'Expenses:Mortgage:Interest, Liabilities:Mortgage',
          postings: 6,
          amount: 9_000,
        },
      ],
    ]);
  });

  it('with both listed under debt_service: no finding, NOI 7,300', () => {
    const p = portfolio({
      entities: [rental()],
      settings: {
        cost_categories: {
          fixed: [],
          variable: [],
          subscriptions: [],
          debt_service: ['Expenses:Mortgage:Interest', 'Liabilities:Mortgage'],
        },
      },
    });
    const section = analyze<{ properties: { noi_monthly: number }[] }>(p, 'property');
    expect(section.data.properties[0]!.noi_monthly).toBe(7_300);
    expect(byRule(section.findings, 'property.unlisted-debt-service')).toEqual([]);
  });

  it('a ledger.csv category loan_interest is named too', () => {
    const e = entity('flat', {
      kind: 'rental_property',
      assets: {
        properties: [
          {
            name: 'Flat',
            address: '2 Example St, Springfield',
            value: 300_000,
            cash_invested: 60_000,
            annual_debt_service: 0,
            annual_expenses: {},
          },
        ],
      },
      tables: {
        ledger: ledger(
          ...MONTHS.flatMap((m) => [
            { date: `${m}-01`, amount: 4_300, category: 'rent' },
            { date: `${m}-05`, account: '6900', amount: -450, category: 'loan_interest' },
          ]),
        ),
      },
    });
    const p = portfolio({ entities: [e] });
    expect(
      byRule(analyze(p, 'property').findings, 'property.unlisted-debt-service').map(
        (f) => f.figures,
      ),
    ).toEqual([{ accounts: 'loan_interest', postings: 3, amount: 1_350 }]);
  });
});

describe('6. what the CFO’s sections say', () => {
  it('the reserve names its burn; the portfolio revenue is the sum; a name in s takes only an apostrophe', () => {
    // Cash burn 2,807.68 − 1,000 = 1,807.68 a month; reserve 3 × 1,807.68 = 5,423.04 against
    // cash of 4,576.97: short.
    const a = withBooks(
      entity('hs', { name: 'Home statements' }),
      [
        tx(
          '2026-07-01',
          'Opening',
          ['Assets:Bank:Checking', '10000.01'],
          ['Equity:Opening', '-10000.01'],
        ),
        ...monthly('01', 'Sale', ['Assets:Bank:Checking', '1000'], ['Income:Sales', '-1000']),
        ...monthly(
          '02',
          'Rent',
          ['Expenses:Rent', '2807.68'],
          ['Assets:Bank:Checking', '-2807.68'],
        ),
      ],
      cashRules,
    );
    const p = portfolio({ entities: [a] });
    const capital = analyze<{ burn_basis: string; reserve: number }>(p, 'capital_deployment');
    expect([capital.data.burn_basis, capital.data.reserve]).toEqual(['cash burn', 5_423.04]);
    expect(capital.findings[0]!.title).toBe(
      'Cash on hand ($4,577) is under the 3-month reserve of cash burn ($5,423)',
    );
    // Revenue 1,000 here plus 2,500 in a second entity: 3,500 in the total, not a dash.
    const b = entity('b', {
      tables: { ledger: ledger(...MONTHS.map((m) => ({ date: `${m}-01`, amount: 2_500 }))) },
    });
    const burn = analyze<{ total: { revenue_monthly: number } }>(
      portfolio({ entities: [a, b] }),
      'burn',
    );
    expect(burn.data.total.revenue_monthly).toBe(3_500);
    expect([possessive('Home statements'), possessive('Jada')]).toEqual([
      "Home statements'",
      "Jada's",
    ]);
  });

  it('one posting has, two postings have; the window ends the day before the as-of month', () => {
    const e = withBooks(entity('e'), [
      ...monthly('05', 'Sale', ['Assets:Bank:Checking', '2000'], ['Income:Sales', '-2000']),
      tx(
        '2026-08-20',
        'Leave',
        ['Expenses:Vacation', '8', 'VACHR'],
        ['Assets:Leave', '-8', 'VACHR'],
      ),
    ]);
    const unpriced = byRule(
      analyze(portfolio({ entities: [e] }), 'burn').findings,
      'finance.unpriced-commodity',
    );
    expect(unpriced.map((f) => f.title)).toEqual([
      'E: 1 posting in VACHR (total 8 VACHR) from 2026-08-01 to 2026-10-31 has no price in USD, so it is left out of the figures',
    ]);
  });
});

describe('7. the accountant’s sections read the books, whatever their source', () => {
  it('a journal’s accounts are mapped by their type, each with its postings', () => {
    // Salary 1,000 into checking and groceries 100 on the card, each month.
    const e = withBooks(entity('j', { name: 'Journal' }), [
      ...monthly('01', 'Salary', ['Assets:Bank:Checking', '1000'], ['Income:Salary', '-1000']),
      ...monthly('03', 'Grocer', ['Expenses:Food:Groceries', '100'], ['Liabilities:Card', '-100']),
    ]);
    const section = analyze<{
      accounts: { code: string; type: string; rows: number; amount: number; mapped: boolean }[];
      unmapped: number;
    }>(portfolio({ entities: [e] }), 'chart_of_accounts');
    // Net amount, money in positive: checking −(3 × 1,000), groceries −300, salary +3,000, card +300.
    expect(section.data.accounts.map((a) => [a.code, a.type, a.rows, a.amount, a.mapped])).toEqual([
      ['Assets:Bank:Checking', 'asset', 3, -3_000, true],
      ['Expenses:Food:Groceries', 'expense', 3, -300, true],
      ['Income:Salary', 'income', 3, 3_000, true],
      ['Liabilities:Card', 'liability', 3, 300, true],
    ]);
    expect([section.data.unmapped, section.findings]).toEqual([0, []]);
  });

  it('bank rows left in Expenses:Uncategorized, and a charge booked twice, are found', () => {
    const e = withBooks(entity('bank', { name: 'Bank' }), [
      ...monthly(
        '04',
        'POS 1234',
        ['Expenses:Uncategorized', '45'],
        ['Assets:Bank:Checking', '-45'],
      ),
      tx(
        '2026-09-09',
        'Coffee Co',
        ['Expenses:Food:Coffee', '4.50'],
        ['Assets:Bank:Checking', '-4.50'],
      ),
      tx(
        '2026-09-09',
        'Coffee Co',
        ['Expenses:Food:Coffee', '4.50'],
        ['Assets:Bank:Checking', '-4.50'],
      ),
    ]);
    const audit = analyze(portfolio({ entities: [e] }), 'expense_audit');
    expect(byRule(audit.findings, 'accounting.uncategorised').map((f) => f.figures)).toEqual([
      { rows: 3, amount: 135 },
    ]);
    expect(
      byRule(audit.findings, 'accounting.duplicate-charge').map((f) => [
        f.figures.amount,
        f.figures.times,
        f.figures.date,
      ]),
    ).toEqual([[4.5, 2, '2026-09-09']]);
  });
});
