// Run by text-part-deopts.test.ts in a child process with --trace-deopt: the text part and the
// HTML of many generated reports' worth of Markdown (headings, lists, quotes, tables of every
// size, cells that wrap, non-ASCII text, charts' tables), long enough for V8 to optimise the
// render's functions, so that the parent can count the deoptimisations V8 printed.
import type { ChartSpec } from '../../src/charts/spec.js';
import { markdownToHtml, markdownToText } from '../../src/render/markdown.js';

// A fixed sequence (mulberry32), so every run renders the same documents.
let seed = 24;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const WORDS = [
  'Harbor',
  'Hill',
  'cash',
  'runway',
  'invoice',
  'overdue',
  '$12,400',
  '92.0%',
  'Zoë',
  'Café',
  '東京',
  'naïve',
  'rent',
  'marketing',
  'spend',
  'subscription',
  'receipt',
];
const text = (words: number) => Array.from({ length: words }, () => pick(WORDS)).join(' ');

function table(): string {
  const columns = 2 + Math.floor(random() * 6);
  const rows = Math.floor(random() * 12);
  const cell = () =>
    random() < 0.15 ? text(8 + Math.floor(random() * 20)) : text(1 + Math.floor(random() * 3));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const out = [
    line(Array.from({ length: columns }, () => text(1))),
    line(Array.from({ length: columns }, () => pick(['---', ':---', '---:', ':---:']))),
  ];
  for (let row = 0; row < rows; row += 1) out.push(line(Array.from({ length: columns }, cell)));
  return out.join('\n');
}

const charts = new Map<string, ChartSpec>();
for (let index = 0; index < 40; index += 1) {
  const categories = Array.from({ length: 2 + (index % 10) }, (_, i) => `Channel ${i}`);
  charts.set(index.toString(16).padStart(16, '0'), {
    kind: 'categories',
    title: `Chart ${index}`,
    categoryLabel: 'Channel',
    categories,
    series: Array.from({ length: 1 + (index % 3) }, (_, s) => ({
      name: `Series ${s}`,
      unit: { kind: 'count' },
      values: categories.map((_, i) => (i % 4 === 3 ? null : i * 10 + s)),
      mark: 'bar',
    })),
    width: 600,
    height: 300,
    alt: 'a chart',
  });
}
const chartKeys = [...charts.keys()];

function document(): string {
  const blocks = [`# ${text(3)}`, text(12)];
  const sections = 2 + Math.floor(random() * 5);
  for (let section = 0; section < sections; section += 1) {
    blocks.push(`## ${text(2)}`, text(20));
    const kind = random();
    if (kind < 0.5) blocks.push(table());
    else if (kind < 0.7) blocks.push(Array.from({ length: 3 }, () => `- ${text(6)}`).join('\n'));
    else if (kind < 0.8) blocks.push(`> ${text(10)}`);
    else {
      const key = pick(chartKeys);
      blocks.push(`<img src="charts/${key}.png" alt="a chart" width="600" height="300">`);
    }
  }
  return blocks.join('\n\n');
}

let characters = 0;
for (let index = 0; index < Number(process.argv[2] ?? 1500); index += 1) {
  const markdown = document();
  characters += markdownToText(markdown, charts).length + markdownToHtml(markdown).length;
}
console.log(`@@done ${characters}`);
