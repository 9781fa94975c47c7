import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/github/limits.ts
import { createHash } from "node:crypto";
var GITHUB_LIMITS = { label: 50, title: 256, body: 65536 };
function shortHash(text) {
  return createHash("sha256").update(text).digest("hex").slice(0, 6);
}
function cutTo(text, max) {
  let out = "";
  for (const character of text) {
    if (out.length + character.length > max) break;
    out += character;
  }
  return out;
}
function shortenWithHash(text, max) {
  if (text.length <= max) return text;
  const suffix = `\u2026${shortHash(text)}`;
  return `${cutTo(text, max - suffix.length).trimEnd()}${suffix}`;
}
function githubLabel(name) {
  return shortenWithHash(name.trim(), GITHUB_LIMITS.label);
}
function githubTitle(title) {
  return shortenWithHash(title.replace(/\s+/g, " ").trim(), GITHUB_LIMITS.title);
}
function githubBody(text, keep = "", where = "summary.json in the run artifact", max = GITHUB_LIMITS.body) {
  if (text.length + keep.length <= max) return text + keep;
  const note = `

_Cut here to fit GitHub's limit of ${max.toLocaleString("en-US")} characters; the whole text is in ${where}._

`;
  const room = max - keep.length - note.length;
  if (room < 0) throw new Error(`a GitHub body's fixed part is ${keep.length} characters`);
  const start = cutTo(text, room);
  const lastLine = start.lastIndexOf("\n");
  const kept = lastLine > room / 2 ? start.slice(0, lastLine) : start;
  return kept.trimEnd() + note + keep;
}

export {
  githubLabel,
  githubTitle,
  githubBody
};
