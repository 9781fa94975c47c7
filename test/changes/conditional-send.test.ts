// Conditional sends through the whole pipeline with the outbox transport: `send: always`,
// `when-changed` (with and without a change since the previous period) and `when-critical`
// (with and without a critical finding), on a private copy of the example portfolio.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { memoryLogger } from '../../src/logger.js';
import type { ReportChanges } from '../../src/analysis/changes.js';
import type { ReportCounts } from '../../src/analysis/types.js';
import type { RunSummary } from '../../src/summary/model.js';
import { appendLine, copyExampleConfig, tempDir } from '../helpers.js';

// On 2 Nov 2026 the week before (26 Oct) has other trailing months (Jul–Sep, not Aug–Oct).
const AS_OF = '2026-11-02';

async function run(config: string) {
  const out = path.join(tempDir(), 'out');
  const log = memoryLogger();
  const code = await main(['run', '--config', config, '--out', out, '--as-of', AS_OF], {}, log);
  const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as RunSummary;
  const report = (id: string) => summary.reports.find((r) => r.id === id)!;
  const figures = (id: string) =>
    JSON.parse(readFileSync(path.join(out, 'reports', `${id}.json`), 'utf8')) as {
      changes: ReportChanges;
      counts: ReportCounts;
    };
  return { code, out, summary, report, figures, outbox: readdirSync(path.join(out, 'outbox')) };
}

describe('send: always | when-changed | when-critical', () => {
  let conditional: Awaited<ReturnType<typeof run>>;
  let always: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    always = await run(copyExampleConfig());
    const config = copyExampleConfig();
    const set = (id: string, send: string) =>
      appendLine(path.join(config, 'reports', `${id}.yml`), `send: ${send}`);
    set('cfo', 'always');
    set('cmo', 'when-changed');
    set('cto', 'when-changed');
    set('dangerouscentaur-clients', 'when-critical');
    set('expert-yacht-delivery', 'when-critical');
    conditional = await run(config);
  }, 120_000);

  it('the facts each decision rests on, as the reports JSON states them', () => {
    // The CMO's channel figures moved (other months in the window); the CTO's stacks did not.
    expect(conditional.figures('cmo').changes.changed).toBe(true);
    expect(conditional.figures('cto').changes).toMatchObject({
      changed: false,
      opened: [],
      resolved: [],
      moved: [],
      previous_as_of: '2026-10-26',
    });
    expect(conditional.figures('dangerouscentaur-clients').counts.critical).toBeGreaterThan(0);
    expect(conditional.figures('expert-yacht-delivery').counts.critical).toBe(0);
  });

  it('always (default and explicit) sends', () => {
    expect(always.outbox).toHaveLength(8);
    expect(conditional.report('cfo')).toMatchObject({ status: 'sent', send_reason: null });
    expect(conditional.outbox).toContain('cfo.eml');
  });

  it('when-changed with a change sends, and says what changed', () => {
    expect(conditional.report('cmo').status).toBe('sent');
    expect(conditional.report('cmo').send_reason).toMatch(
      /^send: when-changed: since 2026-10-26, .*moved past the threshold/,
    );
    expect(conditional.outbox).toContain('cmo.eml');
  });

  it('when-changed with nothing changed is not sent, and says why', () => {
    expect(conditional.report('cto')).toMatchObject({
      status: 'not-sent',
      message_ids: [],
      send_reason:
        'send: when-changed: nothing changed since 2026-10-26 (no finding opened or resolved, no headline figure moved past its threshold)',
    });
    expect(conditional.outbox).not.toContain('cto.eml');
  });

  it('when-critical with a critical finding sends', () => {
    expect(conditional.report('dangerouscentaur-clients').status).toBe('sent');
    expect(conditional.report('dangerouscentaur-clients').send_reason).toMatch(
      /^send: when-critical: the report shows \d+ critical findings?$/,
    );
    expect(conditional.outbox).toContain('dangerouscentaur-clients.eml');
  });

  it('when-critical with no critical finding is not sent, and says why', () => {
    expect(conditional.report('expert-yacht-delivery')).toMatchObject({
      status: 'not-sent',
      send_reason: 'send: when-critical: the report shows no critical finding',
    });
    expect(conditional.outbox).not.toContain('expert-yacht-delivery.eml');
  });

  it('writes exactly the six messages sent; the run succeeds', () => {
    expect(conditional.code).toBe(0);
    expect([...conditional.outbox].sort()).toEqual(
      ['accounting', 'ceo', 'cfo', 'cmo', 'dangerouscentaur-clients', 'rental-3028-51st'].map(
        (id) => `${id}.eml`,
      ),
    );
    expect(conditional.summary.counts).toEqual({
      sent: 6,
      skipped: 0,
      failed: 0,
      rendered: 0,
      not_sent: 2,
    });
  });

  it('a report not sent still renders and its tasks still run', () => {
    expect(existsSync(path.join(conditional.out, 'reports', 'cto.html'))).toBe(true);
    expect(conditional.summary.tasks.map((t) => t.fingerprint)).toEqual(
      always.summary.tasks.map((t) => t.fingerprint),
    );
  });

  it('summary.md (the job summary) names the reports not sent and why', () => {
    const markdown = readFileSync(path.join(conditional.out, 'summary.md'), 'utf8');
    expect(markdown).toContain('6 sent, 0 skipped, 0 failed, 0 rendered only, 2 not sent');
    const ctoRow = markdown.split('\n').find((line) => line.startsWith('| cto |'))!;
    expect(ctoRow).toContain('| not-sent (send: when-changed: nothing changed since 2026-10-26');
  });
});
