import { join } from 'node:path';
import { environmentLayer, mergeLayers, readConfigFile, userConfigPath, validateLayer } from './layers.js';
import type { LoadConfigInput } from './load.js';
import { resolveConfig } from './load.js';
import type { ConfigLayer } from './schema.js';
import type { ResolvedConfig, ResolvedRole } from './types.js';

/** The kinds of place a configuration value can come from, in the order they apply (later wins). */
export type SourceKind = 'default' | 'user file' | 'repo file' | 'env' | 'flag';

/** One layer and where it came from: `label` is the file's path, or which variables or flags. */
export interface LayerSource {
  kind: SourceKind;
  label: string;
  layer: ConfigLayer;
}

/** One resolved value, as shown: its dotted key, its text (keys only as set/unset) and the layer that set it. */
export interface SourcedValue {
  key: string;
  value: string;
  source: { kind: SourceKind; label: string };
}

const DEFAULTS = { kind: 'default', label: 'built-in defaults' } as const;
const ENV_VARIABLES = ['TANDEM_BASE_URL', 'TANDEM_ARCHITECT_MODEL', 'TANDEM_EDITOR_MODEL', 'TANDEM_EDITOR_PROVIDER', 'TANDEM_PRIVACY'];
const SECRET_HEADER = /key|auth|token|secret|cookie/i;

/**
 * The layers loadConfig merges, each with its kind: user file, repo file (tandem.config.json or
 * --config), environment (TANDEM_* variables), flags. Layers that set nothing are left out.
 */
export async function collectLayers(input: LoadConfigInput): Promise<LayerSource[]> {
  const env = input.env ?? process.env;
  const layers: LayerSource[] = [];
  const user = await readConfigFile(userConfigPath(env));
  if (user) layers.push({ kind: 'user file', label: user.source, layer: user.layer });
  const projectPath = input.configFile ?? (input.root ? join(input.root, 'tandem.config.json') : undefined);
  const project = projectPath ? await readConfigFile(projectPath) : undefined;
  if (project) layers.push({ kind: 'repo file', label: project.source, layer: project.layer });
  const fromEnv = environmentLayer(env).layer;
  const variables = ENV_VARIABLES.filter((name) => env[name]);
  if (Object.keys(fromEnv).length > 0) layers.push({ kind: 'env', label: variables.join(', '), layer: fromEnv });
  if (input.flags && Object.keys(input.flags).length > 0) layers.push({ kind: 'flag', label: 'command-line flags', layer: validateLayer(input.flags, 'command-line flags') });
  return layers;
}

/**
 * Every resolved value with the layer it came from: the configuration is resolved after each layer in
 * turn, and a value belongs to the last layer that changed it. API keys appear only as set or unset,
 * coming from the environment; secret-looking headers are hidden.
 */
export function sourcedValues(layers: readonly LayerSource[], env: NodeJS.ProcessEnv): SourcedValue[] {
  const steps = [DEFAULTS, ...layers].map((_, upTo) => shownValues(resolveConfig(mergeLayers(layers.slice(0, upTo).map((l) => l.layer)), env)));
  const final = steps[steps.length - 1];
  return [...final.entries()].map(([key, value]) => {
    let from = 0;
    for (let i = steps.length - 1; i > 0; i--) {
      if (steps[i].get(key) !== steps[i - 1].get(key)) {
        from = i;
        break;
      }
    }
    const source = key.endsWith('.apiKey') ? { kind: 'env' as const, label: 'environment' } : from === 0 ? DEFAULTS : layers[from - 1];
    return { key, value, source: { kind: source.kind, label: source.label } };
  });
}

/** Where one resolved value (e.g. `editor.baseURL`) came from. */
export function sourceOf(values: readonly SourcedValue[], key: string): SourcedValue['source'] | undefined {
  return values.find((value) => value.key === key)?.source;
}

function shownValues(config: ResolvedConfig): Map<string, string> {
  const shown: Record<string, unknown> = {
    ...config,
    sources: undefined,
    architect: hideRole(config.architect),
    editor: hideRole(config.editor),
    ...(config.fallback ? { fallback: hideRole(config.fallback) } : {}),
  };
  return new Map(flatten(shown, ''));
}

/** A role as shown: no `role` (the key says it), the key as set or unset, secret-looking headers hidden. */
function hideRole(role: ResolvedRole): Record<string, unknown> {
  const from = role.apiKeyEnv ? `$${role.apiKeyEnv} or $TANDEM_API_KEY` : '$TANDEM_API_KEY';
  const headers = Object.fromEntries(Object.entries(role.headers).map(([name, value]) => [name, SECRET_HEADER.test(name) ? '(hidden)' : value]));
  return { ...role, role: undefined, apiKey: role.apiKey ? `set (${from})` : `unset (${from})`, headers };
}

function flatten(value: unknown, path: string): Array<[string, string]> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value).filter(([, inner]) => inner !== undefined);
    if (entries.length === 0) return [[path, '{}']];
    return entries.flatMap(([key, inner]) => flatten(inner, path ? `${path}.${key}` : key));
  }
  if (Array.isArray(value)) return [[path, value.length === 0 ? '[]' : value.map(String).join(', ')]];
  return [[path, String(value)]];
}
