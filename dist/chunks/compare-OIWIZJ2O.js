import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  PREVIEW_FOOTER_MARKER,
  PREVIEW_MARKER,
  invalidPreviewMarkdown,
  previewContent,
  previewMarkdown
} from "./chunk-SLIY3OUE.js";
import "./chunk-OWZULMTM.js";
import "./chunk-ZWKCBWEO.js";
import "./chunk-ZKT6PWU6.js";
import "./chunk-F4NAEFNZ.js";
import "./chunk-MP6NM5TR.js";
import "./chunk-KB5D5U5R.js";
import "./chunk-7ADVH35N.js";
import "./chunk-SC7SHDLN.js";
import "./chunk-E3HAWKDW.js";
import "./chunk-VAOAYGQB.js";
import "./chunk-OXRXBV5P.js";
export {
  PREVIEW_FOOTER_MARKER,
  PREVIEW_MARKER,
  invalidPreviewMarkdown,
  previewContent,
  previewMarkdown
};
