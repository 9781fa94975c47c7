import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/thread-stack.ts
var MAIN_THREAD_STACK_MB = (984 + 192) / 1024;

export {
  MAIN_THREAD_STACK_MB
};
