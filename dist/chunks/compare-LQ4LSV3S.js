import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  PREVIEW_FOOTER_MARKER,
  PREVIEW_MARKER,
  invalidPreviewMarkdown,
  previewContent,
  previewMarkdown
} from "./chunk-K3ZV4B4C.js";
import "./chunk-GTJPQZEF.js";
import "./chunk-4SV3DADC.js";
import "./chunk-TNR3CQU3.js";
import "./chunk-ZKT6PWU6.js";
import "./chunk-F4NAEFNZ.js";
import "./chunk-XU4MFCUY.js";
import "./chunk-SC7SHDLN.js";
import "./chunk-7ADVH35N.js";
import "./chunk-6WH5L3UC.js";
import "./chunk-GGC72TJI.js";
import "./chunk-MFOCRCT4.js";
import "./chunk-OXRXBV5P.js";
export {
  PREVIEW_FOOTER_MARKER,
  PREVIEW_MARKER,
  invalidPreviewMarkdown,
  previewContent,
  previewMarkdown
};
