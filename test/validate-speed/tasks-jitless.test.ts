// Issue 13, cold start: a report's `tasks:` mapping is checked by a second zod parse inside the
// report's own (reportTasksSchema), and that parse too goes without zod's compiled fast path,
// which zod builds (a `new Function`) on a schema's first parse and which costs a check more
// than it saves. The example's cfo.yml and accounting.yml have such a mapping.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportSchema, taskSelectionSchema } from '../../src/config/schema.js';
import { parseYamlFile } from '../../src/config/yaml-file.js';
import { EXAMPLE_CONFIG } from '../config/portfolio-copy.js';
import { countCompiled, restoreFunctionAfterEach } from './count-compiled.js';

restoreFunctionAfterEach();

describe("a report's tasks: mapping is checked without compiling zod code", () => {
  it("the example's cfo.yml, to the same selection and the same problems", () => {
    const file = 'reports/cfo.yml';
    const text = readFileSync(path.join(EXAMPLE_CONFIG, file), 'utf8');
    const checked = countCompiled(() => parseYamlFile(file, text, reportSchema));
    expect(checked.result.errors).toEqual([]);
    expect(checked.compiled).toBe(0);
    expect(checked.result.value?.tasks).toEqual({
      min_severity: 'warning',
      min_priority: 'medium',
    });
    // A wrong value inside the mapping is still named at its own key, with the same message.
    const wrong = countCompiled(() =>
      parseYamlFile(
        file,
        text.replace('min_priority: medium', 'min_priority: urgent'),
        reportSchema,
      ),
    );
    expect(wrong.compiled).toBe(0);
    expect(wrong.result.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
      '14: tasks.min_priority: must be one of "high", "medium", "low"',
    ]);
    // zod's compiled path on the same mapping compiles code (this schema's first compiled parse
    // in this file), so the counts above can fail, and it gives the same selection.
    const compiledPath = countCompiled(() =>
      taskSelectionSchema.parse({ min_severity: 'warning', min_priority: 'medium' }),
    );
    expect(compiledPath.compiled).toBeGreaterThan(0);
    expect(compiledPath.result).toEqual(checked.result.value?.tasks);
  });
});
