import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  renderReport,
  renderSource
} from "./chunk-JBJ3ZYZL.js";
import "./chunk-HUM4J377.js";
import "./chunk-RRQPDUQS.js";
import "./chunk-SD5XM22G.js";
import {
  TemplateRenderError,
  checkRenders,
  renderTemplates,
  reportView
} from "./chunk-YMK56NKD.js";
import "./chunk-HTG2MZ4L.js";
import "./chunk-ZKT6PWU6.js";
import "./chunk-F4NAEFNZ.js";
import {
  checkTemplates,
  createTemplateEngine
} from "./chunk-5NAHFPHZ.js";
import "./chunk-BN5DHIVQ.js";
import "./chunk-SC7SHDLN.js";
import "./chunk-7ADVH35N.js";
import "./chunk-3VQMYZ74.js";
import "./chunk-YEEXN6IZ.js";
import "./chunk-MFOCRCT4.js";
import "./chunk-OXRXBV5P.js";
export {
  TemplateRenderError,
  checkRenders,
  checkTemplates,
  createTemplateEngine,
  renderReport,
  renderSource,
  renderTemplates,
  reportView
};
