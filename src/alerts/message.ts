// The alert email: a short plain-text and HTML message for one condition that became true.
import { createHash } from 'node:crypto';
import { escapeHtml } from '../render/html.js';
import type { AlertCondition } from './evaluate.js';

export interface AlertMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** "[alert] " + the condition's headline: the subject every alert message has. */
const ALERT_SUBJECT_PREFIX = '[alert] ';

/**
 * The message for a condition: the subject is its headline, the body its figures and why the
 * reader gets it. Values are escaped once for HTML and left as they are in the text part.
 */
export function alertMessage(condition: AlertCondition, portfolio: string): AlertMessage {
  // A value from a table may hold a line break; a subject is one header line.
  const subject = `${ALERT_SUBJECT_PREFIX}${condition.headline.replace(/\s*[\r\n]+\s*/g, ' ')}`;
  const why = `Alert "${condition.alert}" (${condition.when}) of ${portfolio}. It is sent once when its condition becomes true, and again only after it has cleared and recurred.`;
  const width = Math.max(...condition.facts.map(([label]) => label.length));
  const text = [
    condition.headline,
    '',
    ...condition.facts.map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${value}`),
    '',
    why,
    '',
  ].join('\n');
  const rows = condition.facts
    .map(
      ([label, value]) =>
        `<tr><th align="left" style="padding:2px 12px 2px 0;font-weight:600;">${escapeHtml(label)}</th><td style="padding:2px 0;">${escapeHtml(value)}</td></tr>`,
    )
    .join('\n');
  const html = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:14px;color:#1f2933;">
<p style="font-size:16px;font-weight:600;color:#b42318;">${escapeHtml(condition.headline)}</p>
<table role="presentation" cellpadding="0" cellspacing="0">
${rows}
</table>
<p style="font-size:12px;color:#6b7280;">${escapeHtml(why)}</p>
</body>
</html>
`;
  return { subject, text, html };
}

/**
 * The message key for a condition's key (`runway-floor/quickdumpnow`): a file name the outbox
 * can use (`alert-runway-floor-quickdumpnow-1a2b3c4d`), distinct for distinct keys.
 */
export function alertMessageKey(key: string): string {
  const slug = key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 8);
  return `alert-${slug}-${hash}`;
}
