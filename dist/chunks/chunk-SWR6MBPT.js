import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/delivery/inline-images.ts
import { readFile } from "node:fs/promises";
async function inlineImagesOf(message) {
  if (!message.html || !message.inlineImages) return [];
  return Promise.all(
    message.inlineImages.map(async ({ key, file }) => ({
      contentId: key,
      fileName: `chart-${key}.png`,
      contentType: "image/png",
      content: await readFile(file)
    }))
  );
}

export {
  inlineImagesOf
};
