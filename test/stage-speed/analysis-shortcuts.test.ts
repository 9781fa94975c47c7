// The analysis's shortcuts give the figures the long way gives: the cash chart's days without the
// book checks it never shows, and a table that is laid out again from memory.
import { beforeAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analysis/index.js';
import { addMonths, monthOf } from '../../src/analysis/dates.js';
import { compareFigure } from '../../src/analysis/changes.js';
import { dayFinanceMetrics, financeMetrics } from '../../src/analysis/finance.js';
import { loadPortfolio, type Portfolio } from '../../src/config/load.js';
import { changeThresholdDefaults } from '../../src/config/schema.js';
import { textTable } from '../../src/render/text-table.js';
import { EXAMPLE_CONFIG } from '../helpers.js';

const AS_OF = '2026-11-24';
let portfolio: Portfolio;

beforeAll(async () => {
  const loaded = await loadPortfolio(EXAMPLE_CONFIG);
  if (!loaded.ok) throw new Error(loaded.errors[0]!.message);
  portfolio = new Analyzer(loaded.portfolio, AS_OF).portfolio;
});

describe('dayFinanceMetrics', () => {
  it('is financeMetrics without its checks, on the 1st of each of 12 months of real books', () => {
    const limits = { max_cash_age_days: 45 };
    let compared = 0;
    for (const entity of portfolio.entities)
      for (let back = 0; back < 12; back += 1) {
        const day = `${addMonths(monthOf(AS_OF), -back)}-01`;
        const { checks, ...figures } = financeMetrics(entity, portfolio, day, limits);
        expect(checks, `${entity.id} ${day}`).toBeDefined();
        expect(dayFinanceMetrics(entity, portfolio, day, limits), `${entity.id} ${day}`).toEqual(
          figures,
        );
        if (figures.cash_on_hand !== null) compared += 1;
      }
    // The comparison covered days with a cash figure, not only empty ones.
    expect(compared).toBeGreaterThan(3);
  });

  it('leaves financeMetrics’s keys in their order (the report’s JSON is written in it)', () => {
    const entity = portfolio.entities[0]!;
    const keys = Object.keys(financeMetrics(entity, portfolio, AS_OF));
    expect(keys.slice(0, 5)).toEqual([
      'months',
      'missing_months',
      'partial_months',
      'checks',
      'no_cash',
    ]);
  });
});

describe('textTable from memory', () => {
  it('gives the same text again, and another text for another alignment or width', () => {
    const rows = [
      ['Harbor & Hill', 'renews in 12 days, auto-renew off, registrar example.com'],
      ['Tidewater', 'ok'],
    ];
    const first = textTable(['Entity', 'Note'], rows, [null, null], 40);
    expect(textTable(['Entity', 'Note'], rows, [null, null], 40)).toBe(first);
    expect(first.split('\n')).toEqual([
      'Entity         Note',
      '-------------  -------------------------',
      'Harbor & Hill  renews in 12 days,',
      '               auto-renew off, registrar',
      '               example.com',
      '',
      'Tidewater      ok',
    ]);
    expect(textTable(['Entity', 'Note'], rows, [null, 'right'], 40)).not.toBe(first);
    expect(textTable(['Entity', 'Note'], rows, [null, null], 100)).toBe(
      [
        'Entity         Note',
        '-------------  --------------------------------------------------------',
        'Harbor & Hill  renews in 12 days, auto-renew off, registrar example.com',
        'Tidewater      ok',
      ].join('\n'),
    );
  });
});

describe('compareFigure', () => {
  it('writes the figure’s fields in their order, less value and empty, then the comparison’s', () => {
    const figure = {
      key: 'runway_months' as const,
      id: 'harbor:runway_months',
      label: 'Runway',
      entity: 'harbor',
      entity_name: 'Harbor & Hill',
      unit: 'months' as const,
      better: 'higher' as const,
      value: 5.04,
      empty: 'not burning',
      quantity_unit: null,
      typed: false,
      section: 'burn' as const,
    };
    const change = compareFigure(
      figure,
      { ...figure, value: 6.25 },
      { ...changeThresholdDefaults },
      'USD',
    );
    // The report's JSON holds it: keys and values as written by hand here, in this order.
    expect(JSON.stringify(change)).toBe(
      JSON.stringify({
        key: 'runway_months',
        id: 'harbor:runway_months',
        label: 'Runway',
        entity: 'harbor',
        entity_name: 'Harbor & Hill',
        unit: 'months',
        better: 'higher',
        quantity_unit: null,
        typed: false,
        section: 'burn',
        current: 5.04,
        previous: 6.25,
        threshold: changeThresholdDefaults.runway_months,
        change: -1.3,
        change_ratio: -0.2063,
        arrow: '▼',
        good: false,
        past_threshold: true,
        text: {
          current: '5.0 months',
          previous: '6.3 months',
          change: '-1.3 months',
          change_percent: '-20.6%',
        },
      }),
    );
  });
});
