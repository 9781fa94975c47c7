// The delivery loop: the plan goes out in waves, each message paced to the account's rate (with
// as many in flight as that rate needs at the latency observed: pacer.ts SendConcurrency),
// retried through throttling and transient faults, and recorded in the ledger the moment it is
// accepted. A wave that fails more than the set share holds back the rest of the plan. The first
// wave is small (a canary for a wrong sender or region); each wave after it is twice as large.
import { mapConcurrently } from '../concurrency.js';
import type { Logger } from '../logger.js';
import type { DeliveryLedger } from './ledger.js';
import { realClock, type Clock, type ConcurrencyLimit, type Pacer } from './pacer.js';
import { recipientCount, recipientKeys, withoutRecipients, type OutgoingMessage } from './plan.js';
import { DEFAULT_RETRY, withRetries, type RetryPolicy } from './retry.js';
import { failureKind, type Transport } from './transport.js';

export interface DeliveryResult {
  readonly key: string;
  readonly report: string;
  readonly status: 'sent' | 'failed' | 'skipped';
  readonly messageId?: string;
  readonly error?: string;
  /** Not attempted: an earlier wave tripped the breaker. */
  readonly heldBack?: boolean;
}

export interface DeliverySettings {
  readonly transport: Transport;
  readonly log: Logger;
  /** Where each accepted message is recorded; absent for the outbox, which keeps no ledger. */
  readonly ledger?: DeliveryLedger;
  /** Absent: unpaced (the outbox). */
  readonly pacer?: Pacer;
  /**
   * Sends in flight at once: a fixed number, or a limit that follows the observed latency
   * (SendConcurrency, from pacedSending). Absent: one at a time.
   */
  readonly concurrency?: number | ConcurrencyLimit;
  readonly waveSize?: number;
  readonly maxWaveFailureShare?: number;
  readonly retry?: RetryPolicy;
  readonly clock?: Clock;
}

export interface DeliveryOutcome {
  readonly results: DeliveryResult[];
  readonly retried: number;
  /** Sends allowed in flight when the plan was done (what the observed latency gave). */
  readonly inFlight?: number;
}

/**
 * Splits a plan by the ledger, reader by reader: a message whose recipients all had the report
 * this period is skipped (with the earlier message id); one that some of them had goes to the
 * others only, each in their role; the rest is still to send. `force` sends everything again.
 */
export function splitByLedger(
  plan: readonly OutgoingMessage[],
  ledger: DeliveryLedger | undefined,
  force: boolean,
  log?: Logger,
): { skipped: DeliveryResult[]; pending: OutgoingMessage[] } {
  const skipped: DeliveryResult[] = [];
  const pending: OutgoingMessage[] = [];
  for (const message of plan) {
    const match = force || !ledger ? undefined : ledger.match(message);
    if (match?.unclear) log?.warning(match.unclear);
    if (!match || match.reached.size === 0) {
      pending.push(message);
      continue;
    }
    const rest = withoutRecipients(message, match.reached);
    if (rest) {
      log?.info(
        `${message.key}: ${recipientCount(message.recipients) - recipientCount(rest.recipients)} of ${recipientCount(message.recipients)} recipients had it earlier this period; sending to the ${recipientCount(rest.recipients)} who did not`,
      );
      pending.push(rest);
    } else
      skipped.push({
        key: message.key,
        report: message.report,
        status: 'skipped',
        messageId: match.earlier[0]!.message_id,
      });
  }
  return { skipped, pending };
}

/** Sends every message of the plan (what the ledger says went out is split off before). */
export async function deliver(
  plan: readonly OutgoingMessage[],
  settings: DeliverySettings,
): Promise<DeliveryOutcome> {
  const { transport, log, ledger } = settings;
  const clock = settings.clock ?? realClock;
  const waveSize = settings.waveSize ?? (plan.length || 1);
  const concurrency = fixedOr(settings.concurrency);
  // A call took `ms`: the latency measure moves, and the limit (read at each start) with it.
  const timed = (ms: number) => concurrency.observe(ms);
  const results = new Map<string, DeliveryResult>();
  let retried = 0;

  const sendOne = async (message: OutgoingMessage): Promise<DeliveryResult> => {
    // When the accepted call started: its time in flight runs until the ledger has it.
    let acceptedCallStart = 0;
    try {
      const messageId = await withRetries(
        async () => {
          await settings.pacer?.acquire(recipientCount(message.recipients));
          const started = clock.now();
          try {
            const id = await transport.send(message);
            settings.pacer?.succeeded();
            acceptedCallStart = started;
            return id;
          } catch (error) {
            timed(clock.now() - started);
            if (failureKind(error) === 'throttled') settings.pacer?.throttled();
            throw error;
          }
        },
        settings.retry ?? DEFAULT_RETRY,
        clock,
        () => {
          retried += 1;
        },
      );
      try {
        await ledger?.record({
          report: message.report,
          period: message.period,
          key: message.key,
          recipients: recipientKeys(message.recipients),
          ...(message.isTest ? { test: true as const } : {}),
          recipients_hash: message.recipientsHash,
          message_id: messageId,
          at: new Date().toISOString(),
        });
        timed(clock.now() - acceptedCallStart);
      } catch (error) {
        // Delivered, but a re-run would not know it: sent, and loudly not recorded.
        const reason = `delivered as ${messageId} but not recorded in the ledger (a re-run would send it again): ${(error as Error).message}`;
        log.error(`${message.key}: ${reason}`);
        return {
          key: message.key,
          report: message.report,
          status: 'sent',
          messageId,
          error: reason,
        };
      }
      return { key: message.key, report: message.report, status: 'sent', messageId };
    } catch (error) {
      const reason = (error as Error).message;
      log.error(`${message.key}: not delivered: ${reason}`);
      return { key: message.key, report: message.report, status: 'failed', error: reason };
    }
  };

  const waves = doublingWaves(plan, waveSize);
  for (const [index, wave] of waves.entries()) {
    // Own code rather than Bottleneck: its every start waits for a timer tick, which caps it
    // near 1,000 starts a second when idle and at tens a second on a loaded machine.
    const waveResults = await mapConcurrently(wave, () => concurrency.limit, sendOne);
    for (const result of waveResults) results.set(result.key, result);
    const all = [...results.values()];
    const count = (status: DeliveryResult['status']) =>
      all.filter((r) => r.status === status).length;
    log.info(
      `wave ${index + 1}/${waves.length}: sent ${count('sent')}/${plan.length}, ${retried} retried, ${count('failed')} failed`,
    );

    const attempted = waveResults;
    const failed = attempted.filter((r) => r.status === 'failed');
    const rest = waves.slice(index + 1).flat();
    if (
      rest.length > 0 &&
      attempted.length > 0 &&
      failed.length / attempted.length > (settings.maxWaveFailureShare ?? 1)
    ) {
      const reason = `held back: wave ${index + 1} failed ${failed.length} of ${attempted.length} (${failed[0]!.error})`;
      log.error(
        `stopping before the next wave: ${failed.length} of ${attempted.length} messages in wave ${index + 1} failed; ${rest.length} held back`,
      );
      for (const message of rest)
        results.set(message.key, {
          key: message.key,
          report: message.report,
          status: 'failed',
          error: reason,
          heldBack: true,
        });
      break;
    }
  }
  return {
    results: plan.map((message) => results.get(message.key)!),
    retried,
    inFlight: concurrency.limit,
  };
}

/** Waves of `first`, 2 x first, 4 x first ... items. */
export function doublingWaves<T>(items: readonly T[], first: number): T[][] {
  const waves: T[][] = [];
  for (let start = 0, size = first; start < items.length; start += size, size *= 2) {
    waves.push(items.slice(start, start + size));
  }
  return waves;
}

/** A fixed number of sends in flight as a limit that never moves; absent is one at a time. */
function fixedOr(concurrency: DeliverySettings['concurrency']): ConcurrencyLimit {
  if (typeof concurrency === 'object') return concurrency;
  const limit = Math.max(1, concurrency ?? 1);
  return { limit, observe: () => undefined };
}
