import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  collectGarbage,
  renderReports,
  runPipeline,
  validatePortfolio,
  withoutBooks
} from "./chunk-4XT5HOE4.js";
import "./chunk-FOQKTZ3F.js";
import "./chunk-NICYQKWJ.js";
import "./chunk-OGBOT7SR.js";
import "./chunk-I7RP3H6T.js";
import "./chunk-IM7URRPZ.js";
import "./chunk-GTJPQZEF.js";
import "./chunk-63EMXHBY.js";
import "./chunk-UUY4MD6Y.js";
import "./chunk-R4PIZL3F.js";
import "./chunk-IWLLVPMA.js";
import "./chunk-V4CVLK5W.js";
import "./chunk-SQAN6S2X.js";
import "./chunk-RRQPDUQS.js";
import "./chunk-4SV3DADC.js";
import "./chunk-6RKDM7GN.js";
import "./chunk-TZJZFFHZ.js";
import "./chunk-OABCDO22.js";
import "./chunk-AN53UDFH.js";
import "./chunk-ZJEMWO4X.js";
import "./chunk-GSJVAEIS.js";
import "./chunk-ZKT6PWU6.js";
import "./chunk-F4NAEFNZ.js";
import "./chunk-3OHZTRO6.js";
import "./chunk-T6BPE2KC.js";
import "./chunk-SC7SHDLN.js";
import "./chunk-7ADVH35N.js";
import "./chunk-6WH5L3UC.js";
import "./chunk-GGC72TJI.js";
import "./chunk-MFOCRCT4.js";
import "./chunk-OXRXBV5P.js";
export {
  collectGarbage,
  renderReports,
  runPipeline,
  validatePortfolio,
  withoutBooks
};
