// Generates a large portfolio on disk for the benchmark: the example's seven entities cloned
// under new ids (with their data), and reports that each cover a slice of them.
// Usage: node --import tsx scripts/generate-portfolio.ts DIR [ENTITIES] [REPORTS]
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The example portfolio the entities are cloned from (this script's repository's). */
const EXAMPLE = path.resolve(import.meta.dirname, '..', 'reports-config');
const EXECUTIVES = ['ceo', 'cfo', 'cto', 'cmo', 'accounting'];

/**
 * Writes a portfolio of `entityCount` entities and `reportCount` reports into `dir`.
 * @param example the portfolio folder cloned (default: the repository's reports-config/; the
 *   bench, bundled into .bench/stage/, gives it, as its own folder is not this script's).
 * @returns the entities' ids and the number of reports written.
 */
export function generatePortfolio(
  dir: string,
  entityCount = 200,
  reportCount = 1000,
  example = EXAMPLE,
): { entities: string[]; reports: number } {
  mkdirSync(dir, { recursive: true });
  for (const part of ['portfolio.yml', 'personas', 'templates'])
    cpSync(path.join(example, part), path.join(dir, part), { recursive: true });
  mkdirSync(path.join(dir, 'entities'), { recursive: true });
  mkdirSync(path.join(dir, 'reports'), { recursive: true });

  const originals = readdirSync(path.join(example, 'entities')).map((file) =>
    path.basename(file, '.yml'),
  );
  const entities: string[] = [];
  for (let i = 0; i < entityCount; i += 1) {
    const original = originals[i % originals.length]!;
    const id = `${original}-${i}`;
    let yaml = readFileSync(path.join(example, 'entities', `${original}.yml`), 'utf8').replace(
      /^name: (.*)$/m,
      `name: $1 no. ${i}`, // not "#": YAML would read " #…" as a comment
    );
    // A unit's parent is its clone from the same round, or, when this round stops short of it
    // (an entity count that is not a whole number of rounds), from the round before; with no
    // round before, the unit stands alone.
    yaml = yaml.replace(/^parent: (.*)\n/m, (_, parent: string) => {
      let clone = i - originals.indexOf(original) + originals.indexOf(parent);
      if (clone >= entityCount) clone -= originals.length;
      return clone >= 0 ? `parent: ${parent}-${clone}\n` : '';
    });
    writeFileSync(path.join(dir, 'entities', `${id}.yml`), yaml);
    cpSync(path.join(example, 'data', original), path.join(dir, 'data', id), { recursive: true });
    entities.push(id);
  }
  for (let r = 0; r < reportCount; r += 1) {
    // Each report reads its own window of 10 entities, and no two reports share both persona and
    // window: no report's analysis or rendering can be served from another's.
    const persona = EXECUTIVES[Math.floor(r / entities.length) % EXECUTIVES.length]!;
    const slice = Array.from({ length: 10 }, (_, k) => entities[(r + k) % entities.length]!);
    writeFileSync(
      path.join(dir, 'reports', `report-${r}.yml`),
      `persona: ${persona}\nentities: [${slice.join(', ')}]\nrecipients:\n  to: [reader${r}@example.com]\ncadence: weekly\nsubject: "${persona.toUpperCase()} weekly {{ period }}"\n`,
    );
  }
  return { entities, reports: reportCount };
}

// Run directly (not when imported, or bundled into the benchmark).
if (process.argv[1]?.endsWith('generate-portfolio.ts')) {
  const [dir, entities, reports] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: generate-portfolio.ts DIR [ENTITIES] [REPORTS]');
    process.exit(2);
  }
  const result = generatePortfolio(dir, Number(entities ?? 200), Number(reports ?? 1000));
  console.log(`wrote ${result.entities.length} entities and ${result.reports} reports to ${dir}`);
}
