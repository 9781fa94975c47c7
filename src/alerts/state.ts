// The alert state: which alert keys are firing, kept beside the delivery ledger
// (`.boardroom/alerts.json` next to `state-file`) so that a condition is mailed once when it
// becomes true and again only after it has cleared and recurred. Written atomically.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A firing key: since when it holds, and the message that told its owners. */
export interface FiringAlert {
  readonly alert: string;
  readonly entity: string | null;
  /** The as-of date of the check that first found it true (this occurrence). */
  readonly since: string;
  readonly subject: string;
  readonly message_ids: readonly string[];
}

export interface AlertState {
  readonly version: 1;
  /** The as-of date of the last completed check; null before the first. */
  readonly last_check: string | null;
  readonly firing: Readonly<Record<string, FiringAlert>>;
  /**
   * How many times each key has fired, ever: the next occurrence is a new delivery period in
   * the ledger, so a recurrence is sent even on the same day, while a crashed run's re-run is not.
   */
  readonly occurrences: Readonly<Record<string, number>>;
}

const EMPTY_ALERT_STATE: AlertState = {
  version: 1,
  last_check: null,
  firing: {},
  occurrences: {},
};

/** The alert state's file: `alerts.json` in the folder of the delivery ledger (`state-file`). */
export function alertStatePath(stateFile: string): string {
  return path.join(path.dirname(stateFile), 'alerts.json');
}

/**
 * Reads the alert state; a missing file is the empty state (no check yet).
 * @throws Error naming the file when it is not an alert state (hand-edited, cut short): better
 *   to stop than to mail every firing alert again.
 */
export async function readAlertState(file: string): Promise<AlertState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_ALERT_STATE;
    throw error;
  }
  let parsed: Partial<AlertState>;
  try {
    parsed = JSON.parse(text) as Partial<AlertState>;
  } catch (error) {
    throw new Error(`${file}: not the alert state (${(error as Error).message}); fix or delete it`);
  }
  if (parsed.version !== 1 || typeof parsed.firing !== 'object' || parsed.firing === null)
    throw new Error(`${file}: not a version-1 alert state; fix or delete it`);
  return {
    version: 1,
    last_check: parsed.last_check ?? null,
    firing: parsed.firing,
    occurrences: parsed.occurrences ?? {},
  };
}

/** Writes the state to a temporary file beside it and renames it in place: never half written. */
export async function writeAlertState(file: string, state: AlertState): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(state, null, 2) + '\n');
  await rename(temporary, file);
}
