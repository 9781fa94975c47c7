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
} from "./chunk-F4ZN2HKX.js";
import "./chunk-TSNJNARN.js";
import "./chunk-7ADVH35N.js";
import "./chunk-5WI72NLY.js";
import "./chunk-E3HAWKDW.js";
import "./chunk-VAOAYGQB.js";
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
