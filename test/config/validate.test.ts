// Every kind of problem a user can make in reports-config/, one test each: the example portfolio is
// copied, one small edit is made, and validation must name the file, the line (and for YAML the
// column) and say what is wrong. Expected positions are worked out from the edited text.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConfigError } from '../../src/config/errors.js';
import {
  EXAMPLE_CONFIG,
  exampleLine,
  exampleText,
  fixture,
  problemsIn,
  validateEdited,
  removeScratchDirs,
} from './portfolio-copy.js';

afterAll(removeScratchDirs);

const PERSONAS = '"ceo", "cfo", "cto", "cmo", "accounting", "manager"';
const QOSD = 'entities/queenofsandiego.yml';
const QOSD_LEDGER = 'data/queenofsandiego/ledger.csv';
const LEDGER_HEADER = 'date,account,category,amount,memo,receipt';
/** The ledger's third line (its second transaction), the row the CSV tests break. */
const CREW_ROW = '2026-05-01,5000,crew_wages,-2613.03,Deckhand payroll,R-2026-0401';

/** A YAML or Liquid problem: file, line and column, the dotted path when there is one, the message. */
function problemAt(
  file: string,
  at: { line: number; column: number },
  message: string,
  field?: string,
): ConfigError {
  return { file, line: at.line, column: at.column, ...(field ? { field } : {}), message };
}

/** A CSV problem: file, the row's line, the column when there is one, and the message. */
function csvProblem(file: string, line: number, field: string | undefined, message: string) {
  return { file, line, ...(field ? { field } : {}), message };
}

describe('the example portfolio', () => {
  it('validates with no problems', async () => {
    const result = await problemsIn(EXAMPLE_CONFIG);
    expect(result).toEqual([]);
  });

  it('still validates when copied unchanged (the copy helper itself changes nothing)', async () => {
    const { problems } = await validateEdited();
    expect(problems).toEqual([]);
  });
});

describe('YAML files', () => {
  it('reports a YAML syntax error at its line and column, and nothing else from that file', async () => {
    const { portfolio, problems } = await validateEdited({
      file: 'reports/ceo.yml',
      find: 'cadence: weekly',
      replace: 'cadence: weekly: monthly',
    });
    expect(problems).toEqual([
      problemAt(
        'reports/ceo.yml',
        portfolio.positionOf('reports/ceo.yml', 'weekly: monthly'),
        'YAML syntax: Nested mappings are not allowed in compact mappings',
      ),
    ]);
  });

  it('reports an unknown top-level key at the key', async () => {
    const { portfolio, problems } = await validateEdited({
      file: 'reports/ceo.yml',
      find: 'cadence: weekly\n',
      replace: 'cadence: weekly\ncolour: blue\n',
    });
    expect(problems).toEqual([
      problemAt(
        'reports/ceo.yml',
        portfolio.positionOf('reports/ceo.yml', 'colour: blue'),
        'unknown key "colour"',
        'colour',
      ),
    ]);
  });

  it("reports an unknown key nested in an entity's stack, naming where it is", async () => {
    const { portfolio, problems } = await validateEdited({
      file: QOSD,
      find: '    ci: true\n',
      replace: '    ci: true\n    region: us-west\n',
    });
    expect(problems).toEqual([
      problemAt(
        QOSD,
        portfolio.positionOf(QOSD, 'region: us-west'),
        'unknown key "region" in stacks.0',
        'stacks.0.region',
      ),
    ]);
  });

  it('reports a missing required top-level key (a report without a subject)', async () => {
    const { portfolio, problems } = await validateEdited({
      file: 'reports/ceo.yml',
      find: exampleLine('reports/ceo.yml', 'subject: '),
      replace: '',
    });
    expect(portfolio.read('reports/ceo.yml')).not.toContain('subject:');
    // A missing key has no position of its own: it points at the mapping it is missing from.
    expect(problems).toEqual([
      problemAt(
        'reports/ceo.yml',
        { line: 1, column: 1 },
        'subject: missing required key "subject"',
        'subject',
      ),
    ]);
  });

  it('reports a missing required key nested in a stack, at the stack it is missing from', async () => {
    const { portfolio, problems } = await validateEdited({
      file: QOSD,
      find: '    tls: true\n',
      replace: '',
    });
    expect(problems).toEqual([
      problemAt(
        QOSD,
        portfolio.positionOf(QOSD, 'id: qosd-web'),
        'stacks.0.tls: missing required key "tls"',
        'stacks.0.tls',
      ),
    ]);
  });

  it('reports a missing key whose value is one of a list as missing, not as a bad value', async () => {
    const { problems } = await validateEdited({
      file: 'reports/ceo.yml',
      find: 'cadence: weekly\n',
      replace: '',
    });
    expect(problems).toEqual([
      problemAt(
        'reports/ceo.yml',
        { line: 1, column: 1 },
        'cadence: missing required key "cadence"',
        'cadence',
      ),
    ]);
  });

  it('reports a string where a number is expected as a wrong type, at the value', async () => {
    const { portfolio, problems } = await validateEdited({
      file: QOSD,
      find: 'amount: 38750',
      replace: 'amount: "38,750"',
    });
    expect(problems).toEqual([
      problemAt(
        QOSD,
        portfolio.positionAfter(QOSD, '  amount: '),
        'cash_on_hand.amount: expected number, found string "38,750"',
        'cash_on_hand.amount',
      ),
    ]);
  });
});

describe('references between files', () => {
  it('reports a report whose persona is not a persona at all', async () => {
    const { portfolio, problems } = await validateEdited({
      file: 'reports/ceo.yml',
      find: 'persona: ceo',
      replace: 'persona: coo',
    });
    expect(problems).toEqual([
      problemAt(
        'reports/ceo.yml',
        portfolio.positionAfter('reports/ceo.yml', 'persona: '),
        `persona: must be one of ${PERSONAS}`,
        'persona',
      ),
    ]);
  });

  it('reports a report whose persona has no personas/<id>.yml', async () => {
    const { portfolio, problems } = await validateEdited({
      file: 'personas/cmo.yml',
      remove: true,
    });
    expect(problems).toEqual([
      problemAt(
        'reports/cmo.yml',
        portfolio.positionAfter('reports/cmo.yml', 'persona: '),
        'persona: unknown persona "cmo" (no personas/cmo.yml)',
        'persona',
      ),
    ]);
  });

  it("reports an unknown entity in a report's entities list, at the list item", async () => {
    const file = 'reports/rental-3028-51st.yml';
    const { portfolio, problems } = await validateEdited({
      file,
      find: '  - rental-3028-51st',
      replace: '  - rental-3028-52nd',
    });
    expect(problems).toEqual([
      problemAt(
        file,
        portfolio.positionOf(file, 'rental-3028-52nd'),
        'entities: unknown entity "rental-3028-52nd"',
        'entities.0',
      ),
    ]);
  });

  it("reports an unknown template in a persona's file", async () => {
    const { portfolio, problems } = await validateEdited({
      file: 'personas/cfo.yml',
      find: 'template: cfo',
      replace: 'template: cfo-v2',
    });
    expect(problems).toEqual([
      problemAt(
        'personas/cfo.yml',
        portfolio.positionAfter('personas/cfo.yml', 'template: '),
        'template: unknown template "cfo-v2" (no templates/cfo-v2.md)',
        'template',
      ),
    ]);
  });

  it("reports an unknown template in a report's file", async () => {
    const file = 'reports/rental-3028-51st.yml';
    const { portfolio, problems } = await validateEdited({
      file,
      find: 'template: unit',
      replace: 'template: units',
    });
    expect(problems).toEqual([
      problemAt(
        file,
        portfolio.positionAfter(file, 'template: '),
        'template: unknown template "units" (no templates/units.md)',
        'template',
      ),
    ]);
  });
});

describe('duplicate ids', () => {
  it('reports a stack id repeated within one entity, at the second one', async () => {
    const secondStack = [
      '  - id: qosd-web',
      '    name: Queen of San Diego booking widget',
      '    tls: true',
      '    mfa: true',
      '    backups: daily',
      '    dependencies_updated: 2026-08-14',
      '    secrets: ci-secrets',
      '    ci: true',
      '    cd: true',
      '',
    ].join('\n');
    const { portfolio, problems } = await validateEdited({
      file: QOSD,
      find: '\nchannels:\n',
      replace: `\n${secondStack}channels:\n`,
    });
    const stackIds = portfolio.positionsOf(QOSD, '- id: qosd-web');
    expect(stackIds).toHaveLength(2);
    // Reported at the second stack's id value.
    const second = { line: stackIds[1]!.line, column: stackIds[1]!.column + '- id: '.length };
    expect(problems).toEqual([
      problemAt(QOSD, second, 'stacks: duplicate id "qosd-web"', 'stacks.1.id'),
    ]);
  });

  it('reports a subscription category that is not a fixed or variable category', async () => {
    const { portfolio, problems } = await validateEdited({
      file: 'portfolio.yml',
      find: '    - hosting\n    - telecom\n\n',
      replace: '    - hosting\n    - phone\n\n',
    });
    expect(problems).toEqual([
      problemAt(
        'portfolio.yml',
        portfolio.positionOf('portfolio.yml', 'phone'),
        'cost_categories.subscriptions.2: "phone" is not one of the fixed or variable categories',
        'cost_categories.subscriptions.2',
      ),
    ]);
  });

  it("reports a property's lump-sum cost under a category portfolio.yml does not list", async () => {
    const file = 'entities/rental-3028-51st.yml';
    const { portfolio, problems } = await validateEdited({
      file,
      find: '        property_tax: 13640',
      replace: '        property_taxes: 13640',
    });
    expect(problems).toEqual([
      problemAt(
        file,
        portfolio.positionAfter(file, 'property_taxes: '),
        `assets.properties.0.annual_expenses: "property_taxes" is not one of portfolio.yml's cost_categories`,
        'assets.properties.0.annual_expenses.property_taxes',
      ),
    ]);
  });

  it('reports how a ledger books deposits when it is neither way', async () => {
    const file = 'entities/jada.yml';
    const { portfolio, problems } = await validateEdited({
      file,
      find: 'deposits_booked: when_taken',
      replace: 'deposits_booked: on_arrival',
    });
    expect(problems).toEqual([
      problemAt(
        file,
        portfolio.positionAfter(file, 'deposits_booked: '),
        'deposits_booked: must be one of "when_taken", "at_service"',
        'deposits_booked',
      ),
    ]);
  });

  it('reports the same entity written as both <id>.yml and <id>.yaml', async () => {
    const { portfolio, problems } = await validateEdited({
      file: 'entities/jada.yaml',
      write: exampleText('entities/jada.yml'),
    });
    // Files are read in name order, so jada.yaml comes first and jada.yml is the duplicate.
    expect(problems).toEqual([
      problemAt(
        'entities/jada.yml',
        { line: 1, column: 1 },
        `duplicate id "jada": ${path.join(portfolio.dir, 'entities', 'jada.yaml')} has it too`,
      ),
    ]);
  });
});

describe('addresses and header values', () => {
  it('reports a malformed email address in recipients, at the address', async () => {
    const { portfolio, problems } = await validateEdited({
      file: 'reports/ceo.yml',
      find: '    - morgan.reyes@example.com',
      replace: '    - morgan.reyes@example',
    });
    expect(problems).toEqual([
      problemAt(
        'reports/ceo.yml',
        portfolio.positionOf('reports/ceo.yml', 'morgan.reyes@example'),
        'recipients.to.0: "morgan.reyes@example" is not an email address: the domain "example" has no dot: write the whole domain, as in example.com',
        'recipients.to.0',
      ),
    ]);
  });

  it('reports a line feed in a subject (a YAML double-quoted "\\n")', async () => {
    const { portfolio, problems } = await validateEdited({
      file: 'reports/ceo.yml',
      find: 'subject: "CEO weekly: ',
      replace: 'subject: "CEO weekly:\\nBcc: everyone@example.com ',
    });
    expect(problems).toEqual([
      problemAt(
        'reports/ceo.yml',
        portfolio.positionOf('reports/ceo.yml', '"CEO weekly:'),
        'subject: must not contain a line break (CR or LF)',
        'subject',
      ),
    ]);
  });

  it("reports a CR LF in the sender's display name", async () => {
    const { portfolio, problems } = await validateEdited({
      file: 'portfolio.yml',
      find: 'sender: Boardroom Reports <reports@example.com>',
      replace: 'sender: "Boardroom\\r\\nBcc: everyone@example.com Reports <reports@example.com>"',
    });
    expect(problems).toEqual([
      problemAt(
        'portfolio.yml',
        portfolio.positionOf('portfolio.yml', '"Boardroom'),
        'sender: must not contain a line break (CR or LF)',
        'sender',
      ),
    ]);
  });
});

describe('CSV tables', () => {
  it('reports a ledger date that does not parse, by row and column', async () => {
    const { portfolio, problems } = await validateEdited({
      file: QOSD_LEDGER,
      find: CREW_ROW,
      replace: CREW_ROW.replace('2026-05-01', '2026-05-32'),
    });
    const line = portfolio.positionOf(QOSD_LEDGER, '2026-05-32').line;
    expect(problems).toEqual([
      csvProblem(QOSD_LEDGER, line, 'date', '"2026-05-32" is not a date (YYYY-MM-DD)'),
    ]);
  });

  it('reports a ledger amount that is not a number, by row and column', async () => {
    const { portfolio, problems } = await validateEdited({
      file: QOSD_LEDGER,
      find: CREW_ROW,
      replace: CREW_ROW.replace('-2613.03', '-$2613.03'),
    });
    const line = portfolio.positionOf(QOSD_LEDGER, '-$2613.03').line;
    expect(problems).toEqual([
      csvProblem(QOSD_LEDGER, line, 'amount', '"-$2613.03" is not a number'),
    ]);
  });

  it('reports a column missing from the header, on the header line', async () => {
    const { portfolio, problems } = await validateEdited({
      file: QOSD_LEDGER,
      find: LEDGER_HEADER,
      replace: LEDGER_HEADER.replace('category,', ''),
    });
    const header = portfolio.lineNumberOf(QOSD_LEDGER, 'date,account,amount,memo,receipt');
    expect(header).toBe(1);
    expect(problems).toEqual([csvProblem(QOSD_LEDGER, header, 'category', 'missing column')]);
  });

  it('reports a row with the wrong number of fields', async () => {
    const short = CREW_ROW.replace(',R-2026-0401', '');
    const { portfolio, problems } = await validateEdited({
      file: QOSD_LEDGER,
      find: CREW_ROW,
      replace: short,
    });
    const fields = LEDGER_HEADER.split(',').length;
    expect(problems).toEqual([
      csvProblem(
        QOSD_LEDGER,
        portfolio.lineNumberOf(QOSD_LEDGER, short),
        undefined,
        `expected ${fields} fields, found ${fields - 1}`,
      ),
    ]);
  });

  it("reports a booking on a channel the entity's file does not list", async () => {
    const file = 'data/queenofsandiego/bookings.csv';
    const row = 'Q-26-0003,2026-04-08,2026-05-03,direct,6,474,474,completed';
    const { portfolio, problems } = await validateEdited({
      file,
      find: row,
      replace: row.replace(',direct,', ',walk-in,'),
    });
    expect(problems).toEqual([
      csvProblem(
        file,
        portfolio.positionOf(file, 'walk-in').line,
        'channel',
        `unknown channel "walk-in" (not in ${path.join(portfolio.dir, QOSD)})`,
      ),
    ]);
  });

  it('reports a bad cell on the line its row starts on, even after a quoted line break', async () => {
    // A memo may hold a line break inside quotes; the row still starts on its first line.
    const row = CREW_ROW.replace('-2613.03', 'abc').replace(
      'Deckhand payroll',
      '"Deckhand\npayroll"',
    );
    const { portfolio, problems } = await validateEdited({
      file: QOSD_LEDGER,
      find: CREW_ROW,
      replace: row,
    });
    expect(problems).toEqual([
      csvProblem(
        QOSD_LEDGER,
        portfolio.positionOf(QOSD_LEDGER, ',abc,').line,
        'amount',
        '"abc" is not a number',
      ),
    ]);
  });
});

describe('Liquid templates', () => {
  it('reports a Liquid syntax error in a template with its file and line', async () => {
    const { portfolio, problems } = await validateEdited({
      file: 'templates/cfo.md',
      write: fixture('config/cfo-unclosed-if.md'),
    });
    const line = portfolio.lineNumberOf('templates/cfo.md', '{% if counts.critical > 0 %}');
    expect(problems).toEqual([
      problemAt(
        'templates/cfo.md',
        { line, column: 1 },
        'Liquid: tag {% if counts.critical > 0 %} not closed',
      ),
    ]);
  });

  it('reports an unknown filter in a partial template (a template in a folder) at its line and column', async () => {
    const file = 'templates/partials/unknown-filter.md';
    const { portfolio, problems } = await validateEdited({
      file,
      write: fixture('config/unknown-filter.md'),
    });
    expect(problems).toEqual([
      problemAt(
        file,
        portfolio.positionOf(file, '{{ f.title | shout }}'),
        'Liquid: undefined filter: shout',
      ),
    ]);
  });

  it("reports a Liquid syntax error in a report's subject on the subject's line in the report file", async () => {
    const { portfolio, problems } = await validateEdited({
      file: 'reports/ceo.yml',
      find: '{{ period }}',
      replace: '{{ period ',
    });
    const subject = portfolio.positionOf('reports/ceo.yml', 'subject: ');
    const value = portfolio.positionOf('reports/ceo.yml', '"CEO weekly');
    const subjectLine = portfolio.read('reports/ceo.yml').split('\n')[subject.line - 1]!;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'reports/ceo.yml',
      line: subject.line,
      message: 'subject: output "{{ period " not closed',
    });
    // The column lies within the subject's value on that line.
    expect(problems[0]!.column).toBeGreaterThanOrEqual(value.column);
    expect(problems[0]!.column).toBeLessThanOrEqual(subjectLine.length);
  });
});

describe('many problems at once', () => {
  it('reports problems in different files together, sorted by file', async () => {
    const { portfolio, problems } = await validateEdited(
      { file: 'portfolio.yml', find: 'currency: USD', replace: 'currency: US Dollars' },
      { file: 'reports/ceo.yml', find: 'cadence: weekly', replace: 'cadence: daily' },
      {
        file: 'data/jada/ledger.csv',
        find: LEDGER_HEADER,
        replace: 'date,account,amount,memo,receipt',
      },
      {
        file: 'entities/quickdumpnow.yml',
        find: 'kind: junk_removal\n',
        replace: 'kind: junk_removal\nowner: sam\n',
      },
      { file: 'personas/cto.yml', find: 'template: cto', replace: 'template: cto: v2' },
    );
    expect(problems).toEqual([
      csvProblem('data/jada/ledger.csv', 1, 'category', 'missing column'),
      problemAt(
        'entities/quickdumpnow.yml',
        portfolio.positionOf('entities/quickdumpnow.yml', 'owner: sam'),
        'unknown key "owner"',
        'owner',
      ),
      problemAt(
        'personas/cto.yml',
        portfolio.positionOf('personas/cto.yml', 'cto: v2'),
        'YAML syntax: Nested mappings are not allowed in compact mappings',
      ),
      problemAt(
        'portfolio.yml',
        portfolio.positionAfter('portfolio.yml', 'currency: '),
        'currency: must be a three-letter ISO 4217 code such as USD',
        'currency',
      ),
      problemAt(
        'reports/ceo.yml',
        portfolio.positionAfter('reports/ceo.yml', 'cadence: '),
        'cadence: must be one of "weekly", "monthly"',
        'cadence',
      ),
    ]);
    const files = problems.map((p) => p.file);
    expect(files).toEqual([...files].sort());
  });

  it('reports reference and template problems together with a problem in another file', async () => {
    const { portfolio, problems } = await validateEdited(
      // A schema problem in one file ...
      { file: 'reports/ceo.yml', find: 'cadence: weekly', replace: 'cadence: daily' },
      // ... an unknown entity in another, which can be checked on its own ...
      { file: 'reports/cfo.yml', find: 'entities: all', replace: 'entities: [jada, nowhere]' },
      // ... and a template that does not parse.
      { file: 'templates/cfo.md', write: fixture('config/cfo-unclosed-if.md') },
    );
    expect(problems).toEqual([
      problemAt(
        'reports/ceo.yml',
        portfolio.positionAfter('reports/ceo.yml', 'cadence: '),
        'cadence: must be one of "weekly", "monthly"',
        'cadence',
      ),
      problemAt(
        'reports/cfo.yml',
        portfolio.positionOf('reports/cfo.yml', 'nowhere'),
        'entities: unknown entity "nowhere"',
        'entities.1',
      ),
      problemAt(
        'templates/cfo.md',
        {
          line: portfolio.lineNumberOf('templates/cfo.md', '{% if counts.critical > 0 %}'),
          column: 1,
        },
        'Liquid: tag {% if counts.critical > 0 %} not closed',
      ),
    ]);
  });
});
