import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  renderReport,
  renderSource
} from "./chunk-CSB5Z2GU.js";
import "./chunk-SQAN6S2X.js";
import "./chunk-RRQPDUQS.js";
import "./chunk-4SV3DADC.js";
import {
  TemplateRenderError,
  checkRenders,
  renderTemplates,
  reportView
} from "./chunk-23HAZFMX.js";
import "./chunk-IRJFJL4L.js";
import "./chunk-TNR3CQU3.js";
import "./chunk-ZKT6PWU6.js";
import "./chunk-F4NAEFNZ.js";
import {
  checkTemplates,
  createTemplateEngine
} from "./chunk-JC4LOZUH.js";
import "./chunk-XU4MFCUY.js";
import "./chunk-SC7SHDLN.js";
import "./chunk-7ADVH35N.js";
import "./chunk-6WH5L3UC.js";
import "./chunk-GGC72TJI.js";
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
