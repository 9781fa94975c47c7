#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  capTiersForSmallCheck
} from "./chunks/chunk-E2WZVV7Z.js";
import {
  consoleLogger
} from "./chunks/chunk-63EMXHBY.js";
import {
  ACTION_INPUTS,
  MODE_INPUTS,
  resolveOptions,
  userFacingError
} from "./chunks/chunk-GZFGD7DJ.js";
import {
  formatConfigError
} from "./chunks/chunk-ZKT6PWU6.js";
import "./chunks/chunk-SC7SHDLN.js";
import "./chunks/chunk-MFOCRCT4.js";
import "./chunks/chunk-OXRXBV5P.js";

// src/cli.ts
import { parseArgs } from "node:util";
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
var USAGE = `boardroom: executive reports from a portfolio in reports-config/

usage:
  boardroom validate [--config DIR]
  boardroom run      [--config DIR] [--out DIR] [--mode ${MODE_INPUTS.join("|")}]
                     [--transport outbox|ses] [--reports a,b] [--as-of YYYY-MM-DD]
                     [--test-recipient ADDR] [--tasks none|github|webhook] [--state-file FILE]
                     [--force] [--base-config DIR] [--env-file FILE]
  boardroom alerts   [--config DIR] [--out DIR] [--as-of YYYY-MM-DD] [--state-file FILE]
                     [--transport outbox|ses] [--test-recipient ADDR]
                     (portfolio.yml's alerts: each mailed once when it becomes true; no reports)
--mode: auto by default, which previews on a pull request and sends otherwise; validate checks
as \`boardroom validate\` does; alerts is \`boardroom alerts\`.
Every action input has the same flag (--aws-region, --ses-endpoint, --max-send-rate, ...).
Exit codes: 0 all good; 1 something was not delivered; 2 invalid portfolio or arguments.`;
var VALUE_FLAGS = [...ACTION_INPUTS.filter((name) => name !== "force"), "transport", "env-file"];
async function main(argv, env = process.env, log = consoleLogger, { ownProcess = false } = {}) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...Object.fromEntries(VALUE_FLAGS.map((flag) => [flag, { type: "string" }])),
        force: { type: "boolean" },
        help: { type: "boolean", short: "h" }
      }
    });
  } catch (error) {
    log.error(`${error.message}

${USAGE}`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || !command) {
    console.log(USAGE);
    return command || parsed.values.help ? 0 : 2;
  }
  if (rest.length > 0 || !["run", "validate", "alerts"].includes(command)) {
    log.error(`unknown command "${[command, ...rest].join(" ")}"

${USAGE}`);
    return 2;
  }
  const values = parsed.values;
  const maskSecrets = () => {
    if (env.GITHUB_ACTIONS !== "true") return;
    for (const secret of [
      values["github-token"],
      values["dashboard-token"],
      env.GITHUB_TOKEN,
      env.AWS_SECRET_ACCESS_KEY,
      env.AWS_SESSION_TOKEN
    ]) {
      if (typeof secret === "string" && secret) console.log(`::add-mask::${secret}`);
    }
  };
  if (typeof values["env-file"] === "string") {
    try {
      process.loadEnvFile(values["env-file"]);
    } catch (error) {
      log.error(`env-file: cannot read ${values["env-file"]}: ${error.message}`);
      return 2;
    }
  }
  maskSecrets();
  if (command === "validate") {
    const configDir = values.config ?? "reports-config";
    if (ownProcess) capTiersForSmallCheck(configDir);
    const { checkPortfolio, problemsFound, validLine } = await import("./chunks/validate-OHEZIMGF.js");
    const result = await checkPortfolio(configDir, { render: true });
    if ("errors" in result) {
      for (const error of result.errors) console.error(formatConfigError(error));
      console.error(problemsFound(result.errors.length, configDir));
      return 2;
    }
    console.log(validLine(result.portfolio, configDir));
    return 0;
  }
  try {
    const raw = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [
        key,
        typeof value === "boolean" ? String(value) : value
      ])
    );
    const canOpenIssues = Boolean(env.GITHUB_TOKEN && env.GITHUB_REPOSITORY);
    const defaults = {
      mode: "send",
      out: "boardroom-out",
      tasks: canOpenIssues ? "github" : "none",
      "github-token": env.GITHUB_TOKEN
    };
    const options = resolveOptions(
      { ...defaults, ...raw, ...command === "alerts" ? { mode: "alerts" } : {} },
      env
    );
    const result = ownProcess ? await (await import("./chunks/pipeline-thread-RZ2M73DW.js")).runPipelineOnThread(options, cliLogger(log)) : await (await import("./chunks/pipeline-I27PV2W5.js")).runPipeline(options, cliLogger(log));
    if (result.configErrors) {
      for (const error of result.configErrors) console.error(formatConfigError(error));
      const { problemsFound } = await import("./chunks/validate-OHEZIMGF.js");
      console.error(problemsFound(result.configErrors.length, options.config));
    }
    if (result.summary && options.mode === "alerts") {
      console.log(`
alerts: ${options.out}/summary.md, summary: ${options.out}/summary.json`);
    } else if (result.summary) {
      console.log(
        `
reports: ${options.out}/index.html (open it in a browser), summary: ${options.out}/summary.json`
      );
      const written = result.summary.counts.sent;
      if (options.transport === "outbox" && options.mode === "send" && written > 0)
        console.log(`messages: ${options.out}/outbox/*.eml (${written} written)`);
    }
    return result.exitCode;
  } catch (error) {
    const message = userFacingError(error);
    if (message === void 0) throw error;
    log.error(message);
    return 2;
  }
}
function cliLogger(log) {
  return {
    info: log.info,
    warning: log.warning,
    error: (message, where) => where?.file ? void 0 : log.error(message)
  };
}
function invokedDirectly() {
  try {
    return process.argv[1] !== void 0 && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}
if (invokedDirectly()) {
  main(process.argv.slice(2), process.env, consoleLogger, { ownProcess: true }).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(`boardroom failed unexpectedly: ${error.stack ?? String(error)}`);
      process.exitCode = 1;
    }
  );
}
export {
  main
};
