// What a call waiting for SES holds of its message (issue 13; found in review): the composed
// parts (text, HTML, the charts' PNGs) are not held until SES answers. SesTransport.send
// composes the command in a method of its own, since an async function's frame keeps its locals
// across an await, and the input's Content is dropped at dispatch (src/delivery/ses.ts); both
// are needed. Before: 12 calls with a 1 MB chart each held 12.0 MB of ArrayBuffers, and with
// 1 MB of HTML each about 23 MB of heap, until SES answered.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { OutgoingMessage } from '../../src/delivery/plan.js';
import { SesTransport } from '../../src/delivery/ses.js';
import { tempDir } from '../helpers.js';
import { reportFilesPlan } from '../send-plan.js';
import { startSesStubProcess } from '../ses-stub-process.js';
import { heldAfterSettling } from './held-bytes.js';

const CALLS = 12;
const MB = 1_000_000;

/** CALLS messages, each with `html` as its HTML part and a distinct 1 MB chart (or none). */
function messages(html: string, withCharts: boolean): OutgoingMessage[] {
  const dir = tempDir('parts-held-');
  const plan = reportFilesPlan(dir, CALLS, {
    text: () => 'x',
    // Each report's own HTML: a distinct string per call, as the run's reports are.
    html: (i) => `<p>${i}</p>${html}`,
  });
  if (!withCharts) return plan;
  return plan.map((message, i) => {
    const file = path.join(dir, `chart${i}.png`);
    writeFileSync(file, randomBytes(MB));
    return { ...message, inlineImages: [{ key: `k${i}`, file }] };
  });
}

/** Bytes of `measure()` held while CALLS calls of `plan` wait for a stub answering in 20 s. */
async function heldWhileWaiting(
  plan: readonly OutgoingMessage[],
  measure: () => number,
): Promise<number> {
  process.env.AWS_ACCESS_KEY_ID = 'AKIAEXAMPLELOCALTEST';
  process.env.AWS_SECRET_ACCESS_KEY = 'local-test-secret-not-real';
  // Longer than the calls take to arrive and the settling (3 s), even on a busy machine.
  const remote = await startSesStubProcess({ latencyMs: 20_000 });
  try {
    const ses = new SesTransport({ region: 'us-west-2', endpoint: remote.url, timeoutMs: 60_000 });
    let answered = 0;
    const send = (message: OutgoingMessage) => ses.send(message).finally(() => (answered += 1));
    // The SDK loaded and a first request sent before the baseline (its answer comes later).
    const first = send({ ...plan[0]!, inlineImages: [] });
    while ((await remote.calls()).sendEmail < 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const before = await heldAfterSettling(measure, 0, 0, 0); // collected once, then measured
    const sending = Promise.all(plan.map(send));
    while ((await remote.calls()).sendEmail < CALLS + 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const held = await heldAfterSettling(measure, before, 6 * MB);
    // Measured while every call still waits for its answer.
    expect(answered).toBe(0);
    expect((await sending).every((id) => id.startsWith('stub-'))).toBe(true);
    await first;
    return held;
  } finally {
    await remote.close();
  }
}

it('calls waiting for SES hold none of their charts', async () => {
  const held = await heldWhileWaiting(
    messages('<p>short</p>', true),
    () => process.memoryUsage().arrayBuffers,
  );
  // 12 MB of distinct charts went out.
  expect(held).toBeLessThan(6 * MB);
}, 90_000);

it('calls waiting for SES hold none of their HTML', async () => {
  const held = await heldWhileWaiting(
    messages(`<p>${'a'.repeat(MB)}</p>`, false),
    () => process.memoryUsage().heapUsed,
  );
  // 12 MB of distinct HTML went out.
  expect(held).toBeLessThan(6 * MB);
}, 90_000);
