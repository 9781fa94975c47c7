// The SES stub (test/ses-stub.ts) in a child process of its own. SES is remote: its HTTP parsing,
// JSON and rate book-keeping are not the sender's CPU. With the stub in the sender's process, at
// 1,000 calls a second the two share one event loop and the bench measures the stub as much as
// the sender; scripts/bench-send.ts therefore runs it here. Same server, same rules (429 over
// MaxSendRate in a one-second window, the set latency); only options that cross a process
// boundary (no `decide` callback), and the counts are read over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSesStub, type StubOptions } from './ses-stub.js';

/** What the child's stub counted: SendEmail and GetAccount calls, and 429s it answered. */
export interface StubCalls {
  readonly sendEmail: number;
  readonly getAccount: number;
  readonly throttled: number;
}

/** The stub in a child process: its URL, its counts (asked over IPC), and a way to stop it. */
export interface SesStubProcess {
  readonly url: string;
  /** The counts so far (a round trip to the child). */
  calls(): Promise<StubCalls>;
  /** Stops the child's server and waits for the child to exit. */
  close(): Promise<void>;
}

type ToChild = { kind: 'calls' } | { kind: 'close' };
type FromChild = { kind: 'listening'; url: string } | { kind: 'calls'; calls: StubCalls };

/**
 * Starts the stub in a child node process (through tsx, so it runs the TypeScript of
 * test/ses-stub.ts) and resolves once it listens on 127.0.0.1. `childFile` is this file's path:
 * a bundle that includes this module must pass it (its own import.meta.url is the bundle's).
 * @throws Error when the child exits before it listens.
 */
export async function startSesStubProcess(
  options: Omit<StubOptions, 'decide'>,
  childFile: string = fileURLToPath(import.meta.url),
): Promise<SesStubProcess> {
  const child = fork(childFile, [JSON.stringify(options)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`the SES stub's process exited (${code}) before it listened`));
    child.once('exit', onExit);
    child.once('message', (message: FromChild) => {
      child.off('exit', onExit);
      if (message.kind === 'listening') resolve(message.url);
      else reject(new Error(`the SES stub's process said ${message.kind} before it listened`));
    });
  });
  return {
    url,
    calls: () => ask(child),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send({ kind: 'close' } satisfies ToChild);
      }),
  };
}

function ask(child: ChildProcess): Promise<StubCalls> {
  return new Promise((resolve) => {
    const onMessage = (message: FromChild) => {
      if (message.kind !== 'calls') return;
      child.off('message', onMessage);
      resolve(message.calls);
    };
    child.on('message', onMessage);
    child.send({ kind: 'calls' } satisfies ToChild);
  });
}

// The child: argv[2] holds the options as JSON.
if (process.argv[1]?.endsWith('ses-stub-process.ts') && process.send) {
  const options = JSON.parse(process.argv[2] ?? '{}') as StubOptions;
  const stub = await startSesStub(options);
  // The accepted messages are not asked for across the boundary: do not let them pile up.
  const trim = setInterval(() => stub.accepted.splice(0), 500);
  process.on('message', (message: ToChild) => {
    if (message.kind === 'calls') process.send!({ kind: 'calls', calls: { ...stub.calls } });
    else {
      clearInterval(trim);
      void stub.close().then(() => process.exit(0));
    }
  });
  // The parent gone (ended, or crashed without closing us): so is the stub.
  process.on('disconnect', () => process.exit(0));
  process.send({ kind: 'listening', url: stub.url } satisfies FromChild);
}
