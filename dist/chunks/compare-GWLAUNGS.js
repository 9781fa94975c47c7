import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  PREVIEW_FOOTER_MARKER,
  PREVIEW_MARKER,
  invalidPreviewMarkdown,
  previewContent,
  previewMarkdown
} from "./chunk-PECN7N6X.js";
import "./chunk-KP7QDCDT.js";
import "./chunk-XB7NYYFB.js";
import "./chunk-ZKT6PWU6.js";
import "./chunk-F4NAEFNZ.js";
import "./chunk-DSFAKTE7.js";
import "./chunk-SC7SHDLN.js";
import "./chunk-7ADVH35N.js";
import "./chunk-AP4K2WIA.js";
import "./chunk-DQYPPGSX.js";
import "./chunk-MFOCRCT4.js";
import "./chunk-OXRXBV5P.js";
export {
  PREVIEW_FOOTER_MARKER,
  PREVIEW_MARKER,
  invalidPreviewMarkdown,
  previewContent,
  previewMarkdown
};
