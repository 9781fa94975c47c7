// In a send, message bodies are read back from OUT/reports when each message is composed, not
// held in memory from the render to the end of the delivery: the plan holds the files' paths.
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composedBody } from '../../src/delivery/body.js';
import { OutboxTransport } from '../../src/delivery/outbox.js';
import { buildSendPlan, type OutgoingMessage } from '../../src/delivery/plan.js';
import { memoryLogger } from '../../src/logger.js';
import { resolveOptions } from '../../src/options.js';
import { runPipeline } from '../../src/pipeline.js';
import { copyExampleConfig, tempDir } from '../helpers.js';

/** A send of `config` to the outbox, keeping every message the delivery stage was handed. */
async function sendToOutbox(config: string) {
  const out = path.join(tempDir(), 'out');
  const options = resolveOptions(
    { config, mode: 'send', transport: 'outbox', tasks: 'none', 'as-of': '2026-11-24', out },
    {},
  );
  const handed: OutgoingMessage[] = [];
  const result = await runPipeline(options, memoryLogger(), {
    createTransport: async () => {
      const outbox = new OutboxTransport(path.join(out, 'outbox'));
      return {
        name: 'outbox',
        send: (message) => {
          handed.push(message);
          return outbox.send(message);
        },
      };
    },
  });
  return { result, out, handed };
}

describe('a send reads each body from OUT/reports', () => {
  it('plans every report with its .txt and .html paths, no bodies, and sends what the files hold', async () => {
    const { result, out, handed } = await sendToOutbox(copyExampleConfig());
    expect(result.exitCode).toBe(0);
    expect(handed).toHaveLength(8);
    for (const message of handed) {
      const reports = path.join(out, 'reports');
      expect(message.body, message.key).toEqual({
        files: {
          text: path.join(reports, `${message.report}.txt`),
          html: path.join(reports, `${message.report}.html`),
        },
      });
      // The .eml carries the file's text, byte for byte but for CRLF line ends.
      const mail = await simpleParser(readFileSync(path.join(out, 'outbox', `${message.key}.eml`)));
      const text = readFileSync(path.join(reports, `${message.report}.txt`), 'utf8');
      expect(mail.text!.replace(/\r\n/g, '\n').trimEnd(), message.key).toBe(
        text.replace(/\r\n?/g, '\n').trimEnd(),
      );
    }
  }, 120_000);

  it('plans a plain-text report with its .txt alone: no HTML part is read or sent', async () => {
    const config = copyExampleConfig();
    appendFileSync(path.join(config, 'reports', 'cto.yml'), '\nformat: text\n');
    const { result, out, handed } = await sendToOutbox(config);
    expect(result.exitCode).toBe(0);
    const cto = handed.find((m) => m.report === 'cto')!;
    expect(cto.body).toEqual({ files: { text: path.join(out, 'reports', 'cto.txt') } });
    const mail = await simpleParser(readFileSync(path.join(out, 'outbox', 'cto.eml')));
    expect(mail.html).toBe(false);
    const text = readFileSync(path.join(out, 'reports', 'cto.txt'), 'utf8');
    expect(text).toContain('Chief Technology Officer');
    expect(mail.text!.replace(/\r\n/g, '\n').trimEnd()).toBe(
      text.replace(/\r\n?/g, '\n').trimEnd(),
    );
  }, 120_000);
});

describe('composedBody', () => {
  const report = {
    id: 'cfo',
    persona: 'cfo',
    period: '2026-W48',
    subject: 'CFO weekly',
    format: 'html' as const,
    recipients: { to: ['cfo@example.com'], cc: [], bcc: [] },
  };
  const settings = { from: 'reports@example.com', defaultBcc: [] };

  it('reads the files when asked, each time: an edit after planning is what goes out', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const files = { text: path.join(dir, 'cfo.txt'), html: path.join(dir, 'cfo.html') };
    writeFileSync(files.text, 'first text');
    writeFileSync(files.html, '<p>first</p><img src="charts/0123456789abcdef.png" alt="burn">');
    const [message] = buildSendPlan([{ ...report, files }], settings);
    writeFileSync(files.text, 'second text');
    const body = await composedBody(message!);
    expect(body.text).toBe('second text');
    // The gallery's chart file becomes the inline part's cid: in the email.
    expect(body.html).not.toContain('src="charts/');
    expect(body.html).toMatch(/src="cid:0123456789abcdef/);
  });

  it('gives a held body as it is (an alert), with the same chart rewrite', async () => {
    const [message] = buildSendPlan(
      [{ ...report, text: 'held text', html: '<img src="charts/0123456789abcdef.png" alt="x">' }],
      settings,
    );
    const body = await composedBody(message!);
    expect(body.text).toBe('held text');
    expect(body.html).toMatch(/src="cid:0123456789abcdef/);
  });
});
