// The one HTML escaper, and the email shell every report's HTML part is wrapped in.

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** A single centred column with inline styles: what common mail clients render reliably. */
export function emailShell(options: {
  title: string;
  preheader: string;
  body: string;
  footer: string;
}): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f6f8;">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(options.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f6f8;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:720px;background:#ffffff;border:1px solid #d8dee9;border-radius:6px;">
<tr><td style="padding:24px 28px;font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:14px;color:#1f2933;">
${options.body}
</td></tr>
<tr><td style="padding:14px 28px;border-top:1px solid #d8dee9;font-family:Helvetica,Arial,sans-serif;font-size:12px;color:#6b7280;">
${escapeHtml(options.footer)}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}
