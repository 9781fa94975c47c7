// Each `when` kind on a small in-memory portfolio whose figures are worked out by hand here.
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analysis/index.js';
import { evaluateAlerts } from '../../src/alerts/evaluate.js';
import type { AlertConfig } from '../../src/alerts/schema.js';
import type { Entity } from '../../src/config/load.js';
import { AS_OF, entity, ledger, portfolio, rows } from '../analysis/build.js';

// AS_OF is 2026-11-15: the trailing months are August, September and October 2026.
const months = ['2026-08-15', '2026-09-15', '2026-10-15'];
/** Income and spending each month of the window: net burn = spending − income, a month. */
const books = (income: number, spending: number) =>
  ledger(
    ...months.flatMap((date) => [
      { date, amount: income, category: 'sales' },
      { date, amount: -spending, category: 'rent' },
    ]),
  );

// ALPHA: net burn 6,000 − 2,000 = 4,000 a month; cash 10,000 -> runway 10,000 / 4,000 = 2.5 months.
const alpha = entity('alpha', { cash: 10_000, tables: { ledger: books(2_000, 6_000) } });
// BETA earns more than it spends (5,000 in, 1,000 out): not burning, so no runway at all.
const beta = entity('beta', { cash: 50_000, tables: { ledger: books(5_000, 1_000) } });
// GAMMA has no cash figure at all: "no data" never counts as under a floor.
const gamma: Entity = {
  ...entity('gamma', { tables: { ledger: books(1_000, 9_000) } }),
  cash_on_hand: undefined,
};

const alert = (input: Partial<AlertConfig> & Pick<AlertConfig, 'when'>): AlertConfig => ({
  id: 'test-alert',
  entities: 'all',
  to: ['cfo'],
  ...input,
});

function check(alerts: AlertConfig[], entities: Entity[], asOf = AS_OF, baseline?: string) {
  const now = new Analyzer(portfolio({ entities }), asOf);
  return evaluateAlerts({
    alerts,
    now,
    baseline: now.at(baseline ?? '2026-11-14'),
    firing: new Set(),
  });
}

describe('runway_below', () => {
  it('holds for an entity whose runway as shown is under the floor, and says so in the headline', () => {
    const found = check([alert({ when: 'runway_below', months: 3 })], [alpha, beta, gamma]);
    expect(found.map((c) => c.key)).toEqual(['test-alert/alpha']);
    expect(found[0]!.headline).toBe('ALPHA runway 2.5 months, under the 3-month floor');
    expect(Object.fromEntries(found[0]!.facts)).toMatchObject({
      Runway: '2.5 months',
      'Burn a month': '$4,000 (net burn)',
    });
  });

  it('does not hold at the floor itself (2.5 months is not under a 2.5-month floor)', () => {
    expect(check([alert({ when: 'runway_below', months: 2.5 })], [alpha])).toEqual([]);
    expect(check([alert({ when: 'runway_below', months: 2.6 })], [alpha])[0]!.headline).toBe(
      'ALPHA runway 2.5 months, under the 2.6-month floor',
    );
  });

  it('checks only the entities the alert lists', () => {
    expect(
      check([alert({ when: 'runway_below', months: 3, entities: ['beta'] })], [alpha, beta]),
    ).toEqual([]);
  });
});

describe('cash_below', () => {
  it('holds under the amount, not at it, and never for an entity with no cash figure', () => {
    const found = check([alert({ when: 'cash_below', amount: 12_000 })], [alpha, beta, gamma]);
    expect(found.map((c) => c.key)).toEqual(['test-alert/alpha']);
    expect(found[0]!.headline).toBe('ALPHA cash $10,000, under $12,000');
    expect(check([alert({ when: 'cash_below', amount: 10_000 })], [alpha])).toEqual([]);
  });
});

describe('invoice_overdue', () => {
  // Days past due on 2026-11-15: due Oct 1 -> 31 + 14 = 45; due Oct 16 -> 30; due Sep 1 ->
  // 30 + 31 + 14 = 75 (paid Nov 20, after the as-of date: still open then); due Sep 1 and paid
  // Nov 10: not open.
  const billed = entity('delta', {
    kind: 'client_portfolio',
    tables: {
      invoices: rows('invoices', [
        { invoice_id: 'INV-1', client: 'Acme', due: '2026-10-01', amount: 1_200 },
        { invoice_id: 'INV-2', client: 'Acme', due: '2026-10-16', amount: 800 },
        {
          invoice_id: 'INV-3',
          client: 'Birch',
          issued: '2026-08-01',
          due: '2026-09-01',
          amount: 500,
          paid: '2026-11-10',
        },
        {
          invoice_id: 'INV-4',
          client: 'Birch',
          issued: '2026-08-01',
          due: '2026-09-01',
          amount: 2_500,
          paid: '2026-11-20',
        },
      ]),
    },
  });

  it('holds per invoice more than the set days past due on the as-of date', () => {
    const found = check([alert({ when: 'invoice_overdue', days: 30 })], [billed]);
    expect(found.map((c) => c.key)).toEqual(['test-alert/delta/INV-1', 'test-alert/delta/INV-4']);
    expect(found.map((c) => c.headline)).toEqual([
      'DELTA invoice INV-1 to Acme ($1,200) is 45 days overdue, over 30',
      'DELTA invoice INV-4 to Birch ($2,500) is 75 days overdue, over 30',
    ]);
  });

  it('moves with the as-of date: on 2026-10-20 INV-3 and INV-4 (49 days) are over 30', () => {
    // Sep 1 -> Oct 20 = 30 + 19 = 49 days, and INV-3 (paid Nov 10) was still open then;
    // INV-1 is 19 days past due.
    const found = check([alert({ when: 'invoice_overdue', days: 30 })], [billed], '2026-10-20');
    expect(found.map((c) => c.key)).toEqual(['test-alert/delta/INV-3', 'test-alert/delta/INV-4']);
    expect(found[0]!.headline).toBe(
      'DELTA invoice INV-3 to Birch ($500) is 49 days overdue, over 30',
    );
  });
});

describe('new_critical', () => {
  // An invoice more than 90 days past due is a critical finding (more than 30: a warning).
  // On 2026-11-15, due Aug 10 -> 21 + 30 + 31 + 15 = 97 days (critical; 87 on Nov 5: a warning);
  // due Jul 1 -> 137 days (critical on Nov 5 too: not new); due Aug 20 -> 87 days (a warning).
  const late = entity('omega', {
    kind: 'client_portfolio',
    tables: {
      invoices: rows('invoices', [
        { invoice_id: 'INV-A', issued: '2026-06-01', due: '2026-08-10', amount: 900 },
        { invoice_id: 'INV-B', issued: '2026-06-01', due: '2026-07-01', amount: 700 },
        { invoice_id: 'INV-C', issued: '2026-06-01', due: '2026-08-20', amount: 300 },
      ]),
    },
  });
  const critical = alert({ id: 'crit', when: 'new_critical' });

  it('holds for a finding critical now that was not critical at the baseline', () => {
    const found = check([critical], [late], AS_OF, '2026-11-05');
    expect(found.map((c) => c.key)).toEqual(['crit/billing.overdue-invoice:omega:INV-A']);
    expect(found[0]!.headline).toMatch(/^new critical: OMEGA: invoice INV-A .* 97 days overdue$/);
  });

  it('keeps holding a critical that already fired, for as long as it stays critical', () => {
    const now = new Analyzer(portfolio({ entities: [late] }), AS_OF);
    const found = evaluateAlerts({
      alerts: [critical],
      now,
      baseline: now.at('2026-11-14'),
      firing: new Set(['crit/billing.overdue-invoice:omega:INV-A']),
    });
    // Critical on Nov 14 too (96 days), so not new; it holds because it is firing.
    expect(found.map((c) => c.key)).toEqual(['crit/billing.overdue-invoice:omega:INV-A']);
  });
});
