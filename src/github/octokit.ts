// The one Octokit every GitHub call goes through: GITHUB_API_URL passed in (not read at import),
// writes paced, secondary rate limits waited out, 5xx retried.
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import type { Logger } from '../logger.js';

export type Octokit = ReturnType<typeof getOctokit>;

export interface OctokitSettings {
  readonly token: string;
  readonly apiUrl?: string;
  /** The pause between two writes; GitHub asks for at least a second. */
  readonly writePauseMs?: number;
  readonly log: Logger;
}

export function createOctokit(settings: OctokitSettings): Octokit {
  const { log } = settings;
  return getOctokit(
    settings.token,
    {
      ...(settings.apiUrl ? { baseUrl: settings.apiUrl } : {}),
      throttle: {
        // Writes one at a time, a second apart: under GitHub's 80 content-creating requests a
        // minute (the plugin's own default for issues and comments is 3 s).
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: settings.writePauseMs ?? 1000 }),
        notifications: new Bottleneck.Group({
          maxConcurrent: 1,
          minTime: settings.writePauseMs ?? 1000,
        }),
        onRateLimit: (
          retryAfter: number,
          _options: unknown,
          _octokit: unknown,
          retryCount: number,
        ) => {
          log.warning(`GitHub rate limit reached: waiting ${retryAfter} s`);
          return retryCount < 2;
        },
        onSecondaryRateLimit: (
          retryAfter: number,
          _options: unknown,
          _octokit: unknown,
          retryCount: number,
        ) => {
          log.warning(`GitHub secondary rate limit: waiting ${retryAfter} s`);
          return retryCount < 2;
        },
      },
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451], retries: 2 },
    },
    throttling,
    retry,
  );
}
