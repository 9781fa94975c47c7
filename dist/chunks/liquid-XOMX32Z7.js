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
} from "./chunk-JC4LOZUH.js";
import "./chunk-XU4MFCUY.js";
import "./chunk-SC7SHDLN.js";
import "./chunk-7ADVH35N.js";
import "./chunk-6WH5L3UC.js";
import "./chunk-GGC72TJI.js";
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
