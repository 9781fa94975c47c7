// A ledger.csv row is two postings: the row's own account and the cash account it is booked
// against. The row's category describes the first only: the cash side of a mortgage payment is
// not debt service, whether or not the chart marks the cash account `cash: true`. These are the
// README's own rental-property setups (portfolio.yml's chart with 1000 unmarked, as the example
// portfolio has it; `debt_service: [mortgage]`; the mortgage as two rows a month), worked out by
// hand in the comments; the window is August–October 2026 (as of 2026-11-15).
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analysis/index.js';
import type { Finding } from '../../src/analysis/types.js';
import { loadPortfolio, type Portfolio } from '../../src/config/load.js';
import type { PortfolioFile } from '../../src/config/schema.js';
import { AS_OF, analyze, byRule, entity, ids, ledger, portfolio } from './build.js';

type Figures = Record<string, unknown> & { holdings: Record<string, unknown>[] };
type PropertyData = { properties: Figures[] };

/** The README's chart (portfolio.yml), 1000 typed but not marked cash unless `cash` says so. */
const readmeChart = (cash: boolean): PortfolioFile['chart_of_accounts'] => ({
  '1000': { name: 'Operating cash', type: 'asset', ...(cash ? { cash: true } : {}) },
  '2500': { name: 'Mortgage', type: 'liability' },
  '4300': { name: 'Elm St rent', type: 'income' },
  '4310': { name: 'Oak Ave rent', type: 'income' },
  '6500': { name: 'Elm St utilities', type: 'expense' },
  '6510': { name: 'Oak Ave utilities', type: 'expense' },
  '6950': { name: 'Mortgage interest', type: 'expense' },
});

const settings = (cash: boolean, debtService: string[]): Partial<PortfolioFile> => ({
  chart_of_accounts: readmeChart(cash),
  cost_categories: {
    fixed: ['utilities', 'mortgage'],
    variable: [],
    subscriptions: [],
    debt_service: debtService,
  },
});

const MONTHS = ['2026-08', '2026-09', '2026-10'];
// Each month: Elm rent 2,400 and Oak rent 1,900; the README's mortgage payment as its two rows,
// 1,100 interest (6950) and 400 principal (2500), both in the `mortgage` category. In August
// only: utilities 120 (Elm, 6500) and 90 (Oak, 6510).
const twoHomesLedger = ledger(
  ...MONTHS.flatMap((month) => [
    { date: `${month}-01`, account: '4300', category: 'rent', amount: 2_400, memo: 'Elm rent' },
    { date: `${month}-01`, account: '4310', category: 'rent', amount: 1_900, memo: 'Oak rent' },
    {
      date: `${month}-05`,
      account: '6950',
      category: 'mortgage',
      amount: -1_100,
      memo: 'Mortgage interest',
    },
    {
      date: `${month}-05`,
      account: '2500',
      category: 'mortgage',
      amount: -400,
      memo: 'Mortgage principal',
    },
  ]),
  { date: '2026-08-10', account: '6500', category: 'utilities', amount: -120 },
  { date: '2026-08-11', account: '6510', category: 'utilities', amount: -90 },
);

const elm = {
  name: 'Elm St duplex',
  address: '1 Elm St, Example City',
  value: 400_000,
  cash_invested: 80_000,
  annual_debt_service: 12_000,
  annual_expenses: {},
  accounts: ['4300', '6500'],
};
const oak = {
  name: 'Oak Ave bungalow',
  address: '2 Oak Ave, Example City',
  value: 300_000,
  cash_invested: 60_000,
  annual_debt_service: 0,
  annual_expenses: {},
  accounts: ['4310', '6510', '2500', '6950'],
};

/** The property section for one entity on the README chart (the entity's own accounts: none). */
const propertySection = (
  properties: (typeof elm)[],
  cash: boolean,
  debtService: string[] = ['mortgage'],
) =>
  analyze<PropertyData>(
    portfolio({
      entities: [
        entity('two-homes', {
          kind: 'rental_property',
          accounts: {},
          assets: { properties },
          tables: { ledger: twoHomesLedger },
        }),
      ],
      settings: settings(cash, debtService),
    }),
    'property',
  );

describe('the cash side of a ledger.csv row is not the row’s debt service', () => {
  // The single property of the README's setup takes every posting: rent (2,400 + 1,900) a
  // month = 4,300; utilities (120 + 90) / 3 = 70 a month; NOI 4,230 a month, 50,760 a year;
  // debt service (1,100 + 400) × 3 months / 3 × 12 = 18,000 a year, from the ledger;
  // cash-on-cash (50,760 − 18,000) / 60,000 = 0.546. HEAD gave, with 1000 unmarked, debt service
  // 0 (each row's cash leg, −1,100 and −400 on 1000 in the mortgage category, cancelled it) and
  // cash-on-cash 50,760 / 60,000 = 0.846.
  const single = {
    rental_income_monthly: 4_300,
    operating_expenses_monthly: 70,
    noi_monthly: 4_230,
    noi_annual: 50_760,
    cap_rate: 0.1692, // 50,760 / 300,000
    debt_service_annual: 18_000,
    debt_service_from: 'ledger',
    cash_on_cash: 0.546,
  };
  it.each([
    { how: '1000 unmarked, debt_service: [mortgage] (the README as written)', cash: false },
    { how: '1000 marked cash: true, debt_service: [mortgage]', cash: true },
  ])('one property, $how: 18,000 a year from the ledger', ({ cash }) => {
    const result = propertySection([oak], cash);
    expect(result.data.properties[0]).toMatchObject(single);
    expect(result.data.properties[0]!.holdings[0]).toMatchObject(single);
    expect(byRule(result.findings, 'property.unattributed')).toEqual([]);
  });

  it('the same whether debt service is listed by category or by account', () => {
    const byAccount = propertySection([oak], false, ['6950', '2500']).data.properties[0];
    const byCategory = propertySection([oak], false).data.properties[0];
    expect(byCategory).toEqual(byAccount);
  });

  it('the README’s two homes: the entity’s debt service is its properties’, added up', () => {
    const result = propertySection([elm, oak], false);
    const data = result.data.properties[0]!;
    expect(data.holdings).toMatchObject([
      {
        name: 'Elm St duplex',
        rental_income_monthly: 2_400,
        operating_expenses_monthly: 40, // 120 / 3
        noi_monthly: 2_360,
        noi_annual: 28_320,
        debt_service_annual: 12_000, // declared
        debt_service_from: 'declared',
        cash_on_cash: 0.204, // (28,320 − 12,000) / 80,000
      },
      {
        name: 'Oak Ave bungalow',
        rental_income_monthly: 1_900,
        operating_expenses_monthly: 30, // 90 / 3
        noi_monthly: 1_870,
        noi_annual: 22_440,
        debt_service_annual: 18_000, // (1,100 + 400) × 12
        debt_service_from: 'ledger',
        cash_on_cash: 0.074, // (22,440 − 18,000) / 60,000
      },
    ]);
    // The whole: every posting is one property's, so each figure is the properties' sum. HEAD
    // read debt service 12,000 (12,000 + 18,000 − the cash legs' 18,000, "unattributed") and
    // cash-on-cash (50,760 − 12,000) / 140,000 = 0.2769.
    expect(data).toMatchObject({
      rental_income_monthly: 4_300,
      operating_expenses_monthly: 70,
      noi_annual: 50_760, // 28,320 + 22,440
      value: 700_000,
      cash_invested: 140_000,
      debt_service_annual: 30_000, // 12,000 + 18,000
      cap_rate: 0.0725, // 50,760 / 700,000 = 0.07251…
      cash_on_cash: 0.1483, // (50,760 − 30,000) / 140,000 = 0.14828…
    });
    const sum = (key: string) => data.holdings.reduce((n, h) => n + (h[key] as number), 0);
    for (const key of ['noi_annual', 'debt_service_annual', 'value', 'cash_invested'])
      expect(data[key]).toBe(sum(key));
    // Both mortgage accounts are Oak's: nothing is unattributed (HEAD: the 6 cash legs of the
    // mortgage rows, {entries: 6, debt_service: −4,500}).
    expect(ids(result.findings)).toEqual(['property.no-units:two-homes']);
  });
});

/** hledger is needed to read the journal; a skipped check says why. */
const noHledger = (() => {
  try {
    execFileSync('hledger', ['--version'], { stdio: 'ignore' });
    return undefined;
  } catch {
    const reason = 'hledger is not installed (apt-get install -y hledger): journal check skipped';
    console.warn(reason);
    return reason;
  }
})();

// The same two homes as loaded books, with hledger-style account names typed by their top-level
// names: Assets:Bank:Operating is an asset, not marked cash. One entity keeps them as a
// `ledger_csv` source against that account (the README's books form), one as an hledger journal
// (a payment is one transaction of three postings). A third keeps its bank rows and its card
// charges in two ledger_csv files; the card (Liabilities:Card) is the cash side of its rows.
const accounts = {
  elmRent: 'Income:Rent:Elm',
  oakRent: 'Income:Rent:Oak',
  elmUtilities: 'Expenses:Utilities:Elm',
  oakUtilities: 'Expenses:Utilities:Oak',
  interest: 'Expenses:Interest:Mortgage',
  principal: 'Liabilities:Mortgage:Oak',
  bank: 'Assets:Bank:Operating',
};
const csvRows = [
  'date,account,category,amount,memo,receipt',
  ...MONTHS.flatMap((m) => [
    `${m}-01,${accounts.elmRent},rent,2400.00,Elm rent,`,
    `${m}-01,${accounts.oakRent},rent,1900.00,Oak rent,`,
    `${m}-05,${accounts.interest},mortgage,-1100.00,Mortgage interest,`,
    `${m}-05,${accounts.principal},mortgage,-400.00,Mortgage principal,`,
  ]),
  `2026-08-10,${accounts.elmUtilities},utilities,-120.00,Elm utilities,`,
  `2026-08-11,${accounts.oakUtilities},utilities,-90.00,Oak utilities,`,
];
const journal = [
  ...MONTHS.flatMap((m) => [
    `${m}-01 Elm rent`,
    `    ${accounts.bank}  2400.00 USD`,
    `    ${accounts.elmRent}`,
    '',
    `${m}-01 Oak rent`,
    `    ${accounts.bank}  1900.00 USD`,
    `    ${accounts.oakRent}`,
    '',
    `${m}-05 Mortgage payment`,
    `    ${accounts.interest}  1100.00 USD`,
    `    ${accounts.principal}  400.00 USD`,
    `    ${accounts.bank}`,
    '',
  ]),
  `2026-08-10 Elm utilities`,
  `    ${accounts.elmUtilities}  120.00 USD`,
  `    ${accounts.bank}`,
  '',
  `2026-08-11 Oak utilities`,
  `    ${accounts.oakUtilities}  90.00 USD`,
  `    ${accounts.bank}`,
];
const homes = (books: string) =>
  [
    'kind: rental_property',
    books,
    'assets:',
    '  properties:',
    '    - name: Elm St duplex',
    '      address: 1 Elm St, Example City',
    '      value: 400000',
    '      cash_invested: 80000',
    '      annual_debt_service: 12000',
    `      accounts: ['${accounts.elmRent}', '${accounts.elmUtilities}']`,
    '    - name: Oak Ave bungalow',
    '      address: 2 Oak Ave, Example City',
    '      value: 300000',
    '      cash_invested: 60000',
    `      accounts: ['${accounts.oakRent}', '${accounts.oakUtilities}', '${accounts.interest}', '${accounts.principal}']`,
  ].join('\n');
const files: Record<string, string> = {
  'portfolio.yml': [
    'name: Cash legs',
    'currency: USD',
    'timezone: America/Los_Angeles',
    'sender: reports@example.com',
    'owners: { manager: { email: manager@example.com } }',
    // Categories for ledger.csv, accounts for the journal: the README's "categories, or accounts".
    'cost_categories:',
    '  fixed: [utilities, mortgage, "Expenses:Utilities:*", "Expenses:Interest:*"]',
    '  variable: [maintenance_repairs]',
    `  debt_service: [mortgage, "Expenses:Interest:*", "Liabilities:Mortgage:*"]`,
    'chart_of_accounts: {}',
  ].join('\n'),
  'entities/ledger-homes.yml': homes(
    `name: Ledger Homes\nbooks:\n  - ledger_csv: books/homes.csv\n    cash_account: ${accounts.bank}`,
  ),
  'entities/journal-homes.yml': homes(
    'name: Journal Homes\nbooks:\n  - hledger: books/homes.journal',
  ),
  'books/homes.csv': csvRows.join('\n'),
  'books/homes.journal': journal.join('\n'),
  // The card: interest on an equipment loan, charged to the card each month, in a category
  // debt_service does not list (so it is named as unlisted debt service); rent to the bank.
  'entities/card-home.yml': [
    'name: Card Home',
    'kind: rental_property',
    'books:',
    `  - ledger_csv: books/bank.csv\n    cash_account: ${accounts.bank}`,
    '  - ledger_csv: books/card.csv\n    cash_account: Liabilities:Card',
    'assets:',
    '  properties:',
    '    - { name: Pine cottage, address: 3 Pine St, value: 200000, cash_invested: 50000 }',
  ].join('\n'),
  'books/bank.csv': [
    'date,account,category,amount,memo,receipt',
    ...MONTHS.map((m) => `${m}-01,Income:Rent:Pine,rent,1500.00,Pine rent,`),
  ].join('\n'),
  'books/card.csv': [
    'date,account,category,amount,memo,receipt',
    ...MONTHS.map((m) => `${m}-20,Expenses:Finance charges,loan_interest,-45.00,Loan interest,`),
  ].join('\n'),
  'personas/manager.yml': 'title: Manager\nsections: [property]\ntemplate: manager',
  'reports/manager.yml': [
    'persona: manager',
    'entities: all',
    'recipients: { to: [manager@example.com] }',
    'cadence: monthly',
    'subject: Homes',
  ].join('\n'),
  'templates/manager.md': '# Homes\n',
};

describe.skipIf(noHledger)('the same books through a ledger_csv source and a journal', () => {
  let dir: string;
  let loaded: Portfolio;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'boardroom-cash-legs-'));
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), `${text}\n`);
    }
    const result = await loadPortfolio(dir);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    loaded = result.portfolio;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const section = () => new Analyzer(loaded, AS_OF).section('property', loaded.entities);
  const dataOf = (id: string) =>
    (section().data as PropertyData).properties.find((p) => p.id === id)!;
  const findingsOf = (id: string): Finding[] => section().findings.filter((f) => f.entity === id);

  it('Oak’s debt service is what hledger records, annualised, and the whole adds up', () => {
    // hledger's own total of the debt-service accounts over the window: 3 × (1,100 + 400).
    const bal = execFileSync(
      'hledger',
      [
        '-f',
        path.join(dir, 'books/homes.journal'),
        'bal',
        '^Expenses:Interest',
        '^Liabilities:Mortgage',
        '-b',
        '2026-08-01',
        '-e',
        '2026-11-01',
        '-O',
        'csv',
        '--layout=bare',
      ],
      { encoding: 'utf8' },
    );
    const total = /"total","USD","([-\d.]+)"/.exec(bal)?.[1];
    expect(total).toBe('4500.00');
    const oakDebt = (Number(total) / 3) * 12; // 18,000
    for (const id of ['journal-homes', 'ledger-homes']) {
      const data = dataOf(id);
      expect(data.holdings.map((h) => h.debt_service_annual)).toEqual([12_000, oakDebt]);
      expect(data).toMatchObject({
        noi_annual: 50_760,
        debt_service_annual: 12_000 + oakDebt,
        cash_on_cash: 0.1483, // (50,760 − 30,000) / 140,000
      });
      expect(findingsOf(id).map((f) => f.rule)).not.toContain('property.unattributed');
    }
    // The ledger_csv books read exactly as the journal does (HEAD: 12,000, 0.2769 for ledger-homes).
    expect({ ...dataOf('ledger-homes'), id: '', name: '' }).toEqual({
      ...dataOf('journal-homes'),
      id: '',
      name: '',
    });
  });

  it('a card charge’s cash side (the card, a liability) is not named as unlisted debt service', () => {
    const unlisted = byRule(findingsOf('card-home'), 'property.unlisted-debt-service');
    // The three 45 charges, as their category; HEAD also named Liabilities:Card, the charges'
    // cash side: "6 postings … to Liabilities:Card, loan_interest", amount 135 − 135 = 0.
    expect(unlisted.map((f) => f.figures)).toEqual([
      { accounts: 'loan_interest', postings: 3, amount: 135 },
    ]);
  });
});

describe('a ledger.csv row booked on the cash account itself', () => {
  // Oak's rent and utilities as above, and each month's mortgage as one row whose `account` is
  // 1000, the cash account it is booked against: the row's two postings cancel on 1000 (no cash
  // leaves, as hledger would show), so it moves no figure, whether or not the chart marks 1000
  // `cash: true`. Before, with 1000 unmarked, the row's own posting took the `mortgage` category
  // and counted 1,500 a month as debt service (18,000 a year); marked, it counted nothing.
  const onCash = ledger(
    ...MONTHS.flatMap((month) => [
      { date: `${month}-01`, account: '4310', category: 'rent', amount: 1_900, memo: 'Oak rent' },
      {
        date: `${month}-05`,
        account: '1000',
        category: 'mortgage',
        amount: -1_500,
        memo: 'Mortgage paid from checking',
      },
    ]),
    { date: '2026-08-11', account: '6510', category: 'utilities', amount: -90 },
  );
  const section = (cash: boolean) =>
    analyze<PropertyData>(
      portfolio({
        entities: [
          entity('oak', {
            kind: 'rental_property',
            accounts: {},
            assets: { properties: [oak] },
            tables: { ledger: onCash },
          }),
        ],
        settings: settings(cash, ['mortgage']),
      }),
      'property',
    );

  it('moves no figure, marked cash or not', () => {
    const unmarked = section(false).data.properties[0]!;
    const marked = section(true).data.properties[0]!;
    // NOI: 1,900 − 90 / 3 = 1,870 a month, 22,440 a year; no debt service in the books.
    expect(unmarked).toMatchObject({ noi_annual: 22_440, debt_service_annual: 0 });
    expect(marked).toEqual(unmarked);
  });
});

describe('debt service no property names', () => {
  it('is named in property.unattributed, which says it counts in the entity’s debt service', () => {
    // Oak without its interest account (6950): the three months' interest, 1,100 each, names
    // no one property. Debt service is not in NOI, so the finding says where it does count.
    const oakWithoutInterest = { ...oak, accounts: ['4310', '6510', '2500'] };
    const [finding] = byRule(
      propertySection([elm, oakWithoutInterest], false).findings,
      'property.unattributed',
    );
    expect(finding!.figures).toMatchObject({ entries: 3, debt_service: 3_300 });
    expect(finding!.title).toContain('(income $0, expenses $0, debt service $3,300)');
    expect(finding!.title).toContain("they count in the entity's NOI and debt service");
  });
});
