// A send plan of `count` one-recipient messages, for the delivery loop's pacing and concurrency
// tests (one place, so each of them sends the same messages); and one whose parts are files, as
// a run sends them.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSendPlan, type OutgoingMessage } from '../src/delivery/plan.js';

/** `count` small HTML reports (r0, r1, ...), each to one reader at example.com. */
export const smallReportsPlan = (count: number) =>
  buildSendPlan(
    Array.from({ length: count }, (_, i) => ({
      id: `r${i}`,
      persona: 'cfo',
      period: '2026-W48',
      subject: `Report ${i}`,
      text: 'text',
      html: '<p>html</p>',
      format: 'html' as const,
      recipients: { to: [`reader${i}@example.com`], cc: [], bcc: [] },
    })),
    { from: 'reports@example.com', defaultBcc: [] },
  );

/**
 * A send plan of `count` HTML reports whose parts are files in `dir`, as a run's are: report i
 * (id r<i>, subject `Subject <i>`, to reader<i>@example.com) has `text(i)` in r<i>.txt and
 * `html(i)` in r<i>.html, written here.
 */
export function reportFilesPlan(
  dir: string,
  count: number,
  parts: { text: (index: number) => string; html: (index: number) => string },
): OutgoingMessage[] {
  return buildSendPlan(
    Array.from({ length: count }, (_, i) => {
      const text = path.join(dir, `r${i}.txt`);
      const html = path.join(dir, `r${i}.html`);
      writeFileSync(text, parts.text(i));
      writeFileSync(html, parts.html(i));
      return {
        id: `r${i}`,
        persona: 'cfo',
        period: '2026-W48',
        subject: `Subject ${i}`,
        format: 'html' as const,
        files: { text, html },
        recipients: { to: [`reader${i}@example.com`], cc: [], bcc: [] },
      };
    }),
    { from: 'reports@example.com', defaultBcc: [] },
  );
}
