// Issue 12's message test: the example run with the CFO report opted into CSV, sent through the
// outbox (.eml) and through the SES stub, both read back with a real MIME parser. Each chart is
// an inline PNG whose Content-ID an <img src="cid:…"> of the HTML names (and every cid named has
// its part), every PNG decodes to the size its <img> states times the pixel ratio, and the CSV
// attachments carry the figures of the report's JSON.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { simpleParser, type Attachment, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { memoryLogger } from '../../src/logger.js';
import { copyExampleConfig, tempDir } from '../helpers.js';
import { runOutbox, type OutboxRun } from '../eml.js';
import { startSesStub, type SesStub, type StubRequest } from '../ses-stub.js';
import { useFakeAwsCredentials } from '../ses-local.js';

// Whether the attachment step (and with it csv-stringify) was imported: the factory runs on the
// first import.
const attachmentStep = vi.hoisted(() => ({ loaded: false }));
vi.mock('../../src/render/report-attachments.js', async (importOriginal) => {
  attachmentStep.loaded = true;
  return importOriginal();
});

const config = copyExampleConfig();
// The CFO's report opted into CSV, as a reader would write it.
{
  const file = path.join(config, 'reports', 'cfo.yml');
  const text = readFileSync(file, 'utf8');
  (await import('node:fs')).writeFileSync(file, `${text}attachments: [csv]\n`);
}

/** PNG pixels per CSS pixel: the chart spec's width and height are CSS pixels (charts/draw.ts). */
const PIXEL_RATIO = 2;

/**
 * Decodes a PNG as far as its pixels: signature, every chunk's CRC, IHDR, and the IDAT stream
 * inflated to exactly one filter byte plus width x channels bytes per row.
 * @returns the image's size in pixels.
 * @throws Error on any malformed part.
 */
function decodePng(png: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!png.subarray(0, 8).equals(signature)) throw new Error('not a PNG signature');
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  let ended = false;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    const crc = png.readUInt32BE(at + 8 + length);
    if (crc32(png.subarray(at + 4, at + 8 + length)) !== crc) throw new Error(`${type}: bad CRC`);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8) throw new Error('not 8-bit');
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[data[9]!] ?? 0;
      if (channels === 0) throw new Error(`colour type ${data[9]}`);
    } else if (type === 'IDAT') idat.push(Buffer.from(data));
    else if (type === 'IEND') ended = true;
    at += 12 + length;
  }
  if (!ended) throw new Error('no IEND');
  const pixels = inflateSync(Buffer.concat(idat));
  if (pixels.length !== height * (1 + width * channels))
    throw new Error(`${pixels.length} bytes of pixels for ${width}x${height}`);
  return { width, height };
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return ~crc >>> 0;
}

/** The <img> tags of an HTML part that point at a cid:, with their stated size. */
function cidImages(html: string): { cid: string; width: number; height: number }[] {
  return [...html.matchAll(/<img\b[^>]*>/g)].flatMap(([tag]) => {
    const src = /\ssrc="cid:([^"]+)"/.exec(tag)?.[1];
    if (!src) return [];
    return [
      {
        cid: src,
        width: Number(/\swidth="(\d+)"/.exec(tag)?.[1]),
        height: Number(/\sheight="(\d+)"/.exec(tag)?.[1]),
      },
    ];
  });
}

interface BurnRow {
  id: string;
  name: string;
  cash_on_hand: number | null;
  revenue_monthly: number | null;
  gross_burn_monthly: number | null;
  net_burn_monthly: number | null;
  runway_months: number | null;
  chart: { width: number; height: number };
}
interface Allocation {
  rank: number;
  id: string;
  share: number;
  amount: number;
}
interface CfoJson {
  sections: { id: string; data: Record<string, unknown> }[];
}

const readJson = (out: string) =>
  JSON.parse(readFileSync(path.join(out, 'reports', 'cfo.json'), 'utf8')) as CfoJson;
const sectionData = (json: CfoJson, id: string) => json.sections.find((s) => s.id === id)!.data;

type CsvRow = Record<string, string>;
const readCsv = (bytes: Buffer): CsvRow[] =>
  parse(bytes, { columns: true, record_delimiter: '\r\n' }) as CsvRow[];
/** A CSV cell as the JSON's value: empty is null, anything else the number it writes. */
const num = (cell: string | undefined): number | null =>
  cell === undefined ? NaN : cell === '' ? null : Number(cell);

/** The CSV tables every transport must carry, checked against the JSON by hand-picked columns. */
function expectCfoTables(files: Map<string, Buffer>, json: CfoJson): void {
  // 1. burn: one row per entity, money in plain decimals under a header naming the currency.
  const burn = files.get('cfo-burn-entities.csv')!;
  expect(burn.toString('utf8')).toMatch(/\r\n$/);
  expect(burn.toString('utf8')).not.toMatch(/[^\r]\n/);
  expect(burn.toString('utf8')).not.toContain('$');
  const entities = sectionData(json, 'burn').entities as BurnRow[];
  const rows = readCsv(burn);
  expect(rows.map((r) => r.id)).toEqual(entities.map((e) => e.id));
  expect(rows.map((r) => r.name)).toEqual(entities.map((e) => e.name));
  entities.forEach((entity, i) => {
    const row = rows[i]!;
    expect(num(row['cash_on_hand (USD)'])).toBe(entity.cash_on_hand);
    expect(num(row['revenue_monthly (USD)'])).toBe(entity.revenue_monthly);
    expect(num(row['gross_burn_monthly (USD)'])).toBe(entity.gross_burn_monthly);
    expect(num(row['net_burn_monthly (USD)'])).toBe(entity.net_burn_monthly);
    expect(num(row.runway_months)).toBe(entity.runway_months);
    // Money is written with its cents, always: 4828.8 is "4828.80".
    if (entity.gross_burn_monthly !== null)
      expect(row['gross_burn_monthly (USD)']).toBe(entity.gross_burn_monthly.toFixed(2));
  });
  // 2. capital deployment's allocations: rank, share (a ratio, as it is), amount in dollars.
  const allocations = sectionData(json, 'capital_deployment').allocations as Allocation[];
  const allocationRows = readCsv(files.get('cfo-capital_deployment-allocations.csv')!);
  expect(
    allocationRows.map((r) => [num(r.rank), r.id, num(r.share), num(r['amount (USD)'])]),
  ).toEqual(allocations.map((a) => [a.rank, a.id, a.share, a.amount]));
}

describe('validate', () => {
  // First in the file: no run has attached anything yet in this process.
  it('never loads the attachment step or csv-stringify', async () => {
    expect(await main(['validate', '--config', config], {}, memoryLogger())).toBe(0);
    expect(attachmentStep.loaded).toBe(false);
  });
});

describe('the CFO report with CSV attachments, through the outbox', () => {
  let run: OutboxRun;
  let cfo: ParsedMail;
  let json: CfoJson;
  beforeAll(async () => {
    run = await runOutbox(config);
    cfo = await simpleParser(run.emls.get('cfo.eml')!, { keepCidLinks: true });
    json = readJson(run.out);
  }, 120_000);

  it('loads the attachment step once a report attaches its tables (the validate check can fail)', () => {
    expect(attachmentStep.loaded).toBe(true);
  });

  it('nests the alternative and its related charts inside multipart/mixed', () => {
    const raw = run.emls.get('cfo.eml')!.toString('latin1');
    const types = [...raw.matchAll(/^Content-Type: (multipart\/[a-z]+)/gim)].map((m) => m[1]);
    expect(types).toEqual(['multipart/mixed', 'multipart/alternative', 'multipart/related']);
  });

  it('gives each chart an RFC 2392 Content-ID that an <img src="cid:…"> of the HTML names, and every cid a part', () => {
    const images = cidImages(cfo.html as string);
    const entities = sectionData(json, 'burn').entities as BurnRow[];
    // One revenue-and-spending chart per entity.
    expect(images).toHaveLength(entities.length);
    const inline = cfo.attachments.filter((a) => a.contentDisposition === 'inline');
    expect(inline.map((a) => a.cid).sort()).toEqual(images.map((i) => i.cid).sort());
    for (const image of images) expect(image.cid).toMatch(/^[0-9a-f]{16}@boardroom$/);
    const raw = run.emls.get('cfo.eml')!.toString('latin1');
    for (const image of images) expect(raw).toContain(`Content-ID: <${image.cid}>`);
  });

  it('decodes every inline PNG to its <img> size times the pixel ratio, the chart spec size', () => {
    const images = cidImages(cfo.html as string);
    const entities = sectionData(json, 'burn').entities as BurnRow[];
    const byCid = new Map(cfo.attachments.map((a) => [a.cid, a] as const));
    for (const [i, image] of images.entries()) {
      const part = byCid.get(image.cid)!;
      expect(part.contentType).toBe('image/png');
      expect([image.width, image.height]).toEqual([
        entities[i]!.chart.width,
        entities[i]!.chart.height,
      ]);
      expect(decodePng(part.content)).toEqual({
        width: image.width * PIXEL_RATIO,
        height: image.height * PIXEL_RATIO,
      });
    }
  });

  it('attaches every table as text/csv, the same bytes as beside the report, with the JSON figures', () => {
    const csv = cfo.attachments.filter((a: Attachment) => a.contentDisposition === 'attachment');
    const written = readdirSync(path.join(run.out, 'reports')).filter(
      (name) => name.startsWith('cfo-') && name.endsWith('.csv'),
    );
    expect(csv.map((a) => a.filename).sort()).toEqual(written.sort());
    expect(written).toEqual(
      expect.arrayContaining([
        'cfo-burn-entities.csv',
        'cfo-break_even-entities.csv',
        'cfo-capital_deployment-allocations.csv',
        'cfo-financial_rules-checks.csv',
        'cfo-findings.csv',
        'cfo-actions.csv',
      ]),
    );
    for (const part of csv) {
      expect(part.contentType).toBe('text/csv');
      expect(part.content.equals(readFileSync(path.join(run.out, 'reports', part.filename!)))).toBe(
        true,
      );
    }
    expectCfoTables(new Map(csv.map((a) => [a.filename!, a.content])), json);
    const raw = run.emls.get('cfo.eml')!.toString('latin1');
    expect(raw).toMatch(/Content-Type: text\/csv; charset=utf-8; name=cfo-burn-entities\.csv/i);
  });

  it('lists the CSV files in summary.json and links each from the gallery page', () => {
    const written = readdirSync(path.join(run.out, 'reports'))
      .filter((name) => name.startsWith('cfo-') && name.endsWith('.csv'))
      .map((name) => `reports/${name}`);
    const files = run.summary.reports.find((r) => r.id === 'cfo')!.files;
    expect([...files.attachments!].sort()).toEqual(written.sort());
    expect(run.summary.reports.find((r) => r.id === 'cmo')!.files.attachments).toBeUndefined();
    const gallery = readFileSync(path.join(run.out, 'index.html'), 'utf8');
    for (const file of written) expect(gallery).toContain(`<a href="${file}">`);
    expect(gallery).toContain(`<summary>${written.length} CSV files</summary>`);
  });

  it('attaches nothing to a report that did not opt in (the CMO)', async () => {
    const cmo = await simpleParser(run.emls.get('cmo.eml')!);
    expect(cmo.attachments.filter((a) => a.contentDisposition === 'attachment')).toEqual([]);
    expect(readdirSync(path.join(run.out, 'reports')).filter((n) => n.startsWith('cmo-'))).toEqual(
      [],
    );
  });
});

describe('the CFO report with CSV attachments, through SES', () => {
  let stub: SesStub;
  let out: string;
  let request: StubRequest;
  beforeAll(async () => {
    useFakeAwsCredentials();
    stub = await startSesStub({
      account: { MaxSendRate: 50, Max24HourSend: 10_000, SentLast24Hours: 0 },
    });
    out = path.join(tempDir(), 'out');
    const log = memoryLogger();
    const code = await main(
      [
        'run',
        '--config',
        config,
        '--out',
        out,
        '--as-of',
        '2026-11-24',
        '--transport',
        'ses',
        '--ses-endpoint',
        stub.url,
        '--aws-region',
        'us-west-2',
        '--state-file',
        path.join(tempDir(), 'ledger.jsonl'),
        '--tasks',
        'none',
      ],
      {},
      log,
    );
    if (code !== 0) throw new Error(log.lines.join('\n'));
    request = stub.accepted.find((r) => r.subject.startsWith('CFO weekly'))!;
  }, 120_000);
  afterAll(() => stub.close());

  it('sends each chart INLINE with the Content-ID its <img> names, and every cid has its part', () => {
    const images = cidImages(request.html!);
    expect(images.length).toBeGreaterThan(0);
    const inline = request.attachments.filter((a) => a.ContentDisposition === 'INLINE');
    expect(inline.map((a) => a.ContentId).sort()).toEqual(images.map((i) => i.cid).sort());
    const byCid = new Map(inline.map((a) => [a.ContentId, a] as const));
    for (const image of images) {
      const part = byCid.get(image.cid)!;
      expect(part.ContentType).toBe('image/png');
      expect(decodePng(Buffer.from(part.RawContent, 'base64'))).toEqual({
        width: image.width * PIXEL_RATIO,
        height: image.height * PIXEL_RATIO,
      });
    }
  });

  it('attaches the CSV tables as ATTACHMENT text/csv; charset=utf-8 with the JSON figures', () => {
    const csv = request.attachments.filter((a) => a.ContentDisposition === 'ATTACHMENT');
    expect(csv.length).toBeGreaterThan(0);
    for (const part of csv) {
      expect(part.ContentType).toBe('text/csv; charset=utf-8');
      expect(part.FileName).toMatch(/^cfo-[a-z0-9_-]+\.csv$/);
      expect(
        Buffer.from(part.RawContent, 'base64').equals(
          readFileSync(path.join(out, 'reports', part.FileName)),
        ),
      ).toBe(true);
    }
    expectCfoTables(
      new Map(csv.map((a) => [a.FileName, Buffer.from(a.RawContent, 'base64')])),
      readJson(out),
    );
  });
});
