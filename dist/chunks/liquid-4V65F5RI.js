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
} from "./chunk-5NAHFPHZ.js";
import "./chunk-BN5DHIVQ.js";
import "./chunk-SC7SHDLN.js";
import "./chunk-7ADVH35N.js";
import "./chunk-3VQMYZ74.js";
import "./chunk-YEEXN6IZ.js";
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
