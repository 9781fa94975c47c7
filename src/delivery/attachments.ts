// A message's attached files (a report's CSV tables), read from OUT/reports when the message is
// sent (not held in memory for the whole run): the same parts for SES and the outbox .eml.
import { readFile } from 'node:fs/promises';
import type { OutgoingMessage } from './plan.js';

/** A file a report attaches: its name in the message, its MIME type and where it was written. */
export interface ReportAttachment {
  /** `<report>-<table>.csv`: letters, digits, `_`, `.` and `-` only (src/render/csv.ts). */
  readonly fileName: string;
  /** `text/csv; charset=utf-8` for a CSV table. */
  readonly contentType: string;
  /** Its path under OUT/reports, written when the report rendered. */
  readonly file: string;
}

/** One attachment part: `Content-Disposition: attachment` with its file name. */
export interface AttachedFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly content: Buffer;
}

/**
 * The message's attached files, in the order its plan lists them; none when it has none.
 * @throws Error (ENOENT) when a file is missing: the run wrote it before sending.
 */
export async function attachedFilesOf(message: OutgoingMessage): Promise<AttachedFile[]> {
  if (!message.attachments) return [];
  return Promise.all(
    message.attachments.map(async ({ fileName, contentType, file }) => ({
      fileName,
      contentType,
      content: await readFile(file),
    })),
  );
}
