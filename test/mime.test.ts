// Every .eml the example portfolio sends, read back with a real MIME parser (mailparser): standard
// MIME (CRLF only, no line over 998 octets), headers that decode to what the portfolio says,
// the text part before the HTML part, and no Bcc header. Then a report with a line far over 998
// octets and a subject in three scripts, and a body with mixed line breaks built directly.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeMime, mimeLineProblem } from '../src/delivery/mime.js';
import { buildSendPlan } from '../src/delivery/plan.js';
import {
  lineProblems,
  mailboxes,
  parseEml,
  partTypes,
  runOutbox,
  writtenMailbox,
  type OutboxRun,
} from './eml.js';
import { copyExampleConfig, EXAMPLE_CONFIG } from './helpers.js';

interface ReportYaml {
  recipients: { to: string[]; cc?: string[]; bcc?: string[] };
}
const portfolioYaml = parse(readFileSync(path.join(EXAMPLE_CONFIG, 'portfolio.yml'), 'utf8')) as {
  sender: string;
  reply_to: string;
  bcc: string[];
};
const reportYaml = (config: string, id: string) =>
  parse(readFileSync(path.join(config, 'reports', `${id}.yml`), 'utf8')) as ReportYaml;

describe('the outbox .eml files of the example portfolio', () => {
  let run: OutboxRun;
  beforeAll(async () => {
    run = await runOutbox(EXAMPLE_CONFIG);
  }, 120_000);

  it('writes one .eml per report, each CRLF only with no line over 998 octets', () => {
    expect([...run.emls.keys()].sort()).toEqual(
      run.summary.reports.map((r) => `${r.id}.eml`).sort(),
    );
    expect(run.emls.size).toBe(8);
    for (const [name, raw] of run.emls) {
      expect(lineProblems(raw), name).toEqual([]);
      // The same check as the one composeMime makes before it returns.
      expect(mimeLineProblem(raw), name).toBeUndefined();
    }
  });

  it('decodes to the subject, sender, recipients and reply-to the portfolio gives, text first, no Bcc', async () => {
    const sender = writtenMailbox(portfolioYaml.sender);
    expect(sender).toEqual({ name: 'Boardroom Reports', address: 'reports@example.com' });
    for (const report of run.summary.reports) {
      const raw = run.emls.get(`${report.id}.eml`)!;
      const mail = await parseEml(raw);
      const written = reportYaml(EXAMPLE_CONFIG, report.id);
      expect(mail.subject, report.id).toBe(report.subject);
      expect(mailboxes(mail.from), report.id).toEqual([sender]);
      expect(mailboxes(mail.to), report.id).toEqual(written.recipients.to.map(writtenMailbox));
      expect(mailboxes(mail.cc), report.id).toEqual(
        (written.recipients.cc ?? []).map(writtenMailbox),
      );
      expect(mailboxes(mail.replyTo), report.id).toEqual([writtenMailbox(portfolioYaml.reply_to)]);
      // No Bcc header, and no Bcc address anywhere in the file.
      expect(mail.headers.has('bcc'), report.id).toBe(false);
      for (const hidden of [...portfolioYaml.bcc, ...(written.recipients.bcc ?? [])])
        expect(raw.toString('latin1'), report.id).not.toContain(writtenMailbox(hidden).address);
      // A report that attaches files (the accountant's CSV tables) is multipart/mixed: the
      // alternative first, then one text/csv part per file.
      const attached = report.files.attachments?.length ?? 0;
      expect(mail.headers.get('content-type')).toMatchObject({
        value: attached > 0 ? 'multipart/mixed' : 'multipart/alternative',
      });
      if (attached > 0)
        expect(partTypes(raw), report.id).toEqual([
          'multipart/alternative',
          ...Array<string>(attached).fill('text/csv'),
        ]);
      // A report with charts (the CFO's burn section) wraps its HTML with the inline PNGs.
      else
        expect(partTypes(raw), report.id).toEqual([
          'text/plain',
          mail.attachments.some((a) => a.contentDisposition === 'inline')
            ? 'multipart/related'
            : 'text/html',
        ]);
      expect(mail.text, report.id).toBeTruthy();
      expect(mail.html, report.id).toBeTruthy();
    }
  });
});

describe('a report with a line over 998 octets and a subject outside ASCII', () => {
  it('folds and encodes it, and the parser gives back the same line and subject', async () => {
    const config = copyExampleConfig();
    // 120 repeats of 40 characters: one Markdown paragraph of 4,800 characters on one line.
    const longLine = `Stack notes: ${'latency, uptime and café-grade coffee ok. '.repeat(120).trim()}`;
    const template = path.join(config, 'templates', 'cto.md');
    writeFileSync(template, `${readFileSync(template, 'utf8')}\n${longLine}\n`);
    const ctoYml = path.join(config, 'reports', 'cto.yml');
    writeFileSync(
      ctoYml,
      readFileSync(ctoYml, 'utf8').replace(
        /^subject: .*$/m,
        'subject: "CTO hebdo : sécurité, coûts — 技術 週報 — {{ period }}"',
      ),
    );

    const run = await runOutbox(config);
    const raw = run.emls.get('cto.eml')!;
    expect(lineProblems(raw)).toEqual([]);
    const mail = await parseEml(raw);
    expect(mail.subject).toBe('CTO hebdo : sécurité, coûts — 技術 週報 — 2026-W48');
    // The plain-text part may wrap it for reading; its words come back in order, whole.
    expect(mail.text!.replace(/\s+/g, ' ')).toContain(longLine);
    expect(mail.html).toContain(longLine);
    expect(partTypes(raw)).toEqual(['text/plain', 'text/html']);
  }, 120_000);

  it('writes CRLF for a body with LF, CRLF and CR breaks and a 5,000-octet ASCII line', async () => {
    const longAscii = 'a'.repeat(5_000);
    const [message] = buildSendPlan(
      [
        {
          id: 'ops',
          persona: 'manager',
          period: '2026-W48',
          subject: 'Ops',
          text: `one\ntwo\r\nthree\rfour\n${longAscii}\n`,
          html: `<p>one</p>\n<p>${longAscii}</p>\r\n`,
          format: 'html',
          recipients: { to: ['ops@example.com'], cc: [], bcc: [] },
        },
      ],
      { from: 'reports@example.com', defaultBcc: [] },
    );
    const raw = await composeMime(message!, '<id@boardroom.invalid>', new Date('2026-11-24Z'));
    expect(lineProblems(raw)).toEqual([]);
    const mail = await parseEml(raw);
    expect(mail.text).toBe(`one\ntwo\nthree\nfour\n${longAscii}\n`);
    expect(mail.html).toBe(`<p>one</p>\n<p>${longAscii}</p>\n`);
  });

  it('names the line a bare LF or an overlong line is on', () => {
    expect(mimeLineProblem(Buffer.from('A: b\r\nC: d\n'))).toBe('line 2 ends in a bare LF');
    expect(mimeLineProblem(Buffer.from('A: b\rC'))).toBe('line 1 ends in a bare CR');
    expect(mimeLineProblem(Buffer.from(`A: b\r\n${'x'.repeat(999)}\r\n`))).toBe(
      'line 2 is 999 octets long (at most 998)',
    );
    expect(mimeLineProblem(Buffer.from(`A: b\r\n${'x'.repeat(998)}\r\n`))).toBeUndefined();
  });
});
