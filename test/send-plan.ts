// A send plan of `count` one-recipient messages, for the delivery loop's pacing and concurrency
// tests (one place, so each of them sends the same messages).
import { buildSendPlan } from '../src/delivery/plan.js';

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
