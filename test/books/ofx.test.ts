// OFX/QFX statements through ofx-js: a checking statement (OFX 1 SGML) and a card statement
// (OFX 2 XML), example data, with totals worked out by hand below.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountChart } from '../../src/books/accounts.js';
import { readBooks } from '../../src/books/index.js';
import { ofxSource, readOfx } from '../../src/books/ofx.js';
import { bookTotals } from '../../src/books/totals.js';

const fixtures = path.join(import.meta.dirname, 'fixtures');
const rules = path.join(fixtures, 'harbor.rules.yml');
const chart = accountChart([{ pattern: 'Assets:Bank:Checking', type: 'asset', cash: true }]);
const may = { from: '2026-05-01', to: '2026-06-01' };

describe('OFX source', () => {
  it('a checking statement: revenue, spending with a refund netted, a transfer, cash from the ledger balance', async () => {
    const books = await readBooks([
      ofxSource(path.join(fixtures, 'harbor-checking.ofx'), 'Assets:Bank:Checking', rules),
    ]);
    expect(books.errors).toEqual([]);
    const totals = bookTotals(books.postings, books.prices, chart, may, { currency: 'USD' });
    // Deposits: the charter deposit 3,375.00.
    expect(totals.revenue).toBe(337500);
    // Fuel 307.70 less its 42.50 refund = 265.20; the FEE 12.00; the chandlery 129.99 = 407.19.
    expect(totals.spending).toBe(40719);
    expect(totals.accounts.find((a) => a.account === 'Expenses:Fuel')?.total).toBe(26520);
    expect(totals.operatingNetBurn).toBe(40719 - 337500);
    // The 1,000.00 to savings is a transfer, in neither figure.
    expect(totals.transfers).toEqual({ transactions: 1, amount: 100000 });
    // Ledger balance 12,468.11 less the month's net 1,967.81 = 10,500.30 on hand before it.
    expect(totals.cashAtStart).toBe(1050030);
    expect(totals.cashAtEnd).toBe(1246811);
    expect(totals.cashChange).toBe(196781);
    expect(totals.cashBurn).toBe(-196781);
    // Cash change = revenue − spending − transfers out: 3,375.00 − 407.19 − 1,000.00.
    expect(totals.cashChange).toBe(337500 - 40719 - 100000);
  });

  // The FEE's FITID is on line 72 of the fixture.
  it('names each transaction by its line in the file, and the rule by TRNTYPE', async () => {
    const books = await readBooks([
      ofxSource(path.join(fixtures, 'harbor-checking.ofx'), 'Assets:Bank:Checking', rules),
    ]);
    const fee = books.postings.find((p) => p.account === 'Expenses:Bank Fees');
    expect(fee?.source).toEqual({ file: expect.stringContaining('harbor-checking.ofx'), line: 72 });
    expect(fee?.amount).toEqual({ units: 1200n, scale: 2 });
    const unmatched = books.postings.find((p) => p.account === 'Expenses:Uncategorized');
    expect(unmatched?.description).toBe('CHANDLERY SUPPLY');
  });

  it('a credit-card statement (QFX, OFX 2 XML) chosen by ACCTID: purchases are spending, the payment a transfer', async () => {
    const books = await readBooks([
      ofxSource(
        path.join(fixtures, 'harbor-card.qfx'),
        { 'EXAMPLE-CARD-4242': 'Liabilities:Card' },
        rules,
      ),
    ]);
    expect(books.errors).toEqual([]);
    const totals = bookTotals(books.postings, books.prices, chart, may, { currency: 'USD' });
    // 58.40 of supplies and 19.00 of hosting.
    expect(totals.spending).toBe(7740);
    expect(totals.revenue).toBe(0);
    expect(totals.transfers).toEqual({ transactions: 1, amount: 7740 });
    // The card owed 120.00 at the end and its month netted to zero: it owed 120.00 before too.
    const opening = books.postings.find(
      (p) => p.account === 'Liabilities:Card' && p.date === '2026-04-30',
    );
    expect(opening?.amount).toEqual({ units: -12000n, scale: 2 });
  });

  it('a statement for an ACCTID with no account given is an error, not a guess', () => {
    const read = readOfx(
      'card.qfx',
      '<OFX><CREDITCARDMSGSRSV1><CCSTMTTRNRS><CCSTMTRS><CURDEF>USD</CURDEF><CCACCTFROM><ACCTID>X-1</ACCTID></CCACCTFROM></CCSTMTRS></CCSTMTTRNRS></CREDITCARDMSGSRSV1></OFX>',
      {},
      { default_account: 'Expenses:Uncategorized', rules: [] },
    );
    expect(read.errors).toEqual([
      {
        file: 'card.qfx',
        line: 1,
        field: 'account',
        message: 'no account is given for the statement of ACCTID X-1',
      },
    ]);
  });
});
