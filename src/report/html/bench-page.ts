import type { BenchReport } from '../../bench/result.js';
import { benchSection } from './bench-section.js';
import { htmlPage } from './shell.js';

/** `tandem bench --html`: the bench section alone as a self-contained page (inline CSS, nothing fetched). */
export function benchPage(report: BenchReport): string {
  return htmlPage('tandem bench', `<header><h1>tandem bench</h1></header>
${benchSection(report)}`);
}
