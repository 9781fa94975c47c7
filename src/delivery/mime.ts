// The exact MIME of a message: multipart/alternative, text first, Bcc left out of the headers.
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { OutgoingMessage } from './plan.js';

export async function composeMime(
  message: OutgoingMessage,
  messageId: string,
  date: Date,
): Promise<Buffer> {
  const composer = new MailComposer({
    from: message.from,
    to: [...message.recipients.to],
    cc: [...message.recipients.cc],
    bcc: [...message.recipients.bcc],
    ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    subject: message.subject,
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
    messageId,
    date,
    headers: { 'X-Boardroom-Report': message.report, 'X-Boardroom-Period': message.period },
  });
  return composer.compile().build();
}
