// The ledger at 1,000 messages a second: the lines of calls that finish together are written and
// flushed together, and each caller still hears only once its own line is on disk.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeliveryLedger, type LedgerRecord } from '../../src/delivery/ledger.js';
import { tempDir } from '../helpers.js';

const record = (i: number): LedgerRecord => ({
  report: `report-${i}`,
  period: '2026-W48',
  key: `report-${i}:cfo`,
  recipients: [`reader${i}@example.com`],
  recipients_hash: `hash-${i}`,
  message_id: `id-${i}`,
  at: '2026-11-24T09:00:00.000Z',
});

describe('the ledger under many calls at once', () => {
  it('has every line on disk when each record resolves, 300 recorded at once', async () => {
    const file = path.join(tempDir(), 'state', 'ledger.jsonl');
    const ledger = await DeliveryLedger.open(file);
    const onDiskWhenResolved: boolean[] = [];
    await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        ledger.record(record(i)).then(() => {
          onDiskWhenResolved.push(readFileSync(file, 'utf8').includes(`"id-${i}"`));
        }),
      ),
    );
    expect(onDiskWhenResolved).toHaveLength(300);
    expect(onDiskWhenResolved.every(Boolean)).toBe(true);
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    expect(lines.map((line) => (JSON.parse(line) as LedgerRecord).message_id).sort()).toEqual(
      Array.from({ length: 300 }, (_, i) => `id-${i}`).sort(),
    );
    // What it recorded, it knows at once and after a re-open.
    const message = {
      report: 'report-7',
      period: '2026-W48',
      recipients: { to: ['reader7@example.com'], cc: [], bcc: [] },
    } as unknown as Parameters<DeliveryLedger['match']>[0];
    expect([...ledger.match(message).reached]).toEqual(['reader7@example.com']);
    const reopened = await DeliveryLedger.open(file);
    expect(reopened.match(message).earlier[0]!.message_id).toBe('id-7');
  });

  it('rejects every record of a write that fails, and remembers none of them', async () => {
    // Once open, the ledger's folder turns out to be a file: no write can happen.
    const blocker = path.join(tempDir(), 'state');
    const ledger = await DeliveryLedger.open(path.join(blocker, 'ledger.jsonl'));
    writeFileSync(blocker, 'not a folder');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => ledger.record(record(i))),
    );
    expect(outcomes.map((o) => o.status)).toEqual(Array(20).fill('rejected'));
    const message = {
      report: 'report-3',
      period: '2026-W48',
      recipients: { to: ['reader3@example.com'], cc: [], bcc: [] },
    } as unknown as Parameters<DeliveryLedger['match']>[0];
    expect(ledger.match(message).reached.size).toBe(0);
  });
});
