import type { ResolvedConfig, ResolvedRole } from '../config/types.js';

const SECRET_HEADER = /key|auth|token|secret|cookie/i;

/** The resolved configuration for /config, one `key: value` a line, with API keys and secret-looking headers hidden. */
export function configText(config: ResolvedConfig): string {
  const { sources, ...shown } = {
    ...config,
    architect: hideRole(config.architect),
    editor: hideRole(config.editor),
    ...(config.fallback ? { fallback: hideRole(config.fallback) } : {}),
  };
  return [...flatten(shown, ''), `resolved from (later wins): ${sources.join(' < ')}`].join('\n');
}

function hideRole<R extends ResolvedRole>(role: R): R {
  const from = role.apiKeyEnv ? `$${role.apiKeyEnv} or $TANDEM_API_KEY` : '$TANDEM_API_KEY';
  const headers = Object.fromEntries(Object.entries(role.headers).map(([name, value]) => [name, SECRET_HEADER.test(name) ? '(hidden)' : value]));
  return { ...role, apiKey: role.apiKey ? `(hidden, from ${from})` : `(not set: ${from})`, headers };
}

function flatten(value: unknown, path: string): string[] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value).filter(([, inner]) => inner !== undefined);
    if (entries.length === 0) return [`${path}: {}`];
    return entries.flatMap(([key, inner]) => flatten(inner, path ? `${path}.${key}` : key));
  }
  return [`${path}: ${Array.isArray(value) ? value.map(String).join(', ') : String(value)}`];
}
