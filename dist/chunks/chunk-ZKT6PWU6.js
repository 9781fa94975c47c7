import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/config/errors.ts
import path from "node:path";
function describeConfigError(error) {
  return error.column === void 0 && error.field ? `${error.field}: ${error.message}` : error.message;
}
function formatConfigError(error) {
  const place = error.column !== void 0 ? `${error.file}:${error.line}:${error.column}` : `${error.file}:${error.line}`;
  return `${place}: ${describeConfigError(error)}`;
}
function displayPath(file) {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}
function sortConfigErrors(errors) {
  return errors.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0)
  );
}
function csvSyntaxError(file, error) {
  return {
    file,
    line: error.lines ?? 1,
    message: `CSV syntax: ${error.message}`
  };
}

export {
  describeConfigError,
  formatConfigError,
  displayPath,
  sortConfigErrors,
  csvSyntaxError
};
