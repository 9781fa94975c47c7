// The faults a reviewer found in the issue-10 fixes, each fixed by its kind: strict templates
// with every key present in the view, UTF-16 files decoded before later checks, the CSV
// separator named whatever the quoting, KPIs judged as shown, header values folded by
// construction and deterministic failures not retried, GitHub mentions and issue links made
// inert, CRLF templates, and an over-long DNS label named as such. Each: the reviewer's input
// and a second instance of the same kind.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { ActionItem, Finding } from '../../src/analysis/types.js';
import { ledgerCsvSource } from '../../src/books/ledger-csv.js';
import { main } from '../../src/cli.js';
import { checkMailbox } from '../../src/config/mailbox.js';
import { loadPortfolio, type Template } from '../../src/config/load.js';
import { decodeText } from '../../src/config/text-file.js';
import { deliver } from '../../src/delivery/deliver.js';
import { composeMime, mimeLineProblem } from '../../src/delivery/mime.js';
import { OutboxTransport } from '../../src/delivery/outbox.js';
import { buildSendPlan, type OutgoingMessage } from '../../src/delivery/plan.js';
import { SesTransport } from '../../src/delivery/ses.js';
import type { Transport } from '../../src/delivery/transport.js';
import { formatQuantity, shownQuantity } from '../../src/figures.js';
import { createOctokit } from '../../src/github/octokit.js';
import { memoryLogger, type Logger } from '../../src/logger.js';
import { resolveOptions } from '../../src/options.js';
import { runPipeline } from '../../src/pipeline.js';
import { previewMarkdown } from '../../src/preview/compare.js';
import { renderErrorAt, createTemplateEngine } from '../../src/render/liquid.js';
import type { RunSummary } from '../../src/summary/model.js';
import { GitHubTaskSink } from '../../src/tasks/github.js';
import { runTasks } from '../../src/tasks/index.js';
import { lineProblems, parseEml } from '../eml.js';
import { startFakeGitHub, type FakeGitHub } from '../github-server.js';
import { EXAMPLE_CONFIG, tempDir } from '../helpers.js';
import { useFakeAwsCredentials } from '../ses-local.js';
import { startSesStub, type SesStub } from '../ses-stub.js';
import { editedPortfolio, removeScratchDirs, type Edit } from '../config/portfolio-copy.js';
import { validateCli } from './inputs-helpers.js';

const ZWSP = '\u200b';
let github: FakeGitHub | undefined;
let stub: SesStub | undefined;

afterAll(removeScratchDirs);
afterEach(async () => {
  vi.restoreAllMocks();
  await github?.close();
  github = undefined;
  await stub?.close();
  stub = undefined;
});

/** `boardroom run --mode dry-run` as of 2026-11-24 on a portfolio; the report's Markdown. */
async function dryRun(dir: string): Promise<{ code: number; report: (id: string) => string }> {
  const out = path.join(tempDir('boardroom-review-'), 'out');
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const code = await main(
      ['run', '--config', dir, '--out', out, '--as-of', '2026-11-24', '--mode', 'dry-run'],
      {},
      memoryLogger(),
    );
    return {
      code,
      report: (id) => readFileSync(path.join(out, 'reports', `${id}.md`), 'utf8'),
    };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** Error lines with the portfolio copy's folder taken off their file names. */
const relative = (dir: string, errors: readonly string[]) =>
  errors.map((error) => (error.startsWith(`${dir}/`) ? error.slice(dir.length + 1) : error));

/** The lines of one `## heading` section of a Markdown report. */
function section(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`no section ${heading}`);
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

describe('1. strict templates: a misspelt key in if, unless or before default is an error', () => {
  it("the reviewer's input: `e.duplicate.size` in expense_audit.md fails validate at its line", async () => {
    const file = 'templates/sections/expense_audit.md';
    const portfolio = editedPortfolio({
      file,
      find: '{% if e.duplicates.size > 0 %}',
      replace: '{% if e.duplicate.size > 0 %}',
    });
    const { line } = portfolio.positionOf(file, 'e.duplicate.size');
    const { code, errors } = await validateCli(portfolio.dir);
    expect(code).toBe(2);
    expect(errors).toContainEqual(
      expect.stringMatching(
        new RegExp(`${file}:${line}:\\d+: Liquid: undefined variable: e\\.duplicate$`),
      ),
    );
  }, 60_000);

  it('a second instance: a misspelt key before `| default:` (and inside unless) fails validate', async () => {
    const file = 'templates/sections/stack_costs.md';
    const portfolio = editedPortfolio(
      {
        file,
        find: '{{ s.monthly_cost | money }}',
        replace: '{{ s.monthly_cots | default: 0 | money }}',
      },
      {
        file: 'templates/partials/findings.md',
        find: 'No findings.',
        replace: '{% unless quiet %}No findings.{% endunless %}',
      },
    );
    const { code, errors } = await validateCli(portfolio.dir);
    expect(code).toBe(2);
    const { line } = portfolio.positionOf(file, 's.monthly_cots');
    expect(errors).toContainEqual(
      expect.stringMatching(
        new RegExp(`${file}:${line}:\\d+: Liquid: undefined variable: s\\.monthly_cots$`),
      ),
    );
    expect(errors).toContainEqual(
      expect.stringMatching(
        /templates\/partials\/findings\.md:4:\d+: Liquid: undefined variable: quiet$/,
      ),
    );
  }, 60_000);

  it('keys the data leaves out are present as null: a domain without renews, a site without stack, a vessel without value', async () => {
    const portfolio = editedPortfolio(
      {
        file: 'entities/expert-yacht-delivery.yml',
        find: '      renews: 2026-12-18\n',
        replace: '',
      },
      {
        file: 'entities/expert-yacht-delivery.yml',
        find: '      stack: eyd-web\n',
        replace: '',
      },
      {
        file: 'entities/expert-yacht-delivery.yml',
        find: '      value: 18000\n',
        replace: '',
      },
    );
    const { code, report } = await dryRun(portfolio.dir);
    expect(code).toBe(0);
    const assets = section(report('ceo'), 'Asset inventory');
    expect(assets).toContain('| Domain | expertyachtdelivery.example.com | renews: no data |');
    expect(assets).toMatch(
      /\| Site \| https:\/\/expertyachtdelivery\.example\.com \| stack: none \|/,
    );
    expect(assets).toContain(
      '| Vessel | Swift Return | Rigid inflatable chase boat; value: no data |',
    );
  }, 60_000);

  it('a section a report does not have is null in `section`: the CEO without critical shortfalls still renders', async () => {
    const portfolio = editedPortfolio({
      file: 'personas/ceo.yml',
      find: '  - critical_shortfalls\n',
      replace: '',
    });
    const { code, report } = await dryRun(portfolio.dir);
    expect(code).toBe(0);
    expect(report('ceo')).not.toContain('Across all analyses there are');
    expect(report('ceo')).toContain('## Missing KPIs');
  }, 60_000);
});

describe('2. a UTF-16 file: one message, and later checks see its real text', () => {
  const utf16le = (text: string, bom: boolean) =>
    Buffer.concat([
      bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0),
      Buffer.from(text, 'utf16le'),
    ]);

  it("the reviewer's input: a UTF-16 entity YAML (with BOM) gives only the UTF-16 message", async () => {
    const portfolio = editedPortfolio();
    const file = 'entities/quickdumpnow.yml';
    writeFileSync(path.join(portfolio.dir, file), utf16le(portfolio.read(file), true));
    const { code, errors } = await validateCli(portfolio.dir);
    expect(code).toBe(2);
    expect(relative(portfolio.dir, errors).filter((e) => e.includes('quickdumpnow.yml'))).toEqual([
      `${file}:1:1: not UTF-8 but UTF-16 (save it as UTF-8)`,
    ]);
    expect(errors.join('\n')).not.toContain('\0');
  }, 60_000);

  it('a second instance: a UTF-16 ledger.csv without a BOM (NULs between the letters) gives one message', async () => {
    const portfolio = editedPortfolio();
    const file = 'data/quickdumpnow/ledger.csv';
    writeFileSync(path.join(portfolio.dir, file), utf16le(portfolio.read(file), false));
    const { code, errors } = await validateCli(portfolio.dir);
    expect(code).toBe(2);
    expect(relative(portfolio.dir, errors).filter((e) => e.includes('ledger.csv'))).toEqual([
      `${file}:1: not UTF-8 but UTF-16 (save as "CSV UTF-8")`,
    ]);
  }, 60_000);

  it('decodeText hands back the UTF-16 text, little- and big-endian', () => {
    const text = 'date,memo\n2026-11-02,Café Olé\n';
    expect(decodeText('a.csv', utf16le(text, false))).toEqual({
      text,
      error: { file: 'a.csv', line: 1, message: 'not UTF-8 but UTF-16 (save as "CSV UTF-8")' },
    });
    const bigEndian = Buffer.from(utf16le(text, true)).swap16();
    expect(decodeText('a.yml', bigEndian).text).toBe(text);
    // A UTF-8 file is untouched.
    expect(decodeText('a.csv', Buffer.from(text))).toEqual({ text });
  });

  it('the books readers read through it: a UTF-16 ledger.csv under books: is named as such', async () => {
    const dir = tempDir('boardroom-books-');
    const file = path.join(dir, 'ledger.csv');
    const example = readFileSync(path.join(EXAMPLE_CONFIG, 'data/quickdumpnow/ledger.csv'), 'utf8');
    writeFileSync(file, utf16le(example, true));
    const read = await ledgerCsvSource(file, { currency: 'USD' }).read();
    expect(read.errors).toHaveLength(1);
    expect(read.errors[0]!.message).toBe('not UTF-8 but UTF-16 (save as "CSV UTF-8")');
  });
});

describe('3. a CSV separated by ";" or tabs is named whatever the quoting', () => {
  const header = 'date,account,category,amount,memo,receipt';
  const quoted = (separator: string, decimal: string) =>
    [
      header
        .split(',')
        .map((name) => `"${name}"`)
        .join(separator),
      ['2026-11-02', '4100', 'junk_removal_revenue', `2344${decimal}00`, 'Job 2001', 'R-1']
        .map((cell) => `"${cell}"`)
        .join(separator),
      '',
    ].join('\r\n');

  it('the reviewer\'s input: `"date";"account";…` with "2344,00" gets the one-line hint', async () => {
    const file = 'data/quickdumpnow/ledger.csv';
    const portfolio = editedPortfolio({ file, write: quoted(';', ',') });
    const { code, errors } = await validateCli(portfolio.dir);
    expect(code).toBe(2);
    expect(relative(portfolio.dir, errors).filter((e) => e.includes('ledger.csv'))).toEqual([
      `${file}:1: the header is separated by ";", not commas: save as "CSV UTF-8 (Comma delimited)", with "." as the decimal point`,
    ]);
  }, 60_000);

  it('a second instance: tabs with quoted fields, and ";" with a quoted comma in the header, after a blank line', async () => {
    const file = 'data/quickdumpnow/channel_spend.csv';
    const portfolio = editedPortfolio();
    const columns = portfolio.read(file).split(/\r?\n/)[0]!.split(',');
    writeFileSync(
      path.join(portfolio.dir, file),
      columns.map((name) => `"${name}"`).join('\t') + '\n',
    );
    const ledger = 'data/jada/ledger.csv';
    writeFileSync(
      path.join(portfolio.dir, ledger),
      '\n"date";"account, code";category;amount;memo;receipt\n',
    );
    const { errors } = await validateCli(portfolio.dir);
    expect(relative(portfolio.dir, errors).filter((e) => e.includes('channel_spend.csv'))).toEqual([
      `${file}:1: the header is separated by tabs, not commas: save as "CSV UTF-8 (Comma delimited)"`,
    ]);
    expect(relative(portfolio.dir, errors).filter((e) => e.includes('jada/ledger.csv'))).toEqual([
      `${ledger}:2: the header is separated by ";", not commas: save as "CSV UTF-8 (Comma delimited)", with "." as the decimal point`,
    ]);
  }, 60_000);
});

describe('4. KPIs are judged as shown, with their units', () => {
  const qdn = 'entities/quickdumpnow.yml';
  const edits: Edit[] = [
    // The reviewer's input: $365 vs $365 is not below target.
    {
      file: qdn,
      find: '    target: 400\n    actual: 365\n',
      replace: '    target: 365.4\n    actual: 365.1\n',
    },
    // One hour, not "1 hours".
    {
      file: qdn,
      find: '    unit: jobs\n    target: 40\n    actual: 28\n',
      replace: '    unit: hours\n    target: 2\n    actual: 1\n',
    },
    {
      file: qdn,
      find: '    target: 4.8\n    actual: 4.7\n',
      replace: [
        '    target: 4.8',
        '    actual: 4.7',
        // A second instance of "judged as shown": 94.996% reads 95%.
        '  - id: on-time-rate',
        '    name: On-time rate',
        "    unit: '%'",
        '    target: 95',
        '    actual: 94.996',
        // A currency symbol is money in that currency.
        '  - id: average-deposit',
        '    name: Average deposit',
        '    unit: €',
        '    target: 120',
        '    actual: 100',
        '',
      ].join('\n'),
    },
  ];

  it('the reviewer\'s input and a second instance: no "$365 vs $365" and no "95% vs 95%" below target; 1 hour; €', async () => {
    const { code, report } = await dryRun(editedPortfolio(...edits).dir);
    expect(code).toBe(0);
    const kpis = section(report('ceo'), 'Missing KPIs');
    expect(kpis).not.toContain('Average job value');
    expect(kpis).not.toContain('On-time rate');
    expect(kpis).toContain('Jobs per month 1 hour vs 2 hours');
    expect(kpis).toContain('Average deposit €100 vs €120');
  }, 60_000);

  it('shownQuantity rounds as formatQuantity prints; units read with their singular and symbols', () => {
    expect(shownQuantity(365.1, 'USD', 'USD')).toBe(365);
    expect(shownQuantity(365.4, '$', 'USD')).toBe(365);
    expect(shownQuantity(94.996, '%', 'USD')).toBe(95);
    expect(formatQuantity(1, 'hours', 'USD')).toBe('1 hour');
    expect(formatQuantity(1, 'properties', 'USD')).toBe('1 property');
    expect(formatQuantity(1, 'matches', 'USD')).toBe('1 match');
    expect(formatQuantity(2, 'hours', 'USD')).toBe('2 hours');
    expect(formatQuantity(1, 'day', 'USD')).toBe('1 day');
    expect(formatQuantity(3, 'day', 'USD')).toBe('3 days');
    expect(formatQuantity(1_200, '£', 'USD')).toBe('£1,200');
    expect(formatQuantity(1_200, '¥', 'USD')).toBe('¥1,200');
  });
});

describe('5. header values fold by construction; a deterministic failure is not retried', () => {
  const message = (subject: string): OutgoingMessage =>
    buildSendPlan(
      [
        {
          id: 'cfo',
          persona: 'cfo',
          period: '2026-W48',
          subject,
          text: 'Body',
          html: '<p>Body</p>',
          format: 'html' as const,
          recipients: { to: ['priya@example.com'], cc: [], bcc: [] },
        },
      ],
      { from: 'reports@example.com', defaultBcc: [] },
    )[0]!;

  it("the reviewer's input: a 1,200-character unbreakable ASCII subject is sent, folded, and reads as itself", async () => {
    const subject = 'x'.repeat(1_200);
    const portfolio = editedPortfolio({
      file: 'reports/cfo.yml',
      find: 'subject: "CFO weekly: burn, runway and break-even — {{ period }}"',
      replace: `subject: "${subject}"`,
    });
    expect((await validateCli(portfolio.dir)).code).toBe(0);
    const out = path.join(tempDir('boardroom-review-'), 'out');
    const log = memoryLogger();
    const code = await main(
      [
        'run',
        '--config',
        portfolio.dir,
        '--out',
        out,
        '--as-of',
        '2026-11-24',
        '--transport',
        'outbox',
        '--tasks',
        'none',
        '--reports',
        'cfo',
      ],
      {},
      log,
    );
    expect(code).toBe(0);
    const raw = readFileSync(path.join(out, 'outbox', 'cfo.eml'));
    expect(lineProblems(raw)).toEqual([]);
    expect((await parseEml(raw)).subject).toBe(subject);
  }, 60_000);

  it('a second instance: a long URL beside non-ASCII words in a subject, through composeMime', async () => {
    const subject = `Café report — https://example.com/${'a/'.repeat(300)}end`;
    const mime = await composeMime(message(subject), '<id@boardroom.invalid>', new Date(0));
    expect(mimeLineProblem(mime)).toBeUndefined();
    expect(
      Math.max(
        ...mime
          .toString('latin1')
          .split('\r\n')
          .map((l) => l.length),
      ),
    ).toBeLessThanOrEqual(78);
    expect((await parseEml(mime)).subject).toBe(subject);
  });

  it('an outbox that cannot write is tried once per message, and nothing counts as written', async () => {
    const work = tempDir('boardroom-review-');
    // A file where the outbox folder should be: every write fails the same way.
    writeFileSync(path.join(work, 'blocked'), 'not a folder');
    let sends = 0;
    const options = resolveOptions(
      {
        config: EXAMPLE_CONFIG,
        mode: 'send',
        transport: 'outbox',
        tasks: 'none',
        'as-of': '2026-11-24',
        out: path.join(work, 'out'),
      },
      {},
    );
    const log = memoryLogger();
    const started = Date.now();
    const result = await runPipeline(options, log, {
      createTransport: async () => {
        const outbox = new OutboxTransport(path.join(work, 'blocked', 'outbox'));
        return {
          name: 'outbox',
          send: (m) => {
            sends += 1;
            return outbox.send(m);
          },
        };
      },
    });
    expect(result.exitCode).toBe(1);
    // The first wave of five fails, once each; the breaker holds the other three back.
    expect(sends).toBe(5);
    expect(log.lines.join('\n')).toMatch(/wave 1\/\d+: sent 0\/8, 0 retried, 5 failed/);
    // What the CLI's "messages: …/outbox/*.eml (N written)" line is printed from.
    expect(result.summary!.counts.sent).toBe(0);
    // No back-off: eight tries with jitter each took about 35 s before.
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 60_000);

  it('through the SES stub: a 500 is still retried, an error of our own is not', async () => {
    useFakeAwsCredentials();
    stub = await startSesStub({
      decide: (_request, attempt) => (attempt === 1 ? { kind: 'error500' } : { kind: 'accept' }),
    });
    const ses = new SesTransport({ region: 'us-west-2', endpoint: stub.url, timeoutMs: 2_000 });
    const retry = { attempts: 5, baseDelayMs: 1, maxDelayMs: 2 };
    const first = await deliver([message('Five hundred then fine')], {
      transport: ses,
      log: memoryLogger(),
      retry,
    });
    expect(first.results.map((r) => r.status)).toEqual(['sent']);
    expect(first.retried).toBe(1);

    let calls = 0;
    const broken: Transport = {
      name: 'ses',
      send: async (m) => {
        calls += 1;
        if (m.subject.startsWith('Ours')) throw new TypeError('a bug of ours, the same every time');
        return ses.send(m);
      },
    };
    const second = await deliver([message('Ours fails')], {
      transport: broken,
      log: memoryLogger(),
      retry,
    });
    expect(second.results[0]).toMatchObject({
      status: 'failed',
      error: 'a bug of ours, the same every time',
    });
    expect(second.retried).toBe(0);
    expect(calls).toBe(1);
    expect(stub.calls.sendEmail).toBe(2);
  });
});

describe('6. GitHub-bound text mentions no one and links no issue', () => {
  const REPOSITORY = 'example-org/portfolio';
  const TITLE = 'Fuel dock Pier #3 paid via Venmo @example-treasurer';

  function sink(log: Logger): GitHubTaskSink {
    return new GitHubTaskSink(
      createOctokit({ token: 'ghs_exampletoken', apiUrl: github!.url, writePauseMs: 2, log }),
      REPOSITORY,
      log,
    );
  }

  it("the reviewer's input: a finding title in a task body built through the GitHub sink", async () => {
    github = await startFakeGitHub(REPOSITORY);
    const loaded = await loadPortfolio(EXAMPLE_CONFIG);
    if (!loaded.ok) throw new Error('the example portfolio must load');
    const finding: Finding = {
      id: 'accounting.duplicate:jada:fuel',
      rule: 'accounting.duplicate',
      severity: 'warning',
      title: TITLE,
      entity: 'jada',
      section: 'expense_audit',
      figures: { memo: 'see GH-12 and @ops-team', amount: 120 },
    };
    const action: ActionItem = {
      title: 'Check the fuel dock charge',
      owner: 'cfo',
      due: '2026-12-01',
      priority: 'medium',
      finding: finding.id,
      entity: 'jada',
      section: 'expense_audit',
    };
    const log = memoryLogger();
    const options = resolveOptions(
      { mode: 'send', tasks: 'github', 'github-token': 'ghs_exampletoken' },
      { GITHUB_REPOSITORY: REPOSITORY, GITHUB_API_URL: github.url },
    );
    const tasks = await runTasks(
      {
        sources: [
          {
            report: 'cfo',
            persona: 'cfo',
            period: '2026-W48',
            findings: [finding],
            actions: [action],
          },
        ],
        portfolio: loaded.portfolio,
        options,
        asOf: '2026-11-24',
        currentFigures: () => ({}),
        log,
      },
      async () => sink(log),
    );
    expect(tasks.map((t) => t.state)).toEqual(['opened']);
    const body = github.issues[0]!.body;
    const readable = body.slice(0, body.indexOf('<!-- boardroom-task'));
    expect(readable).toContain(`Fuel dock Pier #${ZWSP}3 paid via Venmo @${ZWSP}example-treasurer`);
    expect(readable).toContain(`see GH-${ZWSP}12 and @${ZWSP}ops-team`);
    expect(readable).not.toMatch(/#3|@example-treasurer|GH-12|@ops-team/);
    // The owner's own mention (the assignee) is meant, and kept.
    expect(readable).toContain('| Owner | Priya Natarajan (@example-cfo) |');
  });

  it('a second instance: a subject and a finding in the preview comment; an address stays as it is', () => {
    const report = {
      id: 'cfo',
      subject: 'CFO weekly',
      findings: [] as Finding[],
      recipients: { to: ['priya@example.com'], cc: [], bcc: [] },
    };
    const summaryOf = (r: typeof report) =>
      ({ run: { as_of: '2026-11-24' }, reports: [r], metrics: {} }) as unknown as RunSummary;
    const head = {
      ...report,
      subject: 'CFO weekly for @example-board, see #12',
      findings: [{ id: 'f1', severity: 'critical', title: TITLE } as Finding],
      recipients: { to: ['priya@example.com', 'ops@example.com'], cc: [], bcc: [] },
    };
    const markdown = previewMarkdown(
      summaryOf(head),
      { kind: 'ok', summary: summaryOf(report) },
      'USD',
    );
    expect(markdown).toContain(`CFO weekly for @${ZWSP}example-board, see #${ZWSP}12`);
    expect(markdown).toContain(`Pier #${ZWSP}3 paid via Venmo @${ZWSP}example-treasurer`);
    expect(markdown).toContain('+to:ops@example.com');
    expect(markdown).not.toMatch(/@example-board|#12|@example-treasurer/);
  });
});

describe('7. CRLF templates and over-long domain labels', () => {
  const templates = (source: string) =>
    new Map<string, Template>([['main', { name: 'main', file: 'templates/main.md', source }]]);

  it("the reviewer's input: a CRLF template renders with LF only", () => {
    const engine = createTemplateEngine(
      templates('# {{ title }}\r\n\r\nLine one\r\nLine two\r\n'),
      'USD',
    );
    expect(engine.renderFileSync('main', { title: 'Report' })).toBe(
      '# Report\n\nLine one\nLine two\n',
    );
  });

  it('a second instance: a CR-only template, and an error in a CRLF template is still named at its file:line', () => {
    const source = 'one\r\ntwo\r\n{{ missing_key }}\r\n';
    const engine = createTemplateEngine(templates(source), 'USD');
    let thrown: unknown;
    try {
      engine.renderFileSync('main', {});
    } catch (error) {
      thrown = error;
    }
    expect(renderErrorAt(templates(source), thrown)).toMatchObject({
      file: 'templates/main.md',
      line: 3,
      message: 'Liquid: undefined variable: missing_key',
    });
    const old = createTemplateEngine(templates('a\rb\r'), 'USD');
    expect(old.renderFileSync('main', {})).toBe('a\nb\n');
  });

  it("the reviewer's input: a 64-character label is refused as too long, and 63 is accepted", () => {
    const check = checkMailbox(`jane@${'a'.repeat(64)}.com`);
    expect(check).toEqual({
      ok: false,
      reason: `the domain "${'a'.repeat(64)}.com" has a part of 64 characters ("aaaaaaaaaaaa…"): each part between dots is at most 63`,
    });
    expect(checkMailbox(`jane@${'a'.repeat(63)}.com`).ok).toBe(true);
  });

  it('a second instance: an international label over 63 in its punycode form, under a subdomain', () => {
    const label = 'ü'.repeat(60);
    const check = checkMailbox(`ops@mail.${label}.example`);
    expect(check.ok).toBe(false);
    if (!check.ok)
      expect(check.reason).toMatch(
        /has a part of 66 characters in its ASCII \(punycode\) form \("xn--\w+…"\): each part between dots is at most 63$/,
      );
  });
});
