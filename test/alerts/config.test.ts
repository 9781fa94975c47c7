// portfolio.yml `alerts:`: every mistake is a file:line:col error, all reported at once.
import { afterAll, describe, expect, it } from 'vitest';
import { formatConfigError } from '../../src/config/errors.js';
import { exampleText, removeScratchDirs, validateEdited } from '../config/portfolio-copy.js';
import { withoutAlerts } from './example-portfolio.js';

afterAll(removeScratchDirs);

/** The example portfolio with `alerts:` (YAML text, indented under the key) appended. */
const withAlerts = (yaml: string) =>
  validateEdited({
    file: 'portfolio.yml',
    write: `${withoutAlerts(exampleText('portfolio.yml'))}\nalerts:\n${yaml}`,
  });

const VALID = `  - id: runway-floor
    when: runway_below
    months: 3
    entities: all
    to: [cfo]
  - id: cash-floor
    when: cash_below
    amount: 20000
    entities: [quickdumpnow, jada]
    to: [cfo, Treasury Desk <treasury@example.com>]
  - id: late-invoices
    when: invoice_overdue
    days: 60
    to: [manager]
  - id: new-critical
    when: new_critical
    to: [ceo]
`;

describe('alerts in portfolio.yml', () => {
  it('accepts each kind with its threshold, owners and addresses', async () => {
    const { problems } = await withAlerts(VALID);
    expect(problems).toEqual([]);
  });

  it('names an unknown `when` at its line and column, with the kinds there are', async () => {
    const { portfolio, problems } = await withAlerts(`  - id: runway-floor
    when: runway_under
    months: 3
    to: [cfo]
`);
    const at = portfolio.positionAfter('portfolio.yml', '    when: ');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'portfolio.yml', line: at.line, column: at.column });
    expect(problems[0]!.message).toContain('runway_below');
    expect(problems[0]!.message).toContain('new_critical');
  });

  it('names a missing threshold (cash_below without amount) and a threshold of another kind', async () => {
    const { portfolio, problems } = await withAlerts(`  - id: cash-floor
    when: cash_below
    to: [cfo]
  - id: late-invoices
    when: invoice_overdue
    days: 60
    months: 2
    to: [manager]
`);
    expect(problems.map(formatConfigError)).toEqual([
      `portfolio.yml:${portfolio.lineNumberOf('portfolio.yml', '    when: cash_below')}:${portfolio.positionAfter('portfolio.yml', '    when: ').column}: alerts.0.when: cash_below needs amount: the cash floor in the portfolio's currency, such as 20000`,
      `portfolio.yml:${portfolio.lineNumberOf('portfolio.yml', '    months: 2')}:13: alerts.1.months: does not apply to invoice_overdue (it takes days)`,
    ]);
  });

  it('names an unknown owner and an unknown entity, each at its own entry', async () => {
    const { portfolio, problems } = await withAlerts(`  - id: runway-floor
    when: runway_below
    months: 3
    entities: [quickdumpnow, quickdump]
    to: [cfo, treasurer]
`);
    const entity = portfolio.positionOf('portfolio.yml', 'quickdump]');
    const owner = portfolio.positionOf('portfolio.yml', 'treasurer');
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'portfolio.yml',
        line: entity.line,
        column: entity.column,
        message: 'alerts.0.entities: unknown entity "quickdump"',
      }),
      expect.objectContaining({
        file: 'portfolio.yml',
        line: owner.line,
        column: owner.column,
        message: expect.stringMatching(
          /^alerts\.0\.to: unknown owner "treasurer" \(owners: ceo, cfo,/,
        ),
      }),
    ]);
  });

  it('rejects a malformed address and a duplicate id', async () => {
    const { portfolio, problems } = await withAlerts(`  - id: runway-floor
    when: runway_below
    months: 3
    to: [cfo@]
  - id: runway-floor
    when: new_critical
    to: [ceo]
`);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [
        portfolio.lineNumberOf('portfolio.yml', '    to: [cfo@]'),
        expect.stringContaining('"cfo@" is not an email address'),
      ],
      [
        portfolio.positionsOf('portfolio.yml', '  - id: runway-floor')[1]!.line,
        expect.stringContaining('duplicate alert id "runway-floor"'),
      ],
    ]);
  });

  it("names an unknown owner beside another alert's missing threshold (both, at once)", async () => {
    const { portfolio, problems } = await withAlerts(`  - id: runway-floor
    when: runway_below
    months: 3
    to: [treasurer]
  - id: cash-floor
    when: runway_below
    to: [cfo]
`);
    const owner = portfolio.positionOf('portfolio.yml', 'treasurer');
    const when = portfolio.positionsOf('portfolio.yml', 'when: runway_below')[1]!;
    expect(problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [
        owner.line,
        owner.column,
        'alerts.0.to: unknown owner "treasurer" (owners: ceo, cfo, cto, cmo, accounting, manager; or write an email address)',
      ],
      [
        when.line,
        when.column + 'when: '.length,
        'alerts.1.when: runway_below needs months: the runway floor in months, such as 3',
      ],
    ]);
  });

  it('names an unknown entity when another file has a problem of its own', async () => {
    const row = '2026-05-01,5000,crew_wages,-2613.03,Deckhand payroll,R-2026-0401';
    const ledger = 'data/queenofsandiego/ledger.csv';
    const { portfolio, problems } = await validateEdited(
      {
        file: 'portfolio.yml',
        write: `${withoutAlerts(exampleText('portfolio.yml'))}\nalerts:\n  - id: cash-floor\n    when: cash_below\n    amount: 20000\n    entities: [jada, jadda]\n    to: [cfo]\n`,
      },
      { file: ledger, find: row, replace: row.replace('-2613.03', 'lots') },
    );
    const entity = portfolio.positionOf('portfolio.yml', 'jadda');
    expect(problems.map(formatConfigError)).toEqual([
      `${ledger}:${portfolio.positionOf(ledger, ',lots,').line}: amount: "lots" is not a number`,
      `portfolio.yml:${entity.line}:${entity.column}: alerts.0.entities: unknown entity "jadda"`,
    ]);
  });
});
