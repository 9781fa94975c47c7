// Issue 13, cold start: each YAML file is checked against its zod schema without zod's compiled
// fast path. zod 4 builds that path (a `new Function` per object schema) on a schema's first
// parse, which costs more than it saves when a handful of documents are checked once, as a
// validate or a run does. Counted here as constructions of Function while a file is parsed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { entitySchema, portfolioSchema } from '../../src/config/schema.js';
import { parseYamlFile } from '../../src/config/yaml-file.js';
import { EXAMPLE_CONFIG } from '../config/portfolio-copy.js';
import { countCompiled, restoreFunctionAfterEach } from './count-compiled.js';

restoreFunctionAfterEach();

describe('a YAML file is checked without compiling zod code, to the same value', () => {
  const cases = [
    { file: 'portfolio.yml', schema: portfolioSchema },
    { file: 'entities/jada.yml', schema: entitySchema },
  ];
  for (const { file, schema } of cases) {
    it(`the example's ${file}`, () => {
      const text = readFileSync(path.join(EXAMPLE_CONFIG, file), 'utf8');
      const checked = countCompiled(() => parseYamlFile(file, text, schema));
      expect(checked.result.errors).toEqual([]);
      expect(checked.compiled).toBe(0);
      // zod's compiled path, on the same document, gives the same value; and it does compile
      // code (first parse of this schema in this file), so the count above can fail.
      const compiledPath = countCompiled(() => schema.parse(parseYaml(text)));
      expect(compiledPath.compiled).toBeGreaterThan(0);
      expect(checked.result.value).toEqual(compiledPath.result);
    });
  }
});
