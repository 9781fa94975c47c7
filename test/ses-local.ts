// aws-ses-v2-local started in-process on 127.0.0.1 for a test file: the real SES v2 API surface.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as sesLocal from 'aws-ses-v2-local';

export interface StoredEmail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
}

export interface LocalSes {
  readonly url: string;
  emails(): Promise<StoredEmail[]>;
  clear(): Promise<void>;
  close(): Promise<void>;
}

/** The account GetAccount reports: aws-ses-v2-local reads it from AWS_SES_ACCOUNT. */
export function sesAccountJson(quota: {
  MaxSendRate: number;
  Max24HourSend: number;
  SentLast24Hours: number;
}): string {
  return JSON.stringify({
    DedicatedIpAutoWarmupEnabled: false,
    Details: {
      AdditionalContactEmailAddresses: [],
      ContactLanguage: 'EN',
      MailType: 'TRANSACTIONAL',
      ReviewDetails: { CaseId: 'case-1', Status: 'GRANTED' },
      UseCaseDescription: 'tests',
      WebsiteURL: 'https://example.com',
    },
    EnforcementStatus: 'HEALTHY',
    ProductionAccessEnabled: true,
    SendingEnabled: true,
    SendQuota: quota,
    SuppressionAttributes: { SuppressedReasons: [] },
  });
}

export async function startLocalSes(): Promise<LocalSes> {
  const start = ((sesLocal as unknown as { default: { default?: unknown } }).default.default ??
    (sesLocal as unknown as { default: unknown }).default) as (config: {
    host: string;
    port: number;
  }) => Promise<Server>;
  const server = await start({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    emails: async () =>
      ((await (await fetch(`${url}/store`)).json()) as { emails: StoredEmail[] }).emails,
    clear: async () => {
      await fetch(`${url}/clear-store`, { method: 'POST' });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Fake credentials for the SDK's default chain: the local servers do not check signatures. */
export function useFakeAwsCredentials(): void {
  process.env.AWS_ACCESS_KEY_ID = 'AKIAEXAMPLELOCALTEST';
  process.env.AWS_SECRET_ACCESS_KEY = 'local-test-secret-not-real';
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_SESSION_TOKEN;
}
