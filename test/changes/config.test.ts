// The keys this feature adds: portfolio.yml `change_thresholds` and a report's `send`, each
// checked at its file:line like every other key.
import { afterAll, describe, expect, it } from 'vitest';
import { removeScratchDirs, validateEdited } from '../config/portfolio-copy.js';

afterAll(removeScratchDirs);

const THRESHOLDS =
  'change_thresholds:\n  runway_months: 0.2\n  net_burn_monthly: 0.2\n  default: 0.25\n';

describe('change_thresholds and send', () => {
  it('accepts thresholds by figure with a default, and each send condition', async () => {
    const { problems } = await validateEdited(
      { file: 'portfolio.yml', find: 'thresholds:\n', replace: `${THRESHOLDS}thresholds:\n` },
      {
        file: 'reports/cfo.yml',
        find: 'cadence: weekly',
        replace: 'cadence: weekly\nsend: when-changed',
      },
      {
        file: 'reports/cto.yml',
        find: 'cadence: weekly',
        replace: 'cadence: weekly\nsend: when-critical',
      },
    );
    expect(problems).toEqual([]);
  });

  it('names an unknown figure and a negative share at their lines', async () => {
    const { portfolio, problems } = await validateEdited({
      file: 'portfolio.yml',
      find: 'thresholds:\n',
      replace: 'change_thresholds:\n  runway: 0.2\n  cash_on_hand: -0.1\nthresholds:\n',
    });
    const lines = problems.map((p) => [p.file, p.line, p.message]);
    expect(lines).toEqual([
      [
        'portfolio.yml',
        portfolio.lineNumberOf('portfolio.yml', '  runway: 0.2'),
        expect.stringContaining('runway'),
      ],
      [
        'portfolio.yml',
        portfolio.lineNumberOf('portfolio.yml', '  cash_on_hand: -0.1'),
        expect.stringContaining('0 or more'),
      ],
    ]);
  });

  it('names an unknown send condition at its line', async () => {
    const { portfolio, problems } = await validateEdited({
      file: 'reports/cmo.yml',
      find: 'cadence: weekly',
      replace: 'cadence: weekly\nsend: sometimes',
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'reports/cmo.yml',
      line: portfolio.lineNumberOf('reports/cmo.yml', 'send: sometimes'),
    });
    expect(problems[0]!.message).toMatch(/always.*when-changed.*when-critical/);
  });
});
