// The names an alert refers to, checked against the loaded portfolio: each owner in `to` must be
// a key of `owners`, each id in `entities` an entity. Problems are ConfigErrors at file:line.
import path from 'node:path';
import { addressKey } from '../config/mailbox.js';
import { displayPath, type ConfigError } from '../config/errors.js';
import type { Locate, Portfolio } from '../config/load.js';
import type { AlertConfig } from './schema.js';

/**
 * Every alert's unknown owner and unknown entity as a ConfigError in portfolio.yml, at the
 * entry's own line (through `locate`, the loader's position finder). Empty when all resolve.
 */
export function checkAlertReferences(portfolio: Portfolio, locate: Locate): ConfigError[] {
  const file = displayPath(path.join(portfolio.dir, 'portfolio.yml'));
  const entityIds = new Set(portfolio.entities.map((e) => e.id));
  const owners = Object.keys(portfolio.settings.owners);
  const errors: ConfigError[] = [];
  const at = (keyPath: (string | number)[], message: string) =>
    errors.push({
      file,
      ...(locate(file, keyPath) ?? { line: 1, column: 1 }),
      field: keyPath.join('.'),
      message,
    });
  (portfolio.settings.alerts ?? []).forEach((alert, index) => {
    alert.to.forEach((recipient, position) => {
      if (!recipient.includes('@') && !owners.includes(recipient))
        at(
          ['alerts', index, 'to', position],
          `alerts.${index}.to: unknown owner "${recipient}" (owners: ${owners.join(', ') || 'none'}; or write an email address)`,
        );
    });
    if (alert.entities !== 'all')
      alert.entities.forEach((entity, position) => {
        if (!entityIds.has(entity))
          at(
            ['alerts', index, 'entities', position],
            `alerts.${index}.entities: unknown entity "${entity}"`,
          );
      });
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
