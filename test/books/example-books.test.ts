// The second example portfolio's books (examples/harbor-books): hand-worked figures for the
// journal (needs hledger) and for the bank CSV and card QFX read together.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountChart } from '../../src/books/accounts.js';
import { bankCsvSource } from '../../src/books/bank-csv.js';
import { hledgerSource } from '../../src/books/hledger.js';
import { readBooks } from '../../src/books/index.js';
import { ofxSource } from '../../src/books/ofx.js';
import { bookTotals } from '../../src/books/totals.js';
import { repoRoot, skipReason } from './peer-tools.js';

const books = path.join(repoRoot, 'examples/harbor-books/books');
const chart = accountChart([{ pattern: 'Assets:Bank:*', type: 'asset', cash: true }]);

describe('examples/harbor-books', () => {
  it.skipIf(skipReason('hledger', 'bcexample.journal'))('the journal: April 2026', async () => {
    const read = await readBooks([hledgerSource(path.join(books, 'harbor.journal'))]);
    expect(read.errors).toEqual([]);
    const april = bookTotals(
      read.postings,
      read.prices,
      chart,
      { from: '2026-04-01', to: '2026-05-01' },
      { currency: 'USD' },
    );
    // Charter 4,200.00 less the 350.00 refund.
    expect(april.revenue).toBe(385000);
    // Fuel 412.35 + slip 1,150.00 + rigging 300.00 EUR × 1.0850 = 325.50 → 1,887.85.
    expect(april.spending).toBe(188785);
    // Operating 18,147.65 (the balance assertion's figure) + reserve 2,000.00.
    expect(april.cashAtEnd).toBe(2014765);
    // The card payment and the transfer to the reserve account.
    expect(april.transfers).toEqual({ transactions: 2, amount: 305235 });
  });

  it('the operating account’s CSV and the card’s QFX: May 2026', async () => {
    const read = await readBooks([
      bankCsvSource(path.join(books, 'operating.csv'), path.join(books, 'operating.rules.yml')),
      ofxSource(
        path.join(books, 'card.qfx'),
        'Liabilities:Card',
        path.join(books, 'card.rules.yml'),
      ),
    ]);
    expect(read.errors).toEqual([]);
    const may = bookTotals(
      read.postings,
      read.prices,
      chart,
      { from: '2026-05-01', to: '2026-06-01' },
      { currency: 'USD' },
    );
    expect(may.revenue).toBe(265000);
    // Slip 1,150.00 + insurance 389.00 from the bank; parts 58.40 + hosting 19.00 on the card.
    expect(may.spending).toBe(161640);
    // The statement has no opening balance: the month moved 2,650.00 − 1,539.00 − 77.40 (the
    // card payment); the 1,500.00 to the reserve stays within the cash accounts (Assets:Bank:*).
    expect(may.cashChange).toBe(103360);
    // Card payment out of the bank, payment into the card, the reserve transfer.
    expect(may.transfers.transactions).toBe(3);
    expect(may.accounts.find((a) => a.account === 'Assets:Transfers:Card')?.total).toBe(0);
  });
});
