// What the cross-check tests need from the machine: the peer tools and the real example books
// in ../shared/realdata (never copied into the repository: their licences are not ours).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const realdata = path.resolve(repoRoot, '../shared/realdata');

function installed(command: string): boolean {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Why a cross-check cannot run here (a tool or the real books missing), or undefined when it
 * can. The reason is printed, so a skipped check is never silent.
 */
export function skipReason(tool: string, book: string): string | undefined {
  const reasons = [
    installed(tool)
      ? undefined
      : `${tool} is not installed (apt-get install -y ${tool === 'hledger' ? 'hledger' : 'beancount'})`,
    existsSync(path.join(realdata, book)) ? undefined : `${path.join(realdata, book)} is missing`,
  ].filter(Boolean);
  if (reasons.length === 0) return undefined;
  const reason = `books cross-check skipped: ${reasons.join('; ')}`;
  console.warn(reason);
  return reason;
}

/** Runs a peer tool and returns its standard output (the reference figures). */
export function peer(command: string, args: readonly string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** A CSV the peer printed, as objects by header, every cell trimmed (bean-query pads them). */
export function peerCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true, trim: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
}

/** `12.3` / `-0.50` → integer cents, exactly (the peers print decimals; no float arithmetic). */
export function cents(text: string): number {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!m) throw new Error(`not a decimal: ${text}`);
  const fraction = (m[3] ?? '').padEnd(2, '0');
  if (/[1-9]/.test(fraction.slice(2))) throw new Error(`more than cents: ${text}`);
  const value = Number(m[2] || '0') * 100 + Number(fraction.slice(0, 2));
  return m[1] ? -value : value;
}

/** A decimal as canonical text (`44.6180000000` → `44.618`, `-0.00` → `0`), for exact comparison. */
export function exact(text: string): string {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!m) throw new Error(`not a decimal: ${text}`);
  const whole = (m[2] ?? '').replace(/^0+(?=\d)/, '') || '0';
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  const body = fraction ? `${whole}.${fraction}` : whole;
  return body === '0' ? '0' : `${m[1]}${body}`;
}
