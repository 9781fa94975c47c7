import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  renderReport,
  renderSource
} from "./chunk-STA47JHV.js";
import "./chunk-MWQ3GVVB.js";
import "./chunk-RRQPDUQS.js";
import "./chunk-IB76E33X.js";
import {
  TemplateRenderError,
  checkRenders,
  renderTemplates,
  reportView
} from "./chunk-ATONRJCX.js";
import "./chunk-62M6HEWF.js";
import "./chunk-ZKT6PWU6.js";
import "./chunk-75KFIK5H.js";
import {
  checkTemplates,
  createTemplateEngine
} from "./chunk-F4ZN2HKX.js";
import "./chunk-TSNJNARN.js";
import "./chunk-7ADVH35N.js";
import "./chunk-5WI72NLY.js";
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
