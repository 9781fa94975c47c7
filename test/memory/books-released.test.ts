// Issue 13: peak RSS under 200 MB. A run's books are most of what it holds live (37 of the 51 MB
// once the bench's portfolio is loaded), and the render needs none of them once each entity's
// analyses are made: Analyzer.releaseBooksAfterComputing makes them first and lets the books go.
// The figures must be the very ones made with the books, on the example (ledger.csv books) and
// on examples/harbor-books (an hledger journal, a bank CSV and a QFX statement).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { BooksReleasedError, booksReleased } from '../../src/analysis/book-release.js';
import { Analyzer } from '../../src/analysis/index.js';
import { loadPortfolio, type Portfolio } from '../../src/config/load.js';
import { withoutBooks } from '../../src/pipeline.js';
import { copyExampleConfig } from '../helpers.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
setFlagsFromString('--no-expose-gc');

const AS_OF = '2026-11-24';

async function loaded(dir: string): Promise<Portfolio> {
  const result = await loadPortfolio(path.resolve(dir));
  if (!result.ok) throw new Error(`${dir} does not load: ${JSON.stringify(result.errors[0])}`);
  return result.portfolio;
}

/** Every report's analysis with its changes, and the CFO figures, as JSON. */
function analysed(analyzer: Analyzer, portfolio: Portfolio): string {
  return JSON.stringify({
    reports: portfolio.reports.map((report) => analyzer.analyzeWithChanges(report)),
    metrics: analyzer.metrics(),
  });
}

/** Why examples/harbor-books cannot be loaded here: hledger is missing (printed). */
function hledgerMissing(): string | undefined {
  try {
    execFileSync('hledger', ['--version'], { stdio: 'ignore' });
    return undefined;
  } catch {
    const reason = 'harbor-books skipped: hledger is not installed (apt-get install -y hledger)';
    console.warn(reason);
    return reason;
  }
}

describe('books released once each entity is analysed (issue 13)', () => {
  it('gives the example the figures it has with its books, and lets every entity’s books go', async () => {
    const withBooks = analysed(
      new Analyzer(await loaded('reports-config'), AS_OF),
      await loaded('reports-config'),
    );
    const portfolio = await loaded('reports-config');
    const analyzer = new Analyzer(portfolio, AS_OF);
    expect(analyzer.releaseBooksAfterComputing(portfolio.reports)).toBe(portfolio.entities.length);
    for (const entity of portfolio.entities) {
      expect(booksReleased(entity)).toBe(true);
      expect(() => entity.journal).toThrow(BooksReleasedError);
      expect(() => entity.tables).toThrow(`entity "${entity.id}": its tables were read`);
      // A copy has no books and reads none: the later stages' portfolio (withoutBooks).
      expect(Object.keys({ ...entity })).not.toContain('tables');
    }
    expect(analysed(analyzer, portfolio)).toBe(withBooks);
    expect(withoutBooks(portfolio).entities.map((e) => [e.id, e.tables, e.journal])).toEqual(
      portfolio.entities.map((e) => [e.id, {}, undefined]),
    );
  });

  it.skipIf(hledgerMissing())(
    'gives examples/harbor-books (journal, bank CSV, QFX) the figures it has with its books',
    async () => {
      const dir = 'examples/harbor-books';
      const asOf = '2026-07-01';
      const reference = await loaded(dir);
      const withBooks = JSON.stringify(
        reference.reports.map((r) => new Analyzer(reference, asOf).analyzeWithChanges(r)),
      );
      const portfolio = await loaded(dir);
      const analyzer = new Analyzer(portfolio, asOf);
      expect(analyzer.releaseBooksAfterComputing(portfolio.reports)).toBe(1);
      expect(JSON.stringify(portfolio.reports.map((r) => analyzer.analyzeWithChanges(r)))).toBe(
        withBooks,
      );
      expect(analyzer.finance(portfolio.entities[0]!).revenue_monthly).toBe(3_200);
    },
  );

  it('gives each report of the example, run on its own (`--reports`), the figures it has with its books', async () => {
    // A report that leaves out the portfolio's first entities, at a date only it asks for: the
    // date's view of the portfolio is made before any entity lets its books go.
    const reference = await loaded('reports-config');
    for (const report of reference.reports) {
      const expected = JSON.stringify(new Analyzer(reference, AS_OF).analyzeWithChanges(report));
      const portfolio = await loaded('reports-config');
      const alone = portfolio.reports.find((r) => r.id === report.id)!;
      const analyzer = new Analyzer(portfolio, AS_OF);
      expect(analyzer.releaseBooksAfterComputing([alone])).toBe(portfolio.entities.length);
      expect(JSON.stringify(analyzer.analyzeWithChanges(alone))).toBe(expected);
    }
  });

  it('gives a portfolio whose monthly report covers one late entity the figures it has with its books', async () => {
    const config = copyExampleConfig();
    const file = path.join(config, 'reports', 'accounting.yml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/^entities: all$/m, 'entities: [rental-3028-51st]'),
    );
    const reference = await loaded(config);
    expect(reference.reports.find((r) => r.id === 'accounting')!.entities).toEqual([
      'rental-3028-51st',
    ]);
    const expected = analysed(new Analyzer(reference, AS_OF), reference);
    const portfolio = await loaded(config);
    const analyzer = new Analyzer(portfolio, AS_OF);
    expect(analyzer.releaseBooksAfterComputing(portfolio.reports)).toBe(portfolio.entities.length);
    expect(analysed(analyzer, portfolio)).toBe(expected);
  });

  it('fails loudly when an analysis the reports did not ask for needs the books afterwards', async () => {
    const portfolio = await loaded('reports-config');
    const analyzer = new Analyzer(portfolio, AS_OF);
    analyzer.releaseBooksAfterComputing(portfolio.reports);
    // A date no report is analysed at: its parts were never made, and the books are gone.
    expect(() => analyzer.at('2026-01-05').analyzeReport(portfolio.reports[0]!)).toThrow(
      BooksReleasedError,
    );
  });

  it('leaves a portfolio no report uses without its books too, its CFO figures made first', async () => {
    const reference = await loaded('reports-config');
    const expected = JSON.stringify(new Analyzer(reference, AS_OF).metrics());
    const portfolio = await loaded('reports-config');
    const analyzer = new Analyzer(portfolio, AS_OF);
    expect(analyzer.releaseBooksAfterComputing([])).toBe(portfolio.entities.length);
    expect(JSON.stringify(analyzer.metrics())).toBe(expected);
  });

  it('lets the books be collected while the Analyzer and its analyses live on', async () => {
    const portfolio = await loaded('reports-config');
    // Each entity's journal and tables, watched without being held.
    const books = portfolio.entities.flatMap((entity) => [
      new WeakRef(entity.tables as object),
      ...(entity.journal ? [new WeakRef(entity.journal as object)] : []),
    ]);
    expect(books.length).toBeGreaterThan(portfolio.entities.length);
    const analyzer = new Analyzer(portfolio, AS_OF);
    analyzer.releaseBooksAfterComputing(portfolio.reports);
    const analyses = portfolio.reports.map((report) => analyzer.analyzeWithChanges(report));
    // A WeakRef holds its target until the current job ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    gc();
    expect(books.filter((book) => book.deref() !== undefined)).toHaveLength(0);
    expect(analyses.every((analysis) => analysis.sections.length > 0)).toBe(true);
    expect(Object.keys(analyzer.metrics())).toHaveLength(portfolio.entities.length);
  });
});
