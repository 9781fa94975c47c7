// The delivery stage: hands each planned message to the transport and records what happened.
// One failed message never stops the others; every failure is kept with its reason.
import type { Logger } from '../logger.js';
import type { OutgoingMessage } from './plan.js';
import type { Transport } from './transport.js';

export interface DeliveryResult {
  readonly key: string;
  readonly report: string;
  readonly status: 'sent' | 'failed' | 'skipped';
  readonly messageId?: string;
  readonly error?: string;
}

export async function deliver(
  plan: readonly OutgoingMessage[],
  transport: Transport,
  log: Logger,
): Promise<DeliveryResult[]> {
  const results: DeliveryResult[] = [];
  for (const message of plan) {
    try {
      const messageId = await transport.send(message);
      results.push({ key: message.key, report: message.report, status: 'sent', messageId });
    } catch (error) {
      const reason = (error as Error).message;
      log.error(`${message.key}: not delivered: ${reason}`);
      results.push({ key: message.key, report: message.report, status: 'failed', error: reason });
    }
  }
  const sent = results.filter((r) => r.status === 'sent').length;
  log.info(`${transport.name}: sent ${sent}/${plan.length}, ${plan.length - sent} failed`);
  return results;
}
