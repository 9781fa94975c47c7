import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/delivery/size.ts
var HTML_CLIP_BYTES = 102 * 1024;
var MESSAGE_BUDGET_BYTES = 10 * 1024 * 1024;
var SES_MESSAGE_LIMIT_BYTES = 40 * 1024 * 1024;
var HEADER_ALLOWANCE_BYTES = 16 * 1024;
var MessageTooLargeError = class extends Error {
};
function checkMessageSize(parts) {
  const htmlBytes = parts.html === null ? 0 : Buffer.byteLength(parts.html, "utf8");
  const bodies = [Buffer.byteLength(parts.text, "utf8"), htmlBytes];
  const messageBytes = (parts.attachments ?? []).reduce(
    (sum, attachment) => sum + partBytes(attachment.bytes),
    HEADER_ALLOWANCE_BYTES + bodies.reduce((sum, n) => sum + base64Bytes(n), 0)
  );
  if (messageBytes > MESSAGE_BUDGET_BYTES) {
    const largest = [...parts.attachments ?? []].sort((a, b) => b.bytes - a.bytes)[0];
    throw new MessageTooLargeError(
      `the message would be about ${formatBytes(messageBytes)}, over the ${formatBytes(MESSAGE_BUDGET_BYTES)} budget (SES refuses over ${formatBytes(SES_MESSAGE_LIMIT_BYTES)}, many mail servers over 20 MB): HTML ${formatBytes(htmlBytes)}, text ${formatBytes(bodies[0])}` + (largest ? `, largest attachment ${largest.name} ${formatBytes(largest.bytes)}` : "") + "; shorten the report (fewer rows, a section left out) or attach less"
    );
  }
  const warnings = htmlBytes > HTML_CLIP_BYTES ? [
    `the HTML part is ${formatBytes(htmlBytes)}, over Gmail's ${formatBytes(HTML_CLIP_BYTES)}: Gmail will clip it and show "View entire message" (shorten its tables or sections)`
  ] : [];
  return { html_bytes: htmlBytes, message_bytes: messageBytes, warnings };
}
function withInlineImages(size, images) {
  return withParts(
    size,
    images,
    (total, largest) => `the message with its ${images.length} charts would be about ${formatBytes(total)}, over the ${formatBytes(MESSAGE_BUDGET_BYTES)} budget (largest chart ${largest.name} ${formatBytes(largest.bytes)}); show fewer charts`
  );
}
function withAttachedFiles(size, files) {
  return withParts(
    size,
    files,
    (total, largest) => `the message with its ${files.length} attached files would be about ${formatBytes(total)}, over the ${formatBytes(MESSAGE_BUDGET_BYTES)} budget (largest attachment ${largest.name} ${formatBytes(largest.bytes)}); attach less (attachments: in the report) or shorten the report`
  );
}
function withParts(size, parts, over) {
  const messageBytes = parts.reduce((sum, part) => sum + partBytes(part.bytes), size.message_bytes);
  if (messageBytes > MESSAGE_BUDGET_BYTES)
    throw new MessageTooLargeError(
      over(messageBytes, [...parts].sort((a, b) => b.bytes - a.bytes)[0])
    );
  return { ...size, message_bytes: messageBytes };
}
var PART_ALLOWANCE_BYTES = 512;
function partBytes(bytes) {
  return base64Bytes(bytes) + PART_ALLOWANCE_BYTES;
}
function base64Bytes(bytes) {
  const encoded = Math.ceil(bytes / 3) * 4;
  return encoded + 2 * Math.ceil(encoded / 76);
}
function formatBytes(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export {
  checkMessageSize,
  withInlineImages,
  withAttachedFiles
};
