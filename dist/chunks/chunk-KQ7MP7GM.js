import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  hasHtmlPart
} from "./chunk-V4CVLK5W.js";
import {
  chartContentId,
  emailChartHtml
} from "./chunk-6WH5L3UC.js";

// src/delivery/attachments.ts
import { readFile } from "node:fs/promises";
async function attachedFilesOf(message) {
  if (!message.attachments) return [];
  return Promise.all(
    message.attachments.map(async ({ fileName, contentType, file }) => ({
      fileName,
      contentType,
      content: await readFile(file)
    }))
  );
}

// src/delivery/body.ts
import { readFile as readFile2 } from "node:fs/promises";
async function composedBody(message) {
  const { body } = message;
  const [text, html] = "files" in body ? await Promise.all([
    readFile2(body.files.text, "utf8"),
    body.files.html === void 0 ? void 0 : readFile2(body.files.html, "utf8")
  ]) : [body.text, body.html];
  return { text, ...html === void 0 ? {} : { html: emailChartHtml(html) } };
}

// src/delivery/inline-images.ts
import { readFile as readFile3 } from "node:fs/promises";
async function inlineImagesOf(message, read = readFile3) {
  if (!hasHtmlPart(message) || !message.inlineImages) return [];
  return Promise.all(
    message.inlineImages.map(async ({ key, file }) => ({
      contentId: chartContentId(key),
      fileName: `chart-${key}.png`,
      contentType: "image/png",
      content: await read(file)
    }))
  );
}

export {
  attachedFilesOf,
  composedBody,
  inlineImagesOf
};
