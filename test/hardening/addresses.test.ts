// Issue 10, item 9: addresses in the forms people write them. Every address key (sender,
// reply_to, bcc, recipients) takes the same RFC 5322 mailbox forms: a non-ASCII display name
// (RFC 2047 encoded when sent), a quoted name with a comma, an IDN domain (punycode for SES).
// Only what SES would refuse is refused, with the reason, at file:line:col, exit 2, nothing sent.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { checkMailbox, formatMailbox } from '../../src/config/mailbox.js';
import { memoryLogger } from '../../src/logger.js';
import type { RunSummary } from '../../src/summary/model.js';
import { editedPortfolio, removeScratchDirs, validateEdited } from '../config/portfolio-copy.js';
import type { Edit } from '../config/portfolio-copy.js';
import { mailboxes, parseEml, runOutbox } from '../eml.js';
import { tempDir } from '../helpers.js';
import {
  sesAccountJson,
  startLocalSes,
  useFakeAwsCredentials,
  type LocalSes,
} from '../ses-local.js';

const SENDER = 'José Álvarez – Café Holdings <reports@example.com>';

/** The three inputs: a non-ASCII sender name, a named reply_to, an IDN recipient. */
const GIVEN: Edit[] = [
  {
    file: 'portfolio.yml',
    find: 'sender: Boardroom Reports <reports@example.com>',
    replace: `sender: ${SENDER}`,
  },
  {
    file: 'portfolio.yml',
    find: 'reply_to: ops@example.com',
    replace: 'reply_to: Ops Desk <ops@example.com>',
  },
  {
    file: 'reports/cfo.yml',
    find: '    - priya.natarajan@example.com',
    replace: '    - priya@bücher.example',
  },
];
/** Another of each: a named cc with an IDN domain, a bcc whose quoted name has a comma. */
const SECOND: Edit[] = [
  {
    file: 'reports/cfo.yml',
    find: '    - morgan.reyes@example.com',
    // In YAML a value that starts with " is a quoted scalar: the whole entry goes in '...'.
    replace: `    - Morgan Reyes <morgan@münchen.example>\n  bcc:\n    - '"Doe, Jane" <jane@example.com>'`,
  },
];

/** A header value decoded by a real MIME parser, as a mail client shows it. */
async function decodedMailbox(header: string) {
  const mail = await simpleParser(Buffer.from(`From: ${header}\r\n\r\nx\r\n`));
  return mailboxes(mail.from);
}

afterAll(removeScratchDirs);

describe('one mailbox, as people write it', () => {
  it('encodes a sender name outside ASCII (RFC 2047), and a parser decodes it back', async () => {
    const formatted = formatMailbox(SENDER);
    expect(formatted).toMatch(/^[\x20-\x7e]+$/);
    expect(formatted).toMatch(/^=\?UTF-8\?[QB]\?.*\?= <reports@example\.com>$/);
    expect(await decodedMailbox(formatted)).toEqual([
      { name: 'José Álvarez – Café Holdings', address: 'reports@example.com' },
    ]);
    // A name longer than one encoded-word holds (75 characters) is split and joined back whole.
    const long = 'Ñandú Überseehandel – Société Générale des Cafés de Bogotá ☕ 東京支店';
    const words = formatMailbox(`${long} <desk@example.com>`).split(' <')[0]!.split(' ');
    expect(words.length).toBeGreaterThan(1);
    for (const word of words) expect(word.length).toBeLessThanOrEqual(75);
    expect(await decodedMailbox(formatMailbox(`${long} <desk@example.com>`))).toEqual([
      { name: long, address: 'desk@example.com' },
    ]);
  });

  it('takes "Name <address>" in reply_to as it does in sender, and an IDN domain as punycode', () => {
    expect(formatMailbox('Ops Desk <ops@example.com>')).toBe('Ops Desk <ops@example.com>');
    expect(checkMailbox('priya@bücher.example')).toEqual({
      ok: true,
      mailbox: { address: 'priya@bücher.example', asciiAddress: 'priya@xn--bcher-kva.example' },
    });
    expect(formatMailbox('priya@bücher.example')).toBe('priya@xn--bcher-kva.example');
  });

  it('keeps a quoted name with a comma quoted, and punycodes a named IDN address', async () => {
    expect(formatMailbox('"Doe, Jane" <jane@example.com>')).toBe('"Doe, Jane" <jane@example.com>');
    expect(await decodedMailbox(formatMailbox('"Doe, Jane" <jane@example.com>'))).toEqual([
      { name: 'Doe, Jane', address: 'jane@example.com' },
    ]);
    expect(formatMailbox('Morgan Reyes <morgan@münchen.example>')).toBe(
      'Morgan Reyes <morgan@xn--mnchen-3ya.example>',
    );
    // Other forms RFC 5322 allows and people type: a comment in the name, the old "(Name)" form.
    expect(formatMailbox('Ops Desk (EU) <ops@example.com>')).toBe(
      '"Ops Desk (EU)" <ops@example.com>',
    );
    expect(formatMailbox('jane@example.com (Jane Doe)')).toBe('Jane Doe <jane@example.com>');
    expect(formatMailbox('山田太郎 <taro@例え.jp>')).toBe(
      '=?UTF-8?B?5bGx55Sw5aSq6YOO?= <taro@xn--r8jz45g.jp>',
    );
  });

  it('refuses only what SES would refuse, and says why', () => {
    const reasons: Record<string, string> = {
      'jane@': 'it has no domain after the @',
      'jane@example': 'the domain "example" has no dot: write the whole domain, as in example.com',
      'Jane\nDoe <jane@example.com>': 'it contains a line break (a header is one line)',
      'Doe, Jane <jane@example.com>':
        'a display name with a comma must be in double quotes, as in "Doe, Jane" <jane@example.com>',
      'josé@example.com':
        'the part before the @ ("josé") has the non-ASCII character "é": SES accepts only ASCII there (no SMTPUTF8)',
      'a@example.com, b@example.com':
        'it holds more than one address (a , or ;): list each address on its own',
      'Jane Doe jane@example.com':
        'a name before the address needs the address in < >, as in Jane Doe <jane@example.com>',
      'jane@exa_mple.com':
        'the domain "exa_mple.com" has the part "exa_mple": a domain name has only letters, digits and inner hyphens',
      'Ops <ops@[192.0.2.1]>': 'the domain [192.0.2.1] is an IP address: SES needs a domain name',
      'Jane <jane@example.com': 'a < has no matching > (or a > no <)',
      'jane\u0007@example.com': 'it contains the control character U+0007',
    };
    for (const [text, reason] of Object.entries(reasons))
      expect(checkMailbox(text), JSON.stringify(text)).toEqual({ ok: false, reason });
  });
});

describe('validate on the edited example portfolio', () => {
  it('accepts the issue’s sender, reply_to and IDN recipient, and a named IDN cc and a quoted bcc', async () => {
    expect((await validateEdited(...GIVEN)).problems).toEqual([]);
    expect((await validateEdited(...GIVEN, ...SECOND)).problems).toEqual([]);
  });

  it('names the file, line and column and the reason for a refused address (no domain)', async () => {
    const { portfolio, problems } = await validateEdited({
      file: 'reports/cfo.yml',
      find: '    - priya.natarajan@example.com',
      replace: '    - priya.natarajan@',
    });
    expect(problems).toEqual([
      {
        file: 'reports/cfo.yml',
        ...portfolio.positionOf('reports/cfo.yml', 'priya.natarajan@'),
        field: 'recipients.to.0',
        message:
          'recipients.to.0: "priya.natarajan@" is not an email address: it has no domain after the @',
      },
    ]);
  });

  it('refuses a reply_to with an unquoted comma in the name, and a sender name with a line break', async () => {
    const { portfolio, problems } = await validateEdited(
      {
        file: 'portfolio.yml',
        find: 'reply_to: ops@example.com',
        replace: 'reply_to: Desk, Ops <ops@example.com>',
      },
      {
        file: 'portfolio.yml',
        find: 'sender: Boardroom Reports <reports@example.com>',
        replace: 'sender: "Boardroom\\nReports <reports@example.com>"',
      },
    );
    expect(problems).toEqual([
      {
        file: 'portfolio.yml',
        ...portfolio.positionAfter('portfolio.yml', 'sender: '),
        field: 'sender',
        message: 'sender: must not contain a line break (CR or LF)',
      },
      {
        file: 'portfolio.yml',
        ...portfolio.positionAfter('portfolio.yml', 'reply_to: '),
        field: 'reply_to',
        message:
          'reply_to: "Desk, Ops <ops@example.com>" is not an email address: a display name with a comma must be in double quotes, as in "Desk, Ops" <ops@example.com>',
      },
    ]);
  });
});

describe('sending those addresses', () => {
  let ses: LocalSes;
  beforeAll(async () => {
    useFakeAwsCredentials();
    process.env.AWS_SES_ACCOUNT = sesAccountJson({
      MaxSendRate: 50,
      Max24HourSend: 10_000,
      SentLast24Hours: 0,
    });
    ses = await startLocalSes();
  });
  afterAll(async () => {
    await ses.close();
    delete process.env.AWS_SES_ACCOUNT;
  });
  beforeEach(() => ses.clear());

  async function sendThroughSes(config: string) {
    const out = path.join(tempDir(), 'out');
    const log = memoryLogger();
    const code = await main(
      [
        'run',
        '--config',
        config,
        '--out',
        out,
        '--as-of',
        '2026-11-24',
        '--transport',
        'ses',
        '--ses-endpoint',
        ses.url,
        '--aws-region',
        'us-west-2',
        '--state-file',
        path.join(tempDir(), 'ledger.jsonl'),
        '--tasks',
        'none',
      ],
      {},
      log,
    );
    return { code, log: log.lines, out };
  }

  it('gives SES ASCII mailboxes: the encoded sender, the named reply-to, punycode domains, the quoted bcc', async () => {
    const { code, out } = await sendThroughSes(editedPortfolio(...GIVEN, ...SECOND).dir);
    expect(code).toBe(0);
    const emails = await ses.emails();
    expect(emails).toHaveLength(8);
    const cfo = emails.find((e) => e.subject.startsWith('CFO weekly'))!;
    expect(await decodedMailbox(cfo.from)).toEqual([
      { name: 'José Álvarez – Café Holdings', address: 'reports@example.com' },
    ]);
    expect(cfo.replyTo).toEqual(['Ops Desk <ops@example.com>']);
    expect(cfo.destination).toEqual({
      to: ['priya@xn--bcher-kva.example'],
      cc: ['Morgan Reyes <morgan@xn--mnchen-3ya.example>'],
      bcc: ['"Doe, Jane" <jane@example.com>', 'archive@example.org'],
    });
    // The summary shows the addresses as the portfolio wrote them.
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as RunSummary;
    expect(summary.reports.find((r) => r.id === 'cfo')!.recipients).toEqual({
      to: ['priya@bücher.example'],
      cc: ['Morgan Reyes <morgan@münchen.example>'],
      bcc: ['"Doe, Jane" <jane@example.com>', 'archive@example.org'],
    });
  }, 120_000);

  it('writes the same mailboxes into the outbox .eml, where a MIME parser reads them back', async () => {
    const run = await runOutbox(editedPortfolio(...GIVEN, ...SECOND).dir);
    const raw = run.emls.get('cfo.eml')!;
    const mail = await parseEml(raw);
    expect(mailboxes(mail.from)).toEqual([
      { name: 'José Álvarez – Café Holdings', address: 'reports@example.com' },
    ]);
    expect(mailboxes(mail.replyTo)).toEqual([{ name: 'Ops Desk', address: 'ops@example.com' }]);
    // The header holds punycode; mailparser gives the domain back as the portfolio wrote it.
    expect(mailboxes(mail.to)).toEqual([{ name: '', address: 'priya@bücher.example' }]);
    expect(mailboxes(mail.cc)).toEqual([
      { name: 'Morgan Reyes', address: 'morgan@münchen.example' },
    ]);
    expect(raw.toString('latin1')).toMatch(/^To: priya@xn--bcher-kva\.example\r$/m);
    expect(raw.toString('latin1')).toMatch(
      /^Cc: Morgan Reyes <morgan@xn--mnchen-3ya\.example>\r$/m,
    );
    expect(raw.toString('latin1')).not.toContain('jane@example.com');
    expect(mail.headers.has('bcc')).toBe(false);
  }, 120_000);

  it('exits 2 and sends nothing when one address is refused', async () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { dir } = editedPortfolio(...GIVEN, {
      file: 'reports/ceo.yml',
      find: '    - morgan.reyes@example.com',
      replace: '    - morgán@example.com',
    });
    const { code } = await sendThroughSes(dir);
    expect(code).toBe(2);
    const lines = printed.mock.calls.map((call) => String(call[0]));
    printed.mockRestore();
    // The problem, then the count naming the folder.
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(`1 problem found in ${dir}; nothing was sent`);
    expect(lines[0]).toMatch(/reports-config\/reports\/ceo\.yml:5:7: /);
    expect(lines[0]!.slice(lines[0]!.indexOf(':5:7: ') + 6)).toBe(
      'recipients.to.0: "morgán@example.com" is not an email address: the part before the @ ("morgán") has the non-ASCII character "á": SES accepts only ASCII there (no SMTPUTF8)',
    );
    expect(await ses.emails()).toHaveLength(0);
  }, 120_000);
});
