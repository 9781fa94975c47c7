import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  PREVIEW_FOOTER_MARKER,
  PREVIEW_MARKER,
  invalidPreviewMarkdown,
  previewContent,
  previewMarkdown
} from "./chunk-7GMZAZLH.js";
import "./chunk-5SEMTZSP.js";
import "./chunk-SD5XM22G.js";
import "./chunk-ZKT6PWU6.js";
import "./chunk-F4NAEFNZ.js";
import "./chunk-BN5DHIVQ.js";
import "./chunk-SC7SHDLN.js";
import "./chunk-7ADVH35N.js";
import "./chunk-3VQMYZ74.js";
import "./chunk-YEEXN6IZ.js";
import "./chunk-MFOCRCT4.js";
import "./chunk-OXRXBV5P.js";
export {
  PREVIEW_FOOTER_MARKER,
  PREVIEW_MARKER,
  invalidPreviewMarkdown,
  previewContent,
  previewMarkdown
};
