// The names an alert refers to, checked against the loaded portfolio: each owner in `to` must be
// a key of `owners`, each id in `entities` an entity. Problems are ConfigErrors at file:line.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { addressKey } from '../config/mailbox.js';
import { displayPath, type ConfigError } from '../config/errors.js';
import { yamlFileIds, type Locate, type Portfolio } from '../config/load.js';
import { ENTITY_ID, OWNER_KEY, type AlertConfig } from './schema.js';

/**
 * Every alert's unknown owner and unknown entity as a ConfigError in portfolio.yml, at the
 * entry's own line (through `locate`, the loader's position finder). Empty when all resolve.
 */
export function checkAlertReferences(portfolio: Portfolio, locate: Locate): ConfigError[] {
  return referenceErrors(
    portfolio.dir,
    portfolio.settings.alerts ?? [],
    Object.keys(portfolio.settings.owners),
    new Set(portfolio.entities.map((e) => e.id)),
    locate,
  );
}

/**
 * checkAlertReferences for a portfolio that did not load (`dir` its folder, `locate` the failed
 * load's position finder): a problem anywhere else, another alert's missing threshold among them,
 * must not hide an unknown owner or entity. portfolio.yml is read again as plain YAML (no
 * schema), and each alert's `to` and `entities` are checked as far as they can be read: an
 * owner against the keys of `owners` (not checked when `owners` is not a mapping), an entity
 * against the files in entities/ (a file's name is its id, whatever its own problems, as the
 * loader counts it). A value the schema rejects (not text, not an id) is left to the schema's
 * own error. Empty when portfolio.yml cannot be read or is not YAML: the load said so.
 */
export async function checkDraftAlertReferences(
  dir: string,
  locate: Locate,
): Promise<ConfigError[]> {
  let settings: unknown;
  try {
    const doc = parseDocument(await readFile(path.join(dir, 'portfolio.yml'), 'utf8'), {
      merge: true,
    });
    if (doc.errors.length > 0) return [];
    settings = doc.toJS();
  } catch {
    return [];
  }
  if (!isRecord(settings) || !Array.isArray(settings.alerts)) return [];
  const owners = isRecord(settings.owners) ? Object.keys(settings.owners) : undefined;
  let entityIds: Set<string> | undefined;
  try {
    entityIds = new Set(await yamlFileIds(path.join(dir, 'entities')));
  } catch {
    entityIds = undefined;
  }
  return referenceErrors(dir, settings.alerts, owners, entityIds, locate);
}

/** A plain object (a YAML mapping). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The one check both callers run: each owner an alert's `to` names (text without an @ that is
 * an owner's key in form) must be one of `owners`, each id in `entities` one of `entityIds`.
 * `alerts` as parsed or as plain YAML (what is not a list of text is skipped); `owners` or
 * `entityIds` undefined: that half is not checked.
 */
function referenceErrors(
  dir: string,
  alerts: readonly unknown[],
  owners: readonly string[] | undefined,
  entityIds: ReadonlySet<string> | undefined,
  locate: Locate,
): ConfigError[] {
  const file = displayPath(path.join(dir, 'portfolio.yml'));
  const errors: ConfigError[] = [];
  const at = (keyPath: (string | number)[], message: string) =>
    errors.push({
      file,
      ...(locate(file, keyPath) ?? { line: 1, column: 1 }),
      field: keyPath.join('.'),
      message,
    });
  const texts = (list: unknown): [string, number][] =>
    Array.isArray(list)
      ? list.flatMap((item, position): [string, number][] =>
          typeof item === 'string' ? [[item, position]] : [],
        )
      : [];
  alerts.forEach((alert, index) => {
    if (!isRecord(alert)) return;
    if (owners)
      for (const [recipient, position] of texts(alert.to)) {
        if (OWNER_KEY.test(recipient) && !owners.includes(recipient))
          at(
            ['alerts', index, 'to', position],
            `alerts.${index}.to: unknown owner "${recipient}" (owners: ${owners.join(', ') || 'none'}; or write an email address)`,
          );
      }
    if (entityIds)
      for (const [entity, position] of texts(alert.entities)) {
        if (ENTITY_ID.test(entity) && !entityIds.has(entity))
          at(
            ['alerts', index, 'entities', position],
            `alerts.${index}.entities: unknown entity "${entity}"`,
          );
      }
  });
  return errors;
}

/**
 * The addresses an alert goes to: each owner's email (from `owners`), each address as written,
 * the first of each address once (by address, whatever its display name or case).
 */
export function alertRecipients(alert: AlertConfig, portfolio: Portfolio): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const recipient of alert.to) {
    const owner = portfolio.settings.owners[recipient];
    // An owner's email is already a mailbox (it may carry a display name of its own).
    const address = recipient.includes('@') ? recipient : owner?.email;
    if (!address) continue;
    const key = addressKey(address);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(address);
  }
  return out;
}
