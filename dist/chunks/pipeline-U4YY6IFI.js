import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  renderReports,
  runPipeline,
  validatePortfolio
} from "./chunk-UBEL5PPI.js";
import "./chunk-E7ABCVTO.js";
import "./chunk-FOQKTZ3F.js";
import "./chunk-APMYCBKI.js";
import "./chunk-WKRLXMTM.js";
import "./chunk-IA3PEVIY.js";
import "./chunk-SFYA7LBW.js";
import "./chunk-ZO4UFTWA.js";
import "./chunk-5F2E6XBY.js";
import "./chunk-RRQPDUQS.js";
import "./chunk-TEPV6HVN.js";
import "./chunk-VSQTIPBL.js";
import "./chunk-ZKT6PWU6.js";
import "./chunk-RBUFGRL5.js";
import "./chunk-I7RP3H6T.js";
import "./chunk-AAEGVOPR.js";
import "./chunk-5IAGMHQA.js";
import "./chunk-FTYSK5JR.js";
import "./chunk-OXRXBV5P.js";
export {
  renderReports,
  runPipeline,
  validatePortfolio
};
