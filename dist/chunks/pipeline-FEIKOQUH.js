import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  collectGarbage,
  renderReports,
  runPipeline,
  validatePortfolio,
  withoutBooks
} from "./chunk-C466CI4S.js";
import "./chunk-FOQKTZ3F.js";
import "./chunk-73KRHTLC.js";
import "./chunk-OGBOT7SR.js";
import "./chunk-I7RP3H6T.js";
import "./chunk-K3ZV4B4C.js";
import "./chunk-GTJPQZEF.js";
import "./chunk-63EMXHBY.js";
import "./chunk-GZFGD7DJ.js";
import "./chunk-2CMWN7OS.js";
import "./chunk-PUBOQABV.js";
import "./chunk-V4CVLK5W.js";
import "./chunk-SQAN6S2X.js";
import "./chunk-RRQPDUQS.js";
import "./chunk-4SV3DADC.js";
import "./chunk-JFETSJQH.js";
import "./chunk-5DQEALQC.js";
import "./chunk-IEAA24I5.js";
import "./chunk-4A2RURUH.js";
import "./chunk-JYJPYNRH.js";
import "./chunk-LCALI5WA.js";
import "./chunk-TNR3CQU3.js";
import "./chunk-ZKT6PWU6.js";
import "./chunk-F4NAEFNZ.js";
import "./chunk-JC4LOZUH.js";
import "./chunk-XU4MFCUY.js";
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
