// The CMO's channel chart, the client-billing AR aging chart and the rental's rent-roll chart
// (src/analysis/charts-sections.ts): each pictures its section's own table. Figures worked by hand
// in the comments; as of 2026-11-15 the window is August to October 2026.
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../src/charts/spec.js';
import { chartTable } from '../../src/charts/spec.js';
import { chartCollector, chartFilter } from '../../src/render/chart-markup.js';
import { markdownToHtml, markdownToText } from '../../src/render/markdown.js';
import { analyze, channel, entity, portfolio, rows } from '../analysis/build.js';

type ChannelData = {
  entities: { id: string; channels: { spend: number | null }[]; chart: ChartSpec | null }[];
};

describe('spend and ROAS by channel (CMO)', () => {
  const sea = entity('sea', {
    name: 'Sea Co',
    channels: [
      channel('direct', { name: 'Direct', kind: 'direct' }),
      channel('ads', { name: 'Search ads' }),
      channel('radio', { name: 'Radio' }),
      channel('paused', { name: 'Paused', live: false }),
    ],
    tables: {
      channel_spend: rows('channel_spend', [
        { month: '2026-07', channel: 'ads', spend: 5_000, leads: 1 }, // before the window
        { month: '2026-08', channel: 'ads', spend: 300, leads: 10 },
        { month: '2026-09', channel: 'ads', spend: 300, leads: 20 },
        { month: '2026-10', channel: 'ads', spend: 400, leads: 30 },
        { month: '2026-10', channel: 'radio', spend: 1_000, leads: 3 },
        { month: '2026-10', channel: 'paused', spend: 50, leads: 1 },
      ]),
      bookings: rows('bookings', [
        { booking_id: 'B1', booked: '2026-08-10', channel: 'ads', revenue: 1_500 },
        { booking_id: 'B2', booked: '2026-10-02', channel: 'ads', revenue: 2_500 },
        { booking_id: 'B3', booked: '2026-09-15', channel: 'direct', revenue: 1_200 },
        { booking_id: 'B4', booked: '2026-10-20', channel: 'radio', revenue: 1_500 },
      ]),
    },
  });
  // Channels, but no channel_spend.csv or bookings.csv: every figure unknown.
  const unmeasured = entity('dry', {
    name: 'Dry Dock',
    channels: [channel('ads', { name: 'Ads' })],
  });
  const data = analyze<ChannelData>(
    portfolio({ entities: [sea, unmeasured] }),
    'channel_attribution',
  ).data;
  const chart = data.entities.find((e) => e.id === 'sea')!.chart!;

  it('draws spend as bars and ROAS on the right axis, per live channel', () => {
    expect(chart.kind).toBe('categories');
    expect(chart.categories).toEqual(['Direct', 'Search ads', 'Radio']);
    const [spend, roas] = chart.series;
    // Search ads: 300 + 300 + 400 = 1,000 (July is before the window); Radio 1,000; Direct has
    // no spend rows in a table that exists: $0.
    expect(spend).toMatchObject({ name: 'Spend', mark: 'bar', values: [0, 1_000, 1_000] });
    expect(spend!.unit).toEqual({ kind: 'money', currency: 'USD' });
    // ROAS: Search ads (1,500 + 2,500) / 1,000 = 4.00; Radio 1,500 / 1,000 = 1.50; Direct has no
    // spend to divide by: no data, not infinity.
    expect(roas).toMatchObject({ name: 'ROAS', unit: { kind: 'ratio' }, values: [null, 4, 1.5] });
  });

  it('shows the same numbers as the table, in the text part', () => {
    expect(chartTable(chart).rows).toEqual([
      ['Direct', '$0', 'no data'],
      ['Search ads', '$1,000', '4.00×'],
      ['Radio', '$1,000', '1.50×'],
    ]);
    expect(chart.alt).toBe(
      'Sea Co: spend and ROAS by channel, last 3 months. Bar and line chart by channel. ' +
        'Spend: Direct $0, Search ads $1,000, Radio $1,000; ROAS: Direct no data, Search ads 4.00×, Radio 1.50×.',
    );
  });

  it('is not drawn when no figure is known: the reader gets its title and "no data"', () => {
    const empty = data.entities.find((e) => e.id === 'dry')!.chart!;
    expect(empty.series.every((s) => s.values.every((v) => v === null))).toBe(true);
    const { globals, charts } = chartCollector();
    const markup = chartFilter(globals, empty);
    // Not recorded, so never drawn, and no <img> in either part.
    expect(charts.size).toBe(0);
    expect(markdownToHtml(markup)).not.toContain('<img');
    expect(markdownToText(markup)).toContain(
      'Dry Dock: spend and ROAS by channel, last 3 months: no data.',
    );
    // A chart with a figure is recorded (the filter's other branch).
    chartFilter(globals, chart);
    expect(charts.size).toBe(1);
  });
});

type BillingData = { portfolios: { id: string; aging_chart: ChartSpec | null }[] };

describe('AR aging (client billing)', () => {
  // As of 2026-11-15. I1 due Nov 30: current. I2 due Nov 1, 14 days past: 0-30. I3 due Sep 1,
  // 75 days past: 61-90. I4 due Jul 1, 137 days past, paid only after the as-of date: 90+. I5 is
  // paid: not open.
  const studio = entity('studio', {
    name: 'Studio',
    tables: {
      invoices: rows('invoices', [
        { invoice_id: 'I1', issued: '2026-10-31', due: '2026-11-30', amount: 1_000 },
        { invoice_id: 'I2', issued: '2026-10-01', due: '2026-11-01', amount: 500 },
        { invoice_id: 'I3', issued: '2026-08-01', due: '2026-09-01', amount: 250.5 },
        {
          invoice_id: 'I4',
          issued: '2026-06-01',
          due: '2026-07-01',
          amount: 2_000,
          paid: '2026-11-20',
        },
        {
          invoice_id: 'I5',
          issued: '2026-06-01',
          due: '2026-07-01',
          amount: 9_999,
          paid: '2026-10-01',
        },
      ]),
    },
  });
  const settled = entity('settled', {
    name: 'Settled',
    tables: {
      invoices: rows('invoices', [
        { invoice_id: 'S1', due: '2026-10-31', amount: 700, paid: '2026-10-30' },
      ]),
    },
  });
  const data = analyze<BillingData>(
    portfolio({ entities: [studio, settled] }),
    'client_billing',
  ).data;

  it("draws each bucket's open amount, in the table's order", () => {
    const chart = data.portfolios.find((p) => p.id === 'studio')!.aging_chart!;
    expect(chart.title).toBe('Studio: receivables by days past due');
    expect(chart.categories).toEqual(['current', '0-30', '31-60', '61-90', '90+']);
    expect(chart.series).toHaveLength(1);
    expect(chart.series[0]!.values).toEqual([1_000, 500, 0, 250.5, 2_000]);
    expect(chartTable(chart).rows.map((r) => r[1])).toEqual([
      '$1,000',
      '$500',
      '$0',
      '$251', // as the aging table shows it: whole dollars
      '$2,000',
    ]);
  });

  it('has no chart when no invoice is open', () => {
    expect(data.portfolios.find((p) => p.id === 'settled')!.aging_chart).toBeNull();
  });
});

type PropertyData = {
  properties: { scheduled_rent_monthly: number; occupancy_chart: ChartSpec | null }[];
};

describe('occupancy: the rent roll by unit (rental)', () => {
  // A 1,000 and C 900 are let, B (1,200) is vacant: 2 of 3 units, 66.7% occupied.
  const rental = entity('rental', {
    name: 'Elm St',
    kind: 'rental_property',
    tables: {
      units: rows('units', [
        { unit: 'A', rent: 1_000, status: 'occupied' },
        { unit: 'B', rent: 1_200, status: 'vacant', tenant: undefined },
        { unit: 'C', rent: 900, status: 'occupied' },
      ]),
    },
  });
  const property = analyze<PropertyData>(portfolio({ entities: [rental] }), 'property').data
    .properties[0]!;
  const chart = property.occupancy_chart!;

  it('stacks collected and lost rent per unit, with the occupancy in the title', () => {
    expect(chart.title).toBe('Elm St: 66.7% occupied (2 of 3 units), rent by unit');
    expect(chart.categories).toEqual(['A', 'B', 'C']);
    expect(chart.stacked).toBe(true);
    expect(chart.series.map((s) => [s.name, s.values])).toEqual([
      ['Rent, occupied', [1_000, 0, 900]],
      ['Rent lost, vacant', [0, 1_200, 0]],
    ]);
    // The collected bars add up to the section's scheduled rent: 1,000 + 900.
    expect(property.scheduled_rent_monthly).toBe(1_900);
  });

  it('has no chart without units', () => {
    // A units.csv with a header and no rows.
    const bare = entity('bare', { kind: 'rental_property', tables: { units: [] } });
    const data = analyze<PropertyData>(portfolio({ entities: [bare] }), 'property').data;
    expect(data.properties[0]!.occupancy_chart).toBeNull();
  });
});
