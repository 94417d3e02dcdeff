import { secretNameKind } from './secret-patterns.js';

/** A value known to be secret, and the placeholder kind it is shown as. */
export interface KnownSecret {
  value: string;
  kind: string;
}

/** Shorter values are too likely to occur in ordinary text (and too short to matter as keys). */
export const MIN_SECRET_LENGTH = 8;

// *_KEY, *_TOKEN, *_SECRET and anything with PASSWORD in its name.
const SECRET_NAME = /(?:_KEY|_TOKEN|_SECRET)$|PASSWORD/i;

/** The placeholder kind of a value held by the variable `name`: the guard's kind for the name, else `secret`. */
export function envSecretKind(name: string): string {
  return secretNameKind(name) ?? 'secret';
}

/**
 * The secret values of an environment: every variable whose name looks like a secret (`*_KEY`, `*_TOKEN`,
 * `*_SECRET`, `*PASSWORD*`) and every variable in `named` (the key variables the config names), each with
 * a value of at least 8 characters.
 */
export function secretEnvValues(env: NodeJS.ProcessEnv, named: Iterable<string> = []): KnownSecret[] {
  const names = new Set(named);
  const found: KnownSecret[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value.length < MIN_SECRET_LENGTH) continue;
    if (names.has(name) || SECRET_NAME.test(name)) found.push({ value, kind: envSecretKind(name) });
  }
  return found;
}

let known: KnownSecret[] | undefined;
let version = 0;

/** Every secret value this process knows of: the secret-looking variables of its environment, plus those added since. */
export function knownSecrets(): readonly KnownSecret[] {
  known ??= secretEnvValues(process.env);
  return known;
}

/** Increases whenever the known secrets change, so a cache built on them can tell it is stale. */
export function knownSecretsVersion(): number {
  return version;
}

/** Adds secret values (a key the config reads from a variable of any name); values under 8 characters are ignored. */
export function rememberSecrets(secrets: KnownSecret[]): void {
  const list = [...knownSecrets()];
  let added = false;
  for (const secret of secrets) {
    if (secret.value.length < MIN_SECRET_LENGTH || list.some((s) => s.value === secret.value)) continue;
    list.push(secret);
    added = true;
  }
  if (!added) return;
  known = list;
  version++;
}

/** Forgets what was learned (tests). */
export function resetKnownSecrets(): void {
  known = undefined;
  version++;
}
