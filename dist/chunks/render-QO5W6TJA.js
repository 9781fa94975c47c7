import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  renderReport,
  renderSource
} from "./chunk-MKDGW6XS.js";
import "./chunk-MWQ3GVVB.js";
import "./chunk-RRQPDUQS.js";
import "./chunk-IB76E33X.js";
import {
  TemplateRenderError,
  checkRenders,
  renderTemplates,
  reportView
} from "./chunk-QUFC6CZC.js";
import "./chunk-5NTNCZZU.js";
import "./chunk-ZKT6PWU6.js";
import "./chunk-75KFIK5H.js";
import {
  checkTemplates,
  createTemplateEngine
} from "./chunk-AS4ASBKI.js";
import "./chunk-J2G76DDB.js";
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
