import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  checkTemplates,
  createTemplateEngine,
  headerEngineOf,
  liquidError,
  messageOf,
  parseHeader,
  renderErrorAt,
  renderHeader,
  subjectError
} from "./chunk-53EX335R.js";
import "./chunk-DSFAKTE7.js";
import "./chunk-SC7SHDLN.js";
import "./chunk-7ADVH35N.js";
import "./chunk-AP4K2WIA.js";
import "./chunk-DQYPPGSX.js";
import "./chunk-MFOCRCT4.js";
import "./chunk-OXRXBV5P.js";
export {
  checkTemplates,
  createTemplateEngine,
  headerEngineOf,
  liquidError,
  messageOf,
  parseHeader,
  renderErrorAt,
  renderHeader,
  subjectError
};
