// Issue 10, item 3: YAML's implicit types must not change what the user wrote. A mapping key is
// the text typed (`0150:` is account "0150"); a plain scalar where the schema wants text keeps its
// text (`id: 007`); merge keys (`<<: *anchor`) work, and a merge of something that is not a
// mapping is one message.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Analyzer } from '../../src/analysis/index.js';
import { loadPortfolio, type Portfolio } from '../../src/config/load.js';
import { parseYamlFile } from '../../src/config/yaml-file.js';
import { removeScratchDirs, validateEdited, type Edit } from '../config/portfolio-copy.js';
import { validateCli } from './inputs-helpers.js';

afterAll(removeScratchDirs);

const QDN = 'entities/quickdumpnow.yml';
const QOSD_LEDGER = 'data/queenofsandiego/ledger.csv';
const CREW_ROW = '2026-05-01,5000,crew_wages,-2613.03,Deckhand payroll,R-2026-0401';
const CHART_FIRST = '  "1000": { name: Operating cash, type: asset }\n';

/** Loads an edited copy that must be valid, and says so with its problems when it is not. */
async function validPortfolio(...edits: Edit[]): Promise<Portfolio> {
  const { portfolio, problems } = await validateEdited(...edits);
  expect(problems).toEqual([]);
  const loaded = await loadPortfolio(portfolio.dir);
  if (!loaded.ok) throw new Error('validated but did not load');
  return loaded.portfolio;
}

describe('an unquoted account code as a chart_of_accounts key', () => {
  it('`0150:` maps ledger account 0150: no "unmapped account" finding, no task', async () => {
    const portfolio = await validPortfolio(
      {
        file: 'portfolio.yml',
        find: CHART_FIRST,
        replace: `  0150: { name: Petty cash, type: asset }\n${CHART_FIRST}`,
      },
      { file: QOSD_LEDGER, find: CREW_ROW, replace: CREW_ROW.replace(',5000,', ',0150,') },
    );
    expect(portfolio.settings.chart_of_accounts['0150']).toEqual({
      name: 'Petty cash',
      type: 'asset',
    });
    expect(Object.keys(portfolio.settings.chart_of_accounts)).not.toContain('150');

    const chart = new Analyzer(portfolio, '2026-11-16').section(
      'chart_of_accounts',
      portfolio.entities,
    );
    const accounts = (chart.data as { accounts: { code: string; name: string | null }[] }).accounts;
    expect(accounts.find((a) => a.code === '0150')).toMatchObject({
      name: 'Petty cash',
      mapped: true,
    });
    // Before the fix: "Account 0150 is used in 1 ledger row ... but is not in the chart of accounts".
    expect(chart.findings.map((f) => `${f.id} ${f.title}`).join('\n')).not.toContain('0150');
    expect(chart.actions.map((a) => a.title).join('\n')).not.toContain('0150');
  });

  it('keeps 0150 and 150 as two accounts, and `0150` and `"0150"` as one (a duplicate)', async () => {
    await validPortfolio({
      file: 'portfolio.yml',
      find: CHART_FIRST,
      replace: `  0150: { name: Petty cash, type: asset }\n  150: { name: Till, type: asset }\n${CHART_FIRST}`,
    });

    const { portfolio, problems } = await validateEdited({
      file: 'portfolio.yml',
      find: CHART_FIRST,
      replace: `  0150: { name: Petty cash, type: asset }\n  "0150": { name: Till, type: asset }\n${CHART_FIRST}`,
    });
    expect(problems).toEqual([
      {
        file: 'portfolio.yml',
        ...portfolio.positionOf('portfolio.yml', '"0150"'),
        message: 'YAML syntax: Map keys must be unique',
      },
    ]);
  });
});

describe('codes and ids written as plain numbers where the schema wants text', () => {
  it('a KPI id `007`, the same id in required_kpis, and an all-digit GitHub login keep their text', async () => {
    const portfolio = await validPortfolio(
      { file: QDN, find: '  - id: review-score\n', replace: '  - id: 007\n' },
      {
        file: 'portfolio.yml',
        find: '    - review-score\n  web_studio:',
        replace: '    - 007\n  web_studio:',
      },
      { file: 'portfolio.yml', find: 'github: example-cto', replace: 'github: 0042' },
      // A number the schema wants as a number is still the number.
      { file: QDN, find: '    target: 40\n', replace: '    target: 040\n' },
    );
    const qdn = portfolio.entities.find((e) => e.id === 'quickdumpnow')!;
    expect(qdn.kpis.map((k) => k.id)).toEqual(['jobs-per-month', 'average-job-value', '007']);
    expect(qdn.kpis[0]!.target).toBe(40);
    expect(portfolio.settings.required_kpis.junk_removal).toContain('007');
    expect(portfolio.settings.owners.cto!.github).toBe('0042');
  });

  it('keeps hex, float, exponent and boolean-looking text as typed; an empty value is still an error', () => {
    const schema = z
      .object({
        codes: z.array(z.string()),
        keys: z.record(z.string(), z.number()),
        count: z.number(),
        name: z.string(),
      })
      .strict();
    const text = [
      'codes: [0x1F, 1.50, 1e3, true, 92101, 007]',
      'keys: { 0150: 1, 1.50: 2, true: 3, 1e3: 4 }',
      'count: 007',
      'name:',
    ].join('\n');
    const parsed = parseYamlFile('t.yml', text, schema);
    expect(parsed.errors).toEqual([
      {
        file: 't.yml',
        line: 4,
        column: 6,
        field: 'name',
        message: 'name: expected string, found null',
      },
    ]);
    const fixed = parseYamlFile('t.yml', text.replace('name:', 'name: 2026'), schema);
    expect(fixed).toMatchObject({
      errors: [],
      value: {
        codes: ['0x1F', '1.50', '1e3', 'true', '92101', '007'],
        keys: { '0150': 1, '1.50': 2, true: 3, '1e3': 4 },
        count: 7,
        name: '2026',
      },
    });
  });
});

describe('YAML merge keys: a second stack written as `<<: *qdn` with overrides', () => {
  const anchor: Edit = {
    file: QDN,
    find: 'stacks:\n  - id: qdn-app\n',
    replace: 'stacks:\n  - &qdn\n    id: qdn-app\n',
  };
  const ADMIN = [
    '  - <<: *qdn',
    '    id: qdn-admin',
    '    name: QuickDumpNow back office',
    '    mfa: false',
    '',
  ].join('\n');

  it('is read as the anchored stack with the overrides on top, with no problem', async () => {
    const portfolio = await validPortfolio(anchor, {
      file: QDN,
      find: 'channels:\n',
      replace: `${ADMIN}channels:\n`,
    });
    const [app, admin] = portfolio.entities.find((e) => e.id === 'quickdumpnow')!.stacks;
    expect(admin).toEqual({
      ...app,
      id: 'qdn-admin',
      name: 'QuickDumpNow back office',
      mfa: false,
    });
    expect(app!.mfa).toBe(true);
    expect(admin!.services).toHaveLength(4);
  });

  it('of something that is not a mapping is one message at the `<<`, and validate exits 2', async () => {
    const { portfolio } = await validateEdited(
      { file: QDN, find: 'stacks:\n  - id: qdn-app\n', replace: 'stacks:\n  - id: &qdn qdn-app\n' },
      { file: QDN, find: 'channels:\n', replace: `${ADMIN}channels:\n` },
    );
    const at = portfolio.positionOf(QDN, '<<');
    const { code, errors } = await validateCli(portfolio.dir);
    expect(code).toBe(2);
    expect(errors).toEqual([
      `${path.join(portfolio.dir, QDN)}:${at.line}:${at.column}: YAML merge key: "<<" must name a mapping ("<<: *anchor" or "<<: [*a, *b]")`,
      `1 problem found in ${portfolio.dir}; nothing was sent`,
    ]);
  });

  it('names a problem in a merged value where it is written (in the anchored stack)', async () => {
    const { portfolio, problems } = await validateEdited(
      anchor,
      { file: QDN, find: '    backups: weekly\n', replace: '    backups: hourly\n' },
      { file: QDN, find: 'channels:\n', replace: `${ADMIN}channels:\n` },
    );
    const at = portfolio.positionOf(QDN, 'hourly');
    const message = 'must be one of "none", "weekly", "daily"';
    expect(problems).toEqual([
      { file: QDN, ...at, field: 'stacks.0.backups', message: `stacks.0.backups: ${message}` },
      { file: QDN, ...at, field: 'stacks.1.backups', message: `stacks.1.backups: ${message}` },
    ]);
  });
});
