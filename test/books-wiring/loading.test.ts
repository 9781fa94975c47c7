// Loading: every entity gets its books as one table of postings (ledger.csv converted when it
// declares no `books:`), and a bad pattern is a ConfigError at its file and line.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatConfigError } from '../../src/config/errors.js';
import { loadPortfolio } from '../../src/config/load.js';

const base: Record<string, string> = {
  'portfolio.yml': [
    'name: Loading',
    'currency: USD',
    'timezone: UTC',
    'sender: reports@example.com',
    'owners: { cfo: { email: cfo@example.com } }',
    'cost_categories: { fixed: [rent], variable: [] }',
    'chart_of_accounts:',
    '  "1000": { name: Cash, type: asset, cash: true }',
    '  "4000": { name: Sales, type: income }',
    '  "6000": { name: Rent, type: expense }',
  ].join('\n'),
  'entities/shop.yml': 'name: Shop\nkind: web_studio',
  'data/shop/ledger.csv': [
    'date,account,category,amount,memo,receipt',
    '2026-10-01,4000,sales,1200.50,,',
    '2026-10-02,6000,rent,-800,,',
  ].join('\n'),
  'personas/cfo.yml': 'title: CFO\nsections: [burn]\ntemplate: cfo',
  'reports/cfo.yml':
    'persona: cfo\nentities: all\nrecipients: { to: [cfo@example.com] }\ncadence: monthly\nsubject: CFO',
  'templates/cfo.md': '# CFO\n',
};

let dir: string | undefined;
async function write(files: Record<string, string>): Promise<string> {
  dir = await mkdtemp(path.join(tmpdir(), 'boardroom-load-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), `${text}\n`);
  }
  return dir;
}
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('loading books', () => {
  it('an entity with data/<id>/ledger.csv alone: its rows become postings against cash 1000', async () => {
    const loaded = await loadPortfolio(await write(base));
    if (!loaded.ok) throw new Error(loaded.errors.map(formatConfigError).join('\n'));
    const journal = loaded.portfolio.entities[0]!.journal!;
    expect(
      journal.postings.map((p) => `${p.date} ${p.account} ${p.amount.units}/${p.amount.scale}`),
    ).toEqual([
      '2026-10-01 4000 -12005/1', // income negative in the books' sign
      '2026-10-01 1000 12005/1',
      '2026-10-02 6000 800/0',
      '2026-10-02 1000 -800/0',
    ]);
    // chart_of_accounts marks 1000 cash: the books give cash on hand
    expect(journal.hasCash).toBe(true);
    expect(journal.chart.classify('4000')?.type).toBe('income');
  });

  it('a malformed pattern in accounts: or cost_categories is an error at its line', async () => {
    const loaded = await loadPortfolio(
      await write({
        ...base,
        'portfolio.yml': base['portfolio.yml']!.replace(
          'fixed: [rent]',
          'fixed: [rent, "Exp*ens"]',
        ),
        'entities/shop.yml':
          'name: Shop\nkind: web_studio\naccounts:\n  "Ass*ets": { type: asset }',
      }),
    );
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.errors.map((e) => `${path.basename(e.file)}:${e.line}: ${e.message}`)).toEqual([
      'shop.yml:4: accounts: "Ass*ets": a * may only end a pattern',
      'portfolio.yml:6: cost_categories.fixed.1: "Exp*ens": a * may only end a pattern',
    ]);
  });

  it('an hledger journal that does not balance: hledger’s own error at the journal’s line', async () => {
    const loaded = await loadPortfolio(
      await write({
        ...base,
        'entities/shop.yml':
          'name: Shop\nkind: web_studio\nbooks:\n  - hledger: books/shop.journal',
        'books/shop.journal': [
          '2026-10-01 Sale',
          '    Assets:Bank    100 USD',
          '    Income:Sales  -90 USD',
        ].join('\n'),
      }),
    );
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    const place = loaded.errors.map((e) => `${path.basename(e.file)}:${e.line}`);
    // hledger is needed to read it; without hledger the error is the one to install it.
    expect(place[0]).toMatch(/^(shop\.journal:1|shop\.yml:4)$/);
    expect(loaded.errors).toHaveLength(1);
  });
});
