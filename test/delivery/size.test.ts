// Message size: every report of the example fits Gmail's 102 KB HTML and the 10 MB message
// budget; a report made huge in a copy warns (HTML clipped) or stops the run (over the budget).
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import {
  checkMessageSize,
  HTML_CLIP_BYTES,
  MESSAGE_BUDGET_BYTES,
  MessageTooLargeError,
} from '../../src/delivery/size.js';
import { memoryLogger } from '../../src/logger.js';
import type { RunSummary } from '../../src/summary/model.js';
import { tempDir } from '../helpers.js';
import { EXAMPLE_CONFIG, editedPortfolio, removeScratchDirs } from '../config/portfolio-copy.js';

afterAll(removeScratchDirs);

async function run(config: string, mode = 'send') {
  const out = path.join(tempDir(), 'out');
  const log = memoryLogger();
  const code = await main(
    ['run', '--config', config, '--out', out, '--as-of', '2026-11-24', '--mode', mode],
    {},
    log,
  );
  const summaryFile = path.join(out, 'summary.json');
  const summary =
    code === 2 ? undefined : (JSON.parse(readFileSync(summaryFile, 'utf8')) as RunSummary);
  return { code, out, log, summary };
}

describe('message size limits', () => {
  it('every report of the example is under 102 KB of HTML and the 10 MB budget, measured truly', async () => {
    const { code, out, summary } = await run(EXAMPLE_CONFIG);
    expect(code).toBe(0);
    expect(summary!.reports).toHaveLength(8);
    for (const report of summary!.reports) {
      const size = report.size!;
      // The HTML part is the rendered .html file, byte for byte.
      expect(size.html_bytes).toBe(statSync(path.join(out, 'reports', `${report.id}.html`)).size);
      expect(size.html_bytes).toBeGreaterThan(0);
      expect(size.html_bytes).toBeLessThan(HTML_CLIP_BYTES);
      expect(size.warnings).toEqual([]);
      // The estimate is an upper bound of the message as sent (the outbox .eml).
      const eml = statSync(path.join(out, 'outbox', `${report.id}.eml`)).size;
      expect(size.message_bytes).toBeGreaterThanOrEqual(eml);
      expect(size.message_bytes).toBeLessThan(MESSAGE_BUDGET_BYTES);
    }
  });

  it('a report whose HTML part Gmail would clip renders with a warning naming the size and the limit', async () => {
    // 3,000 paragraphs of padding in the CFO's own template: over 200 KB of HTML.
    const copy = editedPortfolio({
      file: 'templates/cfo.md',
      find: '{% endfor -%}',
      replace:
        '{% endfor -%}\n{% for i in (1..3000) %}Padding line {{ i }} of the size check.\n\n{% endfor %}',
    });
    const { code, out, log, summary } = await run(copy.dir, 'dry-run');
    expect(code).toBe(0);
    const cfo = summary!.reports.find((r) => r.id === 'cfo')!;
    expect(cfo.size!.html_bytes).toBeGreaterThan(HTML_CLIP_BYTES);
    const kb = (statSync(path.join(out, 'reports', 'cfo.html')).size / 1024).toFixed(1);
    expect(cfo.size!.warnings).toEqual([
      `the HTML part is ${kb} KB, over Gmail's 102.0 KB: Gmail will clip it and show "View entire message" (shorten its tables or sections)`,
    ]);
    const warnings = log.lines.filter((line) => line.startsWith('warning: '));
    expect(warnings).toEqual([`warning: cfo: ${cfo.size!.warnings[0]}`]);
    // The other reports are untouched.
    for (const report of summary!.reports.filter((r) => r.id !== 'cfo'))
      expect(report.size!.warnings).toEqual([]);
  });

  it('a report over the 10 MB budget is a render error: exit 2 and nothing is sent', async () => {
    // One word doubled 19 times: 5 MB in the HTML and 5 MB in the text part, over 10 MB encoded.
    const copy = editedPortfolio({
      file: 'templates/unit.md',
      find: '{% endfor -%}',
      replace: `{% endfor -%}\n{% assign pad = "0123456789" %}${'{% assign pad = pad | append: pad %}'.repeat(19)}\n{{ pad }}\n`,
    });
    const { code, out, log } = await run(copy.dir);
    expect(code).toBe(2);
    const errors = log.lines.filter((line) => line.startsWith('error: render failed: '));
    // unit.md is the three unit reports' template: each is named, with its size and the budget.
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(
      /^error: render failed: dangerouscentaur-clients: the message would be about 1\d\.\d MB, over the 10\.0 MB budget \(SES refuses over 40\.0 MB/,
    );
    expect(log.lines).toContain('error: nothing was sent: every report must render first');
    expect(() => statSync(path.join(out, 'outbox'))).toThrow();
  });
});

describe('checkMessageSize', () => {
  it('counts the HTML as UTF-8 bytes and warns one byte over the clip limit, not at it', () => {
    const at = checkMessageSize({ html: 'x'.repeat(HTML_CLIP_BYTES), text: '' });
    expect(at.html_bytes).toBe(104_448);
    expect(at.warnings).toEqual([]);
    // "é" is two bytes in UTF-8: 52,225 of them are 104,450 bytes.
    const over = checkMessageSize({ html: 'é'.repeat(52_225), text: '' });
    expect(over.html_bytes).toBe(104_450);
    expect(over.warnings).toHaveLength(1);
  });

  it('has no HTML part for a format: text report', () => {
    const size = checkMessageSize({ html: null, text: 'x'.repeat(300_000) });
    expect(size.html_bytes).toBe(0);
    expect(size.warnings).toEqual([]);
  });

  it('counts attachments, encoded, toward the budget and names the largest', () => {
    // 3 MiB raw is 4 MiB base64 (+ line breaks): two fit the 10 MiB budget, three do not.
    const attachment = (name: string) => ({ name, bytes: 3 * 1024 * 1024 });
    const two = checkMessageSize({
      html: '<p>hi</p>',
      text: 'hi',
      attachments: [attachment('a.png'), attachment('b.png')],
    });
    // 4,194,304 base64 characters, 55,189 CRLFs and 512 bytes of part headers each, plus 16 KiB
    // of headers and two bodies.
    expect(two.message_bytes).toBe(
      16_384 + 2 * (4_194_304 + 2 * 55_189 + 512) + (12 + 2) + (4 + 2),
    );
    expect(() =>
      checkMessageSize({
        html: '<p>hi</p>',
        text: 'hi',
        attachments: [attachment('a.png'), attachment('b.png'), attachment('chart.png')],
      }),
    ).toThrow(MessageTooLargeError);
    expect(() =>
      checkMessageSize({
        html: '',
        text: '',
        attachments: [attachment('a.png'), { name: 'big.csv', bytes: 6 * 1024 * 1024 }],
      }),
    ).toThrow(/largest attachment big\.csv 6\.0 MB/);
  });
});
