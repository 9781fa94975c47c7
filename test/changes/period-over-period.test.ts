// Period over period with no stored state: one small portfolio whose books change between two
// weeks, analysed at both as-of dates, with every figure below worked out by hand.
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analysis/index.js';
import { previousAsOf } from '../../src/analysis/dates.js';
import type { FigureChange, ReportChanges } from '../../src/analysis/changes.js';
import { compareFigure } from '../../src/analysis/changes.js';
import { changeThresholdDefaults } from '../../src/config/schema.js';
import type { Entity, Report } from '../../src/config/load.js';
import { entity, ledger, portfolio } from '../analysis/build.js';

const NOW = '2026-12-02';
const BEFORE = '2026-11-25';

// Account 1000 is the cash account every ledger.csv row moves (its counterpart), so cash on hand
// comes from the books: the opening balance plus every row up to the as-of date.
const ACCOUNTS: Entity['accounts'] = {
  '1000': { type: 'asset', cash: true },
  '3000-3999': { type: 'equity' },
  '4000-4999': { type: 'income' },
  '5000-6999': { type: 'expense' },
};

/**
 * Alpha: opening 60,000 (July, in neither window). Revenue Aug 9,000, Sep 9,000, Oct 6,000,
 * Nov 3,000; spending Aug–Oct 10,000 a month, Nov 12,000 on the 5th and 1,500 on the 28th
 * (between the two as-of dates).
 */
const alpha = (): Entity => ({
  ...entity('alpha', {
    accounts: ACCOUNTS,
    tables: {
      ledger: ledger(
        { date: '2026-07-01', account: '3000', amount: 60_000 },
        { date: '2026-08-10', amount: 9_000 },
        { date: '2026-09-10', amount: 9_000 },
        { date: '2026-10-10', amount: 6_000 },
        { date: '2026-11-10', amount: 3_000 },
        { date: '2026-08-05', amount: -10_000 },
        { date: '2026-09-05', amount: -10_000 },
        { date: '2026-10-05', amount: -10_000 },
        { date: '2026-11-05', amount: -12_000 },
        { date: '2026-11-28', amount: -1_500 },
      ),
    },
  }),
  cash_on_hand: undefined,
});

/** Bravo breaks even; its cash is typed by hand as of 30 Nov: after the previous as-of date. */
const bravo = (): Entity => ({
  ...entity('bravo', {
    tables: {
      ledger: ledger(
        ...['08', '09', '10', '11'].flatMap((m) => [
          { date: `2026-${m}-10`, amount: 1_000 },
          { date: `2026-${m}-11`, amount: -1_000 },
        ]),
      ),
    },
  }),
  cash_on_hand: { amount: 20_000, as_of: '2026-11-30' },
});

/** Charlie spends 5,000 a month and earns nothing: 10,000 typed on 1 Nov is 2 months of runway. */
const charlie = (): Entity => ({
  ...entity('charlie', {
    tables: {
      ledger: ledger(
        ...['08', '09', '10', '11'].map((m) => ({ date: `2026-${m}-05`, amount: -5_000 })),
      ),
    },
  }),
  cash_on_hand: { amount: 10_000, as_of: '2026-11-01' },
});

const REPORT: Report = {
  id: 'cfo',
  file: 'reports-config/reports/cfo.yml',
  persona: 'cfo',
  entities: 'all',
  recipients: { to: ['cfo@example.com'], cc: [], bcc: [] },
  cadence: 'weekly',
  subject: 'CFO',
  sections: ['burn', 'financial_rules'],
  tasks: true,
  format: 'html',
};

function changesOf(): ReportChanges {
  const p = portfolio({
    entities: [alpha(), bravo(), charlie()],
    // Alpha's runway falls from 22.5 to 8.4 months: under 10 only now.
    settings: { thresholds: { min_runway_months: 10 } },
  });
  return new Analyzer(p, NOW).analyzeWithChanges(REPORT).changes!;
}

const figureOf = (changes: ReportChanges, entityId: string, key: string): FigureChange =>
  changes.entities.find((e) => e.id === entityId)!.figures.find((f) => f.key === key)!;

describe('the previous period of a cadence', () => {
  it('is a week earlier for a weekly report', () => {
    expect(previousAsOf('weekly', NOW)).toBe(BEFORE);
    expect(previousAsOf('weekly', '2026-01-03')).toBe('2025-12-27');
  });

  it('is the same day of the month before, clamped to its last day, for a monthly one', () => {
    expect(previousAsOf('monthly', '2026-11-15')).toBe('2026-10-15');
    expect(previousAsOf('monthly', '2026-03-31')).toBe('2026-02-28');
    expect(previousAsOf('monthly', '2028-03-31')).toBe('2028-02-29');
    expect(previousAsOf('monthly', '2026-01-31')).toBe('2025-12-31');
  });
});

describe('headline figures now and a week earlier, recomputed from the same books', () => {
  const changes = changesOf();

  it('compares with the previous as-of date', () => {
    expect(changes.as_of).toBe(NOW);
    expect(changes.previous_as_of).toBe(BEFORE);
  });

  it('revenue: (9,000 + 9,000 + 6,000) / 3 = 8,000 then, (9,000 + 6,000 + 3,000) / 3 = 6,000 now', () => {
    const revenue = figureOf(changes, 'alpha', 'revenue_monthly');
    expect(revenue).toMatchObject({
      previous: 8_000,
      current: 6_000,
      change: -2_000,
      change_ratio: -0.25,
      arrow: '▼',
      good: false,
      unit: 'money',
      better: 'higher',
    });
    expect(revenue.text).toEqual({
      previous: '$8,000',
      current: '$6,000',
      change: '-$2,000',
      change_percent: '-25.0%',
    });
    // 25% is the revenue threshold: a move of 25% or more counts.
    expect(revenue.past_threshold).toBe(true);
  });

  it('net burn: 10,000 − 8,000 = 2,000 then; 33,500 / 3 − 6,000 = 5,166.67 now', () => {
    const burn = figureOf(changes, 'alpha', 'net_burn_monthly');
    expect(burn.previous).toBe(2_000);
    expect(burn.current).toBe(5_166.67);
    // On the values as shown: $5,167 − $2,000 = $3,167, 3,167 / 2,000 = 158.35%.
    expect(burn).toMatchObject({ change: 3_167, change_ratio: 1.5835, arrow: '▲', good: false });
    expect(burn.text.change).toBe('+$3,167');
    expect(burn.text.change_percent).toBe('+158.4%');
    expect(burn.past_threshold).toBe(true);
  });

  it('gross burn moves 11.7%: under its 25% threshold', () => {
    const gross = figureOf(changes, 'alpha', 'gross_burn_monthly');
    expect(gross).toMatchObject({ previous: 10_000, current: 11_166.67, change: 1_167 });
    expect(gross.past_threshold).toBe(false);
  });

  it('cash: 60,000 + 27,000 − 42,000 = 45,000 on 25 Nov; less the 1,500 of 28 Nov = 43,500', () => {
    const cash = figureOf(changes, 'alpha', 'cash_on_hand');
    expect(cash).toMatchObject({
      previous: 45_000,
      current: 43_500,
      change: -1_500,
      change_ratio: -0.0333,
      arrow: '▼',
      good: false,
      past_threshold: false,
    });
  });

  it('runway: 45,000 / 2,000 = 22.5 months then; 43,500 / 5,166.67 = 8.4 now', () => {
    const runway = figureOf(changes, 'alpha', 'runway_months');
    expect(runway.previous).toBe(22.5);
    // 8.419…, kept to a tenth as the burn section shows it.
    expect(runway.current).toBe(8.4);
    // 8.4 − 22.5 = −14.1 months; 14.1 / 22.5 = 62.67%, past the 20% runway threshold.
    expect(runway).toMatchObject({ change: -14.1, change_ratio: -0.6267, arrow: '▼', good: false });
    expect(runway.text).toEqual({
      previous: '22.5 months',
      current: '8.4 months',
      change: '-14.1 months',
      change_percent: '-62.7%',
    });
    expect(runway.past_threshold).toBe(true);
  });

  it('a figure that did not move reads "=" and is neither good nor bad', () => {
    // Bravo earns what it spends in every month: revenue 1,000 in both windows.
    const revenue = figureOf(changes, 'bravo', 'revenue_monthly');
    expect(revenue).toMatchObject({ previous: 1_000, current: 1_000, change: 0, arrow: '=' });
    expect(revenue.good).toBeNull();
    expect(revenue.past_threshold).toBe(false);
  });

  it('cash typed after the previous as-of date was unknown then, not a move', () => {
    const cash = figureOf(changes, 'bravo', 'cash_on_hand');
    expect(cash).toMatchObject({ previous: null, current: 20_000, change: null, arrow: '' });
    expect(cash.text.previous).toBe('no data');
  });

  it('lists the moved figures in report order: revenue, net burn and runway of alpha', () => {
    expect(changes.moved.map((f) => f.id)).toEqual([
      'alpha:revenue_monthly',
      'alpha:net_burn_monthly',
      'alpha:runway_months',
    ]);
  });
});

describe('findings in What changed', () => {
  const changes = changesOf();

  it('a finding that appears: alpha runway under the 10-month minimum (22.5 then, 8.4 now)', () => {
    expect(changes.opened.map((f) => f.id)).toEqual(['finance.runway-below-minimum:alpha']);
    expect(changes.opened[0]!.severity).toBe('critical');
  });

  it('a finding that is resolved: bravo cash typed on 30 Nov was after the 25 Nov as-of date', () => {
    expect(changes.resolved.map((f) => f.id)).toEqual(['finance.cash-after-as-of:bravo']);
  });

  it('a finding that persists (charlie: 2 months of runway in both) is neither new nor resolved', () => {
    const persisting = 'finance.runway-below-minimum:charlie';
    expect(changes.opened.map((f) => f.id)).not.toContain(persisting);
    expect(changes.resolved.map((f) => f.id)).not.toContain(persisting);
    expect(changes.persisting).toBe(1);
    expect(changes.changed).toBe(true);
  });
});

describe('comparing one figure', () => {
  const base = {
    key: 'occupancy' as const,
    id: 'home:occupancy',
    label: 'Occupancy',
    entity: 'home',
    entity_name: 'Home',
    section: 'property' as const,
    unit: 'percent' as const,
    better: 'higher' as const,
    typed: false,
    quantity_unit: null,
  };

  it('occupancy 3 of 4 units then, 4 of 4 now: +25.0 pts, +33.3%, better', () => {
    const change = compareFigure(
      { ...base, value: 1 },
      { ...base, value: 0.75 },
      { ...changeThresholdDefaults },
      'USD',
    );
    expect(change).toMatchObject({ change: 0.25, change_ratio: 0.3333, arrow: '▲', good: true });
    expect(change.text).toEqual({
      previous: '75.0%',
      current: '100.0%',
      change: '+25.0 pts',
      change_percent: '+33.3%',
    });
  });

  it('money judged as shown: $100.40 then and $99.60 now both read $100, no move', () => {
    const money = { ...base, key: 'noi_monthly' as const, unit: 'money' as const };
    const change = compareFigure(
      { ...money, value: 99.6 },
      { ...money, value: 100.4 },
      { ...changeThresholdDefaults },
      'USD',
    );
    expect(change).toMatchObject({ change: 0, arrow: '=', good: null, past_threshold: false });
  });

  it('a typed KPI keeps its value: previous = current, never past a threshold', () => {
    const kpi = { ...base, key: 'kpi' as const, unit: 'count' as const, typed: true };
    const change = compareFigure(
      { ...kpi, value: 42 },
      undefined,
      { ...changeThresholdDefaults },
      'USD',
    );
    expect(change).toMatchObject({ previous: 42, current: 42, change: 0, past_threshold: false });
  });
});
