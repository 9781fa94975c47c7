// Hand-worked figures for the books layer: account patterns, refunds netting, transfers, a
// price conversion rounded once, a commodity with no price, statement mappings, ledger.csv,
// and the messages for a missing tool and a bad journal.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountChart, rulesFromChartOfAccounts } from '../../src/books/accounts.js';
import { bankCsvSource, readStatement } from '../../src/books/bank-csv.js';
import { beancountSource } from '../../src/books/beancount.js';
import { booksSchema, accountPatternsSchema } from '../../src/books/config.js';
import { format, parseDecimal } from '../../src/books/decimal.js';
import { hledgerSource } from '../../src/books/hledger.js';
import { chartFromPatterns, readBooks } from '../../src/books/index.js';
import { ledgerRowsToPostings } from '../../src/books/ledger-csv.js';
import { statementRulesSchema } from '../../src/books/statement-rules.js';
import { bookTotals, cashBalance } from '../../src/books/totals.js';
import type { Posting, Price } from '../../src/books/types.js';
import { skipReason } from './peer-tools.js';

const d = (text: string) => parseDecimal(text)!;
let serial = 0;
/** One balanced transaction: [account, amount, commodity?] legs. */
function txn(date: string, legs: [string, string, string?][]): Posting[] {
  serial += 1;
  return legs.map(([account, amount, commodity]) => ({
    date,
    transaction: `t${serial}`,
    description: `txn ${serial}`,
    account,
    amount: d(amount),
    commodity: commodity ?? 'USD',
    source: { file: 'books.journal', line: serial },
  }));
}
const chart = accountChart([
  { pattern: 'Assets:Checking', type: 'asset', cash: true },
  { pattern: 'Liabilities:Card', type: 'liability' },
]);
const march = { from: '2026-03-01', to: '2026-04-01' };

describe('account patterns', () => {
  const patterns = accountChart([
    { pattern: 'Expenses:Food:*', type: 'expense', name: 'Food' },
    { pattern: 'Expenses:*', type: 'expense' },
    { pattern: 'Expenses:Reimbursable:*', type: 'asset' },
    { pattern: '6100-6199', type: 'expense', name: 'Software' },
    { pattern: '6000-6999', type: 'liability' },
    { pattern: 'Assets:Bank:Checking', type: 'asset', cash: true },
    { pattern: 'Assets:Bank:*', type: 'asset' },
  ]);

  it('a prefix covers the account itself and every account under it, not a longer name', () => {
    expect(patterns.classify('Expenses:Food')?.rule).toBe('Expenses:Food:*');
    expect(patterns.classify('Expenses:Food:Groceries')).toEqual({
      type: 'expense',
      cash: false,
      name: 'Food',
      rule: 'Expenses:Food:*',
    });
    expect(patterns.classify('Expenses:Foodstuff')?.rule).toBe('Expenses:*');
  });

  it('the most specific rule wins: exact over prefix, longer prefix, narrower range', () => {
    expect(patterns.classify('Assets:Bank:Checking')).toEqual({
      type: 'asset',
      cash: true,
      rule: 'Assets:Bank:Checking',
    });
    expect(patterns.classify('assets:bank:checking')?.cash).toBe(true);
    expect(patterns.classify('Assets:Bank:Savings')).toEqual({
      type: 'asset',
      cash: false,
      rule: 'Assets:Bank:*',
    });
    expect(patterns.classify('Expenses:Reimbursable:Travel')?.type).toBe('asset');
    expect(patterns.classify('6150')).toEqual({
      type: 'expense',
      cash: false,
      name: 'Software',
      rule: '6100-6199',
    });
    expect(patterns.classify('6250')?.type).toBe('liability');
    expect(patterns.classify('61500')).toBeUndefined();
  });

  it('hledger’s top-level names are the defaults; other names have no type', () => {
    expect(patterns.classify('Income:Sales')?.type).toBe('income');
    expect(patterns.classify('revenues:consulting')?.type).toBe('income');
    expect(patterns.classify('Liabilities:Loan')?.type).toBe('liability');
    expect(patterns.classify('Equity:Opening-Balances')?.type).toBe('equity');
    expect(patterns.classify('Sales')).toBeUndefined();
    expect(accountChart([], { defaults: false }).classify('Income:Sales')).toBeUndefined();
  });

  it('a backwards range or a * inside a pattern is reported, not guessed', () => {
    const bad = accountChart([
      { pattern: '6199-6100', type: 'expense' },
      { pattern: 'Exp*ense', type: 'expense' },
    ]);
    expect(bad.problems).toEqual([
      '"6199-6100": the range runs backwards',
      '"Exp*ense": a * may only end a pattern',
    ]);
  });

  it('the entity’s `accounts:` key and portfolio.yml’s chart_of_accounts give the same chart', () => {
    const parsed = accountPatternsSchema.parse({
      '4000-4999': { type: 'income' },
      '1000': { type: 'asset', cash: true },
    });
    expect(chartFromPatterns(parsed).classify('4100')?.type).toBe('income');
    expect(chartFromPatterns(parsed).classify('1000')?.cash).toBe(true);
    expect(
      accountPatternsSchema.safeParse({ '5000': { type: 'expense', cash: true } }).success,
    ).toBe(false);
    const codes = accountChart(
      rulesFromChartOfAccounts({ '4000': { name: 'Charter revenue', type: 'income' } }),
    );
    expect(codes.classify('4000')).toEqual({
      type: 'income',
      cash: false,
      name: 'Charter revenue',
      rule: '4000',
    });
  });
});

describe('totals by account type', () => {
  it('a customer refund and a supplier credit net within their accounts', () => {
    const postings = [
      ...txn('2026-03-02', [
        ['Income:Sales', '-1000.00'],
        ['Assets:Checking', '1000.00'],
      ]),
      ...txn('2026-03-05', [
        ['Income:Sales', '150.00'],
        ['Assets:Checking', '-150.00'],
      ]), // refund to a customer
      ...txn('2026-03-06', [
        ['Expenses:Supplies', '400.00'],
        ['Liabilities:Card', '-400.00'],
      ]),
      ...txn('2026-03-09', [
        ['Expenses:Supplies', '-60.00'],
        ['Liabilities:Card', '60.00'],
      ]), // supplier credit
    ];
    const totals = bookTotals(postings, [], chart, march, { currency: 'USD' });
    // Revenue 1,000 − 150 = 850.00; spending 400 − 60 = 340.00. Split by sign it would be
    // 1,060 of income and 550 of spending.
    expect(totals.revenue).toBe(85000);
    expect(totals.spending).toBe(34000);
    expect(totals.operatingNetBurn).toBe(-51000);
    expect(totals.transfers.transactions).toBe(0);
  });

  it('a transfer to savings and a card payment are neither revenue nor spending', () => {
    const postings = [
      ...txn('2026-02-27', [
        ['Assets:Checking', '5000.00'],
        ['Equity:Opening-Balances', '-5000.00'],
      ]),
      ...txn('2026-03-03', [
        ['Assets:Checking', '-500.00'],
        ['Assets:Savings', '500.00'],
      ]),
      ...txn('2026-03-04', [
        ['Expenses:Fuel', '200.00'],
        ['Liabilities:Card', '-200.00'],
      ]),
      ...txn('2026-03-20', [
        ['Liabilities:Card', '200.00'],
        ['Assets:Checking', '-200.00'],
      ]),
    ];
    const totals = bookTotals(postings, [], chart, march, { currency: 'USD' });
    expect(totals.revenue).toBe(0);
    expect(totals.spending).toBe(20000);
    expect(totals.transfers).toEqual({ transactions: 2, amount: 70000 });
    // Cash (checking only): 5,000 opening, −500 to savings, −200 to the card.
    expect(totals.cashAtStart).toBe(500000);
    expect(totals.cashAtEnd).toBe(430000);
    expect(totals.cashBurn).toBe(70000);
    expect(cashBalance(postings, [], chart, '2026-03-03', { currency: 'USD' })).toEqual({
      balance: 450000,
      unpriced: [],
    });
    expect(cashBalance(postings, [], chart, '2026-03-02', { currency: 'USD' }).balance).toBe(
      500000,
    );
  });

  it('converts at the latest price on or before each posting, rounding each figure once', () => {
    const price = (date: string, value: string): Price => ({
      date,
      commodity: 'EUR',
      price: d(value),
      currency: 'USD',
      source: { file: 'books.journal', line: 1 },
    });
    const prices = [
      price('2026-03-15', '1.0900'),
      price('2026-02-01', '1.0800'),
      price('2026-03-01', '1.0851'),
    ];
    const postings = [
      ...txn('2026-03-10', [
        ['Expenses:Travel', '33.33', 'EUR'],
        ['Liabilities:Card', '-33.33', 'EUR'],
      ]),
      ...txn('2026-03-11', [
        ['Expenses:Travel', '33.33', 'EUR'],
        ['Liabilities:Card', '-33.33', 'EUR'],
      ]),
      ...txn('2026-03-20', [
        ['Expenses:Travel', '10.00', 'EUR'],
        ['Liabilities:Card', '-10.00', 'EUR'],
      ]),
    ];
    const totals = bookTotals(postings, prices, chart, march, { currency: 'USD' });
    // 2 × 33.33 × 1.0851 = 72.332766 (72.33, where rounding each would give 72.34);
    // 10.00 × 1.0900 = 10.90 (the 15 March price). 72.332766 + 10.90 = 83.232766 → 83.23.
    expect(totals.spending).toBe(8323);
    expect(totals.unpriced).toEqual([]);
    expect(totals.accounts.find((a) => a.account === 'Expenses:Travel')?.byCommodity).toEqual({
      EUR: '76.66',
    });
  });

  it('a commodity with no price is left out and reported with its count and total', () => {
    const postings = [
      ...txn('2026-03-05', [
        ['Income:Vacation', '-8', 'VACHR'],
        ['Assets:Vacation', '8', 'VACHR'],
      ]),
      ...txn('2026-03-19', [
        ['Income:Vacation', '-8', 'VACHR'],
        ['Assets:Vacation', '8', 'VACHR'],
      ]),
      ...txn('2026-03-20', [
        ['Expenses:Vacation', '4.5', 'VACHR'],
        ['Assets:Vacation', '-4.5', 'VACHR'],
      ]),
      ...txn('2026-03-21', [
        ['Income:Sales', '-100.00'],
        ['Assets:Checking', '100.00'],
      ]),
      // A price dated after the posting does not price it.
      ...txn('2026-03-22', [
        ['Expenses:Travel', '10.00', 'EUR'],
        ['Assets:Checking', '-10.00', 'EUR'],
      ]),
    ];
    const later: Price = {
      date: '2026-03-25',
      commodity: 'EUR',
      price: d('1.1'),
      currency: 'USD',
      source: { file: 'p', line: 1 },
    };
    const totals = bookTotals(postings, [later], chart, march, { currency: 'USD' });
    expect(totals.revenue).toBe(10000);
    expect(totals.spending).toBe(0);
    // Income and expense postings each apart: −8 −8 = −16 hours earned over 2 postings, 4.5
    // taken over 1. The EUR expense and the EUR in checking (valued on 31 March at 1.1: priced)
    // are separate.
    expect(totals.unpriced).toEqual([
      { commodity: 'EUR', kind: 'expense', postings: 1, total: '10.00' },
      { commodity: 'VACHR', kind: 'income', postings: 2, total: '-16' },
      { commodity: 'VACHR', kind: 'expense', postings: 1, total: '4.5' },
    ]);
    expect(totals.cashAtEnd).toBe(10000 - 1100);
  });

  it('accounts the chart does not type are listed and counted in no figure', () => {
    const postings = txn('2026-03-02', [
      ['Sales', '-40.00'],
      ['Assets:Checking', '40.00'],
    ]);
    const totals = bookTotals(postings, [], chart, march, { currency: 'USD' });
    expect(totals.revenue).toBe(0);
    expect(totals.untyped).toEqual([{ account: 'Sales', postings: 1 }]);
  });
});

describe('exact decimals', () => {
  it('reads the ways statements write amounts', () => {
    expect(format(d('-22.32 USD'))).toBe('-22.32');
    expect(format(d('$1,234.50'))).toBe('1234.50');
    expect(format(d('-$7'))).toBe('-7');
    expect(format(d('(12.00)'))).toBe('-12.00');
    expect(format(parseDecimal('1.234,56 €', ',')!)).toBe('1234.56');
    expect(format(d('.5'))).toBe('0.5');
    expect(parseDecimal('12.3.4')).toBeUndefined();
    expect(parseDecimal('')).toBeUndefined();
    expect(parseDecimal('abc')).toBeUndefined();
  });
});

describe('bank CSV mappings', () => {
  const rules = (over: Record<string, unknown>) =>
    statementRulesSchema.parse({
      account: 'Assets:Bank:Giro',
      date: 'Datum',
      description: 'Text',
      ...over,
    });

  it('a European export: two lines before the header, ; separator, DD.MM.YYYY, decimal comma, debit and credit columns', () => {
    const text = [
      'Kontoauszug Beispielbank',
      'Konto;DE00 0000 0000 0000 0000 00',
      'Datum;Text;Soll;Haben',
      '02.03.2026;Miete März;1.200,00;',
      '05.03.2026;Kunde Zahlung;;2.450,75',
      '09.03.2026;Stadtwerke Strom;-84,10;',
    ].join('\n');
    const read = readStatement(
      'giro.csv',
      text,
      rules({
        currency: 'EUR',
        separator: ';',
        skip: 2,
        date_format: 'DD.MM.YYYY',
        decimal_mark: ',',
        debit: 'Soll',
        credit: 'Haben',
        rules: [
          { match: 'Miete', account: 'Expenses:Rent' },
          { match: 'Kunde', account: 'Income:Sales' },
          { match: 'Strom', account: 'Expenses:Utilities' },
        ],
      }),
    );
    expect(read.errors).toEqual([]);
    const giro = read.postings.filter((p) => p.account === 'Assets:Bank:Giro');
    expect(giro.map((p) => [p.date, format(p.amount), p.source.line])).toEqual([
      ['2026-03-02', '-1200.00', 4],
      ['2026-03-05', '2450.75', 5],
      ['2026-03-09', '-84.10', 6],
    ]);
    const totals = bookTotals(
      read.postings,
      [],
      accountChart([{ pattern: 'Assets:Bank:Giro', type: 'asset', cash: true }]),
      march,
      { currency: 'EUR' },
    );
    expect(totals.revenue).toBe(245075);
    expect(totals.spending).toBe(128410);
    expect(totals.cashChange).toBe(245075 - 128410);
  });

  it('a card export whose positive amounts are charges (amount_sign: outflow), M/D/YYYY, no header', () => {
    const text = '3/4/2026,COFFEE ROASTERS,4.75\n3/15/2026,PAYMENT THANK YOU,-4.75\n';
    const read = readStatement(
      'card.csv',
      text,
      statementRulesSchema.parse({
        account: 'Liabilities:Card',
        header: false,
        date: 1,
        description: 2,
        amount: 3,
        amount_sign: 'outflow',
        date_format: 'M/D/YYYY',
        rules: [{ match: 'PAYMENT', account: 'Assets:Checking' }],
        default_account: 'Expenses:Coffee',
      }),
    );
    expect(read.errors).toEqual([]);
    expect(read.postings.map((p) => `${p.date} ${p.account} ${format(p.amount)}`)).toEqual([
      '2026-03-04 Liabilities:Card -4.75',
      '2026-03-04 Expenses:Coffee 4.75',
      '2026-03-15 Liabilities:Card 4.75',
      '2026-03-15 Assets:Checking -4.75',
    ]);
  });

  it('names the bad cell by line and column, and an unknown column once', () => {
    const bad = readStatement(
      'bank.csv',
      'Datum,Text,Betrag\n2026-03-01,x,1.00\n2026-13-01,y,2.00\n2026-03-03,z,zwei\n',
      rules({ amount: 'Betrag' }),
    );
    expect(bad.errors).toEqual([
      {
        file: 'bank.csv',
        line: 3,
        field: 'Datum',
        message: '"2026-13-01" is not a date written YYYY-MM-DD',
      },
      { file: 'bank.csv', line: 4, field: 'Betrag', message: '"zwei" is not an amount' },
    ]);
    const unknown = readStatement(
      'bank.csv',
      'Date,Text,Amount\n2026-03-01,x,1\n2026-03-02,y,2\n',
      rules({ amount: 'Amount' }),
    );
    expect(unknown.errors).toEqual([
      {
        file: 'bank.csv',
        line: 1,
        field: 'date',
        message: 'no column "Datum" (columns: Date, Text, Amount)',
      },
    ]);
  });

  it('a rules file that gives both amount and debit is an error at its line', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'boardroom-rules-'));
    try {
      writeFileSync(path.join(dir, 'bank.csv'), 'Date,Text,Amount\n');
      writeFileSync(
        path.join(dir, 'bank.rules.yml'),
        'account: Assets:Bank\ndate: Date\ndescription: Text\namount: Amount\ndebit: Out\ncredit: In\n',
      );
      const read = await bankCsvSource(
        path.join(dir, 'bank.csv'),
        path.join(dir, 'bank.rules.yml'),
      ).read();
      expect(read.errors).toHaveLength(1);
      expect(read.errors[0]).toMatchObject({
        line: 4,
        message: expect.stringContaining('either `amount` or `debit` and `credit`'),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('boardroom’s ledger.csv as double entry', () => {
  it('each row against the cash account: income, a supplier credit, a customer deposit held', () => {
    const postings = ledgerRowsToPostings(
      'reports-config/data/jada/ledger.csv',
      [
        { date: '2026-03-01', account: '4000', category: 'charter_revenue', amount: 3375, line: 2 },
        { date: '2026-03-02', account: '5000', category: 'crew_wages', amount: -1275, line: 3 },
        {
          date: '2026-03-03',
          account: '5100',
          category: 'fuel',
          amount: 42.5,
          line: 4,
          memo: 'fuel dock credit',
        },
        { date: '2026-03-04', account: '2100', category: 'deposits', amount: 500, line: 5 },
      ],
      'USD',
    );
    const codes = accountChart(
      rulesFromChartOfAccounts({
        '1000': { name: 'Operating cash', type: 'asset', cash: true },
        '2100': { name: 'Customer deposits', type: 'liability' },
        '4000-4999': { name: 'Revenue', type: 'income' },
        '5000-6999': { name: 'Costs', type: 'expense' },
      }),
    );
    const totals = bookTotals(postings, [], codes, march, { currency: 'USD' });
    expect(totals.revenue).toBe(337500);
    // Crew 1,275.00 less the fuel credit 42.50.
    expect(totals.spending).toBe(123250);
    // The deposit is owed to the customer: cash, not revenue.
    expect(totals.transfers).toEqual({ transactions: 1, amount: 50000 });
    expect(totals.cashChange).toBe(337500 - 127500 + 4250 + 50000);
    expect(postings[0]!.source).toEqual({ file: 'reports-config/data/jada/ledger.csv', line: 2 });
  });
});

describe('the books config', () => {
  it('accepts each source and rejects an unknown key', () => {
    const ok = booksSchema.safeParse([
      { hledger: 'books/main.journal' },
      { beancount: 'books/main.beancount' },
      { bank_csv: 'books/checking.csv', rules: 'books/checking.rules.yml' },
      { ofx: 'books/card.qfx', account: 'Liabilities:Card' },
      { ledger_csv: 'data/jada/ledger.csv' },
    ]);
    expect(ok.success).toBe(true);
    expect(booksSchema.safeParse([{ hledger: 'a.journal', rules: 'x' }]).success).toBe(false);
  });
});

describe('missing tools and bad books', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'boardroom-tools-'));
    writeFileSync(path.join(dir, 'main.journal'), '2026-03-01 x\n  a  1 USD\n  b  2 USD\n');
    writeFileSync(
      path.join(dir, 'main.beancount'),
      '2026-01-01 open Assets:A\n2026-03-01 * "x"\n  Assets:A  1 USD\n  Expenses:B  2 USD\n',
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a missing executable is one error naming the line to add to the workflow', async () => {
    const at = { file: 'reports-config/entities/harbor.yml', line: 7, column: 5 };
    const saved = process.env.PATH;
    process.env.PATH = dir; // nothing executable here
    try {
      const hledger = await readBooks([hledgerSource(path.join(dir, 'main.journal'), at)]);
      expect(hledger.errors).toEqual([
        {
          ...at,
          message:
            'hledger is not installed: add `sudo apt-get install -y hledger` to the workflow before boardroom runs',
        },
      ]);
      const bean = await readBooks([beancountSource(path.join(dir, 'main.beancount'), at)]);
      expect(bean.errors).toEqual([
        {
          ...at,
          message:
            'bean-query is not installed: add `sudo apt-get install -y beancount` (Beancount 2) or `pip install beancount beanquery` (Beancount 3) to the workflow before boardroom runs',
        },
      ]);
    } finally {
      process.env.PATH = saved;
    }
  });

  it('a missing book file is reported where the source is declared', async () => {
    const at = { file: 'reports-config/entities/harbor.yml', line: 9 };
    const read = await readBooks([hledgerSource(path.join(dir, 'nope.journal'), at)]);
    expect(read.errors).toEqual([
      { ...at, message: `${path.join(dir, 'nope.journal')}: no such file` },
    ]);
  });

  it.skipIf(skipReason('hledger', 'bcexample.journal'))(
    'an unbalanced hledger transaction is hledger’s message at its file and line',
    async () => {
      const read = await readBooks([hledgerSource(path.join(dir, 'main.journal'))]);
      expect(read.postings).toEqual([]);
      expect(read.errors).toHaveLength(1);
      expect(read.errors[0]).toMatchObject({ file: path.join(dir, 'main.journal'), line: 1 });
      expect(read.errors[0]!.message).toMatch(/^hledger: .*(balance|unbalanced)/i);
    },
  );

  it.skipIf(skipReason('bean-query', 'example.beancount'))(
    'Beancount’s errors are each at their file and line',
    async () => {
      const read = await readBooks([beancountSource(path.join(dir, 'main.beancount'))]);
      expect(read.errors.map((e) => `${path.basename(e.file)}:${e.line}: ${e.message}`)).toEqual([
        "main.beancount:2: bean-query: Invalid reference to unknown account 'Expenses:B'",
        'main.beancount:2: bean-query: Transaction does not balance: (3 USD)',
      ]);
    },
  );
});

describe('a failed balance assertion', () => {
  it.skipIf(skipReason('hledger', 'bcexample.journal'))(
    'is hledger’s message with its figures, at the assertion’s line and column',
    async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'boardroom-assert-'));
      try {
        const file = path.join(dir, 'main.journal');
        writeFileSync(
          file,
          '2026-03-01 open\n  Assets:Bank  100.00 USD\n  Equity:Opening\n\n2026-03-02 check\n  Assets:Bank  0 USD = 90.00 USD\n  Equity:Opening\n',
        );
        const read = await readBooks([hledgerSource(file)]);
        expect(read.errors).toHaveLength(1);
        expect(read.errors[0]).toMatchObject({ file, line: 6 });
        expect(read.errors[0]!.message).toMatch(
          /^hledger: balance assertion.*calculated 100(\.00)?, asserted 90\.00/,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
