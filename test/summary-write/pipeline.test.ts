// The run's summary.json, in every mode that writes one: the bytes of
// JSON.stringify(summary, null, 2) + '\n' for the summary the run returns, written without one
// JSON.stringify of the whole summary (the 15 MB string that was a 1,000-report run's last peak).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryLogger } from '../../src/logger.js';
import { resolveOptions, type RawInputs } from '../../src/options.js';
import { runPipeline } from '../../src/pipeline.js';
import { copyExampleConfig, tempDir } from '../helpers.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs the pipeline on the example portfolio, noting every object JSON.stringify was given. */
async function run(inputs: RawInputs, env: NodeJS.ProcessEnv = {}) {
  const stringify = JSON.stringify.bind(JSON);
  const given = new Set<unknown>();
  vi.spyOn(JSON, 'stringify').mockImplementation((...args: Parameters<typeof stringify>) => {
    given.add(args[0]);
    return stringify(...args);
  });
  const out = path.join(tempDir(), 'out');
  const options = resolveOptions(
    { config: copyExampleConfig(), out, 'as-of': '2026-11-24', ...inputs },
    env,
  );
  const log = memoryLogger();
  const result = await runPipeline(options, log);
  vi.restoreAllMocks();
  return { result, given, log, written: readFileSync(path.join(out, 'summary.json')) };
}

describe("the run's summary.json", () => {
  const modes: [string, RawInputs, NodeJS.ProcessEnv][] = [
    ['dry-run', { mode: 'dry-run' }, {}],
    ['send (outbox)', { mode: 'send', tasks: 'none' }, {}],
    ['preview', { 'base-config': copyExampleConfig() }, { GITHUB_EVENT_NAME: 'pull_request' }],
  ];
  it.each(modes)(
    '%s: is JSON.stringify(summary, null, 2) of the summary it returns, made in pieces',
    async (_mode, inputs, env) => {
      const { result, given, log, written } = await run(inputs, env);
      expect(result.exitCode, log.lines.join('\n')).toBe(0);
      expect(result.summary?.reports.length).toBe(8);
      expect(written.equals(Buffer.from(`${JSON.stringify(result.summary, null, 2)}\n`))).toBe(
        true,
      );
      // Neither the summary nor its reports went through one JSON.stringify: only their members.
      const { summary } = result;
      expect(given.has(summary) || given.has(summary?.reports)).toBe(false);
      expect(given.has(summary?.reports[0])).toBe(true);
    },
  );
});
