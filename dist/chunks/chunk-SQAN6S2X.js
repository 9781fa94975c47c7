import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  checkMessageSize
} from "./chunk-RRQPDUQS.js";
import {
  lexMarkdown,
  markdownToHtml,
  markdownToText
} from "./chunk-4SV3DADC.js";
import {
  emailShell
} from "./chunk-GGC72TJI.js";

// src/render/finish.ts
import { writeFileSync } from "node:fs";
function emailParts({ subject, markdown, preheader, footer, charts }) {
  const tokens = lexMarkdown(markdown);
  const html = emailShell({
    title: subject,
    preheader,
    body: markdownToHtml(tokens, markdown),
    footer
  });
  return { html, text: markdownToText(tokens, charts) };
}
function reportJson(report, asOf, analysis) {
  return JSON.stringify({ id: report.id, persona: report.persona, as_of: asOf, ...analysis });
}
function finishReportFiles(job) {
  const { html, text } = emailParts(job);
  const size = checkMessageSize({ html: job.htmlPart ? html : null, text });
  writeFileSync(`${job.base}.md`, job.markdown);
  writeFileSync(`${job.base}.html`, html);
  writeFileSync(`${job.base}.txt`, text);
  writeFileSync(`${job.base}.json`, job.json);
  return size;
}

export {
  emailParts,
  reportJson,
  finishReportFiles
};
