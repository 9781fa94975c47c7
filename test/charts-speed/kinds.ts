// One chart spec of each kind the analyses draw (src/analysis/trend-chart.ts, charts-cash.ts,
// charts-sections.ts), plus the edge cases of the drawing code: a series with a gap, a line of
// three points (labelled), a long category name (wrapped), no data at all, a non-default size.
// Shared by the charts-speed tests and by the script that took their pixel hashes.
import { type ChartSpec, categoryChart, monthlyChart } from '../../src/charts/spec.js';

const usd = { kind: 'money', currency: 'USD' } as const;
const eur = { kind: 'money', currency: 'EUR' } as const;
const months = (count: number, from = 2025) =>
  Array.from(
    { length: count },
    (_, i) => `${from + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
  );

/** Spec name -> spec; the names key the pixel hashes in pixels.test.ts. */
export const CHART_KINDS: Record<string, ChartSpec> = {
  'trend (bars by month, one money unit)': monthlyChart({
    title: 'Harbour Rentals: revenue and spending by month',
    months: months(12),
    series: [
      {
        name: 'Revenue',
        unit: usd,
        mark: 'bar',
        values: [9840, 10120, 11609, null, 9739, 10400, 9910, 10880, 11020, 10250, 9930, 10110],
      },
      {
        name: 'Spending',
        unit: usd,
        mark: 'bar',
        values: [
          19479, 18804, 20617, 19126, 19300, 18950, 19720, 20010, 19640, 19480, 19210, 19900,
        ],
      },
    ],
  }),
  'cash and runway (bars and a line, two units)': monthlyChart({
    title: 'Portfolio: cash on hand and runway',
    months: months(6, 2026),
    series: [
      {
        name: 'Cash on hand',
        unit: eur,
        mark: 'bar',
        values: [182000, 171500, 160250, 149900, 141300, 133800],
      },
      {
        name: 'Runway',
        unit: { kind: 'months' },
        mark: 'line',
        values: [14.2, 13.1, null, 11.4, 10.6, 9.9],
      },
    ],
  }),
  'spend and ROAS (bars and points by category)': categoryChart({
    title: 'Acme Bakery: spend and ROAS by channel, last 3 months',
    categoryLabel: 'Channel',
    categories: ['Search', 'Social', 'Email', 'Affiliates and partner referrals'],
    series: [
      { name: 'Spend', unit: usd, mark: 'bar', values: [12400, 8300, 1200, 640] },
      { name: 'ROAS', unit: { kind: 'ratio' }, mark: 'line', values: [3.1, 1.8, 7.25, 0.9] },
    ],
  }),
  'aging (one bar series by category, 480x240)': categoryChart({
    title: 'Acme Bakery: receivables by days past due',
    categoryLabel: 'Days past due',
    categories: ['0–30', '31–60', '61–90', '90+'],
    series: [{ name: 'Open amount', unit: usd, values: [24100, 9050, 0, 3120] }],
    width: 480,
    height: 240,
  }),
  'occupancy (stacked bars)': categoryChart({
    title: 'Harbour Rentals: 75.0% occupied (3 of 4 units), rent by unit',
    categoryLabel: 'Unit',
    categories: ['1A', '1B', '2A', '2B'],
    stacked: true,
    series: [
      { name: 'Rent, occupied', unit: usd, values: [1450, 0, 1600, 1575] },
      { name: 'Rent lost, vacant', unit: usd, values: [0, 1500, 0, 0] },
    ],
  }),
  'a line of three points (labelled)': monthlyChart({
    title: 'Gross margin',
    months: months(3, 2026),
    series: [{ name: 'Margin', unit: { kind: 'percent' }, values: [0.412, 0.398, 0.431] }],
  }),
  'no data': categoryChart({
    title: 'Receivables by age',
    categories: ['0–30', '31–60'],
    series: [{ name: 'Owed', unit: usd, values: [null, null] }],
  }),
};
