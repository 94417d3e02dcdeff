import { escapeHtml } from './escape.js';
import { STYLES } from './styles.js';

// Nothing may be fetched: no scripts, fonts, images or styles from anywhere, enforced by the browser too.
const CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** A self-contained page around `body` (already HTML): inline CSS, no script, nothing loaded from the network. */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<style>${STYLES}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
