// The run's gallery (OUT/index.html) in a real browser: Debian's Chromium driven by playwright-core,
// the output folder served over HTTP the way a reviewer opens the artifact. Every report link is
// followed and each report must show its title and the headings of the sections it is made of.
// Every chart image on every report page must load, at the width of its PNG.
// BOARDROOM_SCREENSHOT=1 also saves the gallery page to docs/gallery.png for the README.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accountingSections } from '../../src/analysis/accounting.js';
import { financeSections } from '../../src/analysis/finance.js';
import { marketingSections } from '../../src/analysis/marketing.js';
import { ceoSections } from '../../src/analysis/portfolio.js';
import { techSections } from '../../src/analysis/tech.js';
import { unitSections } from '../../src/analysis/units.js';
import { main } from '../../src/cli.js';
import { loadPortfolio, type Portfolio } from '../../src/config/load.js';
import { memoryLogger } from '../../src/logger.js';
import { copyExampleConfig, REPO_ROOT, tempDir } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SCREENSHOT = process.env.BOARDROOM_SCREENSHOT === '1';

/** The title every analyzer gives its section: the report's h2 headings. */
const SECTION_TITLES = new Map<string, string>(
  [
    ...ceoSections,
    ...financeSections,
    ...techSections,
    ...marketingSections,
    ...accountingSections,
    ...unitSections,
  ].map((section) => [section.id, section.title]),
);

interface ExpectedReport {
  readonly id: string;
  readonly h1: string;
  readonly sections: string[];
}

/** What each report page must show, from the portfolio's own report and persona files. */
function expectedReports(portfolio: Portfolio): ExpectedReport[] {
  return portfolio.reports
    .map((report) => {
      const persona = portfolio.personas.get(report.persona)!;
      const ids = report.sections ?? persona.sections;
      return {
        id: report.id,
        h1: `${report.reader ?? persona.title}: ${portfolio.settings.name}`,
        sections: ids.map((id) => SECTION_TITLES.get(id) ?? `no analyzer for ${id}`),
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json',
  // The reports' CSV attachments, linked from the gallery beside the report.
  '.csv': 'text/csv; charset=utf-8',
  // The reports' charts (reports/charts/<key>.png).
  '.png': 'image/png',
};

/** A static server for the output folder on 127.0.0.1, on a port the system picks. */
async function serve(root: string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Browsers ask for /favicon.ico on their own; the gallery has none and needs none.
    if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
    const file = path.join(
      root,
      decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname),
    );
    const type = CONTENT_TYPES[path.extname(file)];
    if (!file.startsWith(root + path.sep) || !type || !existsSync(file))
      return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/** A PNG's width in pixels, from its IHDR chunk (bytes 16-19, big-endian, after the signature). */
function pngWidth(file: string): number {
  const bytes = readFileSync(file);
  if (bytes.length < 24 || bytes.toString('latin1', 1, 4) !== 'PNG')
    throw new Error(`${file} is not a PNG`);
  return bytes.readUInt32BE(16);
}

/**
 * Opens each report page of the gallery served at `base` from `root`, and lists what is wrong
 * with its chart images: an image in the .html file that the page does not show, or one that
 * did not load (naturalWidth 0), or one whose width is not its PNG's.
 * @returns the chart images checked and the problems, "report: src: what".
 */
async function chartImageProblems(
  page: Page,
  base: string,
  root: string,
  ids: readonly string[],
): Promise<{ checked: Map<string, number>; problems: string[] }> {
  const checked = new Map<string, number>();
  const problems: string[] = [];
  for (const id of ids) {
    // goto resolves on the load event: every image has loaded or failed by then.
    await page.goto(`${base}reports/${id}.html`);
    const html = readFileSync(path.join(root, 'reports', `${id}.html`), 'utf8');
    const written = [...html.matchAll(/<img\s[^>]*?src="(charts\/[0-9a-f]{16}\.png)"/g)].map(
      (match) => match[1]!,
    );
    const shown = await page.locator('img').evaluateAll((images) =>
      images.map((image) => {
        const img = image as unknown as { getAttribute(name: string): string | null };
        const { naturalWidth, complete } = image as unknown as {
          naturalWidth: number;
          complete: boolean;
        };
        return { src: img.getAttribute('src') ?? '', naturalWidth, complete };
      }),
    );
    if (shown.map((image) => image.src).join() !== written.join())
      problems.push(
        `${id}: the page shows [${shown.map((i) => i.src).join(', ')}], its file has [${written.join(', ')}]`,
      );
    for (const image of shown) {
      const file = path.join(root, 'reports', image.src);
      if (!image.complete || image.naturalWidth === 0)
        problems.push(`${id}: ${image.src}: did not load`);
      else if (!existsSync(file)) problems.push(`${id}: ${image.src}: no such file`);
      else if (image.naturalWidth !== pngWidth(file))
        problems.push(
          `${id}: ${image.src}: ${image.naturalWidth} px wide, its PNG ${pngWidth(file)} px`,
        );
    }
    checked.set(id, shown.length);
  }
  return { checked, problems };
}

describe.skipIf(!HAVE_CHROMIUM)(
  `the gallery in Chromium${HAVE_CHROMIUM ? '' : ` (skipped: ${CHROMIUM} is missing; apt-get install chromium)`}`,
  () => {
    let browser: Browser;
    let page: Page;
    let server: Server;
    let base: string;
    let out: string;
    let portfolio: Portfolio;
    let reports: ExpectedReport[];
    /** Console errors, uncaught page errors and failed or 4xx/5xx requests in the current test. */
    const problems: string[] = [];

    beforeAll(async () => {
      const config = copyExampleConfig();
      out = path.join(tempDir(), 'out');
      const code = await main(
        ['run', '--config', config, '--out', out, '--as-of', '2026-11-24', '--mode', 'dry-run'],
        {},
        memoryLogger(),
      );
      expect(code).toBe(0);
      const loaded = await loadPortfolio(config);
      if (!loaded.ok)
        throw new Error(`the example portfolio does not load: ${loaded.errors[0]?.message}`);
      portfolio = loaded.portfolio;
      reports = expectedReports(portfolio);
      ({ server, base } = await serve(out));

      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) =>
        problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`),
      );
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
      });
    }, 60_000);

    beforeEach(() => {
      problems.length = 0;
    });

    afterAll(async () => {
      await browser?.close();
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    });

    it('lists every report, and every link on it answers', async () => {
      const response = await page.goto(base);
      expect(response?.status()).toBe(200);
      await expect(page.title()).resolves.toBe(
        `boardroom: ${portfolio.settings.name} as of 2026-11-24`,
      );
      await expect(page.locator('h1').innerText()).resolves.toBe(portfolio.settings.name);

      const ids = await page.locator('tbody tr td:first-child').allInnerTexts();
      expect(ids).toHaveLength(8);
      expect([...ids].sort()).toEqual(reports.map((r) => r.id));

      // The text, Markdown and figures forms and the summary files are links too: each must be there.
      const hrefs = await page
        .locator('a')
        .evaluateAll((links) => links.map((a) => (a as unknown as { href: string }).href));
      // Plus one link per CSV file of a report with `attachments: [csv]` (the accountant's).
      const csvFiles = readdirSync(path.join(out, 'reports')).filter((f) => f.endsWith('.csv'));
      expect(csvFiles.length).toBeGreaterThan(0);
      expect(hrefs).toHaveLength(8 * 4 + 2 + csvFiles.length);
      for (const href of hrefs) {
        const linked = await page.request.get(href);
        expect(linked.status(), href).toBe(200);
      }

      if (SCREENSHOT) {
        mkdirSync(path.join(REPO_ROOT, 'docs'), { recursive: true });
        await page.screenshot({
          path: path.join(REPO_ROOT, 'docs', 'gallery.png'),
          fullPage: true,
        });
      }
      expect(problems).toEqual([]);
    });

    it('opens each report from its link, with its title and its sections', async () => {
      for (const report of reports) {
        await page.goto(base);
        await page.getByRole('link', { name: report.id, exact: true }).click();
        await page.waitForURL(`${base}reports/${report.id}.html`);
        await expect(page.locator('h1').allInnerTexts(), report.id).resolves.toEqual([report.h1]);
        // "What changed" opens every report, then its own sections.
        const headings = await page.locator('h2').allInnerTexts();
        expect(headings[0], report.id).toMatch(/^What changed since \d{1,2} [A-Z][a-z]{2} 2026$/);
        expect(headings.slice(1), report.id).toEqual(report.sections);
      }
      expect(problems).toEqual([]);
    });

    it("loads every chart image of every report page, at its PNG's width", async () => {
      const ids = reports.map((r) => r.id);
      const { checked, problems: chartProblems } = await chartImageProblems(page, base, out, ids);
      expect(chartProblems).toEqual([]);
      // Not passing by having nothing to check: the CFO's report shows each entity's trend, the
      // CMO's the spend and ROAS per channel.
      expect(checked.get('cfo')).toBeGreaterThanOrEqual(1);
      expect(checked.get('cmo')).toBeGreaterThanOrEqual(1);
      // Each drawn PNG is shown by some report, so each was loaded at least once.
      const pngs = readdirSync(path.join(out, 'reports', 'charts'));
      expect([...checked.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(pngs.length);
      expect(problems).toEqual([]);
    });

    it('finds a chart that does not load (a deleted PNG), and its 404', async () => {
      // A copy of the gallery with the CFO report's first chart deleted.
      const broken = path.join(tempDir(), 'broken');
      cpSync(out, broken, { recursive: true });
      const src = /src="(charts\/[0-9a-f]{16}\.png)"/.exec(
        readFileSync(path.join(broken, 'reports', 'cfo.html'), 'utf8'),
      )![1]!;
      rmSync(path.join(broken, 'reports', src));
      const served = await serve(broken);
      try {
        const { problems: chartProblems } = await chartImageProblems(page, served.base, broken, [
          'cfo',
        ]);
        expect(chartProblems).toEqual([`cfo: ${src}: did not load`]);
        expect(problems).toContain(`HTTP 404: ${served.base}reports/${src}`);
      } finally {
        // close() waits for connections still busy; the browser may hold one to this server.
        served.server.closeAllConnections();
        await new Promise((resolve) => served.server.close(resolve));
        problems.length = 0;
      }
    });
  },
);
