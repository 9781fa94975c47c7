// The README's pictures of a report: runs the example (dry-run, as of a fixed date so the picture
// is the same on every machine), opens the CFO's and the CMO's reports from the run's gallery in
// Chromium and saves each whole page to docs/ (900 CSS pixels wide, one device pixel per CSS
// pixel, PNG). Needs Debian's Chromium (apt-get install chromium).
// Usage: npm run screenshot   (node --import tsx scripts/screenshot.ts)
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { main } from '../src/cli.js';
import { memoryLogger } from '../src/logger.js';

const CHROMIUM = '/usr/bin/chromium';
const REPO = path.resolve(import.meta.dirname, '..');
const AS_OF = '2026-11-24';
/** Which reports to picture, and the file each goes to. */
const SHOTS = [
  { report: 'cfo', file: 'docs/cfo-report.png' },
  { report: 'cmo', file: 'docs/cmo-report.png' },
] as const;

if (!existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} is missing: apt-get install chromium`);
  process.exit(2);
}

const out = mkdtempSync(path.join(tmpdir(), 'boardroom-screenshot-'));
try {
  const log = memoryLogger();
  const code = await main(
    [
      'run',
      '--config',
      path.join(REPO, 'reports-config'),
      '--out',
      out,
      '--mode',
      'dry-run',
      '--as-of',
      AS_OF,
    ],
    {},
    log,
  );
  if (code !== 0) throw new Error(`the example's dry-run exited ${code}`);

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({
      viewport: { width: 900, height: 1200 },
      deviceScaleFactor: 1,
    });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    for (const { report, file } of SHOTS) {
      // The report's page as the gallery links it; its charts are files beside it.
      await page.goto(pathToFileURL(path.join(out, 'reports', `${report}.html`)).href);
      const notLoaded = await page.locator('img').evaluateAll((images) =>
        images
          .map((image) => image as unknown as { naturalWidth: number; src: string })
          .filter((image) => image.naturalWidth === 0)
          .map((image) => image.src),
      );
      if (notLoaded.length > 0 || problems.length > 0)
        throw new Error(`${report}: ${[...notLoaded, ...problems].join('; ')}`);
      const target = path.join(REPO, file);
      mkdirSync(path.dirname(target), { recursive: true });
      await page.screenshot({ path: target, fullPage: true, type: 'png' });
      console.log(`wrote ${file}`);
    }
  } finally {
    await browser.close();
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
