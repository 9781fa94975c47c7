// The ledger's promise: a record resolves only once its whole line is on disk, and no line is
// lost to the one before it. Given: a short write (the file system takes part of a batch) must
// reject the batch, not confirm lines that never reached the file; a line torn by a crash must
// not swallow the next line appended after it (second instance: a last line complete but
// without its newline, as a hand edit leaves it).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DeliveryLedger, type LedgerRecord } from '../../src/delivery/ledger.js';
import type { OutgoingMessage } from '../../src/delivery/plan.js';
import { tempDir } from '../helpers.js';

const record = (i: number): LedgerRecord =>
  ({
    report: 'cfo',
    period: '2026-W48',
    key: `cfo/2026-W48/${i}`,
    recipients: [`reader${i}@example.com`],
    recipients_hash: `h${i}`,
    message_id: `m${String(i).padStart(60, '0')}`,
    at: '2026-11-29T20:00:00.000Z',
  }) as unknown as LedgerRecord;

const messageTo = (i: number) =>
  ({
    report: 'cfo',
    period: '2026-W48',
    key: `cfo/2026-W48/${i}`,
    recipients: { to: [`reader${i}@example.com`], cc: [], bcc: [] },
  }) as unknown as OutgoingMessage;

async function known(file: string, i: number): Promise<boolean> {
  const ledger = await DeliveryLedger.open(file);
  return ledger.match(messageTo(i)).reached.size === 1;
}

describe('a torn last line does not swallow the next record', () => {
  it('a line cut short by a crash: the record appended after it is read back', async () => {
    const file = path.join(tempDir(), 'ledger.jsonl');
    writeFileSync(file, JSON.stringify(record(0)).slice(0, 60));
    const ledger = await DeliveryLedger.open(file);
    await ledger.record(record(1));
    expect(await known(file, 1)).toBe(true);
    expect(await known(file, 0)).toBe(false);
  });

  it('a complete last line without its newline: both records are read back', async () => {
    const file = path.join(tempDir(), 'ledger.jsonl');
    writeFileSync(file, JSON.stringify(record(0)));
    const ledger = await DeliveryLedger.open(file);
    await ledger.record(record(1));
    expect([await known(file, 0), await known(file, 1)]).toEqual([true, true]);
  });
});

describe('a short write rejects the records it did not write', () => {
  it('under a 4 KiB file-size limit, no record resolves whose line is not whole in the file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'ledger.jsonl');
    const script = path.join(dir, 'record.mts');
    const ledgerModule = pathToFileURL(path.resolve('src/delivery/ledger.ts')).href;
    writeFileSync(
      script,
      `import { DeliveryLedger } from ${JSON.stringify(ledgerModule)};
const record = ${record.toString()};
const ledger = await DeliveryLedger.open(${JSON.stringify(file)});
// One record alone, then 30 that arrive while it is written: one batch, over the limit.
const calls = Array.from({ length: 31 }, (_, i) => ledger.record(record(i)));
const settled = await Promise.allSettled(calls);
console.log(JSON.stringify(settled.map((s, i) => (s.status === 'fulfilled' ? i : -1)).filter((i) => i >= 0)));
`,
    );
    const run = spawnSync('bash', ['-c', `ulimit -f 4; exec node --import tsx ${script}`], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const resolved = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as number[];
    const whole = readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line) => {
        try {
          return [(JSON.parse(line) as { key: string }).key];
        } catch {
          return [];
        }
      });
    // The limit falls inside the batch: some records must have failed for the test to mean anything.
    expect(resolved.length).toBeGreaterThan(0);
    expect(resolved.length).toBeLessThan(31);
    expect(resolved.filter((i) => !whole.includes(`cfo/2026-W48/${i}`))).toEqual([]);
  });
});
