import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  checkPortfolio,
  logConfigProblems,
  validateRun
} from "./chunk-HOXSEZ2W.js";
import "./chunk-OABCDO22.js";
import "./chunk-EAKT3NYB.js";
import "./chunk-QUFC6CZC.js";
import "./chunk-5NTNCZZU.js";
import "./chunk-ZKT6PWU6.js";
import "./chunk-75KFIK5H.js";
import "./chunk-AS4ASBKI.js";
import "./chunk-J2G76DDB.js";
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
