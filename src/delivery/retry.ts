// Retries with exponential back-off and full jitter. SES sends no Retry-After, and the SDK's own
// three attempts are far too few to ride out a throttled account, so this sits on top of it.
import type { Clock } from './pacer.js';
import { failureKind, type FailureKind } from './transport.js';

export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 8, baseDelayMs: 500, maxDelayMs: 30_000 };

/** The longest wait before attempt `n` (1-based retries): base x 2^(n-1), capped. */
export function backoffCeiling(retry: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
}

export async function withRetries<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  clock: Clock,
  onRetry: (error: unknown, kind: FailureKind, retry: number) => void,
  random: () => number = Math.random,
): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      const kind = failureKind(error);
      if (kind === 'permanent' || tries >= policy.attempts) throw error;
      onRetry(error, kind, tries);
      await clock.sleep(random() * backoffCeiling(tries, policy));
    }
  }
}
