// The whole pipeline through the CLI shell, on a private copy of the example portfolio.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { memoryLogger } from '../src/logger.js';
import { formatMoney } from '../src/render/format.js';
import type { RunSummary } from '../src/summary/model.js';
import { appendLine, copyExampleConfig, tempDir } from './helpers.js';

const REPORT_IDS = [
  'accounting',
  'ceo',
  'cfo',
  'cmo',
  'cto',
  'dangerouscentaur-clients',
  'expert-yacht-delivery',
  'rental-3028-51st',
];

async function runCli(
  config: string,
  ...flags: string[]
): Promise<{ code: number; out: string; summary: RunSummary }> {
  const out = path.join(tempDir(), 'out');
  const code = await main(
    ['run', '--config', config, '--out', out, '--as-of', '2026-11-24', ...flags],
    {},
    memoryLogger(),
  );
  const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as RunSummary;
  return { code, out, summary };
}

describe('the pipeline on the example portfolio', () => {
  it('renders and delivers all eight reports to the outbox with no credentials', async () => {
    const { code, out, summary } = await runCli(copyExampleConfig());
    expect(code).toBe(0);
    expect(summary.run).toMatchObject({ mode: 'send', as_of: '2026-11-24', transport: 'outbox' });
    expect(summary.reports.map((r) => r.id).sort()).toEqual(REPORT_IDS);
    for (const report of summary.reports) {
      expect(report.status).toBe('sent');
      expect(report.message_ids).toHaveLength(1);
      expect(report.recipients.to.length).toBeGreaterThan(0);
      // The portfolio's default Bcc (the archive) rides on every report.
      expect(report.recipients.bcc).toContain('archive@example.org');
      for (const ext of ['md', 'html', 'txt', 'json'])
        expect(existsSync(path.join(out, 'reports', `${report.id}.${ext}`))).toBe(true);
    }
    expect(readdirSync(path.join(out, 'outbox')).sort()).toEqual(
      REPORT_IDS.map((id) => `${id}.eml`),
    );
    expect(summary.counts).toEqual({ sent: 8, skipped: 0, failed: 0, rendered: 0, not_sent: 0 });
    for (const file of ['summary.md', 'index.html'])
      expect(existsSync(path.join(out, file))).toBe(true);
  });

  it('lists the CFO metrics per entity and the findings per report', async () => {
    const { summary, out } = await runCli(copyExampleConfig(), '--mode', 'dry-run');
    // Actions name their owner from portfolio.yml's owners, not the persona id.
    expect(readFileSync(path.join(out, 'reports', 'cfo.md'), 'utf8')).toMatch(
      /^- .+: Priya Natarajan, due \d+ \w{3} 2026, \w+ priority$/m,
    );
    expect(Object.keys(summary.metrics).sort()).toEqual([
      'dangerouscentaur',
      'dangerouscentaur-clients',
      'expert-yacht-delivery',
      'jada',
      'queenofsandiego',
      'quickdumpnow',
      'rental-3028-51st',
    ]);
    const cfo = summary.reports.find((r) => r.id === 'cfo')!;
    expect(cfo.findings.map((f) => f.id)).toContain('finance.runway-below-minimum:quickdumpnow');
    const ceo = summary.reports.find((r) => r.id === 'ceo')!;
    expect(ceo.findings.some((f) => f.rule === 'kpi.missing')).toBe(true);
    // Every figure a report shows is in its .json, the same numbers the Markdown presents.
    const rental = JSON.parse(
      readFileSync(path.join(out, 'reports', 'rental-3028-51st.json'), 'utf8'),
    ) as {
      as_of: string;
      sections: { id: string; data: { properties: { noi_annual: number }[] } }[];
    };
    expect(rental.as_of).toBe('2026-11-24');
    const noi = rental.sections.find((s) => s.id === 'property')!.data.properties[0]!.noi_annual;
    expect(readFileSync(path.join(out, 'reports', 'rental-3028-51st.md'), 'utf8')).toContain(
      `/ mo, ${formatMoney(noi, 'USD')} / yr`,
    );
  });

  it('dry-run renders everything and sends nothing', async () => {
    const { code, out, summary } = await runCli(copyExampleConfig(), '--mode', 'dry-run');
    expect(code).toBe(0);
    expect(summary.reports.every((r) => r.status === 'rendered')).toBe(true);
    expect(existsSync(path.join(out, 'outbox'))).toBe(false);
  });

  it('recomputes the figures when a ledger number changes', async () => {
    const config = copyExampleConfig();
    const before = (await runCli(config, '--mode', 'dry-run')).summary.metrics['quickdumpnow']!;
    // One more fixed-cost payment of 3,000 in September, inside the Aug-Oct window:
    // gross burn rises by 3,000 / 3 months = 1,000 a month, and so does net burn.
    appendLine(
      path.join(config, 'data', 'quickdumpnow', 'ledger.csv'),
      '2026-09-15,6100,insurance,-3000.00,Extra premium,R-TEST-1',
    );
    const after = (await runCli(config, '--mode', 'dry-run')).summary.metrics['quickdumpnow']!;
    expect(after.gross_burn_monthly! - before.gross_burn_monthly!).toBeCloseTo(1000, 2);
    expect(after.net_burn_monthly! - before.net_burn_monthly!).toBeCloseTo(1000, 2);
    // runway = cash / net burn, with the cash unchanged
    expect(after.runway_months).toBeCloseTo(
      Math.round((24_300 / after.net_burn_monthly!) * 10) / 10,
      5,
    );
    expect(after.runway_months!).toBeLessThan(before.runway_months!);
    // A row outside the window (the as-of month itself) changes nothing.
    appendLine(
      path.join(config, 'data', 'quickdumpnow', 'ledger.csv'),
      '2026-11-02,6100,insurance,-5000.00,November premium,R-TEST-2',
    );
    const later = (await runCli(config, '--mode', 'dry-run')).summary.metrics['quickdumpnow']!;
    expect(later.gross_burn_monthly).toBe(after.gross_burn_monthly);
  });

  it('clears only its own outputs from the out folder, never the folder itself', async () => {
    const out = path.join(tempDir(), 'out');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'keep-me.txt'), "not boardroom's");
    writeFileSync(path.join(out, 'summary.md'), 'stale');
    // Outputs a dry-run does not write again must go too.
    writeFileSync(path.join(out, 'preview.md'), 'stale');
    mkdirSync(path.join(out, 'outbox'));
    writeFileSync(path.join(out, 'outbox', 'old.eml'), 'stale');
    expect(
      await main(
        [
          'run',
          '--config',
          copyExampleConfig(),
          '--out',
          out,
          '--as-of',
          '2026-11-24',
          '--mode',
          'dry-run',
        ],
        {},
        memoryLogger(),
      ),
    ).toBe(0);
    expect(readFileSync(path.join(out, 'keep-me.txt'), 'utf8')).toBe("not boardroom's");
    expect(readFileSync(path.join(out, 'summary.md'), 'utf8')).not.toBe('stale');
    expect(existsSync(path.join(out, 'preview.md'))).toBe(false);
    expect(existsSync(path.join(out, 'outbox'))).toBe(false);
  });

  it('sends nothing when a report fails to render, and keeps the last good run in place', async () => {
    const config = copyExampleConfig();
    const out = path.join(tempDir(), 'out');
    const run = (log = memoryLogger()) =>
      main(['run', '--config', config, '--out', out, '--as-of', '2026-11-24'], {}, log);
    expect(await run()).toBe(0);
    const goodCfo = readFileSync(path.join(out, 'reports', 'cfo.md'), 'utf8');
    // Parses fine (so validation passes) but throws while rendering: no 500-digit number exists.
    appendLine(path.join(config, 'templates', 'cfo.md'), '{{ 1 | number: 500 }}');
    const log = memoryLogger();
    expect(await run(log)).toBe(2);
    expect(log.lines.join('\n')).toMatch(/render failed: cfo: .*nothing was sent/s);
    expect(readFileSync(path.join(out, 'reports', 'cfo.md'), 'utf8')).toBe(goodCfo);
    expect(readdirSync(out).sort()).toEqual([
      'index.html',
      'outbox',
      'reports',
      'summary.json',
      'summary.md',
    ]);
  });

  it('rejects an unknown report id with exit code 2 before anything is written', async () => {
    const out = path.join(tempDir(), 'out');
    const log = memoryLogger();
    const code = await main(
      ['run', '--config', copyExampleConfig(), '--out', out, '--reports', 'cfo,nope'],
      {},
      log,
    );
    expect(code).toBe(2);
    expect(log.lines.join('\n')).toContain('reports: unknown report "nope"');
    expect(existsSync(out)).toBe(false);
  });
});

describe('tasks in the pipeline', () => {
  it('lists the tasks a dry-run would open, without calling anything', async () => {
    const { summary } = await runCli(copyExampleConfig(), '--mode', 'dry-run', '--tasks', 'github');
    expect(summary.tasks.length).toBeGreaterThan(0);
    expect(summary.tasks.every((t) => t.state === 'planned' && t.url === null)).toBe(true);
    // One task per action item of the reports with tasks on, by fingerprint.
    const cfoActions = summary.reports.find((r) => r.id === 'cfo')!.actions.length;
    expect(summary.tasks.filter((t) => t.fingerprint.startsWith('cfo/'))).toHaveLength(cfoActions);
  });

  it('leaves the real tasks alone on a test send', async () => {
    const { code, summary } = await runCli(
      copyExampleConfig(),
      '--tasks',
      'github',
      '--test-recipient',
      'tester@example.net',
    );
    expect(code).toBe(0);
    expect(summary.tasks.every((t) => t.state === 'planned')).toBe(true);
  });

  it('still delivers every report when the task sink cannot start, and exits 1', async () => {
    const { code, summary } = await runCli(copyExampleConfig(), '--tasks', 'github');
    expect(code).toBe(1);
    expect(summary.counts.sent).toBe(8);
    expect(
      summary.tasks.every(
        (t) => t.state === 'failed' && t.error === 'tasks: github needs github-token',
      ),
    ).toBe(true);
  });
});
