// The same real books seen through their bank statements: bcexample.journal's checking account
// and credit card as CSV statements (written by `hledger register … -O csv` in the test), read
// with YAML rules. The cash burn equals the change in the two accounts by hledger; card payments
// and transfers to brokerage count as neither revenue nor spending; the card's purchases give
// the journal's spending by category. To the cent.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountChart } from '../../src/books/accounts.js';
import { bankCsvSource } from '../../src/books/bank-csv.js';
import { readBooks } from '../../src/books/index.js';
import { bookTotals } from '../../src/books/totals.js';
import type { BooksRead } from '../../src/books/types.js';
import { cents, peer, peerCsv, realdata, skipReason } from './peer-tools.js';

const journal = path.join(realdata, 'bcexample.journal');
const fixtures = path.join(import.meta.dirname, 'fixtures');
const checking = 'Assets:US:BofA:Checking';
const card = 'Liabilities:US:Chase:Slate';
// Money on hand is the checking balance less what the card owes.
const chart = accountChart([
  { pattern: checking, type: 'asset', cash: true },
  { pattern: card, type: 'liability', cash: true },
]);

const windows = [
  { from: '2013-01-01', to: '2013-02-01' },
  { from: '2014-06-01', to: '2014-09-01' },
  { from: '2013-01-01', to: '2014-01-01' },
];

const bal = (file: string, args: string[]) =>
  peerCsv(peer('hledger', ['-f', file, 'bal', ...args, '-O', 'csv', '--layout=bare']));
const usd = (rows: Record<string, string>[]) =>
  cents(rows.find((r) => r.account === 'total' && r.commodity === 'USD')?.balance ?? '0');
const byAccount = (rows: Record<string, string>[]) =>
  Object.fromEntries(
    rows.filter((r) => r.account !== 'total').map((r) => [r.account!, cents(r.balance!)]),
  );

describe.skipIf(skipReason('hledger', 'bcexample.journal'))(
  'bank statements made from bcexample.journal',
  () => {
    let dir: string;
    let both: BooksRead;
    let cardOnly: BooksRead;
    // The journal's own transactions that each statement shows, for hledger's spending by category.
    let cardJournal: string;
    let checkingJournal: string;

    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'boardroom-books-'));
      const write = (name: string, text: string) => {
        const file = path.join(dir, name);
        writeFileSync(file, text);
        return file;
      };
      const checkingCsv = write(
        'checking.csv',
        peer('hledger', ['-f', journal, 'register', `^${checking}$`, '-O', 'csv']),
      );
      const cardCsv = write(
        'card.csv',
        peer('hledger', ['-f', journal, 'register', `^${card}$`, '-O', 'csv']),
      );
      cardJournal = write('card.journal', peer('hledger', ['-f', journal, 'print', `^${card}$`]));
      // Payroll reaches the statement as net pay: the payslip's expenses are not on it.
      checkingJournal = write(
        'checking.journal',
        peer('hledger', ['-f', journal, 'print', `^${checking}$`, 'not:desc:Payroll']),
      );
      const checkingSource = bankCsvSource(
        checkingCsv,
        path.join(fixtures, 'bcexample-checking.rules.yml'),
      );
      const cardSource = bankCsvSource(cardCsv, path.join(fixtures, 'bcexample-card.rules.yml'));
      both = await readBooks([checkingSource, cardSource]);
      cardOnly = await readBooks([cardSource]);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reads every statement row without errors', () => {
      expect(both.errors).toEqual([]);
      expect(cardOnly.errors).toEqual([]);
      expect(both.postings.filter((p) => p.account === card).length).toBe(
        peerCsv(peer('hledger', ['-f', journal, 'register', `^${card}$`, '-O', 'csv'])).length,
      );
    });

    for (const window of windows) {
      describe(`${window.from} .. ${window.to}`, () => {
        const range = ['-b', window.from, '-e', window.to];

        it('cash burn equals the change in checking and the card by hledger', () => {
          const totals = bookTotals(both.postings, both.prices, chart, window, { currency: 'USD' });
          const change = usd(bal(journal, [`^${checking}$`, `^${card}$`, ...range]));
          expect(totals.cashChange).toBe(change);
          expect(totals.cashBurn).toBe(-change);
          expect(totals.cashAtEnd).toBe(
            usd(bal(journal, [`^${checking}$`, `^${card}$`, '-e', window.to])),
          );
        });

        it('revenue is the net pay deposited, spending the journal’s, transfers in neither', () => {
          const totals = bookTotals(both.postings, both.prices, chart, window, { currency: 'USD' });
          expect(totals.revenue).toBe(
            usd(bal(journal, [`^${checking}$`, 'desc:Payroll', ...range])),
          );
          const spending =
            usd(bal(cardJournal, ['^expenses', ...range])) +
            usd(bal(checkingJournal, ['^expenses', ...range]));
          expect(totals.spending).toBe(spending);
          // Each card payment is two transfers (checking → clearing, clearing → card); savings
          // and tax payments one each.
          const count = (args: string[]) =>
            peerCsv(
              peer('hledger', [
                '-f',
                journal,
                'register',
                `^${checking}$`,
                ...args,
                ...range,
                '-O',
                'csv',
              ]),
            ).length;
          const payments = count(['desc:Paying off credit card']);
          const others = count(['desc:accumulated savings']) + count(['desc:TAX']);
          expect(totals.transfers.transactions).toBe(2 * payments + others);
          expect(payments).toBeGreaterThan(0);
        });

        it('the card’s purchases give the journal’s spending by category', () => {
          const totals = bookTotals(cardOnly.postings, cardOnly.prices, chart, window, {
            currency: 'USD',
          });
          const ours = Object.fromEntries(
            totals.accounts
              .filter((a) => a.type === 'expense' && a.total !== 0)
              .map((a) => [a.account, a.total]),
          );
          const theirs = byAccount(bal(cardJournal, ['^expenses', ...range]));
          expect(ours).toEqual(theirs);
          expect(Object.keys(ours).length).toBeGreaterThanOrEqual(3);
        });
      });
    }
  },
);
