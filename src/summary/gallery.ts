// index.html: a page that links every rendered report, for a reviewer opening the artifact.
import { escapeHtml } from '../render/html.js';
import type { RunSummary } from './model.js';

export function galleryHtml(summary: RunSummary): string {
  const rows = summary.reports
    .map((r) => {
      // Counted as the report's own header counts them: what its reader sees.
      const critical = r.counts.critical;
      const findings = r.counts.critical + r.counts.warning + r.counts.info;
      return `<tr><td class="nowrap"><a href="${escapeHtml(r.files.html)}">${escapeHtml(r.id)}</a></td><td>${escapeHtml(r.reader)}</td><td class="subject">${escapeHtml(r.subject)}</td><td>${r.status}${r.send_reason ? `<br><small>${escapeHtml(r.send_reason)}</small>` : ''}</td><td class="num${critical > 0 ? ' critical' : ''}">${critical}</td><td class="num">${findings}</td><td class="nowrap"><a href="${escapeHtml(r.files.txt)}">text</a> · <a href="${escapeHtml(r.files.md)}">markdown</a> · <a href="${escapeHtml(r.files.json)}">figures</a>${attachmentLinks(r.files.attachments)}</td></tr>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>boardroom: ${escapeHtml(summary.run.portfolio)} as of ${summary.run.as_of}</title>
<style>
body{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;margin:2rem;color:#1f2933;background:#f4f6f8}
main{max-width:1000px;margin:auto;background:#fff;border:1px solid #d8dee9;border-radius:6px;padding:1.5rem 2rem}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{border:1px solid #d8dee9;padding:6px 8px;text-align:left}
th{background:#eef2f7}
.nowrap{white-space:nowrap}.subject{width:45%}
.num{text-align:right;font-variant-numeric:tabular-nums}.critical{color:#b91c1c;font-weight:bold}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(summary.run.portfolio)}</h1>
<p>${summary.run.mode} as of ${summary.run.as_of}: ${summary.counts.sent} sent, ${summary.counts.skipped} skipped, ${summary.counts.failed} failed, ${summary.counts.rendered} rendered only${summary.counts.not_sent ? `, ${summary.counts.not_sent} not sent` : ''}.</p>
<table>
<thead><tr><th>report</th><th>reader</th><th>subject</th><th>status</th><th>critical</th><th>findings</th><th>other forms</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p><a href="summary.json">summary.json</a> · <a href="summary.md">summary.md</a></p>
</main>
</body>
</html>
`;
}

/** A report's attached files (its CSV tables), folded under one line: " · 17 CSV files". */
function attachmentLinks(files: readonly string[] | undefined): string {
  if (!files?.length) return '';
  const links = files
    .map(
      (file) => `<a href="${escapeHtml(file)}">${escapeHtml(file.replace(/^reports\//, ''))}</a>`,
    )
    .join('<br>');
  return ` · <details><summary>${files.length} CSV file${files.length === 1 ? '' : 's'}</summary>${links}</details>`;
}
