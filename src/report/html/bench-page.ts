import type { BenchReport } from '../../bench/result.js';
import { benchSection } from './bench-section.js';
import { STYLES } from './styles.js';

/** `tandem bench --html`: the bench section alone as a self-contained page (inline CSS, nothing fetched). */
export function benchPage(report: BenchReport): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>tandem bench</title>
<style>${STYLES}</style>
</head>
<body>
<header><h1>tandem bench</h1></header>
${benchSection(report)}
</body>
</html>
`;
}
