import { loadConfig, type LoadConfigInput } from '../config/load.js';
import { collectLayers, sourcedValues } from '../config/sources.js';
import type { ResolvedConfig, ResolvedRole } from '../config/types.js';
import { ExitCode, TandemError } from '../errors.js';
import { editorCallChecks } from './editor-call-check.js';
import { keyMissing } from '../config/keys.js';
import { keyChecks } from './key-checks.js';
import { listModels, modelCheck, reachCheck, type Listing } from './model-checks.js';
import { isOllamaHost, ollamaContextCheck } from './ollama-check.js';
import { poolChecks } from './pool-check.js';
import type { CheckResult, DoctorReport } from './types.js';
import { describeSource } from './value-source.js';

/** Where the configuration comes from, and how long each probe may take. */
export interface DoctorInput extends LoadConfigInput {
  timeoutMs?: number;
}

function rolesOf(config: ResolvedConfig): ResolvedRole[] {
  return [config.architect, config.editor, ...(config.fallback ? [config.fallback] : [])];
}

/** Lists each role's models once per distinct endpoint, headers and key. */
async function listings(roles: ResolvedRole[], timeoutMs: number): Promise<Map<ResolvedRole, Listing>> {
  const asked = new Map<string, Promise<Listing>>();
  const result = new Map<ResolvedRole, Listing>();
  for (const role of roles) {
    const key = JSON.stringify([role.baseURL, role.headers, role.apiKey ?? '']);
    if (!asked.has(key)) asked.set(key, listModels(role, timeoutMs));
    result.set(role, await asked.get(key)!);
  }
  return result;
}

/** The config line: valid, from which layers; with nothing configured at all, a warning that points at tandem init. */
function configCheck(config: ResolvedConfig, defaultsOnly: boolean): CheckResult {
  if (!defaultsOnly) return { id: 'config', title: 'config', status: 'pass', detail: `valid: ${config.sources.join(' < ')}` };
  return {
    id: 'config',
    title: 'config',
    status: 'warn',
    detail: `no tandem.config.json, user config, TANDEM_* variable or flag: built-in defaults (${config.architect.gatewayName})`,
    fix: 'run tandem init to write tandem.config.json for your gateway',
  };
}

function report(checks: CheckResult[], invalidConfig = false): DoctorReport {
  const failed = checks.some((c) => c.status === 'fail');
  const exitCode = invalidConfig ? ExitCode.usage : failed ? ExitCode.failed : ExitCode.ok;
  return { ok: !failed, exitCode, checks };
}

/** Runs every check in order: config, keys, reachability, models, a one-token editor call with its pin, Ollama's context. */
export async function runDoctor(input: DoctorInput): Promise<DoctorReport> {
  const env = input.env ?? process.env;
  const timeoutMs = input.timeoutMs ?? 10_000;
  let config: ResolvedConfig;
  try {
    config = await loadConfig({ ...input, env });
  } catch (error) {
    if (!(error instanceof TandemError) || error.exitCode !== ExitCode.usage) throw error;
    return report([{ id: 'config', title: 'config', status: 'fail', detail: error.message, fix: error.hint ?? 'fix the key named above (see docs/configuration.md)' }], true);
  }
  const layers = await collectLayers({ ...input, env });
  const values = sourcedValues(layers, env);
  const where = (key: string) => describeSource(key, values, layers, input.root ?? process.cwd());
  const checks: CheckResult[] = [configCheck(config, layers.length === 0)];
  const roles = rolesOf(config);
  checks.push(...keyChecks(roles, env));

  const listed = await listings(roles, timeoutMs);
  // Ollama hosts reached directly are told by their native API, whatever port or name they have.
  const ollamaHosts = new Set<string>();
  const seen = new Set<string>();
  for (const role of roles) {
    if (seen.has(role.baseURL)) continue;
    seen.add(role.baseURL);
    checks.push(reachCheck(role, listed.get(role)!, where(`${role.role}.baseURL`)));
    if (listed.get(role)!.kind !== 'unreachable' && (await isOllamaHost(role.baseURL, timeoutMs))) ollamaHosts.add(role.baseURL);
  }
  for (const role of roles) checks.push(modelCheck(role, listed.get(role)!, ollamaHosts.has(role.baseURL), where(`${role.role}.model`)));

  const editor = config.editor;
  const unreachable = listed.get(editor)!.kind === 'unreachable';
  if (unreachable || keyMissing(editor)) {
    const why = unreachable ? `${editor.gatewayName} is unreachable` : `no key in ${editor.apiKeyEnv}`;
    checks.push({ id: 'editor-call', title: `editor call (${editor.model})`, status: 'skip', detail: `not tried: ${why}` });
  } else {
    checks.push(...(await editorCallChecks(editor)));
    if (editor.pool) checks.push(...(await poolChecks(editor, timeoutMs)));
    if (ollamaHosts.has(editor.baseURL)) checks.push(await ollamaContextCheck(editor, timeoutMs));
  }
  return report(checks);
}
