// The exact MIME of a message: multipart/alternative, text first (the HTML multipart/related with
// its charts' inline PNGs), inside multipart/mixed when files are attached (a report's CSV
// tables); Bcc left out of the headers.
// The result is standard MIME (RFC 5322 / 2045): CRLF line breaks only and no line over 998
// octets, so an .eml goes as it is to sendmail, IMAP APPEND or SES SendRawEmail.
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import mimeFuncs from 'nodemailer/lib/mime-funcs/index.js';
import { mimeAddress } from '../config/mailbox.js';
import { attachedFilesOf } from './attachments.js';
import { composedBody } from './body.js';
import { inlineImagesOf } from './inline-images.js';
import type { OutgoingMessage } from './plan.js';

/** RFC 5322 2.1.1: a line is at most 998 octets before its CRLF. */
export const MAX_LINE_OCTETS = 998;

/** RFC 2047 2: an encoded-word is at most 75 characters; a longer word cannot be folded either. */
const LONGEST_WORD = 75;

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
  // Charts go as inline parts: nodemailer makes the HTML multipart/related with them; attached
  // files make the whole multipart/mixed.
  const [parts, images, files] = await Promise.all([
    composedBody(message),
    inlineImagesOf(message),
    attachedFilesOf(message),
  ]);
  // `newline` is a MailComposer option its type declarations leave out.
  const options: ConstructorParameters<typeof MailComposer>[0] & { newline: 'windows' } = {
    from: mimeAddress(message.from),
    to: message.recipients.to.map(mimeAddress),
    cc: message.recipients.cc.map(mimeAddress),
    bcc: message.recipients.bcc.map(mimeAddress),
    ...(message.replyTo ? { replyTo: mimeAddress(message.replyTo) } : {}),
    subject: foldableHeader(message.subject),
    // Bodies hold whatever breaks the templates and data had; one kind in, CRLF out.
    text: toLf(parts.text),
    ...(parts.html ? { html: toLf(parts.html) } : {}),
    ...(images.length + files.length > 0
      ? {
          attachments: [
            ...images.map((image) => ({
              cid: image.contentId,
              filename: image.fileName,
              contentType: image.contentType,
              contentDisposition: 'inline' as const,
              content: image.content,
            })),
            // base64 keeps a file's bytes (its CRLF line ends) exactly as written.
            ...files.map((file) => ({
              filename: file.fileName,
              contentType: file.contentType,
              contentDisposition: 'attachment' as const,
              contentTransferEncoding: 'base64' as const,
              content: file.content,
            })),
          ],
        }
      : {}),
    messageId,
    date,
    headers: {
      'X-Boardroom-Report': foldableHeader(message.report),
      'X-Boardroom-Period': foldableHeader(message.period),
    },
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

/**
 * A header value nodemailer can fold into lines of at most 78 octets: as it is when every word
 * fits a line, else the whole value as RFC 2047 encoded-words (UTF-8, Q) of at most 75
 * characters with spaces between them, which a reader's client joins back into the text.
 * (nodemailer folds only at spaces and encodes only non-ASCII text, so a 1,200-character URL
 * or id in a subject would otherwise make one line over 998 octets.)
 */
export function foldableHeader(value: string): string {
  const oneLine = value.replace(/[\r\n]+/g, ' ');
  return oneLine.split(/\s+/).some((word) => word.length > LONGEST_WORD)
    ? mimeFuncs.encodeWord(oneLine, 'Q', 52)
    : oneLine;
}

function toLf(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
