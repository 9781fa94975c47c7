import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  Tinypool,
  _workerId,
  isMovable,
  isTaskQueue,
  isTransferable,
  kFieldCount,
  kQueueOptions,
  kRequestCountField,
  kResponseCountField,
  kTransferable,
  kValue,
  markMovable,
  src_default,
  withNullPrototype
} from "./chunk-6R3HXZAO.js";
import "./chunk-OXRXBV5P.js";
export {
  Tinypool,
  src_default as default,
  isMovable,
  isTaskQueue,
  isTransferable,
  kFieldCount,
  kQueueOptions,
  kRequestCountField,
  kResponseCountField,
  kTransferable,
  kValue,
  markMovable,
  withNullPrototype,
  _workerId as workerId
};
