import { describe, expect, it } from 'vitest';
import { mailbox } from '../../src/config/schema.js';

describe('the sender', () => {
  it('takes an address, or a plain ASCII name and an address', () => {
    expect(mailbox.safeParse('reports@example.com').success).toBe(true);
    expect(mailbox.safeParse('Boardroom Reports <reports@example.com>').success).toBe(true);
  });

  it('takes a name SES needs encoded or quoted, and refuses what is not one mailbox', () => {
    // Since issue 10 a name is encoded on sending (RFC 2047) instead of refused.
    for (const sender of [
      'Café Reports <reports@example.com>',
      'Reports (weekly) <reports@example.com>',
      '"Boardroom, Reports" <reports@example.com>',
    ]) {
      expect(mailbox.safeParse(sender).success, sender).toBe(true);
    }
    for (const sender of [
      'Boardroom, Reports <reports@example.com>',
      'Reports\n<reports@example.com>',
    ]) {
      expect(mailbox.safeParse(sender).success, sender).toBe(false);
    }
  });
});
