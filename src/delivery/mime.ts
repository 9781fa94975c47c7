// The exact MIME of a message: multipart/alternative, text first, Bcc left out of the headers.
// The result is standard MIME (RFC 5322 / 2045): CRLF line breaks only and no line over 998
// octets, so an .eml goes as it is to sendmail, IMAP APPEND or SES SendRawEmail.
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { mimeAddress } from '../config/mailbox.js';
import type { OutgoingMessage } from './plan.js';

/** RFC 5322 2.1.1: a line is at most 998 octets before its CRLF. */
export const MAX_LINE_OCTETS = 998;

/**
 * The message as MIME bytes. Names are RFC 2047 encoded and domains punycoded (config/mailbox.ts
 * gives nodemailer each mailbox as {name, ASCII address}); long or non-ASCII body lines go
 * quoted-printable or base64.
 * @throws Error when the bytes break the CRLF or line-length rule (a bug, never a user's input).
 */
export async function composeMime(
  message: OutgoingMessage,
  messageId: string,
  date: Date,
): Promise<Buffer> {
  // `newline` is a MailComposer option its type declarations leave out.
  const options: ConstructorParameters<typeof MailComposer>[0] & { newline: 'windows' } = {
    from: mimeAddress(message.from),
    to: message.recipients.to.map(mimeAddress),
    cc: message.recipients.cc.map(mimeAddress),
    bcc: message.recipients.bcc.map(mimeAddress),
    ...(message.replyTo ? { replyTo: mimeAddress(message.replyTo) } : {}),
    subject: message.subject,
    // Bodies hold whatever breaks the templates and data had; one kind in, CRLF out.
    text: toLf(message.text),
    ...(message.html ? { html: toLf(message.html) } : {}),
    messageId,
    date,
    headers: { 'X-Boardroom-Report': message.report, 'X-Boardroom-Period': message.period },
    // nodemailer keeps a 7bit body's own line breaks unless told which to write.
    newline: 'windows',
  };
  const mime = await new MailComposer(options).compile().build();
  const problem = mimeLineProblem(mime);
  if (problem) throw new Error(`the MIME for ${message.key} is not standard: ${problem}`);
  return mime;
}

/**
 * Why `mime` is not standard MIME line by line (a bare CR or LF, a line over 998 octets), or
 * undefined when it is: line numbers are 1-based.
 */
export function mimeLineProblem(mime: Buffer): string | undefined {
  let line = 1;
  let start = 0;
  for (let i = 0; i < mime.length; i += 1) {
    const byte = mime[i];
    if (byte === 0x0d) {
      if (mime[i + 1] !== 0x0a) return `line ${line} ends in a bare CR`;
    } else if (byte === 0x0a) {
      if (mime[i - 1] !== 0x0d) return `line ${line} ends in a bare LF`;
      if (i - 1 - start > MAX_LINE_OCTETS)
        return `line ${line} is ${i - 1 - start} octets long (at most ${MAX_LINE_OCTETS})`;
      line += 1;
      start = i + 1;
    }
  }
  if (mime.length - start > MAX_LINE_OCTETS)
    return `line ${line} is ${mime.length - start} octets long (at most ${MAX_LINE_OCTETS})`;
  return undefined;
}

function toLf(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
