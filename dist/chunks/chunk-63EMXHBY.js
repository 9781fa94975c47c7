import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/logger.ts
var consoleLogger = {
  info: (message) => console.log(message),
  warning: (message) => console.warn(`warning: ${message}`),
  error: (message) => console.error(`error: ${message}`)
};
function memoryLogger() {
  const lines = [];
  return {
    lines,
    info: (message) => lines.push(`info: ${message}`),
    warning: (message) => lines.push(`warning: ${message}`),
    error: (message) => lines.push(`error: ${message}`)
  };
}

export {
  consoleLogger,
  memoryLogger
};
