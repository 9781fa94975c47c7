// A report's tables as CSV (src/render/csv.ts): which lists are tables, how a row's own lists
// become child tables keyed by their row, money as plain decimals with the currency in the
// header, RFC 4180 quoting with CRLF, and text a spreadsheet would run as a formula.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  isMoneyField,
  reportCsvFiles,
  reportTables,
  type ReportDocument,
} from '../../src/render/csv.js';
import { EXAMPLE_CONFIG } from '../helpers.js';

/** A client-billing section as the analysis writes it, with figures worked out here. */
const billing: ReportDocument = {
  sections: [
    {
      id: 'client_billing',
      data: {
        portfolios: [
          {
            id: 'studio',
            name: 'Studio, "North" & Co',
            receivable: 3840,
            largest_share: 0.5,
            open_invoices: [
              { invoice_id: 'INV-1', client: 'Mesa', amount: 2760, days_past_due: 132 },
              { invoice_id: 'INV-2', client: '=HYPERLINK("http://evil.example")', amount: 1080.5 },
            ],
            aging: [{ bucket: '90+', invoices: 1, amount: 2760 }],
          },
          {
            id: 'lab',
            name: 'Lab\nTwo lines',
            receivable: 0,
            largest_share: null,
            open_invoices: [],
            aging: [{ bucket: 'current', invoices: 0, amount: 0 }],
          },
        ],
      },
    },
  ],
  findings: [],
  actions: [],
};

const rows = (text: string) => parse(text, { record_delimiter: '\r\n' }) as string[][];

describe('reportTables and reportCsvFiles', () => {
  it("makes each row's lists one child table keyed by the row's id, after the parent table", () => {
    const tables = reportTables(billing);
    expect(tables.map((t) => t.name)).toEqual([
      'client_billing-portfolios',
      'client_billing-portfolios-open_invoices',
      'client_billing-portfolios-aging',
    ]);
    const invoices = tables[1]!;
    expect(invoices.columns).toEqual([
      'portfolios.id',
      'invoice_id',
      'client',
      'amount',
      'days_past_due',
    ]);
    // INV-2 has no days_past_due: an empty cell, not a zero.
    expect(invoices.rows).toEqual([
      ['studio', 'INV-1', 'Mesa', 2760, 132],
      ['studio', 'INV-2', '=HYPERLINK("http://evil.example")', 1080.5, null],
    ]);
    expect(tables[2]!.rows).toEqual([
      ['studio', '90+', 1, 2760],
      ['lab', 'current', 0, 0],
    ]);
  });

  it('writes money with cents under "<field> (USD)", ratios and counts as they are, CRLF, RFC 4180 quotes', () => {
    const files = reportCsvFiles('unit-report', billing, 'USD');
    expect(files.map((f) => f.fileName)).toEqual([
      'unit-report-client_billing-portfolios.csv',
      'unit-report-client_billing-portfolios-open_invoices.csv',
      'unit-report-client_billing-portfolios-aging.csv',
    ]);
    const portfolios = files[0]!.content.toString('utf8');
    expect(portfolios).toBe(
      'id,name,receivable (USD),largest_share\r\n' +
        'studio,"Studio, ""North"" & Co",3840.00,0.5\r\n' +
        'lab,"Lab\nTwo lines",0.00,\r\n',
    );
    expect(rows(portfolios)[2]).toEqual(['lab', 'Lab\nTwo lines', '0.00', '']);
    const invoices = rows(files[1]!.content.toString('utf8'));
    expect(invoices[0]).toEqual([
      'portfolios.id',
      'invoice_id',
      'client',
      'amount (USD)',
      'days_past_due',
    ]);
    // A spreadsheet would run "=HYPERLINK(…)": it starts with a quote mark, so it stays text.
    expect(invoices[2]).toEqual([
      'studio',
      'INV-2',
      `'=HYPERLINK("http://evil.example")`,
      '1080.50',
      '',
    ]);
  });

  it("puts a section's single figures in one figure,value,currency table", () => {
    const document: ReportDocument = {
      sections: [
        {
          id: 'capital_deployment',
          data: {
            cash_on_hand: 286950,
            reserve_months: 3,
            burn_basis: 'operating net burn',
            allocations: [{ rank: 1, id: 'reserve-top-up', share: 0.4, amount: 102130.54 }],
            chart: { kind: 'months', categories: [], series: [], width: 600, height: 300 },
          },
        },
      ],
    };
    const [allocations, figures] = reportCsvFiles('cfo', document, 'EUR');
    expect(allocations!.content.toString()).toBe(
      'rank,id,share,amount (EUR)\r\n1,reserve-top-up,0.4,102130.54\r\n',
    );
    expect(figures!.fileName).toBe('cfo-capital_deployment-figures.csv');
    // A chart spec draws figures the tables already carry: not a table of its own.
    expect(figures!.content.toString()).toBe(
      'figure,value,currency\r\n' +
        'cash_on_hand,286950.00,EUR\r\n' +
        'reserve_months,3,\r\n' +
        'burn_basis,operating net burn,\r\n',
    );
  });

  it('leaves out a chart slot with nothing to draw (null), in rows and in single figures', () => {
    // Given: the burn table's rows carry `cash_chart: null` for an entity without a cash
    // account, which became an always-empty "cash_chart (USD)" column. Second instance: an
    // empty `aging_chart` among a section's single figures.
    const document: ReportDocument = {
      sections: [
        {
          id: 'burn',
          data: {
            entities: [{ id: 'jada', revenue_monthly: 100, chart: null, cash_chart: null }],
            aging_chart: null,
            receivable: 50,
          },
        },
      ],
    };
    const [entities, figures] = reportCsvFiles('cfo', document, 'USD');
    expect(entities!.content.toString()).toBe('id,revenue_monthly (USD)\r\njada,100.00\r\n');
    expect(figures!.content.toString()).toBe('figure,value,currency\r\nreceivable,50.00,USD\r\n');
  });
});

describe('isMoneyField', () => {
  it.each([
    ['revenue_monthly', true],
    ['cash_on_hand', true],
    ['cash_override.amount', true],
    ['expected_net_monthly', true],
    ['total_deferred', true],
    ['runway_months', false],
    ['contribution_margin_ratio', false],
    ['expected_monthly_bookings', false],
    ['cash_on_cash', false],
    ['share', false],
    ['days_past_due', false],
  ])('%s -> %s', (name, money) => {
    expect(isMoneyField(name)).toBe(money);
  });

  it("agrees with the example's templates: every field they show with `money` and none they show as a percent or number", () => {
    const folder = path.join(EXAMPLE_CONFIG, 'templates', 'sections');
    const checked: string[] = [];
    const wrong: string[] = [];
    for (const file of readdirSync(folder)) {
      const text = readFileSync(path.join(folder, file), 'utf8');
      for (const [, field, filter] of text.matchAll(
        /\{\{\s*[\w.]*?(\w+)\s*\|\s*(money|percent|number)\b/g,
      )) {
        // A financial rule's limit and actual are money or months by their row's `unit`.
        if (file === 'financial_rules.md' && field === 'actual') continue;
        checked.push(field!);
        if (isMoneyField(field!) !== (filter === 'money'))
          wrong.push(`${file}: ${field} | ${filter}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked.length).toBeGreaterThan(50);
  });
});
