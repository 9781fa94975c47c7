import { describe, expect, it } from 'vitest';
import { ArgumentError, resolveMode, resolveOptions, userFacingError } from '../src/options.js';

describe('the mode', () => {
  it('is preview on every pull_request event, whatever the input asks', () => {
    for (const event of ['pull_request', 'pull_request_target']) {
      expect(resolveMode('auto', event)).toBe('preview');
      expect(resolveMode('send', event)).toBe('preview');
      expect(resolveMode('dry-run', event)).toBe('dry-run');
    }
  });

  it('is send for auto on other events, and rejects an unknown mode', () => {
    expect(resolveMode('auto', 'schedule')).toBe('send');
    expect(resolveMode('auto', 'workflow_dispatch')).toBe('send');
    expect(() => resolveMode('sned', 'schedule')).toThrow(ArgumentError);
  });
});

describe('the options', () => {
  it('pick SES when AWS settings are present, the outbox otherwise', () => {
    expect(resolveOptions({}, {}).transport).toBe('outbox');
    expect(resolveOptions({}, { AWS_REGION: 'us-west-2' }).transport).toBe('ses');
    expect(resolveOptions({ transport: 'outbox' }, { AWS_REGION: 'us-west-2' }).transport).toBe(
      'outbox',
    );
  });

  it('reject a malformed date, address or rate by name', () => {
    expect(() => resolveOptions({ 'as-of': '2026-02-30' }, {})).toThrow(
      'as-of: "2026-02-30" is not a date',
    );
    expect(() => resolveOptions({ 'test-recipient': 'nobody' }, {})).toThrow(
      'test-recipient: "nobody" is not an email address',
    );
    expect(() => resolveOptions({ 'max-send-rate': '0' }, {})).toThrow(
      'max-send-rate: "0" must be a number above 0',
    );
  });

  it('tell a user about a path they gave, not with a stack trace', () => {
    const error = Object.assign(new Error('ENOTDIR: not a directory'), {
      code: 'ENOTDIR',
      syscall: 'open',
      path: 'README.md/portfolio.yml',
    });
    expect(userFacingError(error)).toBe('cannot open README.md/portfolio.yml: ENOTDIR');
    expect(userFacingError(new TypeError('a bug'))).toBeUndefined();
  });
});
