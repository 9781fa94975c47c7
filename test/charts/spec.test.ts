import { describe, expect, it } from 'vitest';
import {
  categoryChart,
  chartKey,
  chartTable,
  chartUnits,
  hasData,
  monthlyChart,
} from '../../src/charts/spec.js';

const usd = { kind: 'money', currency: 'USD' } as const;
const eur = { kind: 'money', currency: 'EUR' } as const;

// Twelve months from Jul 2025, crossing a year end.
const months = [
  '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12',
  '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06',
]; // prettier-ignore

const revenueVsSpending = () =>
  monthlyChart({
    title: 'Acme Bakery: revenue against spending',
    months,
    series: [
      {
        name: 'Revenue',
        unit: usd,
        values: [
          42100, 43950, 41200, 45800, 47300, 52950, 38400, 40100, 44700, 46200, 48900, 51350,
        ],
      },
      {
        name: 'Spending',
        unit: usd,
        values: [39800, 40200, 41900, 42100, 43900, 47100, 44300, 42800, 43100, 43900, 44800, null],
      },
    ],
  });

describe('monthlyChart', () => {
  it('gives a 600x300 line chart and its numbers as a text table, month by month', () => {
    const spec = revenueVsSpending();
    expect([spec.kind, spec.width, spec.height]).toEqual(['months', 600, 300]);
    expect(spec.series.map((s) => s.mark)).toEqual(['line', 'line']);
    const table = chartTable(spec);
    expect(table.header).toEqual(['Month', 'Revenue', 'Spending']);
    expect(table.align).toEqual(['left', 'right', 'right']);
    expect(table.rows).toHaveLength(12);
    expect(table.rows[0]).toEqual(['Jul 2025', '$42,100', '$39,800']);
    expect(table.rows[6]).toEqual(['Jan 2026', '$38,400', '$44,300']);
    // A month whose figure is unknown reads as every other unknown figure does.
    expect(table.rows[11]).toEqual(['Jun 2026', '$51,350', 'no data']);
  });

  it("writes alt text with each series' first, last, high and low figures", () => {
    const spec = revenueVsSpending();
    // Revenue: first Jul $42,100, last Jun $51,350, high Dec $52,950, low Jan $38,400.
    // Spending: first Jul $39,800, last known May $44,800, high Dec $47,100, low Jul $39,800.
    expect(spec.alt).toBe(
      'Acme Bakery: revenue against spending. Line chart by month, Jul 2025 to Jun 2026. ' +
        'Revenue: $42,100 in Jul 2025, $51,350 in Jun 2026 (high $52,950 in Dec 2025, low $38,400 in Jan 2026); ' +
        'Spending: $39,800 in Jul 2025, $44,800 in May 2026 (high $47,100 in Dec 2025, low $39,800 in Jul 2025).',
    );
  });

  it('puts cash and runway on two axes, with runway in months', () => {
    const spec = monthlyChart({
      title: 'Cash and runway',
      months: ['2026-01', '2026-02', '2026-03'],
      series: [
        { name: 'Cash', unit: eur, mark: 'bar', values: [120000, 110500.4, 99000] },
        { name: 'Runway', unit: { kind: 'months' }, values: [14.25, 12.9, Number.NaN] },
      ],
    });
    expect(chartUnits(spec)).toEqual([eur, { kind: 'months' }]);
    expect(chartTable(spec).rows).toEqual([
      ['Jan 2026', '€120,000', '14.3 months'],
      ['Feb 2026', '€110,500', '12.9 months'],
      // NaN is a figure nobody could compute: no data, never "NaN".
      ['Mar 2026', '€99,000', 'no data'],
    ]);
    expect(spec.alt).toContain('Bar and line chart by month, Jan 2026 to Mar 2026');
    expect(spec.alt).toContain('Runway: 14.3 months in Jan 2026, 12.9 months in Feb 2026');
  });

  it('refuses a month that is not YYYY-MM', () => {
    expect(() =>
      monthlyChart({
        title: 'T',
        months: ['2026-13'],
        series: [{ name: 'A', unit: usd, values: [1] }],
      }),
    ).toThrow('"2026-13" is not YYYY-MM');
  });
});

describe('categoryChart', () => {
  it('gives spend and ROAS per channel as bars, figures with their units', () => {
    const spec = categoryChart({
      title: 'Spend and ROAS by channel',
      categoryLabel: 'Channel',
      categories: ['Search', 'Social'],
      series: [
        { name: 'Spend', unit: usd, values: [12400, 8300] },
        { name: 'ROAS', unit: { kind: 'ratio' }, values: [3.1, 1.456] },
      ],
    });
    expect(spec.series.map((s) => s.mark)).toEqual(['bar', 'bar']);
    expect(chartTable(spec)).toEqual({
      header: ['Channel', 'Spend', 'ROAS'],
      rows: [
        ['Search', '$12,400', '3.10×'],
        ['Social', '$8,300', '1.46×'],
      ],
      align: ['left', 'right', 'right'],
    });
    expect(spec.alt).toBe(
      'Spend and ROAS by channel. Bar chart by channel. ' +
        'Spend: Search $12,400, Social $8,300; ROAS: Search 3.10×, Social 1.46×.',
    );
  });

  it('reads occupancy as a percentage of a ratio, and AR aging buckets as money', () => {
    const occupancy = categoryChart({
      title: 'Occupancy',
      categoryLabel: 'Property',
      categories: ['Elm St', 'Harbour View'],
      series: [{ name: 'Occupied', unit: { kind: 'percent' }, values: [0.92, 0.7549] }],
      width: 480,
      height: 240,
    });
    expect(chartTable(occupancy).rows).toEqual([
      ['Elm St', '92.0%'],
      ['Harbour View', '75.5%'],
    ]);
    expect([occupancy.width, occupancy.height]).toEqual([480, 240]);

    const aging = categoryChart({
      title: 'Receivables by age',
      categoryLabel: 'Days overdue',
      categories: ['0–30', '31–60', '61–90', '90+'],
      series: [{ name: 'Owed', unit: usd, values: [5200, 1800.5, 0, 950] }],
    });
    expect(chartTable(aging).rows.map((r) => r[1])).toEqual(['$5,200', '$1,801', '$0', '$950']);
    expect(aging.alt).toContain('Owed: 0–30 $5,200, 31–60 $1,801, 61–90 $0, 90+ $950');
  });

  it('refuses a series of the wrong length, a third unit and an unusable size', () => {
    const two = ['A', 'B'];
    expect(() =>
      categoryChart({
        title: 'T',
        categories: two,
        series: [{ name: 'S', unit: usd, values: [1] }],
      }),
    ).toThrow('series "S" has 1 values for 2 categories');
    expect(() =>
      categoryChart({
        title: 'T',
        categories: two,
        series: [
          { name: 'USD', unit: usd, values: [1, 2] },
          { name: 'EUR', unit: eur, values: [1, 2] },
          { name: 'Count', unit: { kind: 'count' }, values: [1, 2] },
        ],
      }),
    ).toThrow('at most two units');
    expect(() =>
      categoryChart({
        title: 'T',
        categories: two,
        series: [{ name: 'S', unit: usd, values: [1, 2] }],
        width: 100,
      }),
    ).toThrow('size 100x300');
  });
});

describe('a chart with no figures', () => {
  it('says "no data" in its alt text and table, and hasData is false', () => {
    const spec = categoryChart({
      title: 'Receivables by age',
      categories: ['0–30', '31–60'],
      series: [{ name: 'Owed', unit: usd, values: [null, undefined] }],
    });
    expect(hasData(spec)).toBe(false);
    expect(spec.alt).toBe('Receivables by age: no data.');
    expect(chartTable(spec).rows).toEqual([
      ['0–30', 'no data'],
      ['31–60', 'no data'],
    ]);
    const noMonths = monthlyChart({ title: 'Trend', months: [], series: [] });
    expect(hasData(noMonths)).toBe(false);
    expect(noMonths.alt).toBe('Trend: no data.');
  });
});

describe('chartKey', () => {
  it('is the same for the same chart however it was built, and differs when a figure does', () => {
    const a = revenueVsSpending();
    const reverse = <T extends object>(o: T): T =>
      Object.fromEntries(Object.entries(o).reverse()) as T;
    const reordered = reverse({ ...a, series: a.series.map(reverse) });
    expect(Object.keys(reordered)[0]).not.toBe(Object.keys(a)[0]);
    expect(chartKey(reordered)).toBe(chartKey(a));
    expect(chartKey(a)).toMatch(/^[0-9a-f]{16}$/);

    const changed = revenueVsSpending();
    (changed.series[0]!.values as (number | null)[])[3] = 45801;
    expect(chartKey(changed)).not.toBe(chartKey(a));
    expect(chartKey({ ...a, width: 601 })).not.toBe(chartKey(a));
  });
});
