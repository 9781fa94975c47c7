import { describe, expect, it } from 'vitest';
import { mailbox } from '../../src/config/schema.js';

describe('the sender', () => {
  it('takes an address, or a plain ASCII name and an address', () => {
    expect(mailbox.safeParse('reports@example.com').success).toBe(true);
    expect(mailbox.safeParse('Boardroom Reports <reports@example.com>').success).toBe(true);
  });

  it('rejects a name SES would need encoded or quoted', () => {
    for (const sender of [
      'Boardroom, Reports <reports@example.com>',
      'Café Reports <reports@example.com>',
      'Reports (weekly) <reports@example.com>',
      'Reports\n<reports@example.com>',
    ]) {
      expect(mailbox.safeParse(sender).success, sender).toBe(false);
    }
  });
});
