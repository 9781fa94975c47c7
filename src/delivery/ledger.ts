// The delivery ledger: one JSON line per message SES accepted, appended and flushed to disk as
// each is accepted. A re-run of the same period skips what it lists, so a crash repeats at most
// the messages that were in flight.
import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface LedgerRecord {
  readonly report: string;
  readonly period: string;
  readonly key: string;
  readonly recipients_hash: string;
  readonly message_id: string;
  readonly at: string;
}

export class DeliveryLedger {
  private constructor(
    private readonly file: string,
    private readonly sent: Map<string, LedgerRecord>,
  ) {}

  static async open(file: string): Promise<DeliveryLedger> {
    const sent = new Map<string, LedgerRecord>();
    let text = '';
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const record = JSON.parse(line) as LedgerRecord;
        sent.set(
          DeliveryLedger.keyOf(record.report, record.period, record.recipients_hash),
          record,
        );
      } catch {
        // A line cut short by a crash: that message was not recorded, so it may go again.
      }
    }
    return new DeliveryLedger(file, sent);
  }

  private static keyOf(report: string, period: string, recipientsHash: string): string {
    return `${report}\u0000${period}\u0000${recipientsHash}`;
  }

  find(report: string, period: string, recipientsHash: string): LedgerRecord | undefined {
    return this.sent.get(DeliveryLedger.keyOf(report, period, recipientsHash));
  }

  /** Appends one record and waits until it is on disk. */
  async record(record: LedgerRecord): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const handle = await open(this.file, 'a');
    try {
      await handle.write(`${JSON.stringify(record)}\n`);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    this.sent.set(
      DeliveryLedger.keyOf(record.report, record.period, record.recipients_hash),
      record,
    );
  }
}
