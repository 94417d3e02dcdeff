import { usageError, type TandemError } from '../errors.js';
import { envSecretKind, rememberSecrets } from '../privacy/secret-env.js';
import type { ResolvedConfig, ResolvedRole } from './types.js';

/** True when the role names a key variable and neither it nor TANDEM_API_KEY is set. */
export function keyMissing(role: ResolvedRole): boolean {
  return role.apiKeyEnv !== undefined && !role.apiKey;
}

/** The usage error for a role that needs a key and has none, so no call is made only to be refused (exit 2). */
export function missingKeyError(role: ResolvedRole): TandemError {
  return usageError(
    `no API key for the ${role.role}: set ${role.apiKeyEnv} (or TANDEM_API_KEY) for ${role.gatewayName}`,
    'keys never live in config files; "tandem doctor" checks the whole setup',
  );
}

/**
 * Makes the keys the config reads (from `apiKeyEnv` variables of any name, or TANDEM_API_KEY) known to the
 * redaction, so no output of this process can show them.
 */
export function rememberKeys(config: Pick<ResolvedConfig, 'architect' | 'editor' | 'fallback'>): void {
  const roles = [config.architect, config.editor, config.fallback].filter((role): role is ResolvedRole => role !== undefined);
  rememberSecrets(roles.flatMap((role) => (role.apiKey ? [{ value: role.apiKey, kind: envSecretKind(role.apiKeyEnv ?? 'TANDEM_API_KEY') }] : [])));
}
