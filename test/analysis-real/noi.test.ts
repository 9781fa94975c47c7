// NOI from operating income and expenses only, for every property an entity holds (issue 11).
// Every figure is worked out by hand in the comments; the window is August–October 2026.
import { describe, expect, it } from 'vitest';
import type { PortfolioFile } from '../../src/config/schema.js';
import { analyze, entity, ids, ledger, portfolio, rows } from '../analysis/build.js';

type Property = {
  name: string;
  address: string;
  value: number;
  cash_invested: number;
  annual_debt_service: number;
  annual_expenses: Record<string, number>;
  accounts?: string[];
};
const property = (input: Partial<Property> = {}): Property => ({
  name: 'Elm St duplex',
  address: '1 Elm St, Example City',
  value: 500_000,
  cash_invested: 100_000,
  annual_debt_service: 0,
  annual_expenses: {},
  ...input,
});

const chart: PortfolioFile['chart_of_accounts'] = {
  '1000': { name: 'Operating cash', type: 'asset', cash: true },
  '1600': { name: 'Real property', type: 'asset' },
  '2100': { name: 'Security deposits held', type: 'liability' },
  '2500': { name: 'Mortgage', type: 'liability' },
  '4300': { name: 'Rental income, Elm St', type: 'income' },
  '4310': { name: 'Rental income, Oak Ave', type: 'income' },
  '6200': { name: 'Insurance', type: 'expense' },
  '6500': { name: 'Utilities, Elm St', type: 'expense' },
  '6510': { name: 'Utilities, Oak Ave', type: 'expense' },
  '6950': { name: 'Mortgage interest', type: 'expense' },
};

const MONTHS = ['2026-08', '2026-09', '2026-10'];
/** The same rows on the 1st (rent) and 10th (costs) of each month of the window. */
const monthly = (
  items: { day: string; account: string; category: string; amount: number; memo?: string }[],
) =>
  MONTHS.flatMap((month) =>
    items.map(({ day, ...item }) => ({ date: `${month}-${day}`, ...item })),
  );

// Elm St: rent 4,000 a month, utilities 500 a month: NOI 3,500 a month, 42,000 a year.
const elmOperations = monthly([
  { day: '01', account: '4300', category: 'rental_income', amount: 4_000 },
  { day: '10', account: '6500', category: 'utilities', amount: -500 },
]);

const settings = (debtService: string[] = []): Partial<PortfolioFile> => ({
  chart_of_accounts: chart,
  cost_categories: {
    fixed: ['utilities', 'insurance', 'mortgage'],
    variable: [],
    subscriptions: [],
    debt_service: debtService,
  },
});

type PropertyData = { properties: Record<string, unknown>[] };
const propertyOf = (
  entityInput: Parameters<typeof entity>[1],
  portfolioSettings: Partial<PortfolioFile>,
) =>
  analyze<PropertyData>(
    portfolio({
      entities: [entity('rental', { kind: 'rental_property', ...entityInput })],
      settings: portfolioSettings,
    }),
    'property',
  );

describe('NOI leaves out debt service: a mortgage payment split into interest and principal', () => {
  // Each month the 1,500 mortgage payment: 1,100 interest (6950) and 400 principal (2500).
  const mortgage = monthly([
    { day: '05', account: '6950', category: 'mortgage', amount: -1_100, memo: 'Mortgage interest' },
    { day: '05', account: '2500', category: 'mortgage', amount: -400, memo: 'Mortgage principal' },
  ]);

  it('with annual_debt_service declared, the ledger payment is not subtracted a second time', () => {
    const result = propertyOf(
      {
        assets: { properties: [property({ annual_debt_service: 18_000 })] },
        tables: { ledger: ledger(...elmOperations, ...mortgage) },
      },
      settings(['mortgage']),
    );
    expect(result.data.properties[0]).toMatchObject({
      rental_income_monthly: 4_000,
      operating_expenses_monthly: 500, // interest and principal are not operating
      noi_monthly: 3_500, // 4,000 − 500
      noi_annual: 42_000, // 3,500 × 12
      cap_rate: 0.084, // 42,000 / 500,000
      debt_service_annual: 18_000,
      debt_service_from: 'declared',
      // (42,000 − 18,000) / 100,000; with the payment also in NOI it read
      // (4,000 − 2,000) × 12 − 18,000 = 6,000 / 100,000 = 6%.
      cash_on_cash: 0.24,
    });
  });

  it('with no annual_debt_service, cash-on-cash takes the debt service the ledger records', () => {
    const result = propertyOf(
      {
        assets: { properties: [property()] },
        tables: { ledger: ledger(...elmOperations, ...mortgage) },
      },
      settings(['mortgage']),
    );
    expect(result.data.properties[0]).toMatchObject({
      noi_monthly: 3_500,
      noi_annual: 42_000,
      debt_service_annual: 18_000, // (1,100 + 400) × 12
      debt_service_from: 'ledger',
      cash_on_cash: 0.24, // (42,000 − 18,000) / 100,000
    });
  });

  it('a journal account named as debt service is left out the same way (second instance)', () => {
    // hledger-style accounts, typed by their top-level names: the interest is an expense account,
    // named under debt_service by account; the principal goes to a liability.
    const journalStyle = monthly([
      { day: '01', account: 'Income:Rent', category: 'Income:Rent', amount: 3_000 },
      { day: '10', account: 'Expenses:Water', category: 'Expenses:Water', amount: -250 },
      {
        day: '05',
        account: 'Expenses:Interest:Mortgage',
        category: 'Expenses:Interest:Mortgage',
        amount: -900,
      },
      { day: '05', account: 'Liabilities:Mortgage', category: 'loan', amount: -600 },
    ]);
    const result = propertyOf(
      {
        assets: { properties: [property({ value: 300_000, cash_invested: 60_000 })] },
        tables: { ledger: ledger(...journalStyle) },
      },
      settings(['Expenses:Interest:*', 'Liabilities:Mortgage']),
    );
    expect(result.data.properties[0]).toMatchObject({
      rental_income_monthly: 3_000,
      operating_expenses_monthly: 250,
      noi_monthly: 2_750, // 3,000 − 250
      noi_annual: 33_000,
      cap_rate: 0.11, // 33,000 / 300,000
      debt_service_annual: 18_000, // (900 + 600) × 12
      cash_on_cash: 0.25, // (33,000 − 18,000) / 60,000
    });
  });
});

describe('NOI leaves out deposits held and capital spending', () => {
  it('a security deposit taken and one returned, and a new roof, leave NOI as it was', () => {
    const extras = [
      // A new tenant's 2,000 deposit: money held for the tenant, a liability, not rent.
      {
        date: '2026-09-02',
        account: '2100',
        category: 'security_deposit',
        amount: 2_000,
        memo: 'Security deposit Unit B',
      },
      // A leaving tenant's 1,000 deposit returned: the same liability, paid back.
      {
        date: '2026-10-03',
        account: '2100',
        category: 'security_deposit',
        amount: -1_000,
        memo: 'Deposit returned Unit A',
      },
      // A 15,000 roof: capital spending on the building (1600 Real property), not an operating cost.
      {
        date: '2026-10-20',
        account: '1600',
        category: 'roof',
        amount: -15_000,
        memo: 'Roof replacement',
      },
    ];
    const result = propertyOf(
      {
        assets: { properties: [property()] },
        tables: { ledger: ledger(...elmOperations, ...extras) },
      },
      settings(),
    );
    expect(result.data.properties[0]).toMatchObject({
      // By sign these read 4,000 + 2,000 / 3 and 500 + 16,000 / 3: an NOI of −1,167 a month.
      rental_income_monthly: 4_000,
      operating_expenses_monthly: 500,
      noi_monthly: 3_500,
      noi_annual: 42_000,
      cap_rate: 0.084, // 42,000 / 500,000
      cash_on_cash: 0.42, // 42,000 / 100,000, no debt service
    });
  });
});

describe('every property an entity holds is analysed', () => {
  const oakOperations = monthly([
    { day: '01', account: '4310', category: 'rental_income', amount: 2_000 },
    { day: '10', account: '6510', category: 'utilities', amount: -200 },
  ]);
  // One insurance policy for both: no property's account, so it is the entity's, not either's.
  const shared = monthly([{ day: '15', account: '6200', category: 'insurance', amount: -150 }]);
  const elm = property({
    value: 400_000,
    cash_invested: 80_000,
    annual_debt_service: 12_000,
    accounts: ['4300', '6500'],
  });
  const oak = property({
    name: 'Oak Ave bungalow',
    address: '2 Oak Ave, Example City',
    value: 300_000,
    cash_invested: 60_000,
    // A pattern: the Oak accounts of the 4310s and 6510s.
    accounts: ['4310', '6510-6519'],
  });
  // Elm St in this entity: rent 3,000 and utilities 300 a month.
  const elmSmaller = monthly([
    { day: '01', account: '4300', category: 'rental_income', amount: 3_000 },
    { day: '10', account: '6500', category: 'utilities', amount: -300 },
  ]);

  it('each property has its own NOI, cap rate and cash-on-cash; shared costs are the entity’s', () => {
    const result = propertyOf(
      {
        name: 'Two Homes LLC',
        assets: { properties: [elm, oak] },
        tables: {
          ledger: ledger(...elmSmaller, ...oakOperations, ...shared),
          units: rows('units', [
            { unit: 'Elm A', rent: 3_000, status: 'occupied' },
            { unit: 'Oak', rent: 2_000, status: 'occupied' },
          ]),
        },
      },
      settings(),
    );
    const data = result.data.properties[0]!;
    expect(data.holdings).toEqual([
      {
        name: 'Elm St duplex',
        address: '1 Elm St, Example City',
        rental_income_monthly: 3_000,
        operating_expenses_monthly: 300,
        annual_expenses: [],
        noi_monthly: 2_700, // 3,000 − 300
        noi_annual: 32_400,
        value: 400_000,
        cash_invested: 80_000,
        debt_service_annual: 12_000,
        debt_service_from: 'declared',
        cap_rate: 0.081, // 32,400 / 400,000
        cash_on_cash: 0.255, // (32,400 − 12,000) / 80,000
      },
      {
        name: 'Oak Ave bungalow',
        address: '2 Oak Ave, Example City',
        rental_income_monthly: 2_000,
        operating_expenses_monthly: 200,
        annual_expenses: [],
        noi_monthly: 1_800, // 2,000 − 200
        noi_annual: 21_600,
        value: 300_000,
        cash_invested: 60_000,
        debt_service_annual: 0,
        debt_service_from: null,
        cap_rate: 0.072, // 21,600 / 300,000
        cash_on_cash: 0.36, // 21,600 / 60,000
      },
    ]);
    // The entity as a whole: 5,000 of rent, 300 + 200 + 150 of costs.
    expect(data).toMatchObject({
      rental_income_monthly: 5_000,
      operating_expenses_monthly: 650,
      noi_monthly: 4_350,
      noi_annual: 52_200,
      value: 700_000,
      cash_invested: 140_000,
      debt_service_annual: 12_000,
      cap_rate: 0.0746, // 52,200 / 700,000 = 0.074571…
      cash_on_cash: 0.2871, // (52,200 − 12,000) / 140,000 = 0.287142…
      address: null,
    });
    expect(ids(result.findings)).toEqual(['property.unattributed:rental']);
    expect(result.findings[0]!.figures).toEqual({
      entries: 3,
      income: 0,
      expenses: 450, // 150 × 3
      debt_service: 0,
    });
  });

  it('a property with no accounts listed is named, and none of the ledger is counted as its', () => {
    const result = propertyOf(
      {
        name: 'Two Homes LLC',
        assets: { properties: [elm, { ...oak, accounts: undefined }] },
        tables: { ledger: ledger(...elmSmaller, ...oakOperations) },
      },
      settings(),
    );
    const data = result.data.properties[0]! as { holdings: Record<string, unknown>[] };
    expect(data.holdings[0]).toMatchObject({ noi_monthly: 2_700 });
    expect(data.holdings[1]).toMatchObject({ rental_income_monthly: 0, noi_monthly: 0 });
    expect(ids(result.findings)).toEqual([
      'property.no-accounts:rental:oak-ave-bungalow',
      'property.no-units:rental',
      // Oak's 2,000 rent and 200 of utilities: the entity's, not Oak's.
      'property.unattributed:rental',
    ]);
  });

  it('a single-property entity needs no accounts: every posting is its', () => {
    const result = propertyOf(
      {
        assets: { properties: [property()] },
        tables: { ledger: ledger(...elmOperations) },
      },
      settings(),
    );
    const data = result.data.properties[0]! as { holdings: Record<string, unknown>[] };
    expect(data.holdings).toHaveLength(1);
    expect(data.holdings[0]).toMatchObject({ noi_monthly: 3_500, cap_rate: 0.084 });
    expect(result.findings.filter((f) => f.rule.startsWith('property.un'))).toEqual([]);
  });
});
