import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/thread-stack.ts
var MAIN_THREAD_STACK_MB = (984 + 192) / 1024;

// src/worker-entry.ts
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
function workerEntry(name, {
  whose,
  hint,
  here = import.meta.url
} = {}) {
  const basename = name.slice(name.lastIndexOf("/") + 1);
  if (!here.endsWith(".ts")) {
    const filename = fileURLToPath(new URL(`./${basename}.js`, here));
    if (!existsSync(filename))
      throw new Error(
        `${whose ?? `the ${basename} thread's`} code is not at ${filename} (bundle with scripts/bundle.mjs${hint ? `; ${hint}` : ""})`
      );
    return { filename };
  }
  const tsx = import.meta.resolve("tsx/esm/api");
  return {
    filename: fileURLToPath(new URL(`./${name}.ts`, here)),
    execArgv: [
      "--import",
      `data:text/javascript,${encodeURIComponent(`import{register}from${JSON.stringify(tsx)};register();`)}`
    ]
  };
}

export {
  MAIN_THREAD_STACK_MB,
  workerEntry
};
