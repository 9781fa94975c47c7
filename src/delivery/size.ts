// How big a report's message is, against the limits that matter to its reader: Gmail clips an
// HTML part over about 102 KB (the rest hides behind "[Message clipped] View entire message"),
// and a whole message over the budget below is refused by many receiving servers (SES itself
// refuses one over 40 MB). Checked when a report is rendered, so a send never finds out late.

/** Gmail shows only the first ~102 KB of an HTML part: the UTF-8 bytes of the HTML as written. */
export const HTML_CLIP_BYTES = 102 * 1024;

/**
 * boardroom's budget for a whole message, encoded, with every inline image and attachment: 10 MB,
 * well under what common receiving servers accept (Outlook.com and Gmail take 20–25 MB) and a
 * quarter of SES v2's 40 MB hard limit.
 */
export const MESSAGE_BUDGET_BYTES = 10 * 1024 * 1024;

/** SES v2 refuses a message over 40 MB (after encoding): the ceiling the budget sits under. */
const SES_MESSAGE_LIMIT_BYTES = 40 * 1024 * 1024;

/** Room for the headers: From, up to 50 recipients, Subject, Message-ID, boundaries. */
const HEADER_ALLOWANCE_BYTES = 16 * 1024;

/** What a report's message carries; `html` is null for a `format: text` report (no HTML part). */
export interface MessageParts {
  readonly html: string | null;
  readonly text: string;
  /** Attached files (a report's CSV tables) and inline images, by their size before encoding. */
  readonly attachments?: readonly { readonly name: string; readonly bytes: number }[];
}

/** The sizes summary.json records for each report, in bytes, and what they mean for the reader. */
export interface MessageSize {
  /** The HTML part as UTF-8 bytes (0 when there is none): what Gmail's clipping counts. */
  readonly html_bytes: number;
  /** An upper bound of the whole message encoded (every part base64, headers allowed for). */
  readonly message_bytes: number;
  /** Sizes over a soft limit (the HTML part over Gmail's): the message still goes. */
  readonly warnings: readonly string[];
}

/** A message over the budget: a render error, so the run stops before anything is sent. */
export class MessageTooLargeError extends Error {}

/**
 * Measures a report's message against the limits above.
 * @returns the sizes, with a warning when the HTML part would be clipped in Gmail.
 * @throws MessageTooLargeError when the whole message is over MESSAGE_BUDGET_BYTES.
 */
export function checkMessageSize(parts: MessageParts): MessageSize {
  const htmlBytes = parts.html === null ? 0 : Buffer.byteLength(parts.html, 'utf8');
  const bodies = [Buffer.byteLength(parts.text, 'utf8'), htmlBytes];
  const messageBytes = (parts.attachments ?? []).reduce(
    (sum, attachment) => sum + partBytes(attachment.bytes),
    HEADER_ALLOWANCE_BYTES + bodies.reduce((sum, n) => sum + base64Bytes(n), 0),
  );
  if (messageBytes > MESSAGE_BUDGET_BYTES) {
    const largest = [...(parts.attachments ?? [])].sort((a, b) => b.bytes - a.bytes)[0];
    throw new MessageTooLargeError(
      `the message would be about ${formatBytes(messageBytes)}, over the ${formatBytes(MESSAGE_BUDGET_BYTES)} budget ` +
        `(SES refuses over ${formatBytes(SES_MESSAGE_LIMIT_BYTES)}, many mail servers over 20 MB): ` +
        `HTML ${formatBytes(htmlBytes)}, text ${formatBytes(bodies[0]!)}` +
        (largest ? `, largest attachment ${largest.name} ${formatBytes(largest.bytes)}` : '') +
        '; shorten the report (fewer rows, a section left out) or attach less',
    );
  }
  const warnings =
    htmlBytes > HTML_CLIP_BYTES
      ? [
          `the HTML part is ${formatBytes(htmlBytes)}, over Gmail's ${formatBytes(HTML_CLIP_BYTES)}: ` +
            'Gmail will clip it and show "View entire message" (shorten its tables or sections)',
        ]
      : [];
  return { html_bytes: htmlBytes, message_bytes: messageBytes, warnings };
}

/** A part added to a measured message: its file name and its size before encoding. */
export interface AddedPart {
  readonly name: string;
  readonly bytes: number;
}

/**
 * A measured message with inline images added that were drawn after it was measured (a report's
 * charts): each counted base64-encoded, with room for its part headers.
 * @throws MessageTooLargeError when they take the message over MESSAGE_BUDGET_BYTES.
 */
export function withInlineImages(size: MessageSize, images: readonly AddedPart[]): MessageSize {
  return withParts(
    size,
    images,
    (total, largest) =>
      `the message with its ${images.length} charts would be about ${formatBytes(total)}, over the ` +
      `${formatBytes(MESSAGE_BUDGET_BYTES)} budget (largest chart ${largest.name} ${formatBytes(largest.bytes)}); ` +
      'show fewer charts',
  );
}

/**
 * A measured message with attached files added that were made after it was measured (a
 * report's CSV tables): each counted base64-encoded, with room for its part headers.
 * @throws MessageTooLargeError when they take the message over MESSAGE_BUDGET_BYTES.
 */
export function withAttachedFiles(size: MessageSize, files: readonly AddedPart[]): MessageSize {
  return withParts(
    size,
    files,
    (total, largest) =>
      `the message with its ${files.length} attached files would be about ${formatBytes(total)}, over the ` +
      `${formatBytes(MESSAGE_BUDGET_BYTES)} budget (largest attachment ${largest.name} ${formatBytes(largest.bytes)}); ` +
      'attach less (attachments: in the report) or shorten the report',
  );
}

/** `size` with `parts` counted; `over` words the error when they take it over the budget. */
function withParts(
  size: MessageSize,
  parts: readonly AddedPart[],
  over: (total: number, largest: AddedPart) => string,
): MessageSize {
  const messageBytes = parts.reduce((sum, part) => sum + partBytes(part.bytes), size.message_bytes);
  if (messageBytes > MESSAGE_BUDGET_BYTES)
    throw new MessageTooLargeError(
      over(messageBytes, [...parts].sort((a, b) => b.bytes - a.bytes)[0]!),
    );
  return { ...size, message_bytes: messageBytes };
}

/** Room for one attached or inline part's own headers and boundary (Content-Type, -ID, -Disposition). */
const PART_ALLOWANCE_BYTES = 512;

/** One attached or inline part of `bytes` (before encoding) in the message: base64 and its headers. */
function partBytes(bytes: number): number {
  return base64Bytes(bytes) + PART_ALLOWANCE_BYTES;
}

/** Bytes after base64 with a CRLF every 76 characters: the largest encoding MIME uses. */
function base64Bytes(bytes: number): number {
  const encoded = Math.ceil(bytes / 3) * 4;
  return encoded + 2 * Math.ceil(encoded / 76);
}

/** 104448 -> "102.0 KB", 10485760 -> "10.0 MB" (binary units, as the limits are stated). */
function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${(bytes / 1024).toFixed(1)} KB`;
}
