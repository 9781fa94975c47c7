// The second half of rendering a report: its Markdown (the Liquid step's output) as the email's
// HTML and plain text, measured against the message limits and written beside the .md and .json.
// It needs no portfolio, analysis or template engine, only what a FinishJob carries, so the same
// code runs in the main thread and on the finishing thread (finish-worker.ts), and a report is
// the same bytes whichever thread finished it.
import { writeFileSync } from 'node:fs';
import type { ReportAnalysis } from '../analysis/index.js';
import type { ChartSpec } from '../charts/spec.js';
import type { Report } from '../config/load.js';
import { checkMessageSize, type MessageSize } from '../delivery/size.js';
import { emailShell } from './html.js';
import { lexMarkdown, markdownToHtml, markdownToText } from './markdown.js';

/** What the email parts of a report are made from: the Liquid step's output and the shell's lines. */
export interface EmailSource {
  /** The rendered subject line (also the HTML's title). */
  readonly subject: string;
  /** The rendered body template: Markdown with the report's own text escaped. */
  readonly markdown: string;
  /** The line mail clients show after the subject ("2 critical, 5 warnings, 3 actions"). */
  readonly preheader: string;
  /** The HTML part's last line (portfolio, reader, as-of date). */
  readonly footer: string;
  /** The charts the report shows, by key: the plain text writes each as a table. */
  readonly charts: ReadonlyMap<string, ChartSpec>;
}

/**
 * The report's Markdown as its email's HTML part (inline styles, in the email shell) and its
 * plain-text part. Lexed once for both.
 */
export function emailParts({ subject, markdown, preheader, footer, charts }: EmailSource): {
  html: string;
  text: string;
} {
  const tokens = lexMarkdown(markdown);
  const html = emailShell({
    title: subject,
    preheader,
    body: markdownToHtml(tokens, markdown),
    footer,
  });
  return { html, text: markdownToText(tokens, charts) };
}

/**
 * A report's .json: every figure behind it (each section's table data, findings and actions,
 * exactly as the template saw them), for other tools. The one place it is written, whichever
 * thread writes it.
 */
export function reportJson(report: Report, asOf: string, analysis: ReportAnalysis): string {
  return JSON.stringify({ id: report.id, persona: report.persona, as_of: asOf, ...analysis });
}

/** One report for finishReportFiles: plain data, so it can be handed to another thread. */
export interface FinishJob extends EmailSource {
  /** The report's files without extension: `<staging folder>/<report id>`. */
  readonly base: string;
  /** Whether the message has an HTML part (`format: html`): only then is its size checked. */
  readonly htmlPart: boolean;
  /** The report's .json (every figure behind it), already serialised. */
  readonly json: string;
}

/**
 * Makes the report's HTML and text (emailParts), checks the message's size, and writes
 * `<base>.md`, `.html`, `.txt` and `.json`. Nothing is written for a message over the budget.
 * @returns the message's sizes (bytes) and its warnings (an HTML part Gmail would clip).
 * @throws MessageTooLargeError when the message is over the budget (src/delivery/size.ts).
 */
export function finishReportFiles(job: FinishJob): MessageSize {
  const { html, text } = emailParts(job);
  const size = checkMessageSize({ html: job.htmlPart ? html : null, text });
  writeFileSync(`${job.base}.md`, job.markdown);
  writeFileSync(`${job.base}.html`, html);
  writeFileSync(`${job.base}.txt`, text);
  writeFileSync(`${job.base}.json`, job.json);
  return size;
}
