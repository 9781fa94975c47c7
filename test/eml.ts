// What the tests check of an .eml: the pipeline run in outbox mode into a temp folder, the
// standard-MIME line rules checked on the raw bytes, the message read back by a real MIME parser
// (mailparser), and the mailboxes the portfolio wrote, parsed here by hand to compare with.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { main } from '../src/cli.js';
import { memoryLogger } from '../src/logger.js';
import type { RunSummary } from '../src/summary/model.js';
import { tempDir } from './helpers.js';

export interface OutboxRun {
  readonly code: number;
  readonly out: string;
  readonly summary: RunSummary;
  readonly log: string[];
  /** File name -> raw bytes, for every .eml the run wrote. */
  readonly emls: Map<string, Buffer>;
}

/** `boardroom run --transport outbox` on a portfolio folder, as of 2026-11-24. */
export async function runOutbox(config: string): Promise<OutboxRun> {
  const out = path.join(tempDir(), 'out');
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
      'outbox',
      '--tasks',
      'none',
    ],
    {},
    log,
  );
  if (code !== 0) throw new Error(`the run exited ${code}:\n${log.lines.join('\n')}`);
  const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as RunSummary;
  const folder = path.join(out, 'outbox');
  const emls = new Map(
    readdirSync(folder)
      .filter((name) => name.endsWith('.eml'))
      .map((name) => [name, readFileSync(path.join(folder, name))] as const),
  );
  return { code, out, summary, log: log.lines, emls };
}

/** The raw lines (split at CRLF) and every line-break problem: a bare CR or LF, or > 998 octets. */
export function lineProblems(raw: Buffer): string[] {
  const text = raw.toString('latin1'); // one char per octet, so lengths are octets
  const problems: string[] = [];
  const bare = /\r(?!\n)|(?<!\r)\n/g;
  for (let match = bare.exec(text); match; match = bare.exec(text))
    problems.push(
      `bare ${match[0] === '\r' ? 'CR' : 'LF'} on line ${text.slice(0, match.index).split('\r\n').length}`,
    );
  text.split('\r\n').forEach((line, index) => {
    if (line.length > 998) problems.push(`line ${index + 1} is ${line.length} octets`);
  });
  return problems;
}

/** The content types of a multipart message's parts, in the order they are in the file. */
export function partTypes(raw: Buffer): string[] {
  const text = raw.toString('latin1');
  const head = text.slice(0, text.indexOf('\r\n\r\n'));
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(head.replace(/\r\n[ \t]/g, ' '))?.[1];
  if (!boundary) return [/^content-type:\s*([^;\r\n]+)/im.exec(head)![1]!.trim()];
  return text
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => /^content-type:\s*([^;\r\n]+)/im.exec(part)![1]!.trim());
}

/** A mailbox as the portfolio wrote it, taken apart by hand: `Name <a@b>`, `"N, M" <a@b>`, `a@b`. */
export function writtenMailbox(text: string): { name: string; address: string } {
  const named = /^\s*(?:"((?:[^"\\]|\\.)*)"|([^<"]*?))\s*<([^<>]+)>\s*$/.exec(text);
  if (!named) return { name: '', address: text.trim() };
  const name = named[1] !== undefined ? named[1].replace(/\\(.)/g, '$1') : named[2]!;
  return { name, address: named[3]!.trim() };
}

/** The mailboxes of one address header as mailparser decoded them. */
export function mailboxes(
  header: AddressObject | AddressObject[] | undefined,
): { name: string; address: string }[] {
  const objects = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return objects.flatMap((object) =>
    object.value.map((mailbox) => ({ name: mailbox.name, address: mailbox.address ?? '' })),
  );
}

export function parseEml(raw: Buffer): Promise<ParsedMail> {
  return simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
}
