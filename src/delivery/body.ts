// A message's text and HTML parts, read when the message is composed (SES SendEmail or the
// outbox's MIME): a report's parts come from its files in OUT/reports and are dropped once the
// message is sent, so a send holds one body per call in flight, not every report's.
import { readFile } from 'node:fs/promises';
import { emailChartHtml } from '../render/chart-markup.js';
import type { OutgoingMessage } from './plan.js';

/** The parts as a mail client gets them: the HTML's charts point at their inline parts (cid:). */
export interface ComposedBody {
  readonly text: string;
  /** Absent for a plain-text-only message. */
  readonly html?: string;
}

/**
 * The message's parts: as held, or read from its report's files (UTF-8, as the render stage
 * wrote them). Either way the HTML's `charts/<key>.png` images become `cid:<key>@boardroom`.
 * @throws Error (ENOENT) when a report's file is missing: the run wrote it before sending.
 */
export async function composedBody(message: OutgoingMessage): Promise<ComposedBody> {
  const { body } = message;
  const [text, html] =
    'files' in body
      ? await Promise.all([
          readFile(body.files.text, 'utf8'),
          body.files.html === undefined ? undefined : readFile(body.files.html, 'utf8'),
        ])
      : [body.text, body.html];
  return { text, ...(html === undefined ? {} : { html: emailChartHtml(html) }) };
}
