#!/usr/bin/env node
// The command-line shell: argv -> the same options and the same pipeline as the action.
import { parseArgs } from 'node:util';
import { formatConfigError } from './config/errors.js';
import { consoleLogger, type Logger } from './logger.js';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  ACTION_INPUTS,
  MODE_INPUTS,
  resolveOptions,
  userFacingError,
  type RawInputs,
} from './options.js';
import type { PipelineOutcome } from './pipeline-thread-protocol.js';
import { capTiersForSmallCheck } from './v8-tiers.js';

const USAGE = `boardroom: executive reports from a portfolio in reports-config/

usage:
  boardroom validate [--config DIR]
  boardroom run      [--config DIR] [--out DIR] [--mode ${MODE_INPUTS.join('|')}]
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

/** Flags that take a value: every action input but the boolean force, plus the CLI's own. */
const VALUE_FLAGS = [...ACTION_INPUTS.filter((name) => name !== 'force'), 'transport', 'env-file'];

/**
 * The CLI: `argv` without node and the script, `env` for the secrets to mask and the defaults.
 * Returns the exit code (0, 1 or 2, as USAGE says). `ownProcess` is true only when this process
 * is the CLI (not a test calling main): then `validate` may tune V8 for itself (src/v8-tiers.ts),
 * and `run` and `alerts` run the pipeline on a worker thread (src/pipeline-thread.ts).
 */
export async function main(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  log: Logger = consoleLogger,
  { ownProcess = false }: { readonly ownProcess?: boolean } = {},
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...Object.fromEntries(VALUE_FLAGS.map((flag) => [flag, { type: 'string' as const }])),
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    log.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || !command) {
    console.log(USAGE);
    return command || parsed.values.help ? 0 : 2;
  }
  if (rest.length > 0 || !['run', 'validate', 'alerts'].includes(command)) {
    log.error(`unknown command "${[command, ...rest].join(' ')}"\n\n${USAGE}`);
    return 2;
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  // Run as a step of a workflow, the CLI masks the secrets it is handed, as the action does.
  const maskSecrets = () => {
    if (env.GITHUB_ACTIONS !== 'true') return;
    for (const secret of [
      values['github-token'],
      values['dashboard-token'],
      env.GITHUB_TOKEN,
      env.AWS_SECRET_ACCESS_KEY,
      env.AWS_SESSION_TOKEN,
    ]) {
      if (typeof secret === 'string' && secret) console.log(`::add-mask::${secret}`);
    }
  };
  if (typeof values['env-file'] === 'string') {
    try {
      process.loadEnvFile(values['env-file']);
    } catch (error) {
      log.error(`env-file: cannot read ${values['env-file']}: ${(error as Error).message}`);
      return 2;
    }
  }

  maskSecrets();

  if (command === 'validate') {
    const configDir = (values.config as string | undefined) ?? 'reports-config';
    // A check of a small portfolio lasts about a second: V8's optimiser costs it more than it
    // saves. Set before the checking code is loaded, so none of it is ever optimised.
    if (ownProcess) capTiersForSmallCheck(configDir);
    // Every report's templates are rendered too (as of today), so a template that cannot render
    // fails here. Only what checking needs is loaded, and only now: the pipeline (Markdown,
    // delivery) never, and `--help` or a mistyped command nothing.
    const { checkPortfolio, problemsFound, validLine } = await import('./validate.js');
    const result = await checkPortfolio(configDir, { render: true });
    if ('errors' in result) {
      for (const error of result.errors) console.error(formatConfigError(error));
      console.error(problemsFound(result.errors.length, configDir));
      return 2;
    }
    console.log(validLine(result.portfolio, configDir));
    return 0;
  }

  try {
    const raw: RawInputs = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [
        key,
        typeof value === 'boolean' ? String(value) : value,
      ]),
    );
    // Off GitHub, `auto` means send (a run that should only render says --mode dry-run), and
    // issues are opened only where a token and a repository say where.
    const canOpenIssues = Boolean(env.GITHUB_TOKEN && env.GITHUB_REPOSITORY);
    const defaults = {
      mode: 'send',
      out: 'boardroom-out',
      tasks: canOpenIssues ? 'github' : 'none',
      'github-token': env.GITHUB_TOKEN,
    };
    // `boardroom alerts` is `run --mode alerts`: the same options, the same pipeline.
    const options = resolveOptions(
      { ...defaults, ...raw, ...(command === 'alerts' ? { mode: 'alerts' } : {}) },
      env,
    );
    // Loaded here, not at the top: `validate` needs none of it (src/validate.ts is the check).
    // The CLI's own process runs the pipeline on a thread of its own (src/pipeline-thread.ts);
    // a test calling main() runs it here.
    const result: PipelineOutcome = ownProcess
      ? await (await import('./pipeline-thread.js')).runPipelineOnThread(options, cliLogger(log))
      : await (await import('./pipeline.js')).runPipeline(options, cliLogger(log));
    if (result.configErrors) {
      // As `validate` prints them: each problem as file:LINE:COL, then the count and the folder.
      for (const error of result.configErrors) console.error(formatConfigError(error));
      const { problemsFound } = await import('./validate.js');
      console.error(problemsFound(result.configErrors.length, options.config));
    }
    if (result.summary && options.mode === 'alerts') {
      console.log(`\nalerts: ${options.out}/summary.md, summary: ${options.out}/summary.json`);
    } else if (result.summary) {
      console.log(
        `\nreports: ${options.out}/index.html (open it in a browser), summary: ${options.out}/summary.json`,
      );
      // Only what was written: a message that failed has no .eml.
      const written = result.summary.counts.sent;
      if (options.transport === 'outbox' && options.mode === 'send' && written > 0)
        console.log(`messages: ${options.out}/outbox/*.eml (${written} written)`);
    }
    return result.exitCode;
  } catch (error) {
    const message = userFacingError(error);
    if (message === undefined) throw error;
    log.error(message);
    return 2;
  }
}

/** Config errors are printed by the CLI as file:line:col lines, so the logger skips them. */
function cliLogger(log: Logger): Logger {
  return {
    info: log.info,
    warning: log.warning,
    error: (message, where) => (where?.file ? undefined : log.error(message)),
  };
}

/** True when node runs this file, also through a symlink such as node_modules/.bin/boardroom. */
function invokedDirectly(): boolean {
  try {
    return (
      process.argv[1] !== undefined &&
      realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)
    );
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  main(process.argv.slice(2), process.env, consoleLogger, { ownProcess: true }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`boardroom failed unexpectedly: ${(error as Error).stack ?? String(error)}`);
      process.exitCode = 1;
    },
  );
}
