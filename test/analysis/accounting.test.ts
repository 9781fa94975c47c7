import { describe, expect, it } from 'vitest';
import { analyze, byRule, entity, ids, ledger, portfolio, rows } from './build.js';

// AS_OF is 2026-11-15.

describe('revenue recognition', () => {
  const bookingsEntity = (futureDeposit = 500) =>
    entity('sea', {
      tables: {
        bookings: rows('bookings', [
          {
            booking_id: 'B1',
            service_date: '2026-12-01',
            deposit: futureDeposit,
            status: 'confirmed',
          },
          { booking_id: 'B2', service_date: '2026-11-15', deposit: 300, status: 'confirmed' }, // sails on the as-of date
          { booking_id: 'B3', service_date: '2026-11-16', deposit: 200, status: 'confirmed' }, // the day after
          { booking_id: 'B4', service_date: '2027-01-10', deposit: 400, status: 'cancelled' },
          { booking_id: 'B5', service_date: '2026-12-05', deposit: 0, status: 'confirmed' },
          { booking_id: 'B6', service_date: '2026-10-01', deposit: 250, status: 'completed' },
        ]),
      },
    });

  it('defers deposits only for services after the as-of date that are not cancelled', () => {
    const result = analyze<{
      entities: { deferred_revenue: number; bookings: { booking_id: string }[] }[];
      total_deferred: number;
    }>(portfolio({ entities: [bookingsEntity(), entity('no-bookings')] }), 'revenue_recognition');
    // B1 500 + B3 200 = 700 (B2 sails today, B4 cancelled, B5 no deposit, B6 in the past)
    expect(result.data.entities).toHaveLength(1);
    expect(result.data.entities[0]!.bookings.map((b) => b.booking_id)).toEqual(['B1', 'B3']);
    expect(result.data.entities[0]!.deferred_revenue).toBe(700);
    expect(result.data.total_deferred).toBe(700);
    expect(ids(result.findings)).toEqual(['accounting.deferred-revenue:sea']);
    expect(result.findings[0]!.figures).toEqual({
      deferred_revenue: 700,
      bookings: 2,
      deposits_booked: 'at_service',
    });
    // The ledger books income at service: nothing to move, so no action.
    expect(result.findings[0]!.title).toContain('the ledger books income at service');
    expect(result.actions).toEqual([]);
  });

  it('asks for the deposits to be moved when the ledger books them as income when taken', () => {
    const sea = { ...bookingsEntity(), deposits_booked: 'when_taken' as const };
    const result = analyze(portfolio({ entities: [sea] }), 'revenue_recognition');
    expect(result.findings[0]!.title).toBe(
      'SEA holds $700 in deposits for future services, booked as income: deferred revenue until delivered',
    );
    expect(result.actions.map((a) => a.title)).toEqual([
      "Move SEA's future-service deposits from income to deferred revenue",
    ]);
  });

  it('keeps the deferred-revenue id when the amount changes', () => {
    const first = analyze(portfolio({ entities: [bookingsEntity(500)] }), 'revenue_recognition');
    const second = analyze(portfolio({ entities: [bookingsEntity(900)] }), 'revenue_recognition');
    expect(ids(first.findings)).toEqual(['accounting.deferred-revenue:sea']);
    expect(ids(second.findings)).toEqual(ids(first.findings));
  });

  it('an empty bookings table defers nothing and raises nothing', () => {
    const result = analyze<{
      entities: { id: string; deferred_revenue: number; bookings: unknown[] }[];
      total_deferred: number;
    }>(
      portfolio({ entities: [entity('sea', { tables: { bookings: rows('bookings', []) } })] }),
      'revenue_recognition',
    );
    // the table is there and holds no booking: 0 deferred is a fact, not a gap
    expect(result.data.entities.map((e) => [e.id, e.deferred_revenue, e.bookings])).toEqual([
      ['sea', 0, []],
    ]);
    expect(result.data.total_deferred).toBe(0);
    expect(result.findings).toEqual([]);
    // no entity records bookings at all: the total is unknown, not zero
    const none = analyze<{ total_deferred: number | null }>(
      portfolio({ entities: [entity('land')] }),
      'revenue_recognition',
    );
    expect(none.data.total_deferred).toBeNull();
  });
});

describe('chart-of-accounts mapping', () => {
  it('flags ledger accounts that are not in the chart, across entities', () => {
    // No `accounts:` of their own (the test ranges would type 6999): the chart alone types them.
    const a = entity('a', {
      name: 'A Co',
      accounts: {},
      tables: {
        ledger: ledger({ account: '4000', amount: 100 }, { account: '6999', amount: -10 }),
      },
    });
    const b = entity('b', {
      name: 'B Co',
      accounts: {},
      tables: { ledger: ledger({ account: '6999', amount: -15 }, { account: '6000', amount: -5 }) },
    });
    const p = portfolio({
      entities: [a, b],
      settings: {
        chart_of_accounts: {
          '4000': { name: 'Sales', type: 'income' },
          '6000': { name: 'Opex', type: 'expense' },
        },
      },
    });
    const result = analyze<{
      accounts: { code: string; mapped: boolean; rows: number; amount: number }[];
      unmapped: number;
    }>(p, 'chart_of_accounts');
    expect(result.data.accounts.map((a) => [a.code, a.mapped])).toEqual([
      ['4000', true],
      ['6000', true],
      ['6999', false],
    ]);
    expect(result.data.unmapped).toBe(1);
    expect(ids(result.findings)).toEqual(['accounting.unmapped-account:portfolio:6999']);
    // rows: one in A, one in B; amount -10 + -15 = -25
    expect(result.findings[0]!.figures).toEqual({ account: '6999', rows: 2, amount: -25 });
    expect(result.findings[0]!.title).toContain('A Co, B Co');
  });

  it('with no ledger, lists no account and flags none', () => {
    const result = analyze<{ accounts: unknown[]; unmapped: number }>(
      portfolio({ entities: [entity('e')] }),
      'chart_of_accounts',
    );
    expect(result.data).toEqual({ accounts: [], unmapped: 0 });
    expect(result.findings).toEqual([]);
  });
});

describe('expense audit', () => {
  type AuditData = {
    entities: {
      duplicates: { lines: string }[];
      missing_receipts: { amount: number }[];
      subscriptions: { memo: string; cadence: string; monthly: number }[];
      subscriptions_monthly: number;
    }[];
  };
  const audit = (...lines: Parameters<typeof ledger>) =>
    analyze<AuditData>(
      portfolio({ entities: [entity('e', { tables: { ledger: ledger(...lines) } })] }),
      'expense_audit',
    );

  it('flags a duplicate charge: same date, account, amount and memo', () => {
    const result = audit(
      { date: '2026-10-05', account: '6000', amount: -120, memo: 'Fuel dock' }, // line 2
      { date: '2026-10-05', account: '6000', amount: -120, memo: 'Fuel dock' }, // line 3
      { date: '2026-10-05', account: '6000', amount: -120, memo: 'Chandlery' }, // other memo
      { date: '2026-10-06', account: '6000', amount: -120, memo: 'Fuel dock' }, // other date
      { date: '2026-10-05', account: '6100', amount: -120, memo: 'Fuel dock' }, // other account
      { date: '2026-10-05', account: '4000', amount: 120, memo: 'Refund' }, // income is not audited
      { date: '2026-10-05', account: '4000', amount: 120, memo: 'Refund' },
    );
    expect(ids(byRule(result.findings, 'accounting.duplicate-charge'))).toEqual([
      'accounting.duplicate-charge:e:2026-10-05:6000:120:fuel-dock',
    ]);
    expect(result.data.entities[0]!.duplicates.map((d) => d.lines)).toEqual(['2, 3']);
  });

  it('gives two different duplicated charges on one day with one amount different ids', () => {
    // two separate problems: a Fuel dock charge entered twice and a Chandlery charge entered twice
    const result = audit(
      { date: '2026-10-05', amount: -120, memo: 'Fuel dock' },
      { date: '2026-10-05', amount: -120, memo: 'Fuel dock' },
      { date: '2026-10-05', amount: -120, memo: 'Chandlery' },
      { date: '2026-10-05', amount: -120, memo: 'Chandlery' },
    );
    const duplicates = byRule(result.findings, 'accounting.duplicate-charge');
    expect(duplicates).toHaveLength(2);
    expect(new Set(duplicates.map((f) => f.id)).size).toBe(2);
  });

  it('a charge entered three times does not raise two findings with one id', () => {
    const result = audit(
      { date: '2026-10-05', amount: -120, memo: 'Fuel dock' },
      { date: '2026-10-05', amount: -120, memo: 'Fuel dock' },
      { date: '2026-10-05', amount: -120, memo: 'Fuel dock' },
    );
    expect(ids(result.findings)).toEqual([
      'accounting.duplicate-charge:e:2026-10-05:6000:120:fuel-dock',
    ]);
    expect(result.findings[0]!.figures['times']).toBe(3);
  });

  it('flags uncategorised spending once per entity with the rows and total', () => {
    const result = audit(
      { amount: -40, category: 'uncategorised' },
      { amount: -60, category: '' },
      { amount: -99, category: 'fuel' },
      { amount: 500, category: 'uncategorised' }, // income is not spending
    );
    const [finding] = byRule(result.findings, 'accounting.uncategorised');
    expect(finding!.id).toBe('accounting.uncategorised:e');
    // rows 2; 40 + 60 = 100
    expect(finding!.figures).toEqual({ rows: 2, amount: 100 });
  });

  it('needs a receipt at or above receipt_required_above (75), not below', () => {
    const result = audit(
      { amount: -75, receipt: undefined }, // at the threshold: needs one
      { amount: -80, receipt: '' }, // empty reference: none
      { amount: -74.99, receipt: undefined }, // below: does not
      { amount: -200, receipt: 'R-9' }, // has one
      { amount: 500, receipt: undefined }, // income
    );
    const [finding] = byRule(result.findings, 'accounting.missing-receipts');
    expect(finding!.id).toBe('accounting.missing-receipts:e');
    // rows 2; 75 + 80 = 155
    expect(finding!.figures).toEqual({ rows: 2, amount: 155, threshold: 75 });
    expect(result.data.entities[0]!.missing_receipts.map((r) => r.amount)).toEqual([75, 80]);
  });

  it('the accounting persona sets the receipt threshold', () => {
    const p = portfolio({
      entities: [entity('e', { tables: { ledger: ledger({ amount: -80, receipt: undefined }) } })],
      personas: { accounting: { thresholds: { receipt_required_above: 100 } } },
    });
    expect(byRule(analyze(p, 'expense_audit').findings, 'accounting.missing-receipts')).toEqual([]);
  });

  it('a receipt threshold set in config moves the boundary: at it needs one, a cent under does not', () => {
    const charges = ledger(
      { amount: -100, receipt: undefined }, // at 100: needs one
      { amount: -99.99, receipt: undefined }, // under 100: does not
      { amount: -80, receipt: undefined }, // would need one under the default 75
    );
    const run = (input: Pick<Parameters<typeof portfolio>[0], 'settings' | 'personas'>) =>
      analyze<AuditData & { receipt_threshold: number }>(
        portfolio({ entities: [entity('e', { tables: { ledger: charges } })], ...input }),
        'expense_audit',
      );
    const portfolioWide = run({ settings: { thresholds: { receipt_required_above: 100 } } });
    // the accounting persona's 100 wins over the portfolio's 50
    const persona = run({
      settings: { thresholds: { receipt_required_above: 50 } },
      personas: { accounting: { thresholds: { receipt_required_above: 100 } } },
    });
    for (const result of [portfolioWide, persona]) {
      expect(result.data.receipt_threshold).toBe(100);
      expect(ids(result.findings)).toEqual(['accounting.missing-receipts:e']);
      // rows 1; 100
      expect(result.findings[0]!.figures).toEqual({ rows: 1, amount: 100, threshold: 100 });
      expect(result.data.entities[0]!.missing_receipts.map((r) => r.amount)).toEqual([100]);
    }
  });

  it('with no ledger, finds no duplicate, no uncategorised row and no missing receipt', () => {
    const result = analyze<AuditData>(portfolio({ entities: [entity('e')] }), 'expense_audit');
    expect(result.data.entities[0]).toMatchObject({
      duplicates: [],
      uncategorised: [],
      missing_receipts: [],
      subscriptions: [],
      // no ledger: the monthly subscription cost is unknown, not zero
      subscriptions_monthly: null,
    });
    expect(result.findings).toEqual([]);
  });

  it('keeps the missing-receipts id when the amounts change', () => {
    const first = audit({ amount: -75, receipt: undefined });
    const second = audit({ amount: -300, receipt: undefined }, { amount: -90, receipt: undefined });
    expect(ids(first.findings)).toEqual(['accounting.missing-receipts:e']);
    expect(ids(second.findings)).toEqual(ids(first.findings));
  });

  it('keeps duplicate-charge and uncategorised ids when other rows and figures change', () => {
    const first = audit(
      { date: '2026-10-05', amount: -120, memo: 'Fuel dock' },
      { date: '2026-10-05', amount: -120, memo: 'Fuel dock' },
      { date: '2026-10-07', amount: -40, category: 'uncategorised' },
    );
    // a row added in front moves the duplicates to lines 3 and 4; receipts and the
    // uncategorised amount differ
    const second = audit(
      { date: '2026-09-01', amount: -5 },
      { date: '2026-10-05', amount: -120, memo: 'Fuel dock', receipt: 'R-7' },
      { date: '2026-10-05', amount: -120, memo: 'Fuel dock', receipt: 'R-8' },
      { date: '2026-10-07', amount: -65, category: 'uncategorised' },
      { date: '2026-10-08', amount: -15, category: 'uncategorised' },
    );
    expect(ids(first.findings)).toEqual([
      'accounting.duplicate-charge:e:2026-10-05:6000:120:fuel-dock',
      'accounting.uncategorised:e',
    ]);
    expect(ids(second.findings)).toEqual(ids(first.findings));
  });

  it('finds subscriptions: the same payee each month in a subscription category', () => {
    const result = analyze<AuditData>(
      portfolio({
        entities: [
          entity('e', {
            tables: {
              ledger: ledger(
                { date: '2026-08-03', amount: -29, memo: 'SaaS', category: 'software' },
                { date: '2026-09-03', amount: -29, memo: 'SaaS', category: 'software' },
                { date: '2026-10-03', amount: -29, memo: 'SaaS', category: 'software' },
                // A new price within 25% of the median (29) is the same payee's series, and
                // what the latest cycle bills (35) is its monthly cost.
                { date: '2026-11-03', amount: -35, memo: 'SaaS', category: 'software' },
                // Only 2 months.
                { date: '2026-09-10', amount: -50, memo: 'Gym', category: 'software' },
                { date: '2026-10-10', amount: -50, memo: 'Gym', category: 'software' },
                // 3 rows but only 2 months.
                { date: '2026-09-12', amount: -10, memo: 'Cloud', category: 'software' },
                { date: '2026-10-12', amount: -10, memo: 'Cloud', category: 'software' },
                { date: '2026-10-13', amount: -10, memo: 'Cloud', category: 'software' },
                // Recurs every month but is payroll, not a subscription.
                { date: '2026-08-28', amount: -4000, memo: 'Salary', category: 'salaries' },
                { date: '2026-09-28', amount: -4000, memo: 'Salary', category: 'salaries' },
                { date: '2026-10-28', amount: -4000, memo: 'Salary', category: 'salaries' },
                // Quarterly: 300 a quarter is 100 a month, not 300.
                { date: '2026-05-20', amount: -300, memo: 'Backups', category: 'software' },
                { date: '2026-08-20', amount: -300, memo: 'Backups', category: 'software' },
                // Billed on the 31st, which moves to the 1st in a short month: still monthly.
                { date: '2026-07-31', amount: -12, memo: 'Mail', category: 'software' },
                { date: '2026-08-31', amount: -12, memo: 'Mail', category: 'software' },
                { date: '2026-10-01', amount: -12, memo: 'Mail', category: 'software' },
                { date: '2026-10-31', amount: -12, memo: 'Mail', category: 'software' },
                // Lapsed from February to June, then taken up again: the latest run counts.
                { date: '2026-01-05', amount: -20, memo: 'Maps', category: 'software' },
                { date: '2026-07-05', amount: -20, memo: 'Maps', category: 'software' },
                { date: '2026-08-05', amount: -20, memo: 'Maps', category: 'software' },
                { date: '2026-09-05', amount: -20, memo: 'Maps', category: 'software' },
                { date: '2026-10-05', amount: -20, memo: 'Maps', category: 'software' },
                // Monthly until June: cancelled, no longer a cost.
                { date: '2026-04-01', amount: -15, memo: 'Old CRM', category: 'software' },
                { date: '2026-05-01', amount: -15, memo: 'Old CRM', category: 'software' },
                { date: '2026-06-01', amount: -15, memo: 'Old CRM', category: 'software' },
                // Irregular gaps (1 then 2 months): no steady cadence.
                { date: '2026-07-07', amount: -60, memo: 'Ads tool', category: 'software' },
                { date: '2026-08-07', amount: -60, memo: 'Ads tool', category: 'software' },
                { date: '2026-10-07', amount: -60, memo: 'Ads tool', category: 'software' },
              ),
            },
          }),
        ],
        settings: {
          cost_categories: {
            fixed: ['software', 'salaries'],
            variable: [],
            subscriptions: ['software'],
          },
        },
      }),
      'expense_audit',
    );
    const entityData = result.data.entities[0]!;
    expect(entityData.subscriptions).toEqual([
      { memo: 'SaaS', amount: 35, cadence: 'monthly', monthly: 35, last: '2026-11-03' },
      { memo: 'Backups', amount: 300, cadence: 'quarterly', monthly: 100, last: '2026-08-20' },
      { memo: 'Mail', amount: 12, cadence: 'monthly', monthly: 12, last: '2026-10-31' },
      { memo: 'Maps', amount: 20, cadence: 'monthly', monthly: 20, last: '2026-10-05' },
    ]);
    // 35 + 300 / 3 + 12 + 20
    expect(entityData.subscriptions_monthly).toBe(167);
  });

  it('lists no subscriptions when no category is named as one', () => {
    const result = audit(
      { date: '2026-08-03', amount: -29, memo: 'SaaS' },
      { date: '2026-09-03', amount: -29, memo: 'SaaS' },
      { date: '2026-10-03', amount: -29, memo: 'SaaS' },
    );
    expect(result.data.entities[0]!.subscriptions).toEqual([]);
    expect(result.data.entities[0]!.subscriptions_monthly).toBe(0);
  });
});

describe('profitability', () => {
  it('is revenue minus costs per month, with the margin, and flags a loss', () => {
    const steady = (income: number, spending: number) =>
      ledger(
        ...['2026-08', '2026-09', '2026-10'].flatMap((month) => [
          { date: `${month}-01`, amount: income },
          { date: `${month}-02`, amount: -spending },
        ]),
      );
    const profitable = entity('p', { tables: { ledger: steady(10_000, 7_000) } });
    const losing = entity('l', { name: 'L Co', tables: { ledger: steady(2_000, 5_000) } });
    const empty = entity('n');
    const result = analyze<{ entities: Record<string, unknown>[] }>(
      portfolio({ entities: [profitable, losing, empty] }),
      'profitability',
    );
    expect(result.data.entities).toEqual([
      // 10,000 - 7,000 = 3,000; 3,000 / 10,000 = 0.3
      {
        id: 'p',
        name: 'P',
        cash_revenue_monthly: 10_000,
        deposits_deferred: 0,
        deposits_released: 0,
        revenue_monthly: 10_000,
        costs_monthly: 7_000,
        profit_monthly: 3_000,
        margin: 0.3,
      },
      // 2,000 - 5,000 = -3,000; -3,000 / 2,000 = -1.5
      {
        id: 'l',
        name: 'L Co',
        cash_revenue_monthly: 2_000,
        deposits_deferred: 0,
        deposits_released: 0,
        revenue_monthly: 2_000,
        costs_monthly: 5_000,
        profit_monthly: -3_000,
        margin: -1.5,
      },
      {
        id: 'n',
        name: 'N',
        cash_revenue_monthly: null,
        deposits_deferred: 0,
        deposits_released: 0,
        revenue_monthly: null,
        costs_monthly: null,
        profit_monthly: null,
        margin: null,
      },
    ]);
    expect(ids(result.findings)).toEqual(['accounting.loss-making:l']);
    expect(result.findings[0]!.title).toBe('L Co loses $3,000 a month');
  });

  it("with one month of ledger, is that month's revenue minus its costs", () => {
    const e = entity('e', {
      tables: {
        ledger: ledger(
          { date: '2026-10-01', amount: 6_000 },
          { date: '2026-10-02', amount: -4_500 },
        ),
      },
    });
    const result = analyze<{ entities: Record<string, unknown>[] }>(
      portfolio({ entities: [e] }),
      'profitability',
    );
    // October only, not divided by 3: 6,000 - 4,500 = 1,500; 1,500 / 6,000 = 0.25
    expect(result.data.entities[0]).toMatchObject({
      cash_revenue_monthly: 6_000,
      revenue_monthly: 6_000,
      costs_monthly: 4_500,
      profit_monthly: 1_500,
      margin: 0.25,
    });
    expect(result.findings).toEqual([]);
  });

  it('a profit of exactly zero is not a loss; one unit under is', () => {
    const run = (spending: number) =>
      analyze(
        portfolio({
          entities: [
            entity('e', {
              tables: {
                ledger: ledger(
                  { date: '2026-10-01', amount: 6_000 },
                  { date: '2026-10-02', amount: -spending },
                ),
              },
            }),
          ],
        }),
        'profitability',
      );
    // 6,000 - 6,000 = 0
    expect(run(6_000).findings).toEqual([]);
    // 6,000 - 6,001 = -1
    const loss = run(6_001);
    expect(ids(loss.findings)).toEqual(['accounting.loss-making:e']);
    expect(loss.findings[0]!.figures).toEqual({
      revenue_monthly: 6_000,
      costs_monthly: 6_001,
      profit_monthly: -1,
    });
  });

  it('counts a deposit as revenue in the month of its service, not when it was taken', () => {
    // The trailing months are August to October; the ledger takes 10,000 of income each month,
    // deposits included the day they are taken.
    const e = entity('c', {
      deposits_booked: 'when_taken',
      tables: {
        ledger: ledger(
          ...['2026-08', '2026-09', '2026-10'].flatMap((month) => [
            { date: `${month}-01`, amount: 10_000 },
            { date: `${month}-02`, amount: -7_000 },
          ]),
        ),
        bookings: rows('bookings', [
          // Taken in September for December: deferred.
          { booking_id: 'B1', booked: '2026-09-10', service_date: '2026-12-05', deposit: 3_000 },
          // Taken in July for August: released into the months.
          { booking_id: 'B2', booked: '2026-07-01', service_date: '2026-08-20', deposit: 1_500 },
          // Taken and served within the months: already in the right place.
          { booking_id: 'B3', booked: '2026-09-01', service_date: '2026-10-01', deposit: 900 },
          // Cancelled: left out.
          {
            booking_id: 'B4',
            booked: '2026-09-02',
            service_date: '2026-12-01',
            deposit: 500,
            status: 'cancelled',
          },
        ]),
      },
    });
    const result = analyze<{ entities: Record<string, unknown>[] }>(
      portfolio({ entities: [e] }),
      'profitability',
    );
    // (30,000 - 3,000 + 1,500) / 3 = 9,500 earned a month; 9,500 - 7,000 = 2,500; 2,500 / 9,500
    expect(result.data.entities[0]).toMatchObject({
      cash_revenue_monthly: 10_000,
      deposits_deferred: 3_000,
      deposits_released: 1_500,
      revenue_monthly: 9_500,
      profit_monthly: 2_500,
      margin: 0.2632,
    });
    // With October alone in the ledger (10,000 taken, 3,000 of it a deposit for December), the
    // deposit comes out of that one month (not a third of it), and only October's deposits move.
    const october = analyze<{ entities: Record<string, unknown>[] }>(
      portfolio({
        entities: [
          entity('c', {
            deposits_booked: 'when_taken',
            tables: {
              ledger: ledger({ date: '2026-10-01', amount: 10_000 }),
              bookings: rows('bookings', [
                {
                  booking_id: 'B1',
                  booked: '2026-10-01',
                  service_date: '2026-12-05',
                  deposit: 3_000,
                },
                // Taken in August, which the ledger lacks: not in the revenue, so not deferred.
                {
                  booking_id: 'B2',
                  booked: '2026-08-10',
                  service_date: '2026-12-06',
                  deposit: 900,
                },
                // Served in August, which the ledger lacks: not released into October.
                {
                  booking_id: 'B3',
                  booked: '2026-06-10',
                  service_date: '2026-08-06',
                  deposit: 500,
                },
                // Taken in July for October: released into October.
                {
                  booking_id: 'B4',
                  booked: '2026-07-10',
                  service_date: '2026-10-20',
                  deposit: 400,
                },
              ]),
            },
          }),
        ],
      }),
      'profitability',
    );
    // 10,000 - 3,000 + 400 = 7,400
    expect(october.data.entities[0]).toMatchObject({
      deposits_deferred: 3_000,
      deposits_released: 400,
      revenue_monthly: 7_400,
    });
    // A ledger that books income at service is already on the earned basis.
    const atService = analyze<{ entities: Record<string, unknown>[] }>(
      portfolio({ entities: [{ ...e, deposits_booked: 'at_service' }] }),
      'profitability',
    );
    expect(atService.data.entities[0]).toMatchObject({
      deposits_deferred: 0,
      deposits_released: 0,
      revenue_monthly: 10_000,
    });
  });
});
