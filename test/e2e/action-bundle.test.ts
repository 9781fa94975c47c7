// Runs the committed bundle the way a runner does: INPUT_* variables, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, and checks it runs the same pipeline as the CLI.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { memoryLogger } from '../../src/logger.js';
import type { RunSummary } from '../../src/summary/model.js';
import { copyExampleConfig, readOutputs, REPO_ROOT, tempDir } from '../helpers.js';

const run = promisify(execFile);

describe('node dist/index.js as a runner runs it', () => {
  it('runs a dry-run with the same results as the CLI, and writes outputs and the job summary', async () => {
    const work = tempDir();
    const config = copyExampleConfig();
    const outputFile = path.join(work, 'output.txt');
    const summaryFile = path.join(work, 'summary.md');
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    const { stdout } = await run(process.execPath, [path.join(REPO_ROOT, 'dist', 'index.js')], {
      cwd: work,
      env: {
        PATH: process.env.PATH,
        INPUT_CONFIG: config,
        INPUT_MODE: 'dry-run',
        'INPUT_AS-OF': '2026-11-24',
        INPUT_OUT: path.join(work, 'action-out'),
        INPUT_TASKS: 'none',
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        GITHUB_EVENT_NAME: 'schedule',
        GITHUB_RUN_ID: '4242',
        GITHUB_RUN_ATTEMPT: '1',
      },
    });
    expect(stdout).toContain('dry-run: nothing is sent');

    const outputs = readOutputs(outputFile);
    expect(outputs).toMatchObject({
      sent: '0',
      skipped: '0',
      failed: '0',
      'summary-path': path.join(work, 'action-out', 'summary.json'),
    });
    expect(JSON.parse(outputs['message-ids']!)).toMatchObject({ cfo: [], ceo: [] });
    expect(readFileSync(summaryFile, 'utf8')).toContain('## Reports');

    const fromAction = JSON.parse(readFileSync(outputs['summary-path']!, 'utf8')) as RunSummary;
    expect(fromAction.run).toMatchObject({
      mode: 'dry-run',
      event: 'schedule',
      run_id: '4242',
      attempt: '1',
    });

    const cliOut = path.join(work, 'cli-out');
    expect(
      await main(
        ['run', '--config', config, '--out', cliOut, '--mode', 'dry-run', '--as-of', '2026-11-24'],
        {},
        memoryLogger(),
      ),
    ).toBe(0);
    const fromCli = JSON.parse(
      readFileSync(path.join(cliOut, 'summary.json'), 'utf8'),
    ) as RunSummary;
    // The same pipeline: the same reports, subjects, findings, actions and metrics.
    expect(fromAction.reports).toEqual(fromCli.reports);
    expect(fromAction.metrics).toEqual(fromCli.metrics);
    expect(readFileSync(path.join(work, 'action-out', 'reports', 'cfo.html'), 'utf8')).toBe(
      readFileSync(path.join(cliOut, 'reports', 'cfo.html'), 'utf8'),
    );
  });

  it('fails with annotations naming the file and line when the portfolio is invalid', async () => {
    const work = tempDir();
    const config = copyExampleConfig();
    const reportFile = path.join(config, 'reports', 'cfo.yml');
    writeFileSync(
      reportFile,
      readFileSync(reportFile, 'utf8').replace('persona: cfo', 'persona: cfoo'),
    );
    const result = await run(process.execPath, [path.join(REPO_ROOT, 'dist', 'index.js')], {
      cwd: work,
      env: {
        PATH: process.env.PATH,
        INPUT_CONFIG: config,
        INPUT_MODE: 'dry-run',
        INPUT_OUT: path.join(work, 'out'),
        GITHUB_EVENT_NAME: 'schedule',
      },
    }).catch((error: { code: number; stdout: string }) => error);
    expect((result as { code?: number }).code).toBe(2);
    expect(result.stdout).toMatch(
      new RegExp(
        `::error file=${reportFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},line=1,col=\\d+::.*persona`,
      ),
    );
    expect(result.stdout).toContain(
      '::error::the portfolio or the inputs are invalid: nothing was sent',
    );
  });
});
