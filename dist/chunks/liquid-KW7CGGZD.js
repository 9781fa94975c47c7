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
} from "./chunk-M6O3IJMF.js";
import "./chunk-MP6NM5TR.js";
import "./chunk-KB5D5U5R.js";
import "./chunk-7ADVH35N.js";
import "./chunk-SC7SHDLN.js";
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
