import { describe, expect, it } from 'vitest';
import {
  buildSendPlan,
  hashRecipients,
  splitRecipients,
  type PlannedReport,
} from '../../src/delivery/plan.js';

const report = (overrides: Partial<PlannedReport> = {}): PlannedReport => ({
  id: 'cfo',
  persona: 'cfo',
  period: '2026-W48',
  subject: 'CFO weekly',
  text: 'text body',
  html: '<p>html body</p>',
  format: 'html',
  recipients: { to: ['cfo@example.com'], cc: ['ceo@example.com'], bcc: [] },
  ...overrides,
});
const settings = { from: 'Reports <reports@example.com>', defaultBcc: ['archive@example.org'] };

describe('the send plan', () => {
  it('sends each report to its recipients with the default Bcc added', () => {
    const [message, ...rest] = buildSendPlan([report()], settings);
    expect(rest).toHaveLength(0);
    expect(message!.recipients).toEqual({
      to: ['cfo@example.com'],
      cc: ['ceo@example.com'],
      bcc: ['archive@example.org'],
    });
    expect(message!.key).toBe('cfo');
    expect(message!.body).toEqual({ text: 'text body', html: '<p>html body</p>' });
  });

  it('does not Bcc an address that is already a visible recipient', () => {
    const [message] = buildSendPlan(
      [report({ recipients: { to: ['Archive@example.org'], cc: [], bcc: [] } })],
      settings,
    );
    expect(message!.recipients.bcc).toEqual([]);
  });

  it('redirects everything to the test recipient and says so in the subject', () => {
    const [message] = buildSendPlan([report()], {
      ...settings,
      testRecipient: 'tester@example.com',
    });
    expect(message!.recipients).toEqual({ to: ['tester@example.com'], cc: [], bcc: [] });
    expect(message!.subject).toBe('[TEST to tester@example.com] CFO weekly');
  });

  it('leaves the HTML part out of a plain-text report', () => {
    const [message] = buildSendPlan([report({ format: 'text' })], settings);
    expect(message!.body).toEqual({ text: 'text body' });
  });

  it('splits 120 recipients into messages of at most 50, keeping each role', () => {
    const bcc = Array.from({ length: 117 }, (_, i) => `reader${i}@example.com`);
    const parts = splitRecipients({
      to: ['a@example.com', 'b@example.com'],
      cc: ['c@example.com'],
      bcc,
    });
    // 2 + 1 + 117 = 120 recipients -> 50 + 50 + 20
    expect(parts.map((p) => p.to.length + p.cc.length + p.bcc.length)).toEqual([50, 50, 20]);
    expect(parts[0]!.to).toEqual(['a@example.com', 'b@example.com']);
    expect(parts[0]!.cc).toEqual(['c@example.com']);
    expect(parts[1]!.to).toEqual([]);
    expect(new Set(parts.flatMap((p) => p.bcc)).size).toBe(117);
  });

  it('names split messages by part and gives each its own recipients hash', () => {
    const bcc = Array.from({ length: 60 }, (_, i) => `reader${i}@example.com`);
    const plan = buildSendPlan(
      [report({ recipients: { to: ['cfo@example.com'], cc: [], bcc } })],
      settings,
    );
    expect(plan.map((m) => m.key)).toEqual(['cfo-1', 'cfo-2']);
    expect(plan[0]!.recipientsHash).not.toBe(plan[1]!.recipientsHash);
  });

  it('hashes recipients regardless of order and case', () => {
    expect(hashRecipients({ to: ['A@example.com', 'b@example.com'], cc: [], bcc: [] })).toBe(
      hashRecipients({ to: ['b@example.com', 'a@example.com'], cc: [], bcc: [] }),
    );
    expect(hashRecipients({ to: ['a@example.com'], cc: [], bcc: [] })).not.toBe(
      hashRecipients({ to: [], cc: ['a@example.com'], bcc: [] }),
    );
  });
});
