import type { RunReport } from '../report/types.js';
import type { EgressForm, EgressRecord } from './egress-ledger.js';

/** Bytes and tokens, sent to cloud roles and to local ones. */
export interface EgressTotals {
  cloudBytes: number;
  cloudTokens: number;
  localBytes: number;
  localTokens: number;
  /** Secrets replaced by placeholders before they could reach a cloud role. */
  redactions: number;
}

/** One file's egress within a run: how often, in what form, to whom, and how much. */
export interface FileEgress extends EgressTotals {
  path: string;
  sends: number;
  forms: EgressForm[];
  /** "role model (provider)" of every destination, cloud ones marked. */
  to: string[];
}

/** One destination (role, model, provider) within a run. */
export interface DestinationEgress {
  role: string;
  model: string;
  provider: string;
  cloud: boolean;
  calls: number;
  bytes: number;
  tokens: number;
}

/** One run's egress: totals, destinations and files. */
export interface RunEgress extends EgressTotals {
  runId: string;
  planIds: string[];
  firstTs: string;
  lastTs: string;
  calls: number;
  privacy: string[];
  withheld: string[];
  destinations: DestinationEgress[];
  files: FileEgress[];
}

/** Adds one request's bytes, tokens and redactions to totals, on the cloud or the local side. */
function add(totals: EgressTotals, cloud: boolean, bytes: number, tokens: number, redactions: number): void {
  if (cloud) {
    totals.cloudBytes += bytes;
    totals.cloudTokens += tokens;
  } else {
    totals.localBytes += bytes;
    totals.localTokens += tokens;
  }
  totals.redactions += redactions;
}

const zero = (): EgressTotals => ({ cloudBytes: 0, cloudTokens: 0, localBytes: 0, localTokens: 0, redactions: 0 });

/** Sums records: every request's bytes and tokens on its side, and the secrets it had replaced. */
export function totalsOf(records: readonly EgressRecord[]): EgressTotals {
  const totals = zero();
  for (const r of records) add(totals, r.cloud, r.bytes, r.tokens, Object.values(r.redactions).reduce((s, n) => s + n, 0));
  return totals;
}

/**
 * What a run report counts: the run's own requests, plus the architect requests that made its plan when
 * that was an earlier run (`tandem apply` of a saved plan), so the bytes match the cost the report shows.
 */
export function reportEgress(records: readonly EgressRecord[], ids: { runId: string; planId: string }): EgressTotals {
  return totalsOf(reportRecords(records, ids));
}

function reportRecords(records: readonly EgressRecord[], ids: { runId: string; planId: string }): EgressRecord[] {
  return records.filter((r) => r.runId === ids.runId || (r.planId === ids.planId && r.role === 'architect'));
}

/** A run report with what went to the cloud: totals in `egress`, and `cloudBytes` on the architect and on each step. */
export function withEgress(report: RunReport, records: readonly EgressRecord[], ids: { runId: string; planId: string }): RunReport {
  const counted = reportRecords(records, ids);
  const cloudBytes = (keep: (r: EgressRecord) => boolean) => counted.filter((r) => r.cloud && keep(r)).reduce((sum, r) => sum + r.bytes, 0);
  return {
    ...report,
    architect: { ...report.architect, cloudBytes: cloudBytes((r) => r.role === 'architect') },
    steps: report.steps.map((step) => ({
      ...step,
      cloudBytes: cloudBytes((r) => r.role === 'editor' && r.step === step.index),
      ...(step.fallback ? { fallback: { ...step.fallback, cloudBytes: cloudBytes((r) => r.role === 'fallback' && r.step === step.index) } } : {}),
    })),
    egress: totalsOf(counted),
  };
}

/** Groups the ledger by run (oldest first), with each run's destinations and files (most bytes first). */
export function summarizeEgress(records: readonly EgressRecord[]): RunEgress[] {
  const runs = new Map<string, RunEgress>();
  const destinations = new Map<string, DestinationEgress>();
  const files = new Map<string, FileEgress>();
  for (const r of records) {
    let run = runs.get(r.runId);
    if (!run) {
      run = { runId: r.runId, planIds: [], firstTs: r.ts, lastTs: r.ts, calls: 0, privacy: [], withheld: [], destinations: [], files: [], ...zero() };
      runs.set(r.runId, run);
    }
    run.calls++;
    run.lastTs = r.ts;
    if (r.planId && !run.planIds.includes(r.planId)) run.planIds.push(r.planId);
    if (!run.privacy.includes(r.privacy)) run.privacy.push(r.privacy);
    for (const path of r.withheld) if (!run.withheld.includes(path)) run.withheld.push(path);
    add(run, r.cloud, r.bytes, r.tokens, Object.values(r.redactions).reduce((s, n) => s + n, 0));

    const destKey = `${r.runId}\0${r.role}\0${r.model}\0${r.provider}`;
    let dest = destinations.get(destKey);
    if (!dest) {
      dest = { role: r.role, model: r.model, provider: r.provider, cloud: r.cloud, calls: 0, bytes: 0, tokens: 0 };
      destinations.set(destKey, dest);
      run.destinations.push(dest);
    }
    dest.calls++;
    dest.bytes += r.bytes;
    dest.tokens += r.tokens;

    const to = `${r.role} ${r.model}${r.provider ? ` (${r.provider})` : ''}${r.cloud ? ', cloud' : ', local'}`;
    for (const f of r.files) {
      const key = `${r.runId}\0${f.path}`;
      let file = files.get(key);
      if (!file) {
        file = { path: f.path, sends: 0, forms: [], to: [], ...zero() };
        files.set(key, file);
        run.files.push(file);
      }
      file.sends++;
      if (!file.forms.includes(f.form)) file.forms.push(f.form);
      if (!file.to.includes(to)) file.to.push(to);
      add(file, r.cloud, f.bytes, f.tokens, f.redactions);
    }
  }
  for (const run of runs.values()) run.files.sort((a, b) => b.cloudBytes - a.cloudBytes || b.localBytes - a.localBytes || (a.path < b.path ? -1 : 1));
  return [...runs.values()];
}
