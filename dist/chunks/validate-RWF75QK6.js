import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  checkPortfolio,
  logConfigProblems,
  validateRun
} from "./chunk-O5IZY662.js";
import "./chunk-RSDXSVU3.js";
import "./chunk-SVFRR65L.js";
import "./chunk-ATONRJCX.js";
import "./chunk-62M6HEWF.js";
import "./chunk-ZKT6PWU6.js";
import "./chunk-75KFIK5H.js";
import "./chunk-F4ZN2HKX.js";
import "./chunk-TSNJNARN.js";
import "./chunk-7ADVH35N.js";
import "./chunk-5WI72NLY.js";
import "./chunk-E3HAWKDW.js";
import "./chunk-VAOAYGQB.js";
import "./chunk-OXRXBV5P.js";
export {
  checkPortfolio,
  logConfigProblems,
  validateRun
};
