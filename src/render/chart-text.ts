// The text part's stand-in for a chart: its numbers as a text table. Apart from chart-markup.ts
// because it needs the text-table layout (string-width), which only the Markdown -> text step loads.
import { chartTable, type ChartSpec } from '../charts/spec.js';
import { textTable } from './text-table.js';

/**
 * The text part's stand-in for a chart image in an HTML block: the chart's title and its numbers
 * as a text table, or undefined when the block holds no known chart.
 */
export function chartText(
  html: string,
  charts: ReadonlyMap<string, ChartSpec>,
): string | undefined {
  const tables = [...html.matchAll(/<img\s[^>]*?src="charts\/([0-9a-f]{16})\.png"/g)].flatMap(
    ([, key]) => {
      const spec = charts.get(key!);
      if (!spec) return [];
      const table = chartTable(spec);
      return [`${spec.title}\n\n${textTable(table.header, table.rows, table.align)}`];
    },
  );
  return tables.length > 0 ? tables.join('\n\n') : undefined;
}
