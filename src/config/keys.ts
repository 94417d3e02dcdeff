import { usageError, type TandemError } from '../errors.js';
import type { ResolvedRole } from './types.js';

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
