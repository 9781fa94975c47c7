import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutboxTransport } from '../../src/delivery/outbox.js';
import { buildSendPlan } from '../../src/delivery/plan.js';
import { tempDir } from '../helpers.js';

describe('the outbox transport', () => {
  it('writes real MIME: multipart/alternative, text first, Bcc kept out of the headers', async () => {
    const folder = tempDir();
    const [message] = buildSendPlan(
      [
        {
          id: 'cfo',
          persona: 'cfo',
          period: '2026-W48',
          subject: 'Burn — and runway',
          text: 'Plain body',
          html: '<p>HTML body</p>',
          format: 'html',
          recipients: {
            to: ['cfo@example.com'],
            cc: ['ceo@example.com'],
            bcc: ['secret-reader@example.com'],
          },
        },
      ],
      {
        from: 'Reports <reports@example.com>',
        replyTo: 'ops@example.com',
        defaultBcc: ['archive@example.org'],
      },
    );
    const id = await new OutboxTransport(folder, () => new Date('2026-11-24T08:00:00Z')).send(
      message!,
    );

    expect(readdirSync(folder)).toEqual(['cfo.eml']);
    const eml = readFileSync(path.join(folder, 'cfo.eml'), 'utf8');
    const [headers, body] = [
      eml.slice(0, eml.indexOf('\r\n\r\n')),
      eml.slice(eml.indexOf('\r\n\r\n')),
    ];
    expect(headers).toMatch(/^From: Reports <reports@example\.com>$/m);
    expect(headers).toMatch(/^To: cfo@example\.com$/m);
    expect(headers).toMatch(/^Cc: ceo@example\.com$/m);
    expect(headers).toMatch(/^Reply-To: ops@example\.com$/m);
    expect(headers).toContain(`Message-ID: ${id}`);
    expect(headers).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(headers).not.toMatch(/^Bcc:/im);
    expect(eml).not.toContain('secret-reader@example.com');
    expect(eml).not.toContain('archive@example.org');
    // A non-ASCII subject is encoded, not sent raw.
    expect(headers).toMatch(/^Subject: =\?UTF-8\?/m);
    const textAt = body.indexOf('Content-Type: text/plain');
    const htmlAt = body.indexOf('Content-Type: text/html');
    expect(textAt).toBeGreaterThan(0);
    expect(htmlAt).toBeGreaterThan(textAt);
  });

  it('writes a text-only message for a plain-text report', async () => {
    const folder = tempDir();
    const [message] = buildSendPlan(
      [
        {
          id: 'ops',
          persona: 'manager',
          period: '2026-W48',
          subject: 'Ops',
          text: 'Only text',
          html: '<p>unused</p>',
          format: 'text',
          recipients: { to: ['ops@example.com'], cc: [], bcc: [] },
        },
      ],
      { from: 'reports@example.com', defaultBcc: [] },
    );
    await new OutboxTransport(folder).send(message!);
    const eml = readFileSync(path.join(folder, 'ops.eml'), 'utf8');
    expect(eml).toMatch(/^Content-Type: text\/plain/m);
    expect(eml).not.toContain('text/html');
  });
});
