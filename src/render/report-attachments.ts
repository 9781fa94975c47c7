// A run's attachment step, after every report has rendered into the staging folder and before
// it replaces OUT/reports: each opted-in report's CSV tables made from its staged JSON, written
// beside it, and counted in its message size. Loaded only when a report has `attachments:`, so
// csv-stringify never loads otherwise (validate, a run without attachments).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReportAttachment } from '../delivery/attachments.js';
import { withAttachedFiles } from '../delivery/size.js';
import type { RenderedEntry } from './report-files.js';
import { CSV_CONTENT_TYPE, reportAttachmentFiles } from './csv.js';

/**
 * Writes each report's attachment files into `staging` (`<report id>-<table>.csv`, named in the
 * entry under OUT/reports, where they will be once the staged reports are in place) and counts
 * them in its message size.
 * @param currency the portfolio's currency, named in each money column's header.
 * @returns the entries with their `attachments` and sizes, and "<report id>: <message>" for each
 *   report its files take over the message budget (MessageTooLargeError).
 * @throws Error when a staged JSON cannot be read or a file cannot be written.
 */
export async function attachReportFiles(
  entries: readonly RenderedEntry[],
  { staging, out, currency }: { staging: string; out: string; currency: string },
): Promise<{ rendered: RenderedEntry[]; errors: string[] }> {
  const errors: string[] = [];
  const rendered: RenderedEntry[] = [];
  for (const entry of entries) {
    const { report } = entry;
    if (!report.attachments?.length) {
      rendered.push(entry);
      continue;
    }
    // The JSON as written is the one source: a CSV carries exactly the figures it carries.
    const json = await readFile(path.join(staging, `${report.id}.json`), 'utf8');
    const files = reportAttachmentFiles(report, json, currency);
    let size = entry.size;
    try {
      size = withAttachedFiles(
        entry.size,
        files.map((file) => ({ name: file.fileName, bytes: file.content.length })),
      );
    } catch (error) {
      errors.push(`${report.id}: ${(error as Error).message}`);
      rendered.push(entry);
      continue;
    }
    const attachments: ReportAttachment[] = [];
    for (const file of files) {
      await writeFile(path.join(staging, file.fileName), file.content);
      attachments.push({
        fileName: file.fileName,
        contentType: CSV_CONTENT_TYPE,
        file: path.join(out, 'reports', file.fileName),
      });
    }
    rendered.push({ ...entry, size, ...(attachments.length > 0 ? { attachments } : {}) });
  }
  return { rendered, errors };
}
