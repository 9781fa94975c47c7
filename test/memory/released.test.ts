// Issue 13: peak RSS under 200 MB. What a run keeps past the step that needs it: the books after
// the render (the later steps read no books), and a file's whole text behind each text kept
// from it for the run.
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../src/books/decimal.js';
import { compactPostings } from '../../src/books/entity-books.js';
import type { Posting } from '../../src/books/types.js';
import { loadPortfolio, type Portfolio } from '../../src/config/load.js';
import { parseCsvTable } from '../../src/config/csv-table.js';
import { tableSpecs } from '../../src/config/tables.js';
import { interning, standalone } from '../../src/interning.js';
import { memoryLogger } from '../../src/logger.js';
import { resolveOptions } from '../../src/options.js';
import { collectGarbage, runPipeline, withoutBooks } from '../../src/pipeline.js';
import { copyExampleConfig, tempDir } from '../helpers.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
setFlagsFromString('--no-expose-gc');

/** Heap bytes that `keep()`'s result holds once `make()`'s garbage is collected. */
function retained(make: () => () => unknown): number {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const keep = make();
  const kept = keep();
  gc();
  gc();
  const bytes = process.memoryUsage().heapUsed - before;
  expect(kept).toBeDefined();
  return bytes;
}

/** An 8 MB ledger.csv: 100,000 rows, all with one memo and different amounts. */
function bigLedger(): string {
  const lines = ['date,account,category,amount,memo,receipt'];
  for (let i = 0; i < 100_000; i++)
    lines.push(`2026-05-01,6100,software,-${i}.25,Care plan billing 2026-05,receipt-000${i}.pdf`);
  return lines.join('\n') + '\n';
}

describe('a text kept for the run holds no other text (issue 13)', () => {
  it('keeps a ledger.csv memo without the file it was read from', () => {
    // Before: the one memo kept was a slice of the file's text, which stayed on the heap whole.
    let memo = '';
    const bytes = retained(() => {
      const { rows } = parseCsvTable('data/acme/ledger.csv', bigLedger(), tableSpecs.ledger);
      memo = rows[0]!.memo as string;
      return () => memo;
    });
    expect(memo).toBe('Care plan billing 2026-05');
    expect(bytes).toBeLessThan(1_000_000);
  });

  it('keeps a journal posting description without the journal text it was cut from', () => {
    let description = '';
    const bytes = retained(() => {
      const text = 'x'.repeat(8_000_000) + 'Exchange | EUR bought at the branch';
      const read: Posting[] = [
        {
          date: '2026-03-02',
          transaction: 'books.journal#7',
          description: text.slice(8_000_000),
          account: 'Assets:EUR',
          amount: parseDecimal('100')!,
          commodity: 'EUR',
          source: { file: 'books.journal', line: 40 },
        },
      ];
      description = compactPostings(read)[0]!.description;
      return () => description;
    });
    expect(description).toBe('Exchange | EUR bought at the branch');
    expect(bytes).toBeLessThan(1_000_000);
  });

  it('gives the first equal text, equal to what it was given, short or long', () => {
    const kept = interning();
    const long = 'Care plan billing 2026-05';
    const first = kept(long);
    expect(first).toBe(long);
    expect(kept(`Care plan ${'billing 2026-05'}`)).toBe(first);
    expect(standalone('4250')).toBe('4250');
    expect(standalone('')).toBe('');
    expect(standalone('Ünïcode memo — 2026')).toBe('Ünïcode memo — 2026');
    // A transaction id (a shared file name and a line) is kept as given: copying it costs more.
    const ids = interning({ copy: false });
    const id = `data/acme/ledger.csv:${2}`;
    expect(ids(id)).toBe(id);
  });
});

describe('the books are released once every report has rendered (issue 13)', () => {
  async function examplePortfolio(): Promise<Portfolio> {
    const loaded = await loadPortfolio(path.resolve('reports-config'));
    if (!loaded.ok) throw new Error('the example does not load');
    return loaded.portfolio;
  }

  it('keeps everything but each entity’s tables and journal, and changes nothing given', async () => {
    const portfolio = await examplePortfolio();
    const withBooks = portfolio.entities.filter((e) => e.journal).length;
    expect(withBooks).toBeGreaterThan(0);
    const released = withoutBooks(portfolio);
    expect(released.settings).toBe(portfolio.settings);
    expect(released.personas).toBe(portfolio.personas);
    expect(released.reports).toBe(portfolio.reports);
    expect(released.templates).toBe(portfolio.templates);
    expect(released.entities).toHaveLength(portfolio.entities.length);
    released.entities.forEach((entity, index) => {
      const loaded = portfolio.entities[index]!;
      expect(entity.journal).toBeUndefined();
      expect(entity.tables).toEqual({});
      expect(entity).toEqual({ ...loaded, tables: {}, journal: undefined });
    });
    // The loaded portfolio still has its books.
    expect(portfolio.entities.filter((e) => e.journal).length).toBe(withBooks);
    expect(Object.keys(portfolio.entities[0]!.tables).length).toBeGreaterThan(0);
  });

  it('hands the delivery a portfolio without books, and sends and sums up as before', async () => {
    const config = copyExampleConfig();
    const run = async (mode: 'send' | 'dry-run') => {
      const out = path.join(tempDir(), 'out');
      const options = resolveOptions(
        { config, mode, transport: 'outbox', tasks: 'none', 'as-of': '2026-11-24', out },
        {},
      );
      let handed: Portfolio | undefined;
      const result = await runPipeline(options, memoryLogger(), {
        createTransport: async (_options, portfolio) => {
          handed = portfolio;
          return { name: 'outbox', send: async () => 'm@example.com' };
        },
      });
      return { result, handed };
    };
    const sent = await run('send');
    expect(sent.result.exitCode).toBe(0);
    expect(sent.handed!.entities.length).toBeGreaterThan(0);
    for (const entity of sent.handed!.entities) {
      expect(entity.journal).toBeUndefined();
      expect(entity.tables).toEqual({});
      expect(entity.name).toBeTruthy();
    }
    // summary.json's figures are the books' and are computed before they go.
    const dry = await run('dry-run');
    expect(sent.result.summary!.metrics).toEqual(dry.result.summary!.metrics);
    expect(Object.keys(sent.result.summary!.metrics)).toEqual(
      sent.handed!.entities.map((e) => e.id),
    );
    expect(sent.result.summary!.metrics[sent.handed!.entities[0]!.id]!.name).toBe(
      sent.handed!.entities[0]!.name,
    );
  }, 120_000);

  it('collects the garbage, with no gc left exposed', async () => {
    let target: object | undefined = { payload: new Array(1000).fill(1) };
    const ref = new WeakRef(target);
    target = undefined;
    // A WeakRef keeps its target until the job that made it has ended.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});
