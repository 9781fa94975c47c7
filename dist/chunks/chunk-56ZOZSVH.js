import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  ArgumentError
} from "./chunk-GZFGD7DJ.js";

// src/pipeline-thread-protocol.ts
function errorMessage(error) {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const { code, path, syscall } = error;
  return {
    name: error.name,
    message: error.message,
    ...error.stack !== void 0 ? { stack: error.stack } : {},
    ...typeof code === "string" ? { code } : {},
    ...typeof path === "string" ? { path } : {},
    ...typeof syscall === "string" ? { syscall } : {}
  };
}
function rebuiltError(sent) {
  const error = sent.name === "ArgumentError" ? new ArgumentError(sent.message) : new Error(sent.message);
  if (sent.name !== error.name) error.name = sent.name;
  if (sent.stack !== void 0) error.stack = sent.stack;
  if (sent.code !== void 0) error.code = sent.code;
  if (sent.path !== void 0) error.path = sent.path;
  if (sent.syscall !== void 0) error.syscall = sent.syscall;
  return error;
}
function outcomeOf(result, mode) {
  if (mode === "preview" || !result.summary) return result;
  const { metrics, reports, ...rest } = result.summary;
  return {
    ...result,
    summary: {
      ...rest,
      reports: reports.map(({ id, status, message_ids }) => ({ id, status, message_ids }))
    }
  };
}

export {
  errorMessage,
  rebuiltError,
  outcomeOf
};
