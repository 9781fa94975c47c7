// An alert's life through `boardroom alerts` on a copy of the example portfolio, with the outbox
// transport: it fires once (one .eml to its owner), stays quiet while it holds, clears when the
// data changes, and fires again when it recurs. The state lives in alerts.json beside state-file.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { memoryLogger } from '../../src/logger.js';
import type { AlertsRunSummary } from '../../src/alerts/run.js';
import type { AlertState } from '../../src/alerts/state.js';
import { copyExampleConfig, tempDir } from '../helpers.js';
import { lineProblems } from '../eml.js';
import { withoutAlerts } from './example-portfolio.js';

const AS_OF = '2026-11-29';

interface Check {
  readonly code: number;
  readonly alerts: AlertsRunSummary['alerts'];
  /** Every .eml this check wrote, parsed. */
  readonly mail: Awaited<ReturnType<typeof simpleParser>>[];
  readonly raw: Buffer[];
  readonly state: AlertState;
  readonly log: string[];
}

/** A portfolio copy with `alerts:` appended, and a runner of `boardroom alerts` over it. */
function setUp(alertsYaml: string) {
  const config = copyExampleConfig();
  const portfolioFile = path.join(config, 'portfolio.yml');
  writeFileSync(
    portfolioFile,
    `${withoutAlerts(readFileSync(portfolioFile, 'utf8'))}\nalerts:\n${alertsYaml}`,
  );
  const work = tempDir();
  const out = path.join(work, 'out');
  const stateFile = path.join(work, '.boardroom', 'ledger.jsonl');
  const edit = (file: string, find: string, replace: string) => {
    const full = path.join(config, file);
    const text = readFileSync(full, 'utf8');
    expect(text.split(find)).toHaveLength(2);
    writeFileSync(full, text.replace(find, replace));
  };
  const check = async (asOf = AS_OF): Promise<Check> => {
    const log = memoryLogger();
    const code = await main(
      [
        'alerts',
        ...['--config', config, '--out', out, '--as-of', asOf],
        ...['--state-file', stateFile, '--transport', 'outbox'],
      ],
      {},
      log,
    );
    const summary = JSON.parse(
      readFileSync(path.join(out, 'summary.json'), 'utf8'),
    ) as AlertsRunSummary;
    const outbox = path.join(out, 'outbox');
    const raw = existsSync(outbox)
      ? readdirSync(outbox)
          .sort()
          .map((name) => readFileSync(path.join(outbox, name)))
      : [];
    return {
      code,
      alerts: summary.alerts,
      raw,
      mail: await Promise.all(raw.map((bytes) => simpleParser(bytes))),
      state: JSON.parse(
        readFileSync(path.join(path.dirname(stateFile), 'alerts.json'), 'utf8'),
      ) as AlertState,
      log: log.lines,
    };
  };
  return { config, out, stateFile, edit, check };
}

describe('an alert that fires, stays quiet, clears and recurs', () => {
  it('runway_below: QuickDumpNow, cash raised by its cash_on_hand override and lowered again', async () => {
    // QuickDumpNow on 2026-11-29: cash 24,300 (typed, as of 2026-11-01) over a net burn of
    // 8,520.82 a month -> 2.85 -> "2.9 months", under a 3-month floor. With 40,000: 4.69 -> 4.7.
    const { edit, check } = setUp(`  - id: runway-floor
    when: runway_below
    months: 3
    entities: all
    to: [cfo]
`);
    const key = 'runway-floor/quickdumpnow';
    const subject = '[alert] QuickDumpNow runway 2.9 months, under the 3-month floor';

    const first = await check();
    expect(first.code).toBe(0);
    expect(first.alerts.fired.map((f) => [f.key, f.status])).toEqual([[key, 'sent']]);
    expect(first.mail).toHaveLength(1);
    const message = first.mail[0]!;
    expect(message.subject).toBe(subject);
    // owners.cfo.email, as portfolio.yml writes it.
    expect((message.to as { value: { address: string }[] }).value.map((v) => v.address)).toEqual([
      'priya.natarajan@example.com',
    ]);
    expect(message.from?.value[0]?.address).toBe('reports@example.com');
    expect(message.text).toContain('Runway:');
    expect(message.text).toContain('$24,300 (entered by hand, as of 2026-11-01)');
    expect(message.html).toContain('QuickDumpNow runway 2.9 months, under the 3-month floor');
    expect(lineProblems(first.raw[0]!)).toEqual([]);
    expect(first.state.firing[key]).toMatchObject({ since: AS_OF, subject });
    expect(first.state.last_check).toBe(AS_OF);

    // The same data, the same day: nothing new is sent.
    const again = await check();
    expect(again.code).toBe(0);
    expect(again.alerts.fired).toEqual([]);
    expect(again.alerts.still_firing.map((a) => [a.key, a.since])).toEqual([[key, AS_OF]]);
    expect(again.mail).toEqual([]);

    // Cash raised: the runway is 4.7 months, the alert clears and nothing is sent.
    edit('entities/quickdumpnow.yml', 'amount: 24300', 'amount: 40000');
    const raised = await check();
    expect(raised.alerts.fired).toEqual([]);
    expect(raised.alerts.cleared.map((a) => a.key)).toEqual([key]);
    expect(raised.mail).toEqual([]);
    expect(raised.state.firing).toEqual({});

    // Still cleared on the next run: nothing to say.
    const quiet = await check();
    expect([quiet.alerts.fired, quiet.alerts.still_firing, quiet.alerts.cleared]).toEqual([
      [],
      [],
      [],
    ]);

    // It recurs: mailed again, once.
    edit('entities/quickdumpnow.yml', 'amount: 40000', 'amount: 24300');
    const recurred = await check();
    expect(recurred.alerts.fired.map((f) => [f.key, f.status])).toEqual([[key, 'sent']]);
    expect(recurred.mail.map((m) => m.subject)).toEqual([subject]);
    expect(recurred.state.occurrences[key]).toBe(2);
    expect((await check()).mail).toEqual([]);
  });

  it('invoice_overdue: one invoice, cleared by its payment and by an earlier as-of date', async () => {
    // INV-1053 (Mesa Landscaping, $2,760) was due 2026-07-15: on 2026-11-29 that is
    // 16 + 31 + 30 + 31 + 29 = 137 days, over 100. On 2026-10-20: 16 + 31 + 30 + 20 = 97, not over.
    const { edit, check } = setUp(`  - id: late-invoices
    when: invoice_overdue
    days: 100
    entities: [dangerouscentaur-clients]
    to: [manager, Collections <collections@example.org>]
`);
    const key = 'late-invoices/dangerouscentaur-clients/INV-1053';

    const first = await check();
    expect(first.alerts.fired.map((f) => f.key)).toEqual([key]);
    expect(first.mail).toHaveLength(1);
    expect(first.mail[0]!.subject).toBe(
      '[alert] DangerousCentaur client portfolio invoice INV-1053 to Mesa Landscaping ($2,760) is 137 days overdue, over 100',
    );
    expect(
      (first.mail[0]!.to as { value: { address: string }[] }).value.map((v) => v.address),
    ).toEqual(['jordan.blake@example.com', 'collections@example.org']);
    expect((await check()).mail).toEqual([]);

    // An earlier as-of date: 97 days, not over 100.
    const earlier = await check('2026-10-20');
    expect(earlier.alerts.cleared.map((a) => a.key)).toEqual([key]);
    expect(earlier.mail).toEqual([]);

    // Back to 2026-11-29: it holds again and is mailed again.
    expect((await check()).alerts.fired.map((f) => f.key)).toEqual([key]);

    // Paid on 2026-11-28: no longer open, so cleared.
    edit(
      'data/dangerouscentaur-clients/invoices.csv',
      'INV-1053,Mesa Landscaping,2026-06-15,2026-07-15,2760,',
      'INV-1053,Mesa Landscaping,2026-06-15,2026-07-15,2760,2026-11-28',
    );
    const paid = await check();
    expect(paid.alerts.cleared.map((a) => a.key)).toEqual([key]);
    expect(paid.state.firing).toEqual({});
  });
});

describe('the summary of a check', () => {
  it('lists what fired in summary.md with every value escaped for Markdown', async () => {
    const { config, out, check } = setUp(`  - id: runway-floor
    when: runway_below
    months: 3
    entities: [quickdumpnow]
    to: [cfo]
`);
    const entityFile = path.join(config, 'entities', 'quickdumpnow.yml');
    writeFileSync(
      entityFile,
      readFileSync(entityFile, 'utf8').replace(
        'name: QuickDumpNow',
        'name: "Quick|Dump <b>Now</b>"',
      ),
    );
    const first = await check();
    expect(first.mail[0]!.subject).toBe(
      '[alert] Quick|Dump <b>Now</b> runway 2.9 months, under the 3-month floor',
    );
    // The HTML part shows the name as text, never as markup.
    expect(first.mail[0]!.html).toContain('Quick|Dump &lt;b&gt;Now&lt;/b&gt; runway 2.9 months');
    const markdown = readFileSync(path.join(out, 'summary.md'), 'utf8');
    expect(markdown).toContain('1 fired, 0 still firing, 0 cleared.');
    expect(markdown).not.toContain('<b>');
    // One row of four cells: the pipe in the name does not split it.
    const row = markdown.split('\n').find((line) => line.startsWith('| runway-floor/'))!;
    expect(row.split(/(?<!\\)\|/)).toHaveLength(6);
  });
});
