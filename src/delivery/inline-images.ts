// A message's charts as inline image parts, read from OUT/reports/charts when the message is
// sent (not held in memory for the whole run): the same parts for SES and the outbox .eml.
import { readFile } from 'node:fs/promises';
import { chartContentId } from '../render/chart-markup.js';
import { hasHtmlPart, type OutgoingMessage } from './plan.js';

/**
 * One inline PNG: `contentId` is what the HTML's `cid:` refers to, `<key>@boardroom` without its
 * angle brackets (chartContentId); the transports put those around it in the header.
 */
export interface InlineImage {
  readonly contentId: string;
  readonly fileName: string;
  readonly contentType: 'image/png';
  readonly content: Buffer;
}

/**
 * The message's inline images, in the order its plan lists them; none for a text-only message.
 * `read` reads a PNG's bytes (SesTransport shares them among its calls: shared-files.ts).
 * @throws Error (ENOENT) when a chart's PNG is missing: the run drew it before sending.
 */
export async function inlineImagesOf(
  message: OutgoingMessage,
  read: (file: string) => Promise<Buffer> = readFile,
): Promise<InlineImage[]> {
  if (!hasHtmlPart(message) || !message.inlineImages) return [];
  return Promise.all(
    message.inlineImages.map(async ({ key, file }) => ({
      contentId: chartContentId(key),
      fileName: `chart-${key}.png`,
      contentType: 'image/png' as const,
      content: await read(file),
    })),
  );
}
