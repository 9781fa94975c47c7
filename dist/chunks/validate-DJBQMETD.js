import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  checkPortfolio,
  logConfigProblems,
  validateRun
} from "./chunk-4SQTRATC.js";
import "./chunk-OABCDO22.js";
import "./chunk-4FIHAB5J.js";
import "./chunk-RCM2GO3T.js";
import "./chunk-37THNI5Z.js";
import "./chunk-ZKT6PWU6.js";
import "./chunk-F4NAEFNZ.js";
import "./chunk-M6O3IJMF.js";
import "./chunk-MP6NM5TR.js";
import "./chunk-KB5D5U5R.js";
import "./chunk-7ADVH35N.js";
import "./chunk-SC7SHDLN.js";
import "./chunk-E3HAWKDW.js";
import "./chunk-VAOAYGQB.js";
import "./chunk-OXRXBV5P.js";
export {
  checkPortfolio,
  logConfigProblems,
  validateRun
};
