// The delivery ledger: one JSON line per message SES accepted, appended and flushed to disk as
// each is accepted. A re-run of the same period skips every reader it lists for that report and
// period, so a crash repeats at most the messages that were in flight, and a reader added
// mid-period gets the report alone, without the others getting it again.
import { constants as fsConstants } from 'node:fs';
import { mkdir, open, readFile, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { hashAddressKeys, recipientKeys, type OutgoingMessage, type Recipients } from './plan.js';

const { O_APPEND, O_CREAT, O_RDWR, O_DSYNC } = fsConstants as typeof fsConstants & {
  O_DSYNC?: number;
};
/**
 * How the ledger is opened: appending, readable (to see whether a crash left its last line cut
 * short), and where the system has it (Linux, macOS) O_DSYNC: each write returns once its data
 * is on disk, one call where a write and a datasync were two.
 */
const APPEND_DURABLY = O_DSYNC === undefined ? 'a+' : O_APPEND | O_CREAT | O_RDWR | O_DSYNC;
/** The ledger file is closed once no record came for this long (ms). */
const IDLE_CLOSE_MS = 1_000;

export interface LedgerRecord {
  readonly report: string;
  readonly period: string;
  readonly key: string;
  /**
   * Who the message reached: each recipient's address key (lower-case ASCII, no display name).
   * Absent in lines written before per-recipient records; those are matched by the hash.
   */
  readonly recipients?: readonly string[];
  /** A message to the test recipient: it stands for test sends only, never for the real one. */
  readonly test?: true;
  readonly recipients_hash: string;
  readonly message_id: string;
  readonly at: string;
}

/** What the ledger says of one planned message. */
export interface LedgerMatch {
  /** The addresses (address keys) that already have this report for this period. */
  readonly reached: ReadonlySet<string>;
  /** The records that say so, oldest first. */
  readonly earlier: readonly LedgerRecord[];
  /**
   * Set when a line in the earlier format names this message with recipients it cannot be matched
   * to (a test-recipient run, a reader removed and another added): such a line then reaches
   * nobody, as the version that wrote it read it, and this says so.
   */
  readonly unclear?: string;
}

export class DeliveryLedger {
  /** `report\0period\0address` -> the record of the message that reached that address. */
  private readonly byRecipient = new Map<string, LedgerRecord>();
  /** `report\0period` -> earlier-format records (one hash for all recipients). */
  private readonly byHash = new Map<string, LedgerRecord[]>();

  private constructor(private readonly file: string) {}

  /**
   * Reads the ledger at `file` (missing: empty). Reads both line formats: per-recipient lines and
   * the earlier lines keyed by `recipients_hash` alone.
   * @throws the file system's error for anything but a missing file.
   */
  static async open(file: string): Promise<DeliveryLedger> {
    const ledger = new DeliveryLedger(file);
    let text = '';
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        ledger.remember(JSON.parse(line) as LedgerRecord);
      } catch {
        // A line cut short by a crash: that message was not recorded, so it may go again.
      }
    }
    return ledger;
  }

  /**
   * Which recipients of `message` already had this report for this period. Per-recipient lines
   * answer exactly; an earlier-format line answers when its hash is this message's recipients
   * with at most two readers fewer (the readers added since).
   */
  match(message: OutgoingMessage): LedgerMatch {
    const reached = new Set<string>();
    const earlier = new Set<LedgerRecord>();
    const keys = recipientKeys(message.recipients);
    for (const address of keys) {
      const record = this.byRecipient.get(
        recipientKey(message.report, message.period, address, message.isTest === true),
      );
      if (record) {
        reached.add(address);
        earlier.add(record);
      }
    }

    const legacy = this.byHash.get(periodKey(message.report, message.period)) ?? [];
    let unclear: string | undefined;
    for (const record of legacy) {
      const covered = coveredByHash(message.recipients, record.recipients_hash);
      if (covered) {
        for (const address of covered) reached.add(address);
        earlier.add(record);
      } else if (record.key === message.key) {
        // Recipients changed beyond recognition: do what the version that wrote the line did.
        unclear = `${message.key}: the ledger's earlier-format line (${record.message_id}) is for other recipients than these; sending to all of them, as the version that wrote it would`;
      }
    }
    const ordered = [...earlier].sort((a, b) => a.at.localeCompare(b.at));
    return { reached, earlier: ordered, ...(unclear ? { unclear } : {}) };
  }

  /**
   * Appends one record and waits until it is on disk. Records that arrive while a write is on
   * its way go out together in the next one (one durable write for all of them, not one each:
   * at 1,000 messages a second the flushes were most of the sender's file work), through the
   * file kept open while records keep coming; each caller still resolves only once its own line
   * is on disk, or rejects with that write's error.
   */
  record(record: LedgerRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ record, resolve, reject });
      if (!this.writing) void this.writeWaiting();
    });
  }

  /** Records not yet written, with their callers. */
  private waiting: {
    record: LedgerRecord;
    resolve: () => void;
    reject: (error: unknown) => void;
  }[] = [];
  private writing = false;
  /** False once this process has written the file's last line whole. */
  private mayEndMidLine = true;
  /** The ledger, open for appending while records keep coming (closed after IDLE_CLOSE_MS). */
  private handle: FileHandle | undefined;
  private idleClose: ReturnType<typeof setTimeout> | undefined;

  private async writeWaiting(): Promise<void> {
    this.writing = true;
    clearTimeout(this.idleClose);
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        // The file kept open may no longer be the ledger: its folder deleted, the file replaced
        // (a cache restored over it). Lines written to it then would be lost to the next run.
        if (this.handle && !(await isFileAt(this.handle, this.file))) await this.closeFile();
        if (!this.handle) {
          await mkdir(path.dirname(this.file), { recursive: true });
          this.handle = await open(this.file, APPEND_DURABLY);
          // A file opened afresh may be another one than this process last wrote whole.
          this.mayEndMidLine = true;
        }
        const lines = batch.map((w) => `${JSON.stringify(w.record)}\n`).join('');
        // writeFile, not write: one write call may write only part of the text, and every
        // caller of this batch resolves as recorded once it returns.
        // Only the file as found, or after a failed write, can end mid-line.
        const torn = this.mayEndMidLine && (await endsMidLine(this.handle));
        await this.handle.writeFile(torn ? `\n${lines}` : lines);
        // With O_DSYNC each write is on disk when it returns; without it, flush.
        if (O_DSYNC === undefined) await this.handle.datasync();
        this.mayEndMidLine = false;
      } catch (error) {
        this.mayEndMidLine = true;
        // The next batch opens the file afresh (it, or its folder, may have been replaced).
        await this.closeFile();
        for (const w of batch) w.reject(error);
        continue;
      }
      for (const w of batch) {
        this.remember(w.record);
        w.resolve();
      }
    }
    this.writing = false;
    // Kept open for the next records; closed once none came for a while. Unref'd: a process
    // that is done exits without waiting for it (every line it wrote is on disk already).
    this.idleClose = setTimeout(() => {
      if (!this.writing) void this.closeFile();
    }, IDLE_CLOSE_MS);
    this.idleClose.unref();
  }

  /** Closes the file if open. Every line written is on disk already: a failed close loses none. */
  private async closeFile(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close().catch(() => undefined);
  }

  private remember(record: LedgerRecord): void {
    if (Array.isArray(record.recipients)) {
      for (const address of record.recipients)
        this.byRecipient.set(
          recipientKey(record.report, record.period, address, record.test === true),
          record,
        );
      return;
    }
    const key = periodKey(record.report, record.period);
    this.byHash.set(key, [...(this.byHash.get(key) ?? []), record]);
  }
}

/**
 * Whether the ledger's last line was cut short (a crash or a failed write in the middle of it):
 * the next line must then start on a line of its own, or the torn line would swallow it and
 * that message would count as not sent on the next run.
 */
async function endsMidLine(handle: FileHandle): Promise<boolean> {
  const { size } = await handle.stat();
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  return last[0] !== 0x0a;
}

function periodKey(report: string, period: string): string {
  return `${report}\u0000${period}`;
}

function recipientKey(report: string, period: string, address: string, test: boolean): string {
  return `${report}\u0000${period}\u0000${address}${test ? '\u0000test' : ''}`;
}

/**
 * The address keys an earlier-format hash stands for, when it is `recipients` less at most two
 * of them (n² hashes, at most 1,276 for 50 recipients); undefined when it is not.
 */
function coveredByHash(recipients: Recipients, hash: string): string[] | undefined {
  const roles = (['to', 'cc', 'bcc'] as const).flatMap((role) => recipients[role].map(() => role));
  const keys = recipientKeys(recipients);
  const hashWithout = (skip: readonly number[]): string => {
    const of = (role: string) => keys.filter((_, i) => roles[i] === role && !skip.includes(i));
    return hashAddressKeys({ to: of('to'), cc: of('cc'), bcc: of('bcc') });
  };
  const tries: number[][] = [[]];
  for (let i = 0; i < keys.length; i += 1) {
    tries.push([i]);
    for (let j = i + 1; j < keys.length; j += 1) tries.push([i, j]);
  }
  for (const skip of tries) {
    if (skip.length < keys.length && hashWithout(skip) === hash)
      return keys.filter((_, i) => !skip.includes(i));
  }
  return undefined;
}

/**
 * Whether `handle` is still the file at `file` (the same inode on the same device): false once
 * the file or its folder has been deleted, renamed or replaced since it was opened.
 */
async function isFileAt(handle: FileHandle, file: string): Promise<boolean> {
  try {
    const [opened, atPath] = await Promise.all([handle.stat(), stat(file)]);
    return opened.ino === atPath.ino && opened.dev === atPath.dev;
  } catch {
    return false;
  }
}
