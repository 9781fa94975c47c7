// The delivery loop: the plan goes out in waves, each message paced to the account's rate (with
// as many in flight as that rate needs at the latency observed: pacer.ts SendConcurrency),
// retried through throttling and transient faults, and recorded in the ledger the moment it is
// accepted. A wave that fails more than the set share holds back the rest of the plan. The first
// wave is small (a canary for a wrong sender or region); each wave after it is twice as large.
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
  const maxFailureShare = settings.maxWaveFailureShare ?? 1;
  await sendInWaves(
    waves,
    () => concurrency.limit,
    maxFailureShare,
    sendOne,
    (index, wave) => {
      for (const result of wave) results.set(result.key, result);
      const all = [...results.values()];
      const count = (status: DeliveryResult['status']) =>
        all.filter((r) => r.status === status).length;
      log.info(
        `wave ${index + 1}/${waves.length}: sent ${count('sent')}/${plan.length}, ${retried} retried, ${count('failed')} failed`,
      );
      const failed = wave.filter((r) => r.status === 'failed');
      const rest = waves.slice(index + 1).flat();
      if (rest.length === 0 || wave.length === 0 || failed.length / wave.length <= maxFailureShare)
        return;
      const reason = `held back: wave ${index + 1} failed ${failed.length} of ${wave.length} (${failed[0]!.error})`;
      log.error(
        `stopping before the next wave: ${failed.length} of ${wave.length} messages in wave ${index + 1} failed; ${rest.length} held back`,
      );
      for (const message of rest)
        results.set(message.key, {
          key: message.key,
          report: message.report,
          status: 'failed',
          error: reason,
          heldBack: true,
        });
    },
  );
  return {
    results: plan.map((message) => results.get(message.key)!),
    retried,
    inFlight: concurrency.limit,
  };
}

/**
 * Runs `send` over the waves' messages in order with at most `limit()` running (read at every
 * start), and calls `waveDone(index, results)` for each wave once all its messages are done, in
 * wave order. The breaker's rule is that a wave failing more than `maxFailureShare` of its
 * messages holds back every later wave: so wave k + 1 may start as soon as wave k cannot fail
 * more than that share any more (its failures so far plus everything still running stay within
 * it), not when its last call returns. A healthy plan therefore flows as one stream at the
 * account's rate instead of draining to nothing at each wave's end; a wave that does fail is
 * still sent whole, and nothing after it starts. Resolves when every started message is done.
 * `send` must not reject (a failure is a result). Own code rather than Bottleneck: its every
 * start waits for a timer tick, which caps it near 1,000 starts a second when idle.
 */
export function sendInWaves<T, R extends { status: string }>(
  waves: readonly (readonly T[])[],
  limit: () => number,
  maxFailureShare: number,
  send: (item: T) => Promise<R>,
  waveDone: (index: number, results: R[]) => void,
): Promise<void> {
  const done = waves.map(() => 0);
  const failed = waves.map(() => 0);
  const results: R[][] = waves.map((wave) => new Array<R>(wave.length));
  /** Waves 0 .. open - 1 may start their messages. */
  let open = Math.min(1, waves.length);
  let wave = 0;
  let next = 0;
  let running = 0;
  let reported = 0;
  // Even if every message of wave k not done yet fails, the breaker does not trip.
  const cleared = (k: number) =>
    failed[k]! + (waves[k]!.length - done[k]!) <= maxFailureShare * waves[k]!.length;
  return new Promise((resolve) => {
    const startMore = () => {
      // A wave that failed past the share is never cleared: nothing after it opens.
      while (open < waves.length && cleared(open - 1)) open += 1;
      while (running < Math.max(1, limit())) {
        while (wave < open && next >= waves[wave]!.length) {
          wave += 1;
          next = 0;
        }
        if (wave >= open) break;
        const k = wave;
        const index = next++;
        running += 1;
        void send(waves[k]![index]!).then((result) => {
          running -= 1;
          results[k]![index] = result;
          done[k]! += 1;
          if (result.status === 'failed') failed[k]! += 1;
          // Each wave reported once it and every wave before it are done, in order.
          while (reported < open && done[reported] === waves[reported]!.length) {
            waveDone(reported, results[reported]!);
            reported += 1;
          }
          startMore();
        });
      }
      // Nothing running and nothing could start: every wave that may go has gone.
      if (running === 0) resolve();
    };
    startMore();
  });
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
