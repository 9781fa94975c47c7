// One typed options object for a run, built from the action's inputs or the CLI's flags by the
// same function, so the two shells can never disagree about what an input means.
import { readFileSync } from 'node:fs';
import { EARLIEST_INPUT_YEAR, parseIsoDate } from './config/iso-date.js';
import { checkMailbox } from './config/mailbox.js';

/**
 * What a run does: `send`, `dry-run` (everything but SES and tasks), `preview` (a dry-run and the
 * pull request's comparison), `validate` (check only), `alerts` (check portfolio.yml's alerts and
 * mail those that became true, src/alerts; no reports).
 */
export const MODES = ['send', 'dry-run', 'preview', 'validate', 'alerts'] as const;
export type Mode = (typeof MODES)[number];
/**
 * What the `mode` input and `--mode` accept: a mode, or `auto` (resolveMode). The CLI's usage
 * lists these, so it names every value a run takes and no other.
 */
export const MODE_INPUTS = [...MODES, 'auto'] as const;
export type TransportName = 'outbox' | 'ses';
export type TaskSinkName = 'github' | 'webhook' | 'none';

export interface RunOptions {
  readonly config: string;
  readonly out: string;
  readonly mode: Mode;
  readonly transport: TransportName;
  /** Report ids to run; null runs them all. */
  readonly reports: readonly string[] | null;
  /** YYYY-MM-DD; undefined means today in the portfolio's time zone. */
  readonly asOf?: string;
  readonly testRecipient?: string;
  /** The aws-region input; the portfolio's ses.region comes next, then `environmentRegion`. */
  readonly awsRegion?: string;
  /** AWS_REGION (or AWS_DEFAULT_REGION) from the environment. */
  readonly environmentRegion?: string;
  readonly sesEndpoint?: string;
  readonly maxSendRate?: number;
  readonly tasks: TaskSinkName;
  readonly githubToken?: string;
  readonly dashboardUrl?: string;
  readonly dashboardToken?: string;
  readonly stateFile: string;
  readonly force: boolean;
  readonly artifactName: string;
  /** The base branch's portfolio, checked out beside the head, that a preview compares with. */
  readonly baseConfig?: string;
  readonly run: RunContext;
}

/** Where the run happens: the GitHub event and run, when there is one. */
export interface RunContext {
  readonly event: string;
  readonly runId?: string;
  readonly attempt?: string;
  /** owner/name */
  readonly repository?: string;
  readonly serverUrl?: string;
  /** The REST API root (GITHUB_API_URL), read when the run starts, not at import. */
  readonly apiUrl?: string;
  /** The pull request a pull_request* event is about. */
  readonly pullRequest?: { readonly number: number; readonly fromFork: boolean };
}

/** The run's page on GitHub, when the run is on GitHub. */
export function runUrl(run: RunContext): string | undefined {
  return run.serverUrl && run.repository && run.runId
    ? `${run.serverUrl}/${run.repository}/actions/runs/${run.runId}`
    : undefined;
}

const FILE_SYSTEM_CODES = new Set([
  'ENOENT',
  'ENOTDIR',
  'EISDIR',
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'EEXIST',
]);

/**
 * What to tell a user about an error they can fix (a wrong input, a path that is not a folder,
 * a folder that cannot be written), or undefined for a bug, which deserves its stack trace.
 */
export function userFacingError(error: unknown): string | undefined {
  if (error instanceof ArgumentError) return error.message;
  const { code, path: where, syscall } = error as NodeJS.ErrnoException;
  if (code && FILE_SYSTEM_CODES.has(code))
    return `cannot ${syscall ?? 'use'} ${where ?? 'a path'}: ${code}`;
  return undefined;
}

/** A wrong input or flag: the run stops before anything is read or sent (exit code 2). */
export class ArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArgumentError';
  }
}

/** Every input action.yml declares, by name: the CLI has the same flags (test asserts it). */
export const ACTION_INPUTS = [
  'config',
  'mode',
  'reports',
  'as-of',
  'test-recipient',
  'aws-region',
  'ses-endpoint',
  'max-send-rate',
  'tasks',
  'github-token',
  'dashboard-url',
  'dashboard-token',
  'state-file',
  'force',
  'out',
  'artifact-name',
  'base-config',
] as const;

/** Inputs by their action.yml names (`as-of`, `test-recipient`, ...); empty means unset. */
export type RawInputs = Partial<Record<string, string>>;

export function resolveOptions(
  raw: RawInputs,
  env: NodeJS.ProcessEnv,
  defaults: { transport?: TransportName } = {},
): RunOptions {
  const input = (name: string) => {
    const value = raw[name]?.trim();
    return value ? value : undefined;
  };
  const event = env.GITHUB_EVENT_NAME ?? 'local';
  const mode = resolveMode(input('mode') ?? 'auto', event);
  const asOf = input('as-of');
  if (asOf !== undefined && !isDate(asOf))
    throw new ArgumentError(
      parseIsoDate(asOf, 0)
        ? `as-of: "${asOf}" is before ${String(EARLIEST_INPUT_YEAR).padStart(4, '0')}-01-01, the earliest date boardroom reads`
        : `as-of: "${asOf}" is not a date written YYYY-MM-DD`,
    );
  const testRecipient = input('test-recipient');
  const recipientCheck = testRecipient === undefined ? undefined : checkMailbox(testRecipient);
  if (recipientCheck && !recipientCheck.ok) {
    throw new ArgumentError(
      `test-recipient: "${testRecipient}" is not an email address: ${recipientCheck.reason}`,
    );
  }
  const maxSendRateText = input('max-send-rate');
  const maxSendRate = maxSendRateText === undefined ? undefined : Number(maxSendRateText);
  if (maxSendRate !== undefined && !(maxSendRate > 0))
    throw new ArgumentError(`max-send-rate: "${maxSendRateText}" must be a number above 0`);
  const tasks = oneOf(input('tasks') ?? 'github', ['github', 'webhook', 'none'] as const, 'tasks');
  const sesEndpoint = input('ses-endpoint') ?? env.AWS_ENDPOINT_URL_SESV2 ?? undefined;
  const awsRegion = input('aws-region');
  const hasAwsSettings = Boolean(
    awsRegion || sesEndpoint || env.AWS_REGION || env.AWS_ACCESS_KEY_ID || env.AWS_PROFILE,
  );
  const transport = oneOf(
    input('transport') ?? defaults.transport ?? (hasAwsSettings ? 'ses' : 'outbox'),
    ['outbox', 'ses'] as const,
    'transport',
  );
  if (tasks === 'webhook' && !input('dashboard-url'))
    throw new ArgumentError('tasks: webhook needs dashboard-url');
  const reports =
    input('reports')
      ?.split(/[,\n]/)
      .map((id) => id.trim())
      .filter(Boolean) ?? null;

  return {
    config: input('config') ?? 'reports-config',
    out: input('out') ?? 'boardroom-out',
    mode,
    transport,
    reports: reports && reports.length > 0 ? reports : null,
    ...(asOf ? { asOf } : {}),
    ...(testRecipient ? { testRecipient } : {}),
    ...(awsRegion ? { awsRegion } : {}),
    ...(env.AWS_REGION || env.AWS_DEFAULT_REGION
      ? { environmentRegion: env.AWS_REGION || env.AWS_DEFAULT_REGION }
      : {}),
    ...(sesEndpoint ? { sesEndpoint } : {}),
    ...(maxSendRate ? { maxSendRate } : {}),
    tasks,
    ...(input('github-token') ? { githubToken: input('github-token') } : {}),
    ...(input('dashboard-url') ? { dashboardUrl: input('dashboard-url') } : {}),
    ...(input('dashboard-token') ? { dashboardToken: input('dashboard-token') } : {}),
    stateFile: input('state-file') ?? '.boardroom/ledger.jsonl',
    force: parseBoolean(input('force') ?? 'false', 'force'),
    artifactName:
      raw['artifact-name'] === undefined ? 'boardroom-run' : raw['artifact-name'].trim(),
    ...(input('base-config') ? { baseConfig: input('base-config') } : {}),
    run: {
      event,
      ...(env.GITHUB_RUN_ID ? { runId: env.GITHUB_RUN_ID } : {}),
      ...(env.GITHUB_RUN_ATTEMPT ? { attempt: env.GITHUB_RUN_ATTEMPT } : {}),
      ...(env.GITHUB_REPOSITORY ? { repository: env.GITHUB_REPOSITORY } : {}),
      ...(env.GITHUB_SERVER_URL ? { serverUrl: env.GITHUB_SERVER_URL } : {}),
      ...(env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {}),
      ...pullRequestOf(env),
    },
  };
}

/** The pull request in GITHUB_EVENT_PATH, and whether it comes from a fork (read-only token). */
function pullRequestOf(env: NodeJS.ProcessEnv): { pullRequest?: RunContext['pullRequest'] } {
  if (!env.GITHUB_EVENT_PATH || !(env.GITHUB_EVENT_NAME ?? '').startsWith('pull_request'))
    return {};
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      pull_request?: { number?: number; head?: { repo?: { full_name?: string } | null } };
      repository?: { full_name?: string };
    };
    const number = event.pull_request?.number;
    if (typeof number !== 'number') return {};
    const head = event.pull_request?.head?.repo?.full_name;
    return {
      pullRequest: { number, fromFork: head !== undefined && head !== event.repository?.full_name },
    };
  } catch {
    return {};
  }
}

/** `auto` previews on pull requests (never sends there) and sends on every other event. */
export function resolveMode(mode: string, event: string): Mode {
  const given = oneOf(mode, MODE_INPUTS, 'mode');
  const chosen = given !== 'auto' ? given : event.startsWith('pull_request') ? 'preview' : 'send';
  // A pull request never sends, whatever the mode says: alerts only validate there.
  if (chosen === 'send' && event.startsWith('pull_request')) return 'preview';
  if (chosen === 'alerts' && event.startsWith('pull_request')) return 'validate';
  return chosen;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ArgumentError(`${name}: "${value}" is not one of ${allowed.join(', ')}`);
}

function parseBoolean(value: string, name: string): boolean {
  if (/^(true|yes|1)$/i.test(value)) return true;
  if (/^(false|no|0)$/i.test(value)) return false;
  throw new ArgumentError(`${name}: "${value}" is not true or false`);
}

/** Whether `text` is a date as every other input reads one (parseIsoDate): never throws. */
function isDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}
