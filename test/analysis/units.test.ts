import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/config/tables.js';
import { analyze, byRule, entity, ids, ledger, portfolio, rows } from './build.js';

// The default as-of date is 2026-11-15: the ledger window is August, September and October 2026.

const property = (
  overrides: { annual_debt_service?: number; annual_expenses?: Record<string, number> } = {},
) => ({
  name: 'Fourplex',
  address: '1 Example St',
  value: 600_000,
  cash_invested: 200_000,
  annual_debt_service: overrides.annual_debt_service ?? 0,
  annual_expenses: overrides.annual_expenses ?? {},
});

const rentalLedger = ledger(
  // rent: Aug 5,500 + Sep 6,000 + Oct 6,500 = 18,000 / 3 = 6,000 a month
  { date: '2026-08-01', amount: 5_500, category: 'rental_income' },
  { date: '2026-09-01', amount: 6_000, category: 'rental_income' },
  { date: '2026-10-01', amount: 6_500, category: 'rental_income' },
  // operating expenses: 1,800 + 2,000 + 2,200 = 6,000 / 3 = 2,000 a month
  { date: '2026-08-10', amount: -1_800, category: 'utilities' },
  { date: '2026-09-10', amount: -2_000, category: 'utilities' },
  { date: '2026-10-10', amount: -2_200, category: 'utilities' },
);

type PropertyData = { properties: Record<string, unknown>[] };

describe('property', () => {
  const units = rows('units', [
    { unit: 'A', rent: 1_500, status: 'occupied', tenant: 'Ann' },
    { unit: 'B', rent: 1_600, status: 'occupied', tenant: 'Bo', lease_end: '2027-06-30' },
    { unit: 'C', rent: 1_550, status: 'vacant', tenant: undefined },
    { unit: 'D', rent: 1_400, status: 'occupied', tenant: 'Di' },
  ]);

  it('computes occupancy, rent roll, NOI, cap rate and cash-on-cash with debt service', () => {
    const e = entity('rental', {
      name: 'Rental',
      kind: 'rental_property',
      assets: { properties: [property({ annual_debt_service: 24_000 })] },
      tables: { units, ledger: rentalLedger },
    });
    const result = analyze<PropertyData>(portfolio({ entities: [e] }), 'property');
    const data = result.data.properties[0]!;
    expect(data).toMatchObject({
      units: 4,
      occupied: 3,
      occupancy: 0.75, // 3 / 4
      scheduled_rent_monthly: 4_500, // 1,500 + 1,600 + 1,400 (C is vacant)
      rental_income_monthly: 6_000,
      operating_expenses_monthly: 2_000,
      noi_monthly: 4_000, // 6,000 - 2,000: debt service is not an operating expense
      noi_annual: 48_000, // 4,000 x 12
      cap_rate: 0.08, // 48,000 / 600,000
      cash_on_cash: 0.12, // (48,000 - 24,000) / 200,000
      value: 600_000,
      cash_invested: 200_000,
      address: '1 Example St',
    });
    expect(data.rent_roll).toEqual([
      { unit: 'A', tenant: 'Ann', rent: 1_500, status: 'occupied', lease_end: null },
      { unit: 'B', tenant: 'Bo', rent: 1_600, status: 'occupied', lease_end: '2027-06-30' },
      { unit: 'C', tenant: null, rent: 1_550, status: 'vacant', lease_end: null },
      { unit: 'D', tenant: 'Di', rent: 1_400, status: 'occupied', lease_end: null },
    ]);
    // 0.75 < min_occupancy 0.9
    expect(ids(result.findings)).toEqual(['property.low-occupancy:rental']);
    expect(result.findings[0]!.figures).toEqual({ occupancy: 0.75, vacant: 'C' });
  });

  it('counts a cost paid in lumps at a twelfth of its annual amount, in or out of the window', () => {
    const withTax = (taxRows: Parameters<typeof ledger>) =>
      analyze<PropertyData>(
        portfolio({
          entities: [
            entity('rental', {
              kind: 'rental_property',
              assets: { properties: [property({ annual_expenses: { property_tax: 6_000 } })] },
              tables: { units, ledger: ledger(...rentalLedger, ...taxRows) },
            }),
          ],
        }),
        'property',
      ).data.properties[0]!;
    // No instalment in August-October: 2,000 + 6,000 / 12 = 2,500 a month.
    const outside = withTax([
      { date: '2026-04-10', amount: -3_000, category: 'property_tax' },
      { date: '2026-11-05', amount: -3_000, category: 'property_tax' },
    ]);
    // One 3,000 instalment in September: the window's (2,000 x 3 + 3,000) / 3 = 3,000 a month,
    // less the instalment's 1,000 a month, plus 500: 2,500 again.
    const inside = withTax([{ date: '2026-09-20', amount: -3_000, category: 'property_tax' }]);
    for (const data of [outside, inside]) {
      expect(data).toMatchObject({
        operating_expenses_monthly: 2_500,
        noi_monthly: 3_500, // 6,000 - 2,500
        noi_annual: 42_000,
        cap_rate: 0.07, // 42,000 / 600,000
        cash_on_cash: 0.21, // 42,000 / 200,000
        annual_expenses: [{ category: 'property_tax', annual: 6_000 }],
      });
    }
  });

  it('without debt service, cash-on-cash is annual NOI / cash invested', () => {
    const e = entity('rental', {
      kind: 'rental_property',
      assets: { properties: [property()] },
      tables: { units, ledger: rentalLedger },
    });
    const data = analyze<PropertyData>(portfolio({ entities: [e] }), 'property').data
      .properties[0]!;
    // 48,000 / 200,000 = 0.24
    expect(data.cash_on_cash).toBe(0.24);
    expect(data.cap_rate).toBe(0.08);
  });

  it('occupancy exactly at the minimum is not flagged', () => {
    // 9 of 10 occupied = 0.9 = min_occupancy
    const tenUnits = rows(
      'units',
      Array.from({ length: 10 }, (_, i) => ({
        unit: `U${i}`,
        rent: 1_000,
        status: i === 0 ? ('vacant' as const) : ('occupied' as const),
      })),
    );
    const e = entity('rental', {
      assets: { properties: [property()] },
      tables: { units: tenUnits, ledger: rentalLedger },
    });
    const result = analyze<PropertyData>(portfolio({ entities: [e] }), 'property');
    expect(result.data.properties[0]!.occupancy).toBe(0.9);
    expect(result.findings).toEqual([]);
  });

  /** `count` units, the first `vacant` of them vacant, the rest occupied. */
  const unitsWith = (count: number, vacant: number) =>
    rows(
      'units',
      Array.from({ length: count }, (_, i) => ({
        unit: `U${i}`,
        rent: 1_000,
        status: i < vacant ? ('vacant' as const) : ('occupied' as const),
      })),
    );
  const occupancyOf = (
    units: Row<'units'>[],
    input: Partial<Parameters<typeof portfolio>[0]> = {},
  ) =>
    analyze<PropertyData>(
      portfolio({
        entities: [
          entity('rental', {
            assets: { properties: [property()] },
            tables: { units, ledger: rentalLedger },
          }),
        ],
        ...input,
      }),
      'property',
    );

  it('occupancy just under the minimum is flagged; just over it is not', () => {
    // 8 of 9 occupied = 0.8889 < 0.9
    const under = occupancyOf(unitsWith(9, 1));
    expect(ids(under.findings)).toEqual(['property.low-occupancy:rental']);
    expect(under.findings[0]!.figures).toEqual({ occupancy: 0.8889, vacant: 'U0' });
    // 19 of 20 occupied = 0.95 >= 0.9
    const over = occupancyOf(unitsWith(20, 1));
    expect(over.data.properties[0]!.occupancy).toBe(0.95);
    expect(over.findings).toEqual([]);
  });

  it('min_occupancy set in portfolio.yml applies, and the manager persona wins over it', () => {
    // 9 of 10 = 0.9: at the default minimum, under a portfolio minimum of 0.95
    const portfolioWide = occupancyOf(unitsWith(10, 1), {
      settings: { thresholds: { min_occupancy: 0.95 } },
    });
    expect(ids(portfolioWide.findings)).toEqual(['property.low-occupancy:rental']);
    expect(portfolioWide.findings[0]!.figures).toEqual({ occupancy: 0.9, vacant: 'U0' });
    // 3 of 4 = 0.75: under the default 0.9, at the manager's 0.75 (over the portfolio's 0.95)
    const persona = occupancyOf(unitsWith(4, 1), {
      settings: { thresholds: { min_occupancy: 0.95 } },
      personas: { manager: { thresholds: { min_occupancy: 0.75 } } },
    });
    expect(persona.data.properties[0]!.occupancy).toBe(0.75);
    expect(persona.findings).toEqual([]);
  });

  it("with one month of ledger, NOI is that month's rent less its costs", () => {
    const e = entity('rental', {
      assets: { properties: [property()] },
      tables: {
        units: rows('units', [{ unit: 'A', rent: 6_500, status: 'occupied' }]),
        ledger: ledger(
          { date: '2026-10-01', amount: 6_500, category: 'rental_income' },
          { date: '2026-10-10', amount: -2_200, category: 'utilities' },
        ),
      },
    });
    const result = analyze<PropertyData>(portfolio({ entities: [e] }), 'property');
    // October only, not divided by 3: 6,500 - 2,200 = 4,300 a month; x 12 = 51,600
    expect(result.data.properties[0]).toMatchObject({
      rental_income_monthly: 6_500,
      operating_expenses_monthly: 2_200,
      noi_monthly: 4_300,
      noi_annual: 51_600,
      cap_rate: 0.086, // 51,600 / 600,000
      cash_on_cash: 0.258, // 51,600 / 200,000
    });
    expect(result.findings).toEqual([]);
  });

  it('an empty units table is the same as none: no occupancy, a finding', () => {
    const e = entity('rental', {
      assets: { properties: [property()] },
      tables: { units: rows('units', []), ledger: rentalLedger },
    });
    const result = analyze<PropertyData>(portfolio({ entities: [e] }), 'property');
    expect(ids(result.findings)).toEqual(['property.no-units:rental']);
    expect(result.data.properties[0]).toMatchObject({
      units: 0,
      occupied: 0,
      occupancy: null,
      rent_roll: [],
      noi_monthly: 4_000, // 6,000 - 2,000: the ledger is there
    });
  });

  it('an entity with neither a property nor a units table is not a property', () => {
    const result = analyze<PropertyData>(portfolio({ entities: [entity('e')] }), 'property');
    expect(result.data.properties).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  const maintenanceEntity = (estimate: number) =>
    entity('rental', {
      assets: { properties: [property()] },
      tables: {
        units: rows('units', [{ unit: 'A', rent: 1_000, status: 'occupied' }]),
        ledger: rentalLedger,
        maintenance: rows('maintenance', [
          // 2026-10-15 -> 2026-11-15 = 31 days > 30: stale
          { opened: '2026-10-15', item: 'Leaking roof', status: 'open', estimate },
          // 30 days: not yet stale
          { opened: '2026-10-16', item: 'Squeaky gate', status: 'open', estimate: 50 },
          // closed long ago: not open
          {
            opened: '2026-01-01',
            item: 'Old job',
            status: 'closed',
            estimate: 999,
            closed: '2026-02-01',
          },
        ]),
      },
    });

  it('flags open maintenance older than 30 days', () => {
    const result = analyze<PropertyData>(
      portfolio({ entities: [maintenanceEntity(800)] }),
      'property',
    );
    expect(ids(result.findings)).toEqual([
      'property.stale-maintenance:rental:2026-10-15-leaking-roof',
    ]);
    expect(result.findings[0]!.figures).toEqual({ age_days: 31, estimate: 800 });
    const data = result.data.properties[0]!;
    expect(
      (data.open_maintenance as { item: string; age_days: number }[]).map((m) => [
        m.item,
        m.age_days,
      ]),
    ).toEqual([
      ['Leaking roof', 31],
      ['Squeaky gate', 30],
    ]);
    // 800 + 50 open
    expect(data.open_maintenance_estimate).toBe(850);
  });

  it('keeps the stale-maintenance id when the estimate and the date change', () => {
    const first = analyze(portfolio({ entities: [maintenanceEntity(800)] }), 'property');
    const second = analyze(
      portfolio({ entities: [maintenanceEntity(1_200)] }),
      'property',
      '2026-11-20',
    );
    expect(ids(byRule(second.findings, 'property.stale-maintenance'))).toContain(
      'property.stale-maintenance:rental:2026-10-15-leaking-roof',
    );
    expect(ids(first.findings)).toEqual([
      'property.stale-maintenance:rental:2026-10-15-leaking-roof',
    ]);
  });

  it('without units or a ledger, says so and leaves the figures null', () => {
    const e = entity('rental', { assets: { properties: [property()] } });
    const result = analyze<PropertyData>(portfolio({ entities: [e] }), 'property');
    expect(ids(result.findings)).toEqual(['property.no-ledger:rental', 'property.no-units:rental']);
    expect(result.data.properties[0]).toMatchObject({
      occupancy: null,
      noi_monthly: null,
      noi_annual: null,
      cap_rate: null,
      cash_on_cash: null,
    });
  });
});

type DeliveryData = {
  units: {
    deliveries: { delivery_id: string; margin: number | null; stage: string }[];
    steps: { step: string; deliveries: number; average_days: number | null }[];
    slowest: { step: string; average_days: number } | null;
    revenue: number;
    cost: number;
    margin: number | null;
  }[];
};

describe('delivery operations', () => {
  const deliveries = (d2Cost = 7_000): Row<'deliveries'>[] =>
    rows('deliveries', [
      // steps 2, 10, 5, 2 days; margin (10,000 - 7,000) / 10,000 = 0.3
      {
        delivery_id: 'D1',
        quoted: '2026-10-01',
        accepted: '2026-10-03',
        departed: '2026-10-13',
        delivered: '2026-10-18',
        invoiced: '2026-10-20',
        revenue: 10_000,
        cost: 7_000,
      },
      // steps 1, 14, 4, 1 days; margin (8,000 - 7,000) / 8,000 = 0.125 < 0.2
      {
        delivery_id: 'D2',
        quoted: '2026-10-05',
        accepted: '2026-10-06',
        departed: '2026-10-20',
        delivered: '2026-10-24',
        invoiced: '2026-10-25',
        revenue: 8_000,
        cost: d2Cost,
      },
      // steps 3, 1, 3 days; delivered 2026-11-08, not invoiced 7 days later; margin 1,000 / 5,000 = 0.2 (at the minimum)
      {
        delivery_id: 'D3',
        quoted: '2026-11-01',
        accepted: '2026-11-04',
        departed: '2026-11-05',
        delivered: '2026-11-08',
        revenue: 5_000,
        cost: 4_000,
      },
      // only quoted: margin 0 but not delivered, so not judged
      { delivery_id: 'D4', quoted: '2026-11-10', revenue: 6_000, cost: 6_000 },
    ]);

  it('computes margins, stages, average days per step and the slowest step', () => {
    const e = entity('yacht', { name: 'Yacht Co', tables: { deliveries: deliveries() } });
    const result = analyze<DeliveryData>(portfolio({ entities: [e] }), 'delivery_ops');
    const unit = result.data.units[0]!;
    expect(unit.deliveries.map((d) => [d.delivery_id, d.margin, d.stage])).toEqual([
      ['D1', 0.3, 'invoiced'],
      ['D2', 0.125, 'invoiced'],
      ['D3', 0.2, 'delivered'],
      ['D4', 0, 'quoted'],
    ]);
    expect(unit.steps).toEqual([
      // (2 + 1 + 3) / 3 = 2.0
      { step: 'quoted → accepted', deliveries: 3, average_days: 2 },
      // (10 + 14 + 1) / 3 = 8.33 -> 8.3
      { step: 'accepted → departed', deliveries: 3, average_days: 8.3 },
      // (5 + 4 + 3) / 3 = 4.0
      { step: 'departed → delivered', deliveries: 3, average_days: 4 },
      // (2 + 1) / 2 = 1.5
      { step: 'delivered → invoiced', deliveries: 2, average_days: 1.5 },
    ]);
    expect(unit.slowest).toEqual({ step: 'accepted → departed', deliveries: 3, average_days: 8.3 });
    // revenue 10,000 + 8,000 + 5,000 + 6,000 = 29,000; cost 7,000 + 7,000 + 4,000 + 6,000 = 24,000
    // margin 5,000 / 29,000 = 0.17241 -> 0.1724
    expect([unit.revenue, unit.cost, unit.margin]).toEqual([29_000, 24_000, 0.1724]);

    expect(result.findings.map((f) => [f.id, f.severity])).toEqual([
      ['delivery.low-margin:yacht:D2', 'warning'],
      // 7 days > slow_step_days 5
      ['delivery.not-invoiced:yacht:D3', 'warning'],
      // 8.3 > 5
      ['delivery.slow-step:yacht', 'warning'],
    ]);
    expect(byRule(result.findings, 'delivery.not-invoiced')[0]!.figures).toEqual({
      days: 7,
      revenue: 5_000,
    });
  });

  it('a delivery not invoiced for slow_step_days or fewer is info', () => {
    const e = entity('yacht', {
      tables: {
        deliveries: rows('deliveries', [
          // 2026-11-10 -> 2026-11-15 = 5 days: not more than 5
          {
            delivery_id: 'D9',
            quoted: '2026-11-01',
            delivered: '2026-11-10',
            revenue: 1_000,
            cost: 100,
          },
        ]),
      },
    });
    const result = analyze(portfolio({ entities: [e] }), 'delivery_ops');
    expect(result.findings.map((f) => [f.id, f.severity])).toEqual([
      ['delivery.not-invoiced:yacht:D9', 'info'],
    ]);
  });

  // One delivery, invoiced the day after it is delivered, every step 1 day: only the margin can
  // raise a finding.
  const oneDelivery = (revenue: number, cost: number) =>
    entity('yacht', {
      tables: {
        deliveries: rows('deliveries', [
          {
            delivery_id: 'D1',
            quoted: '2026-10-01',
            accepted: '2026-10-02',
            departed: '2026-10-03',
            delivered: '2026-10-04',
            invoiced: '2026-10-05',
            revenue,
            cost,
          },
        ]),
      },
    });

  it('a margin just under min_delivery_margin is flagged; at or just over it is not', () => {
    // (10,000 - 8,010) / 10,000 = 0.199, shown as 19.9% < 20%
    const under = analyze(portfolio({ entities: [oneDelivery(10_000, 8_010)] }), 'delivery_ops');
    expect(ids(under.findings)).toEqual(['delivery.low-margin:yacht:D1']);
    expect(under.findings[0]!.figures).toEqual({ revenue: 10_000, cost: 8_010, margin: 0.199 });
    expect(under.findings[0]!.title).toContain('earned a 19.9% margin');
    // 0.2, 0.2001, and 0.1999 (which reads 20.0%: judged as shown, it is not under 20%)
    for (const cost of [8_000, 7_999, 8_001])
      expect(
        analyze(portfolio({ entities: [oneDelivery(10_000, cost)] }), 'delivery_ops').findings,
        String(cost),
      ).toEqual([]);
  });

  it('min_delivery_margin set in portfolio.yml applies, and the manager persona wins over it', () => {
    // (10,000 - 8,000) / 10,000 = 0.2: at the default, under a portfolio minimum of 0.25
    const portfolioWide = analyze(
      portfolio({
        entities: [oneDelivery(10_000, 8_000)],
        settings: { thresholds: { min_delivery_margin: 0.25 } },
      }),
      'delivery_ops',
    );
    expect(ids(portfolioWide.findings)).toEqual(['delivery.low-margin:yacht:D1']);
    // (10,000 - 8,500) / 10,000 = 0.15: under the default, at the manager's 0.15
    const persona = analyze(
      portfolio({
        entities: [oneDelivery(10_000, 8_500)],
        settings: { thresholds: { min_delivery_margin: 0.25 } },
        personas: { manager: { thresholds: { min_delivery_margin: 0.15 } } },
      }),
      'delivery_ops',
    );
    expect(persona.findings).toEqual([]);
  });

  // Deliveries whose quoted -> accepted step takes the given days; every other step 1 day,
  // invoiced the day after delivery, margin 0.5.
  const quoteDays = (...days: number[]) =>
    entity('yacht', {
      tables: {
        deliveries: rows(
          'deliveries',
          days.map((d, i) => ({
            delivery_id: `D${i + 1}`,
            quoted: '2026-10-01',
            accepted: `2026-10-${String(1 + d).padStart(2, '0')}`,
            departed: `2026-10-${String(2 + d).padStart(2, '0')}`,
            delivered: `2026-10-${String(3 + d).padStart(2, '0')}`,
            invoiced: `2026-10-${String(4 + d).padStart(2, '0')}`,
            revenue: 2_000,
            cost: 1_000,
          })),
        ),
      },
    });

  it('a step averaging exactly slow_step_days is not slow; averaging more is', () => {
    // (5 + 5) / 2 = 5.0: not more than 5
    const at = analyze<DeliveryData>(portfolio({ entities: [quoteDays(5, 5)] }), 'delivery_ops');
    expect(at.data.units[0]!.slowest).toEqual({
      step: 'quoted → accepted',
      deliveries: 2,
      average_days: 5,
    });
    expect(at.findings).toEqual([]);
    // (5 + 6) / 2 = 5.5 > 5
    const over = analyze(portfolio({ entities: [quoteDays(5, 6)] }), 'delivery_ops');
    expect(ids(over.findings)).toEqual(['delivery.slow-step:yacht']);
    expect(over.findings[0]!.figures).toEqual({
      step: 'quoted → accepted',
      average_days: 5.5,
      limit_days: 5,
    });
  });

  it('judges the average step as shown, to a tenth of a day', () => {
    // 24 quotes accepted in 5 days and one in 6: 126 / 25 = 5.04, shown (and kept) as 5.0: not
    // over 5
    const at = analyze<DeliveryData>(
      portfolio({ entities: [quoteDays(...Array<number>(24).fill(5), 6)] }),
      'delivery_ops',
    );
    expect(at.data.units[0]!.slowest).toMatchObject({ average_days: 5 });
    expect(at.findings).toEqual([]);
    // nine in 5 days and one in 6: 51 / 10 = 5.1 > 5; the table and the title both read 5.1
    const result = analyze<DeliveryData>(
      portfolio({ entities: [quoteDays(...Array<number>(9).fill(5), 6)] }),
      'delivery_ops',
    );
    expect(result.data.units[0]!.slowest).toMatchObject({ average_days: 5.1 });
    expect(result.findings[0]!.title).toBe('YACHT: quoted → accepted takes 5.1 days on average');
  });

  it('a delivery not invoiced for one day more than slow_step_days is a warning', () => {
    const e = entity('yacht', {
      tables: {
        deliveries: rows('deliveries', [
          // 2026-11-09 -> 2026-11-15 = 6 days > 5
          {
            delivery_id: 'D9',
            quoted: '2026-11-01',
            delivered: '2026-11-09',
            revenue: 1_000,
            cost: 100,
          },
        ]),
      },
    });
    const result = analyze(portfolio({ entities: [e] }), 'delivery_ops');
    expect(result.findings.map((f) => [f.id, f.severity, f.figures.days])).toEqual([
      ['delivery.not-invoiced:yacht:D9', 'warning', 6],
    ]);
  });

  it('slow_step_days set in portfolio.yml applies, and the manager persona wins over it', () => {
    // quoted -> accepted 5 days: not slow under the default 5, slow over a portfolio limit of 4
    const portfolioWide = analyze(
      portfolio({ entities: [quoteDays(5)], settings: { thresholds: { slow_step_days: 4 } } }),
      'delivery_ops',
    );
    expect(ids(portfolioWide.findings)).toEqual(['delivery.slow-step:yacht']);
    expect(portfolioWide.findings[0]!.figures.limit_days).toBe(4);
    // D3 of the main example: not invoiced for 7 days (a warning under 5), slowest step 8.3;
    // with the manager's 10 over the portfolio's 4, the step is not slow and the invoice is info
    const persona = analyze(
      portfolio({
        entities: [entity('yacht', { tables: { deliveries: deliveries() } })],
        settings: { thresholds: { slow_step_days: 4 } },
        personas: { manager: { thresholds: { slow_step_days: 10 } } },
      }),
      'delivery_ops',
    );
    expect(persona.findings.map((f) => [f.id, f.severity])).toEqual([
      ['delivery.low-margin:yacht:D2', 'warning'],
      ['delivery.not-invoiced:yacht:D3', 'info'],
    ]);
  });

  it('an empty deliveries table has no averages and no margin, and raises nothing', () => {
    const result = analyze<DeliveryData>(
      portfolio({ entities: [entity('yacht', { tables: { deliveries: [] } }), entity('other')] }),
      'delivery_ops',
    );
    // only the entity with a deliveries table is listed
    expect(result.data.units).toHaveLength(1);
    expect(result.data.units[0]).toMatchObject({
      deliveries: [],
      slowest: null,
      margin: null,
    });
    expect(result.data.units[0]!.steps.map((s) => [s.deliveries, s.average_days])).toEqual([
      [0, null],
      [0, null],
      [0, null],
      [0, null],
    ]);
    expect(result.findings).toEqual([]);
  });

  it('keeps finding ids when the figures change', () => {
    const first = analyze(
      portfolio({ entities: [entity('yacht', { tables: { deliveries: deliveries(7_000) } })] }),
      'delivery_ops',
    );
    const second = analyze(
      portfolio({ entities: [entity('yacht', { tables: { deliveries: deliveries(7_500) } })] }),
      'delivery_ops',
      '2026-11-18',
    );
    expect(ids(first.findings).length).toBeGreaterThan(0);
    expect(ids(second.findings)).toEqual(ids(first.findings));
  });
});

type BillingData = {
  portfolios: {
    unbilled: { client: string; hours: number; amount: number }[];
    unbilled_total: number;
    open_invoices: { invoice_id: string; days_past_due: number; bucket: string }[];
    aging: { bucket: string; invoices: number; amount: number }[];
    receivable: number;
    clients: number;
    acquisition_cost: number | null;
    concentration: { client: string; revenue: number; share: number }[];
    largest_share: number | null;
  }[];
};

describe('client billing', () => {
  it('totals hours logged up to the as-of date and not billed', () => {
    const e = entity('studio', {
      tables: {
        timesheets: rows('timesheets', [
          { date: '2026-10-01', client: 'acme', hours: 10, rate: 100, invoice: 'INV-1' }, // billed
          { date: '2026-10-20', client: 'acme', hours: 5, rate: 100, invoice: undefined }, // 500
          { date: '2026-11-10', client: 'beta', hours: 2.5, rate: 120, invoice: undefined }, // 300
          { date: '2026-11-20', client: 'beta', hours: 4, rate: 120, invoice: undefined }, // after the as-of date
        ]),
      },
    });
    const result = analyze<BillingData>(portfolio({ entities: [e] }), 'client_billing');
    const data = result.data.portfolios[0]!;
    expect(data.unbilled).toEqual([
      { client: 'acme', hours: 5, amount: 500 },
      { client: 'beta', hours: 2.5, amount: 300 },
    ]);
    // 500 + 300 = 800 for 5 + 2.5 = 7.5 hours
    expect(data.unbilled_total).toBe(800);
    expect(ids(result.findings)).toEqual(['billing.unbilled-hours:studio']);
    expect(result.findings[0]!.figures).toEqual({ hours: 7.5, amount: 800 });
  });

  // days past due on 2026-11-15, counted by hand:
  //   2026-11-20 -> -5, 2026-11-15 -> 0, 2026-11-14 -> 1, 2026-10-16 -> 30, 2026-10-15 -> 31,
  //   2026-09-16 -> 60 (Sep 16 -> Oct 16 = 30, -> Nov 15 = 60), 2026-09-15 -> 61,
  //   2026-08-17 -> 90 (Aug 17 -> Sep 17 = 31, -> Oct 17 = 61, -> Nov 15 = 90), 2026-08-16 -> 91
  const agingInvoices = (i31Amount = 400) =>
    rows(
      'invoices',
      [
        { invoice_id: 'I-5', due: '2026-11-20', amount: 100 },
        { invoice_id: 'I0', due: '2026-11-15', amount: 110 },
        { invoice_id: 'I1', due: '2026-11-14', amount: 200 },
        { invoice_id: 'I30', due: '2026-10-16', amount: 300 },
        { invoice_id: 'I31', due: '2026-10-15', amount: i31Amount },
        { invoice_id: 'I60', due: '2026-09-16', amount: 500 },
        { invoice_id: 'I61', due: '2026-09-15', amount: 600 },
        { invoice_id: 'I90', due: '2026-08-17', amount: 700 },
        { invoice_id: 'I91', due: '2026-08-16', amount: 800 },
        // paid: not receivable
        {
          invoice_id: 'P1',
          issued: '2026-01-01',
          due: '2026-01-31',
          amount: 5_000,
          paid: '2026-02-10',
        },
        // issued after the as-of date: not yet receivable
        { invoice_id: 'F1', issued: '2026-11-20', due: '2026-12-20', amount: 5_000 },
      ].map((row) => ({ issued: '2026-08-01', ...row })),
    );

  it('ages open invoices into current, 0-30, 31-60, 61-90 and 90+ at the boundaries', () => {
    const e = entity('studio', { tables: { invoices: agingInvoices() } });
    const data = analyze<BillingData>(portfolio({ entities: [e] }), 'client_billing').data
      .portfolios[0]!;
    expect(data.open_invoices.map((i) => [i.invoice_id, i.days_past_due, i.bucket])).toEqual([
      ['I-5', -5, 'current'],
      ['I0', 0, 'current'],
      ['I1', 1, '0-30'],
      ['I30', 30, '0-30'],
      ['I31', 31, '31-60'],
      ['I60', 60, '31-60'],
      ['I61', 61, '61-90'],
      ['I90', 90, '61-90'],
      ['I91', 91, '90+'],
    ]);
    expect(data.aging).toEqual([
      { bucket: 'current', invoices: 2, amount: 210 }, // 100 + 110
      { bucket: '0-30', invoices: 2, amount: 500 }, // 200 + 300
      { bucket: '31-60', invoices: 2, amount: 900 }, // 400 + 500
      { bucket: '61-90', invoices: 2, amount: 1_300 }, // 600 + 700
      { bucket: '90+', invoices: 1, amount: 800 },
    ]);
    // 210 + 500 + 900 + 1,300 + 800 = 3,710
    expect(data.receivable).toBe(3_710);
  });

  it('escalates invoices more than 30 days overdue, critical beyond 90', () => {
    const e = entity('studio', { tables: { invoices: agingInvoices() } });
    const findings = byRule(
      analyze(portfolio({ entities: [e] }), 'client_billing').findings,
      'billing.overdue-invoice',
    );
    // I30 is exactly 30 days overdue: not escalated
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['billing.overdue-invoice:studio:I31', 'warning'],
      ['billing.overdue-invoice:studio:I60', 'warning'],
      ['billing.overdue-invoice:studio:I61', 'warning'],
      ['billing.overdue-invoice:studio:I90', 'warning'],
      ['billing.overdue-invoice:studio:I91', 'critical'],
    ]);
  });

  it('overdue_escalation_days set in portfolio.yml applies, and the manager persona wins over it', () => {
    const e = entity('studio', { tables: { invoices: agingInvoices() } });
    const overdue = (input: Pick<Parameters<typeof portfolio>[0], 'settings' | 'personas'>) =>
      byRule(
        analyze(portfolio({ entities: [e], ...input }), 'client_billing').findings,
        'billing.overdue-invoice',
      ).map((f) => f.id);
    // 45 days: I31 (31 days) is no longer escalated; I60 (60) and older are
    const limit45 = [
      'billing.overdue-invoice:studio:I60',
      'billing.overdue-invoice:studio:I61',
      'billing.overdue-invoice:studio:I90',
      'billing.overdue-invoice:studio:I91',
    ];
    expect(overdue({ settings: { thresholds: { overdue_escalation_days: 45 } } })).toEqual(limit45);
    expect(
      overdue({
        settings: { thresholds: { overdue_escalation_days: 75 } },
        personas: { manager: { thresholds: { overdue_escalation_days: 45 } } },
      }),
    ).toEqual(limit45);
  });

  it('keeps the overdue-invoice ids when amounts and the date change', () => {
    const first = analyze(
      portfolio({ entities: [entity('studio', { tables: { invoices: agingInvoices(400) } })] }),
      'client_billing',
    );
    const second = analyze(
      portfolio({ entities: [entity('studio', { tables: { invoices: agingInvoices(450) } })] }),
      'client_billing',
    );
    expect(ids(second.findings)).toEqual(ids(first.findings));
    const later = analyze(
      portfolio({ entities: [entity('studio', { tables: { invoices: agingInvoices(450) } })] }),
      'client_billing',
      '2026-11-16',
    );
    expect(ids(byRule(later.findings, 'billing.overdue-invoice'))).toContain(
      'billing.overdue-invoice:studio:I31',
    );
  });

  it('an invoice paid after the as-of date was still open on it', () => {
    const e = entity('studio', {
      tables: {
        invoices: rows('invoices', [
          // due 2026-10-01, paid 2026-11-20: on 2026-11-15 it was 45 days past due (Oct 1 -> Nov 15)
          {
            invoice_id: 'LATE',
            issued: '2026-09-01',
            due: '2026-10-01',
            amount: 1_000,
            paid: '2026-11-20',
          },
        ]),
      },
    });
    const data = analyze<BillingData>(portfolio({ entities: [e] }), 'client_billing').data
      .portfolios[0]!;
    expect(data.open_invoices.map((i) => [i.invoice_id, i.days_past_due, i.bucket])).toEqual([
      ['LATE', 45, '31-60'],
    ]);
    expect(data.receivable).toBe(1_000);
  });

  const concentrationInvoices = (acme: number) =>
    rows('invoices', [
      { invoice_id: 'A1', client: 'acme', amount: acme - 1_000, paid: '2026-10-01' },
      { invoice_id: 'A2', client: 'acme', amount: 1_000, paid: '2026-10-01' },
      { invoice_id: 'B1', client: 'beta', amount: 3_000, paid: '2026-10-01' },
      { invoice_id: 'C1', client: 'gamma', amount: 3_000, paid: '2026-10-01' },
    ]);

  it('measures client concentration and flags a client above max_client_share', () => {
    // acme 5,000 + 1,000 = 6,000 of 6,000 + 3,000 + 3,000 = 12,000 -> 0.5 > 0.4
    const e = entity('studio', { tables: { invoices: concentrationInvoices(6_000) } });
    const result = analyze<BillingData>(portfolio({ entities: [e] }), 'client_billing');
    expect(result.data.portfolios[0]!.concentration).toEqual([
      { client: 'acme', revenue: 6_000, share: 0.5 },
      { client: 'beta', revenue: 3_000, share: 0.25 },
      { client: 'gamma', revenue: 3_000, share: 0.25 },
    ]);
    expect(result.data.portfolios[0]!.largest_share).toBe(0.5);
    expect(ids(result.findings)).toEqual(['billing.concentration:studio']);
    expect(result.findings[0]!.figures).toEqual({ client: 'acme', share: 0.5, limit: 0.4 });
  });

  it('a client at exactly max_client_share is not a concentration risk; the id holds as the share moves', () => {
    // acme 4,000 of 4,000 + 3,000 + 3,000 = 10,000 -> 0.4
    const at = analyze(
      portfolio({
        entities: [entity('studio', { tables: { invoices: concentrationInvoices(4_000) } })],
      }),
      'client_billing',
    );
    expect(at.findings).toEqual([]);
    // 9,000 / 15,000 = 0.6 and 6,000 / 12,000 = 0.5: same problem, same id
    const a = analyze(
      portfolio({
        entities: [entity('studio', { tables: { invoices: concentrationInvoices(9_000) } })],
      }),
      'client_billing',
    );
    const b = analyze(
      portfolio({
        entities: [entity('studio', { tables: { invoices: concentrationInvoices(6_000) } })],
      }),
      'client_billing',
    );
    expect(ids(a.findings)).toEqual(ids(b.findings));
  });

  it('a client just over max_client_share is a risk; just under it is not', () => {
    // acme 4,010 of 4,010 + 3,000 + 3,000 = 10,010 -> 0.40060 -> 0.4006 > 0.4
    const over = analyze<BillingData>(
      portfolio({
        entities: [entity('studio', { tables: { invoices: concentrationInvoices(4_010) } })],
      }),
      'client_billing',
    );
    expect(ids(over.findings)).toEqual(['billing.concentration:studio']);
    expect(over.findings[0]!.figures).toEqual({ client: 'acme', share: 0.4006, limit: 0.4 });
    // acme 3,990 of 9,990 -> 0.39940 -> 0.3994
    const under = analyze<BillingData>(
      portfolio({
        entities: [entity('studio', { tables: { invoices: concentrationInvoices(3_990) } })],
      }),
      'client_billing',
    );
    expect(under.data.portfolios[0]!.largest_share).toBe(0.3994);
    expect(under.findings).toEqual([]);
  });

  it('judges the share as shown, to a tenth of a percent', () => {
    // acme 4,000.5 of 10,000.5 = 0.40003: kept as 0.4, reads 40.0%, not over 40%
    const at = analyze<BillingData>(
      portfolio({
        entities: [entity('studio', { tables: { invoices: concentrationInvoices(4_000.5) } })],
      }),
      'client_billing',
    );
    expect(at.data.portfolios[0]!.largest_share).toBe(0.4);
    expect(at.findings).toEqual([]);
    // acme 4,010 of 10,010 = 0.4006 -> 40.1% > 40%: the table and the title both read 40.1%
    const result = analyze<BillingData>(
      portfolio({
        entities: [entity('studio', { tables: { invoices: concentrationInvoices(4_010) } })],
      }),
      'client_billing',
    );
    expect(result.data.portfolios[0]!.largest_share).toBe(0.4006);
    expect(ids(result.findings)).toEqual(['billing.concentration:studio']);
    expect(result.findings[0]!.title).toBe('STUDIO: acme is 40.1% of invoiced revenue');
  });

  it('max_client_share set in portfolio.yml applies, and the manager persona wins over it', () => {
    // acme 4,000 of 10,000 = 0.4: at the default, over a portfolio limit of 0.3
    const portfolioWide = analyze(
      portfolio({
        entities: [entity('studio', { tables: { invoices: concentrationInvoices(4_000) } })],
        settings: { thresholds: { max_client_share: 0.3 } },
      }),
      'client_billing',
    );
    expect(ids(portfolioWide.findings)).toEqual(['billing.concentration:studio']);
    expect(portfolioWide.findings[0]!.figures).toEqual({ client: 'acme', share: 0.4, limit: 0.3 });
    // acme 6,000 of 12,000 = 0.5: over the default, at the manager's 0.5
    const persona = analyze(
      portfolio({
        entities: [entity('studio', { tables: { invoices: concentrationInvoices(6_000) } })],
        settings: { thresholds: { max_client_share: 0.3 } },
        personas: { manager: { thresholds: { max_client_share: 0.5 } } },
      }),
      'client_billing',
    );
    expect(persona.findings).toEqual([]);
  });

  it('empty invoices and timesheets tables: nothing open, no share, no finding', () => {
    const e = entity('studio', {
      tables: { invoices: rows('invoices', []), timesheets: rows('timesheets', []) },
    });
    const result = analyze<BillingData>(
      portfolio({ entities: [e, entity('other')] }),
      'client_billing',
    );
    // only the entity with billing tables is listed
    expect(result.data.portfolios).toEqual([
      {
        id: 'studio',
        name: 'STUDIO',
        unbilled: [],
        unbilled_total: 0,
        open_invoices: [],
        aging: [
          { bucket: 'current', invoices: 0, amount: 0 },
          { bucket: '0-30', invoices: 0, amount: 0 },
          { bucket: '31-60', invoices: 0, amount: 0 },
          { bucket: '61-90', invoices: 0, amount: 0 },
          { bucket: '90+', invoices: 0, amount: 0 },
        ],
        receivable: 0,
        clients: 0,
        acquisition_cost: null,
        concentration: [],
        largest_share: null,
        // Nothing open: no aging chart (src/analysis/charts-sections.ts).
        aging_chart: null,
      },
    ]);
    expect(result.findings).toEqual([]);
  });

  it('acquisition cost is the average cost of winning a client', () => {
    const e = entity('studio', {
      tables: {
        invoices: [],
        clients: rows('clients', [
          { client: 'acme', acquisition_cost: 600 },
          { client: 'beta', acquisition_cost: 900 },
          { client: 'gamma', acquisition_cost: 0 },
        ]),
      },
    });
    const data = analyze<BillingData>(portfolio({ entities: [e] }), 'client_billing').data
      .portfolios[0]!;
    // (600 + 900 + 0) / 3 = 500
    expect(data.clients).toBe(3);
    expect(data.acquisition_cost).toBe(500);
  });
});
