// The second example (examples/harbor-books) carries copies of the shared section and partial
// templates so that it runs on its own; a copy that drifts from reports-config/ would show a
// reader of that example an older report, so each must equal its original.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const example = path.join(root, 'examples/harbor-books/templates');
const original = path.join(root, 'reports-config/templates');

describe('examples/harbor-books templates', () => {
  it('keeps every shared section and partial identical to reports-config/templates', async () => {
    const copies: string[] = [];
    for (const folder of ['sections', 'partials']) {
      for (const name of await readdir(path.join(example, folder)))
        copies.push(`${folder}/${name}`);
    }
    expect(copies.length).toBeGreaterThan(0);
    for (const file of copies) {
      const copy = await readFile(path.join(example, file), 'utf8');
      const source = await readFile(path.join(original, file), 'utf8');
      expect(copy, `${file} differs from reports-config/templates/${file}`).toBe(source);
    }
  });
});
