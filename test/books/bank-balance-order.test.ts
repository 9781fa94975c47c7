// The bank CSV balance check (issue 11's review, second round): the order of a statement whose
// dates cannot tell it, and a row that could not be read. Each figure is worked out by hand in the
// comments; every statement is read with readStatement, as `bank_csv:` reads it.
import { describe, expect, it } from 'vitest';
import { readStatement } from '../../src/books/bank-csv.js';
import { format } from '../../src/books/decimal.js';
import { statementRulesSchema } from '../../src/books/statement-rules.js';

// README's operating.rules.yml with `balance: Balance`.
const operating = statementRulesSchema.parse({
  account: 'Assets:Bank:Operating',
  date: 'Posted Date',
  date_format: 'MM/DD/YYYY',
  description: 'Description',
  debit: 'Debit',
  credit: 'Credit',
  default_account: 'Expenses:Uncategorized',
  rules: [{ match: 'CHARTER DEPOSIT', account: 'Income:Charters' }],
  balance: 'Balance',
});
const header = 'Posted Date,Description,Debit,Credit,Balance';
const csv = (...rows: string[]) => [header, ...rows, ''].join('\n');

/** The opening balance booked to the statement's account: its date, amount and source line. */
const opening = (read: ReturnType<typeof readStatement>, account: string) =>
  read.postings
    .filter((p) => p.description === 'Opening balance' && p.account === account)
    .map((p) => ({ date: p.date, amount: format(p.amount), line: p.source.line }));

describe('a statement whose first and last rows share a date: the balances tell the order', () => {
  it("the reviewer's newest-first single-day export reads with no error", () => {
    // In date order A +100 → 1100, B −50 → 1050, C −10 → 1040: the opening is 1040 − 40 = 1000,
    // dated the day before. Read top down instead, 1040 − 50 is not 1050.
    const read = readStatement(
      't.csv',
      csv(
        '05/01/2026,C,10.00,,1040.00',
        '05/01/2026,B,50.00,,1050.00',
        '05/01/2026,A,,100.00,1100.00',
      ),
      operating,
    );
    expect(read.errors).toEqual([]);
    expect(opening(read, 'Assets:Bank:Operating')).toEqual([
      { date: '2026-04-30', amount: '1000.00', line: 4 },
    ]);
  });

  it('a signed-amount newest-first single-day export with a row that has no balance', () => {
    // In date order A +1000 → 1250, B −400 → 850, C −100 (no balance) → 750, D −20 → 730:
    // the opening is 730 − 480 = 250. Read top down, 730 − 100 − 400 is not 850.
    const rules = statementRulesSchema.parse({
      account: 'Assets:Bank:Savings',
      date: 'date',
      description: 'description',
      amount: 'amount',
      balance: 'balance',
    });
    const read = readStatement(
      'savings.csv',
      [
        'date,description,amount,balance',
        '2026-06-15,D,-20.00,730.00',
        '2026-06-15,C,-100.00,',
        '2026-06-15,B,-400.00,850.00',
        '2026-06-15,A,1000.00,1250.00',
        '',
      ].join('\n'),
      rules,
    );
    expect(read.errors).toEqual([]);
    expect(opening(read, 'Assets:Bank:Savings')).toEqual([
      { date: '2026-06-14', amount: '250.00', line: 5 },
    ]);
  });

  it('an oldest-first single-day export still reads in file order', () => {
    const read = readStatement(
      't.csv',
      csv(
        '05/01/2026,A,,100.00,1100.00',
        '05/01/2026,B,50.00,,1050.00',
        '05/01/2026,C,10.00,,1040.00',
      ),
      operating,
    );
    expect(read.errors).toEqual([]);
    expect(opening(read, 'Assets:Bank:Operating')).toEqual([
      { date: '2026-04-30', amount: '1000.00', line: 2 },
    ]);
  });

  it('dates ascending with same-day groups still read in file order, and a break is named', () => {
    // 1 May: A +100 → 1100, B −50 → 1050; 2 May: C −10 → 1040, D −40 → 1000; 3 May: E +200.
    const rows = [
      '05/01/2026,A,,100.00,1100.00',
      '05/01/2026,B,50.00,,1050.00',
      '05/02/2026,C,10.00,,1040.00',
      '05/02/2026,D,40.00,,1000.00',
      '05/03/2026,E,,200.00,1200.00',
    ];
    expect(readStatement('t.csv', csv(...rows), operating).errors).toEqual([]);
    // Newest first, same-day rows reversed too, as a bank writes them.
    expect(readStatement('t.csv', csv(...[...rows].reverse()), operating).errors).toEqual([]);
    // D's row left out: 1040 + 200 is not 1200, at E's line.
    const gap = readStatement('t.csv', csv(...rows.filter((r) => !r.includes(',D,'))), operating);
    expect(gap.errors).toEqual([
      {
        file: 't.csv',
        line: 5,
        field: 'Balance',
        message:
          "balance 1200.00 does not follow from line 4's: 1040.00 plus this row's amount 200.00 is 1240.00, so a row between lines 4 and 5 is missing or out of order",
      },
    ]);
  });

  it('a single-day export that follows in neither order is reported in file order', () => {
    // Newest first with B's row left out: top down 1040 − 100 is not 1100; bottom up 1100 − 10
    // is not 1040 either.
    const read = readStatement(
      't.csv',
      csv('05/01/2026,C,10.00,,1040.00', '05/01/2026,A,,100.00,1100.00'),
      operating,
    );
    expect(read.errors).toEqual([
      {
        file: 't.csv',
        line: 3,
        field: 'Balance',
        message:
          "balance 1100.00 does not follow from line 2's: 1040.00 plus this row's amount 100.00 is 1140.00, so a row between lines 2 and 3 is missing or out of order",
      },
    ]);
  });
});

describe('a row that could not be read is its own error, not also a missing row', () => {
  it("the reviewer's impossible date: one error, at its line", () => {
    const read = readStatement(
      't.csv',
      csv(
        '05/01/2026,A,,100.00,1100.00',
        '05/32/2026,B,50.00,,1050.00',
        '05/03/2026,C,10.00,,1040.00',
      ),
      operating,
    );
    expect(read.errors).toEqual([
      {
        file: 't.csv',
        line: 3,
        field: 'Posted Date',
        message: '"05/32/2026" is not a date written MM/DD/YYYY',
      },
    ]);
  });

  it("the reviewer's bad amount: one error, at its line", () => {
    const read = readStatement(
      't.csv',
      csv(
        '05/01/2026,A,,100.00,1100.00',
        '05/02/2026,B,5O.00,,1050.00',
        '05/03/2026,C,10.00,,1040.00',
      ),
      operating,
    );
    expect(read.errors).toHaveLength(1);
    expect(read.errors[0]).toMatchObject({ file: 't.csv', line: 3, field: 'Debit' });
  });

  it('newest first: a break across the unreadable row is left out, a real one below is named', () => {
    // By date A +100 → 1100 (line 5), C −10 → 1040 (line 4), D −40 (line 3, "4O.00"), E +200 →
    // 1200 (line 2); B (2 May, −50) is missing. E's 1040 + 200 ≠ 1200 spans D's line; C's
    // 1100 − 10 ≠ 1040 is the real break, between lines 4 and 5.
    const read = readStatement(
      't.csv',
      csv(
        '05/05/2026,E,,200.00,1200.00',
        '05/04/2026,D,4O.00,,1000.00',
        '05/03/2026,C,10.00,,1040.00',
        '05/01/2026,A,,100.00,1100.00',
      ),
      operating,
    );
    expect(read.errors).toHaveLength(2);
    expect(read.errors[0]).toMatchObject({ file: 't.csv', line: 3, field: 'Debit' });
    expect(read.errors[1]).toEqual({
      file: 't.csv',
      line: 4,
      field: 'Balance',
      message:
        "balance 1040.00 does not follow from line 5's: 1100.00 plus this row's amount -10.00 is 1090.00, so a row between lines 4 and 5 is missing or out of order",
    });
  });
});
