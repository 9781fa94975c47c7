import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  renderReports,
  runPipeline,
  validatePortfolio
} from "./chunk-Y5E4JO64.js";
import "./chunk-E7ABCVTO.js";
import "./chunk-FOQKTZ3F.js";
import "./chunk-APMYCBKI.js";
import "./chunk-WKRLXMTM.js";
import "./chunk-62PXDJSH.js";
import "./chunk-SFYA7LBW.js";
import "./chunk-UIUYFXV3.js";
import "./chunk-5F2E6XBY.js";
import "./chunk-RRQPDUQS.js";
import "./chunk-HJL3GAZ4.js";
import "./chunk-AHWUMDXP.js";
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
