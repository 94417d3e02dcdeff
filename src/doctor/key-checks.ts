import type { ResolvedRole } from '../config/types.js';
import { safeUrl } from '../privacy/url.js';
import type { CheckResult } from './types.js';

function names(roles: ResolvedRole[]): string {
  const list = roles.map((r) => r.role);
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}` : list[0];
}

/** One check per key variable the roles read (roles sharing a variable share the check), naming the variable. */
export function keyChecks(roles: ResolvedRole[], env: NodeJS.ProcessEnv): CheckResult[] {
  const byVariable = new Map<string, ResolvedRole[]>();
  for (const role of roles) byVariable.set(role.apiKeyEnv ?? '', [...(byVariable.get(role.apiKeyEnv ?? '') ?? []), role]);
  return [...byVariable.entries()].map(([variable, users]): CheckResult => {
    if (variable === '') {
      return { id: 'key', title: 'key', status: 'pass', detail: `none needed by the ${names(users)} (${safeUrl(users[0].baseURL)} takes no key)` };
    }
    const title = `key ${variable}`;
    if (env[variable]) return { id: 'key', title, status: 'pass', detail: `set, used by the ${names(users)}` };
    if (env.TANDEM_API_KEY) return { id: 'key', title, status: 'pass', detail: `not set; the ${names(users)} use TANDEM_API_KEY instead` };
    return {
      id: 'key',
      title,
      status: 'fail',
      detail: `${variable} is not set (nor TANDEM_API_KEY); the ${names(users)} need it for ${users[0].gatewayName}`,
      fix: `export ${variable}=<your ${users[0].gatewayName} key> (keys never go in tandem.config.json)`,
    };
  });
}
