// One copy of a chart's PNG for all the calls in flight that hold it (src/delivery/shared-files.ts,
// used by SesTransport for inline images): the bench portfolio's 1,000 reports show 285 distinct
// charts, and 256 calls in flight held a copy each of about 1,000.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { inlineImagesOf } from '../../src/delivery/inline-images.js';
import { buildSendPlan } from '../../src/delivery/plan.js';
import { SesTransport } from '../../src/delivery/ses.js';
import { SharedFileReader } from '../../src/delivery/shared-files.js';
import { startSesStub, type SesStub } from '../ses-stub.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const png = (seed: number, bytes = 40_000) => {
  const data = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i += 1) data[i] = (i * 31 + seed) % 256;
  return data;
};

describe('SharedFileReader', () => {
  it('gives the callers holding a file at once one Buffer, read once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shared-files-'));
    const a = path.join(dir, 'a.png');
    const b = path.join(dir, 'b.png');
    writeFileSync(a, png(1));
    writeFileSync(b, png(2));
    const reader = new SharedFileReader();
    // Eight calls ask for a at once (one read in progress), and two for b.
    const reads = await Promise.all([
      ...Array.from({ length: 8 }, () => reader.read(a)),
      reader.read(b),
      reader.read(b),
    ]);
    expect(new Set(reads.slice(0, 8)).size).toBe(1);
    expect(reads[8]).toBe(reads[9]);
    expect(reads[0]).not.toBe(reads[8]);
    expect(reads[0]!.equals(png(1))).toBe(true);
    expect(reads[8]!.equals(png(2))).toBe(true);
    // Asked again while held: the same Buffer.
    expect(await reader.read(a)).toBe(reads[0]);
  });

  it('holds nothing once no caller does: the bytes are read afresh', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shared-files-'));
    const a = path.join(dir, 'a.png');
    writeFileSync(a, png(3, 200_000));
    const reader = new SharedFileReader();
    let first: Buffer | undefined = await reader.read(a);
    expect(first.equals(png(3, 200_000))).toBe(true);
    first = undefined;
    // Let the read's own closures go, then collect: nothing but the reader knew the Buffer.
    await new Promise((resolve) => setTimeout(resolve, 10));
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
    gc();
    // The file changed meanwhile (it does not in a run; here it shows a fresh read).
    writeFileSync(a, png(4, 200_000));
    expect((await reader.read(a)).equals(png(4, 200_000))).toBe(true);
  });

  it('a missing file fails every caller, and a later read tries again', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shared-files-'));
    const missing = path.join(dir, 'missing.png');
    const reader = new SharedFileReader();
    const failures = await Promise.all(
      [reader.read(missing), reader.read(missing)].map((p) =>
        p.catch((e: NodeJS.ErrnoException) => e.code),
      ),
    );
    expect(failures).toEqual(['ENOENT', 'ENOENT']);
    writeFileSync(missing, png(5));
    expect((await reader.read(missing)).equals(png(5))).toBe(true);
  });

  it('inlineImagesOf with a shared reader: two messages showing one chart share its bytes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shared-files-'));
    const chart = path.join(dir, 'chart.png');
    writeFileSync(chart, png(6));
    const key = '0123456789abcdef';
    const plan = buildSendPlan(
      [0, 1].map((i) => ({
        id: `r${i}`,
        persona: 'cfo',
        period: '2026-W48',
        subject: `Report ${i}`,
        text: 'text',
        html: `<p><img src="cid:${key}@boardroom"></p>`,
        format: 'html' as const,
        recipients: { to: [`reader${i}@example.com`], cc: [], bcc: [] },
        charts: [{ key, file: chart }],
      })),
      { from: 'reports@example.com', defaultBcc: [] },
    );
    const reader = new SharedFileReader();
    const [one, two] = await Promise.all(
      plan.map((message) => inlineImagesOf(message, reader.read)),
    );
    expect(one).toHaveLength(1);
    expect(one![0]!.content).toBe(two![0]!.content);
    // Without a reader each reads its own copy, as the outbox does.
    const [three, four] = await Promise.all(plan.map((message) => inlineImagesOf(message)));
    expect(three![0]!.content).not.toBe(four![0]!.content);
    expect(three![0]!.content.equals(one![0]!.content)).toBe(true);
  });
});

describe('SesTransport sends the shared charts whole', () => {
  let stub: SesStub;
  afterEach(async () => {
    await stub.close();
  });

  it('twenty calls at once showing the same two charts each carry both, byte for byte', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIAEXAMPLELOCALTEST';
    process.env.AWS_SECRET_ACCESS_KEY = 'local-test-secret-not-real';
    stub = await startSesStub({ latencyMs: 50 });
    const dir = mkdtempSync(path.join(tmpdir(), 'shared-files-'));
    const charts = [7, 8].map((seed, i) => {
      const file = path.join(dir, `c${i}.png`);
      writeFileSync(file, png(seed, 120_000));
      return { key: `${i}`.repeat(16), file, bytes: png(seed, 120_000) };
    });
    const plan = buildSendPlan(
      Array.from({ length: 20 }, (_, i) => ({
        id: `r${i}`,
        persona: 'cfo',
        period: '2026-W48',
        subject: `Report ${i}`,
        text: 'text',
        html: charts.map((c) => `<img src="cid:${c.key}@boardroom">`).join(''),
        format: 'html' as const,
        recipients: { to: [`reader${i}@example.com`], cc: [], bcc: [] },
        charts: charts.map(({ key, file }) => ({ key, file })),
      })),
      { from: 'reports@example.com', defaultBcc: [] },
    );
    const ses = new SesTransport({ region: 'us-west-2', endpoint: stub.url });
    await Promise.all(plan.map((message) => ses.send(message)));
    expect(stub.accepted).toHaveLength(20);
    for (const message of stub.accepted) {
      expect(message.attachments.map((a) => a.FileName)).toEqual(
        charts.map((c) => `chart-${c.key}.png`),
      );
      message.attachments.forEach((attachment, i) =>
        expect(Buffer.from(attachment.RawContent, 'base64').equals(charts[i]!.bytes)).toBe(true),
      );
    }
  });
});
