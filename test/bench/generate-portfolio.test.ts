// The bench's generator writes a valid portfolio for any entity count, not only whole rounds of
// the example's seven entities: a unit whose parent's clone falls past the count names the
// parent's clone from the round before.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePortfolio } from '../../scripts/generate-portfolio.js';
import { checkPortfolio } from '../../src/validate.js';
import { tempDir } from '../helpers.js';

async function generated(entityCount: number) {
  const dir = path.join(tempDir(), 'reports-config');
  const { entities } = generatePortfolio(dir, entityCount, 20);
  const parentOf = (id: string) =>
    /^parent: (.*)$/m.exec(readFileSync(path.join(dir, 'entities', `${id}.yml`), 'utf8'))?.[1];
  const checked = await checkPortfolio(dir);
  return { entities, parentOf, errors: 'errors' in checked ? checked.errors : [] };
}

describe('scripts/generate-portfolio.ts', () => {
  it('50 entities (the given instance): the last unit names the round before, and all validates', async () => {
    const { entities, parentOf, errors } = await generated(50);
    expect(errors.map((e) => `${e.file}:${e.line}: ${e.message}`)).toEqual([]);
    expect(entities).toHaveLength(50);
    expect(entities[49]).toBe('dangerouscentaur-clients-49');
    expect(parentOf('dangerouscentaur-clients-49')).toBe('dangerouscentaur-43');
    expect(parentOf('dangerouscentaur-clients-42')).toBe('dangerouscentaur-43');
  });

  it('15 entities (a second count one past whole rounds): same rule, validates', async () => {
    const { parentOf, errors } = await generated(15);
    expect(errors.map((e) => `${e.file}:${e.line}: ${e.message}`)).toEqual([]);
    expect(parentOf('dangerouscentaur-clients-14')).toBe('dangerouscentaur-8');
    expect(parentOf('dangerouscentaur-clients-0')).toBe('dangerouscentaur-1');
  });
});
