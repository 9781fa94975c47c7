import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  renderReport,
  renderSource
} from "./chunk-AUMF7SGP.js";
import "./chunk-2WXI7S3X.js";
import "./chunk-RRQPDUQS.js";
import "./chunk-XB7NYYFB.js";
import {
  TemplateRenderError,
  checkRenders,
  renderTemplates,
  reportView
} from "./chunk-Z2ZAQRJO.js";
import "./chunk-ENC4TQEI.js";
import "./chunk-ZKT6PWU6.js";
import "./chunk-F4NAEFNZ.js";
import {
  checkTemplates,
  createTemplateEngine
} from "./chunk-53EX335R.js";
import "./chunk-DSFAKTE7.js";
import "./chunk-SC7SHDLN.js";
import "./chunk-7ADVH35N.js";
import "./chunk-AP4K2WIA.js";
import "./chunk-DQYPPGSX.js";
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
