// The finishing thread's entry (started by src/render/pool.ts through tinypool): it turns each
// report's Markdown into the email's HTML and text, checks the message's size and writes the
// report's files (finishReportFiles), while the main thread analyses and renders the next
// reports. It loads no portfolio: each job carries what its report needs.
import Tinypool from 'tinypool';
import type { MessageSize } from '../delivery/size.js';
import { finishReportFiles, type FinishJob } from './finish.js';
import { loadSanitizerFor } from './markdown.js';

/** What the pool gives the thread once (tinypool's workerData). */
export interface FinishingData {
  /** The portfolio's template sources: sanitize-html is loaded if one may write raw HTML. */
  readonly templates: readonly { readonly source: string }[];
}

/** A finished report's message size, or the message of why it could not be finished. */
export type FinishOutcome = { readonly size: MessageSize } | { readonly error: string };

let ready: Promise<void> | undefined;

/**
 * Finishes one report (finishReportFiles). A report that fails (a message over the budget, a
 * file that cannot be written) is an outcome, not an exception, as in the main thread.
 */
export default async function finishReport(job: FinishJob): Promise<FinishOutcome> {
  // As validatePortfolio does in the main thread, before the first report: the bundle has no
  // node_modules to load sanitize-html from later.
  ready ??= loadSanitizerFor((Tinypool.workerData as FinishingData).templates);
  await ready;
  try {
    return { size: finishReportFiles(job) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
