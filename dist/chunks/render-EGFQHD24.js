import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  renderReport,
  renderSource
} from "./chunk-GMO7UBGZ.js";
import "./chunk-4V5QE3WP.js";
import "./chunk-RRQPDUQS.js";
import "./chunk-ZWKCBWEO.js";
import {
  TemplateRenderError,
  checkRenders,
  renderTemplates,
  reportView
} from "./chunk-RCM2GO3T.js";
import "./chunk-37THNI5Z.js";
import "./chunk-ZKT6PWU6.js";
import "./chunk-F4NAEFNZ.js";
import {
  checkTemplates,
  createTemplateEngine
} from "./chunk-M6O3IJMF.js";
import "./chunk-MP6NM5TR.js";
import "./chunk-KB5D5U5R.js";
import "./chunk-7ADVH35N.js";
import "./chunk-SC7SHDLN.js";
import "./chunk-E3HAWKDW.js";
import "./chunk-VAOAYGQB.js";
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
