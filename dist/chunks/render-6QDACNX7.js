import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  renderReport,
  renderSource
} from "./chunk-6PRF26XX.js";
import "./chunk-URZDYKLW.js";
import "./chunk-RRQPDUQS.js";
import "./chunk-MGX2ZOH3.js";
import {
  TemplateRenderError,
  checkRenders,
  renderTemplates,
  reportView
} from "./chunk-HNTHYXPQ.js";
import "./chunk-YNPWDIFJ.js";
import "./chunk-ZKT6PWU6.js";
import {
  checkTemplates,
  createTemplateEngine
} from "./chunk-OIF7AIKD.js";
import "./chunk-VV4W2WI3.js";
import "./chunk-7ADVH35N.js";
import "./chunk-5WI72NLY.js";
import "./chunk-TNIK5FCO.js";
import "./chunk-45DXCB5M.js";
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
