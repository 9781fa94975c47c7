// The delivery stage: picks the transport, checks the account's limits before anything is
// sent, opens the ledger, then hands the plan to the delivery loop.
import path from 'node:path';
import type { Portfolio } from '../config/load.js';
import type { Logger } from '../logger.js';
import { ArgumentError, type RunOptions } from '../options.js';
import { deliver, splitByLedger, type DeliveryOutcome, type DeliveryResult } from './deliver.js';
import { DeliveryLedger } from './ledger.js';
import { pacedSending } from './pacer.js';
import { recipientCount, type OutgoingMessage } from './plan.js';
import type { Transport } from './transport.js';
import { count } from '../analysis/findings.js';

export type { DeliveryResult } from './deliver.js';

/** The SES sandbox rate: what a run assumes when the account cannot be read. */
export const FALLBACK_SEND_RATE = 1;

export type TransportFactory = (options: RunOptions, portfolio: Portfolio) => Promise<Transport>;

export async function createTransport(
  options: RunOptions,
  portfolio: Portfolio,
): Promise<Transport> {
  if (options.transport === 'outbox') {
    const { OutboxTransport } = await import('./outbox.js');
    return new OutboxTransport(path.join(options.out, 'outbox'));
  }
  const region = options.awsRegion ?? portfolio.settings.ses.region ?? options.environmentRegion;
  if (!region)
    throw new ArgumentError(
      'aws-region: no SES region (set the input, ses.region in portfolio.yml, or AWS_REGION)',
    );
  // Loaded only when a run sends through SES: the SDK is most of the start-up time otherwise.
  const { SesTransport } = await import('./ses.js');
  return new SesTransport({
    region,
    ...(options.sesEndpoint ? { endpoint: options.sesEndpoint } : {}),
    ...(portfolio.settings.ses.configuration_set
      ? { configurationSet: portfolio.settings.ses.configuration_set }
      : {}),
  });
}

export async function runDelivery(
  plan: readonly OutgoingMessage[],
  options: RunOptions,
  portfolio: Portfolio,
  log: Logger,
  factory: TransportFactory = createTransport,
): Promise<DeliveryOutcome> {
  const transport = await factory(options, portfolio);
  // The ledger guards real deliveries; the outbox is rewritten on every run.
  const ledger =
    transport.name === 'ses' ? await DeliveryLedger.open(options.stateFile) : undefined;
  const { skipped, pending } = splitByLedger(plan, ledger, options.force, log);
  // Results in the plan's order: what went out earlier this period stays skipped.
  const inPlanOrder = (results: readonly DeliveryResult[]): DeliveryResult[] => {
    const byKey = new Map([...skipped, ...results].map((r) => [r.key, r]));
    return plan.map((m) => byKey.get(m.key)!);
  };
  // Only what is still to send can fail.
  const failAll = (reason: string): DeliveryOutcome => {
    log.error(reason);
    return {
      retried: 0,
      results: inPlanOrder(
        pending.map((m) => ({ key: m.key, report: m.report, status: 'failed', error: reason })),
      ),
    };
  };

  let paced: ReturnType<typeof pacedSending> | undefined;
  if (transport.account && pending.length > 0) {
    const answer = await transport.account();
    let rate: number;
    if ('error' in answer) {
      rate = options.maxSendRate ?? FALLBACK_SEND_RATE;
      log.warning(
        `could not read the SES account's sending rate (${answer.error}); pacing at ${rate} recipients/s from max-send-rate`,
      );
    } else {
      const account = answer.account;
      if (!account.sendingEnabled)
        return failAll('SES sending is paused for this account: nothing was sent');
      if (account.sandbox)
        log.warning('the SES account is in the sandbox: only verified addresses receive mail');
      const remaining =
        account.max24HourSend < 0 ? Infinity : account.max24HourSend - account.sentLast24Hours;
      const needed = pending.reduce((total, m) => total + recipientCount(m.recipients), 0);
      if (needed > remaining) {
        let fit = 0;
        for (
          let used = 0;
          fit < pending.length && used + recipientCount(pending[fit]!.recipients) <= remaining;
          fit += 1
        )
          used += recipientCount(pending[fit]!.recipients);
        return failAll(
          `the plan needs ${needed} recipients but the 24-hour SES quota has ${Math.max(remaining, 0)} left: nothing was sent (${fit} of ${pending.length} messages would fit)`,
        );
      }
      rate = account.maxSendRate;
      log.info(
        `SES account: ${rate} recipients/s, ${remaining === Infinity ? 'no daily limit' : `${remaining} left of the 24-hour quota`}`,
      );
    }
    paced = pacedSending(rate);
  }

  log.info(
    `sending ${pending.length} of ${count(plan.length, 'message')} through ${transport.name}${pending.length < plan.length ? ' (the rest went out earlier this period)' : ''}`,
  );
  const outcome = await deliver(pending, {
    transport,
    log,
    ...(ledger ? { ledger } : {}),
    // Paced to the account's rate, with as many calls in flight as that rate needs.
    ...(paced ?? {}),
    waveSize: portfolio.settings.delivery.wave_size,
    maxWaveFailureShare: portfolio.settings.delivery.max_wave_failure_share,
  });
  return { ...outcome, results: inPlanOrder(outcome.results) };
}
