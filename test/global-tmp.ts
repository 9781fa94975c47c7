// Every temporary folder a test run makes (tests, the CLI they spawn, the tools it runs) goes under
// one folder of its own, removed when the run ends: a run used to leave thousands of folders in
// /tmp. Set BOARDROOM_KEEP_TEST_TMP=1 to keep it for a look after a failure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'boardroom-test-run-'));
  // Workers are started after global setup, so they inherit this (os.tmpdir() reads TMPDIR).
  process.env.TMPDIR = root;
  return () => {
    if (process.env.BOARDROOM_KEEP_TEST_TMP) {
      console.log(`test temporary files kept in ${root}`);
      return;
    }
    rmSync(root, { recursive: true, force: true });
  };
}
