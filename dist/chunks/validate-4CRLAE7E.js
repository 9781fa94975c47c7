import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  checkPortfolio,
  logConfigProblems,
  validateRun
} from "./chunk-ZPRMXZO5.js";
import "./chunk-OABCDO22.js";
import "./chunk-Z2ZAQRJO.js";
import "./chunk-ADFTIVBZ.js";
import "./chunk-ENC4TQEI.js";
import "./chunk-ZKT6PWU6.js";
import "./chunk-F4NAEFNZ.js";
import "./chunk-53EX335R.js";
import "./chunk-DSFAKTE7.js";
import "./chunk-SC7SHDLN.js";
import "./chunk-7ADVH35N.js";
import "./chunk-AP4K2WIA.js";
import "./chunk-DQYPPGSX.js";
import "./chunk-MFOCRCT4.js";
import "./chunk-OXRXBV5P.js";
export {
  checkPortfolio,
  logConfigProblems,
  validateRun
};
