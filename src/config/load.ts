import { join } from 'node:path';
import {
  DEFAULT_API_KEY_ENV,
  DEFAULT_ARCHITECT_MODEL,
  DEFAULT_BASE_URL,
  DEFAULT_EDITOR_MODEL,
  DEFAULT_EDITOR_PROVIDER,
  DEFAULT_COLD_START_MS,
  DEFAULT_TIMEOUTS,
  gatewayNameFor,
  knownPricing,
} from './defaults.js';
import { rememberKeys } from './keys.js';
import { usageError } from '../errors.js';
import { environmentLayer, mergeLayers, readConfigFile, userConfigPath, validateLayer, type SourcedLayer } from './layers.js';
import type { ConfigLayer } from './schema.js';
import type { ResolvedConfig, ResolvedRole, RoleName, Timeouts } from './types.js';

/** Where the configuration comes from; everything is passed in so tests and commands control it. */
export interface LoadConfigInput {
  /** Repository root holding tandem.config.json (may be absent). */
  root?: string;
  env?: NodeJS.ProcessEnv;
  /** Command-line flags, already shaped as a layer. */
  flags?: ConfigLayer;
  /** An explicit --config file, read in place of tandem.config.json. */
  configFile?: string;
}

/** Resolves the configuration: defaults < user file < tandem.config.json < environment < flags. */
export async function loadConfig(input: LoadConfigInput = {}): Promise<ResolvedConfig> {
  const env = input.env ?? process.env;
  const layers: SourcedLayer[] = [];
  const user = await readConfigFile(userConfigPath(env));
  if (user) layers.push(user);
  const projectPath = input.configFile ?? (input.root ? join(input.root, 'tandem.config.json') : undefined);
  const project = projectPath ? await readConfigFile(projectPath) : undefined;
  // An explicit --config that is not there must not fall back to defaults: the task and key would go to the default host.
  if (input.configFile && !project) throw usageError(`config file not found: ${input.configFile}`, 'check the path given to --config');
  if (project) layers.push(project);
  layers.push(environmentLayer(env));
  if (input.flags) layers.push({ source: 'command-line flags', layer: validateLayer(input.flags, 'command-line flags') });
  const config = resolveConfig(mergeLayers(layers.map((l) => l.layer)), env, ['defaults', ...layers.map((l) => l.source)]);
  rememberKeys(config);
  return config;
}

type RoleLayer = NonNullable<ConfigLayer['architect']>;

/** Turns a merged layer into the resolved configuration, filling defaults and reading keys. */
export function resolveConfig(merged: ConfigLayer, env: NodeJS.ProcessEnv, sources: string[] = ['defaults']): ResolvedConfig {
  const gateway = merged.gateway ?? {};
  const resolveRole = (role: RoleName, layer: RoleLayer, defaults: Partial<ResolvedRole>): ResolvedRole => {
    const model = layer.model ?? defaults.model ?? DEFAULT_ARCHITECT_MODEL;
    const baseURL = layer.baseURL ?? gateway.baseURL ?? DEFAULT_BASE_URL;
    // A role with its own base URL is in direct mode: it does not inherit the gateway's key variable.
    const apiKeyEnv = layer.apiKeyEnv ?? (layer.baseURL ? undefined : gateway.apiKeyEnv ?? DEFAULT_API_KEY_ENV);
    const apiKey = (apiKeyEnv ? env[apiKeyEnv] : undefined) || env.TANDEM_API_KEY || undefined;
    const local = layer.local ?? defaults.local ?? false;
    return {
      role,
      model,
      baseURL,
      apiKeyEnv,
      apiKey,
      headers: { ...(layer.baseURL ? {} : gateway.headers), ...layer.headers },
      provider: 'provider' in layer ? layer.provider : defaults.provider,
      // A model on the user's own hardware costs nothing per token unless the config says otherwise.
      pricing: layer.pricing ?? defaults.pricing ?? knownPricing(model) ?? (local ? { input: 0, output: 0 } : undefined),
      local,
      contextWindow: layer.contextWindow ?? defaults.contextWindow,
      ...(layer.promptCache !== undefined && { promptCache: layer.promptCache }),
      ...roleTimeouts(local, { ...gateway.timeouts, ...layer.timeouts }),
      maxRetries: layer.retries ?? gateway.retries ?? 2,
      gatewayName: layer.baseURL ? gatewayNameFor(baseURL) : gateway.name ?? gatewayNameFor(baseURL),
    };
  };

  const architectLayer = merged.architect ?? {};
  const editorLayer = merged.editor ?? {};
  const architect = resolveRole('architect', architectLayer, { model: DEFAULT_ARCHITECT_MODEL });
  const editorDefaults: Partial<ResolvedRole> =
    editorLayer.model === undefined || editorLayer.model === DEFAULT_EDITOR_MODEL
      ? { model: DEFAULT_EDITOR_MODEL, provider: DEFAULT_EDITOR_PROVIDER, pricing: { input: 0, output: 0 }, local: true, contextWindow: 8192 }
      : { model: editorLayer.model };
  const { fallback: fallbackLayer, editFormat, wholeFileMaxLines, maxRetries, escalate, pool, parallelPerHost, warmUp, ...editorRole } = editorLayer;
  const editor = resolveRole('editor', editorRole, editorDefaults);

  return {
    architect: { ...architect, contextBudget: architectLayer.contextBudget ?? 24_000 },
    editor: {
      ...editor,
      editFormat: editFormat ?? 'auto',
      wholeFileMaxLines: wholeFileMaxLines ?? 150,
      editRetries: maxRetries ?? 2,
      escalate: escalate ?? true,
      warmUp: warmUp ?? true,
      ...(pool && { pool }),
      parallelPerHost: parallelPerHost ?? 1,
    },
    fallback: fallbackLayer ? resolveRole('fallback', fallbackLayer, {}) : undefined,
    privacy: merged.privacy ?? 'standard',
    rules: merged.rules ?? [],
    git: { verify: merged.git?.verify ?? false },
    sources,
  };
}

/** A role's timeouts, and for a local role the longer one of its calls until its model has loaded. */
function roleTimeouts(local: boolean, layer: Partial<Timeouts> & { coldStartMs?: number }): Pick<ResolvedRole, 'timeouts' | 'coldStartMs'> {
  const { coldStartMs, ...timeouts } = layer;
  return { timeouts: { ...DEFAULT_TIMEOUTS, ...timeouts }, ...(local && { coldStartMs: coldStartMs ?? DEFAULT_COLD_START_MS }) };
}
