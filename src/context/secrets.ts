import { basename } from 'node:path';

// Files whose whole content is a secret; never sent to any model (issue 7 extends this list).
const SECRET_FILE_PATTERNS: RegExp[] = [
  /^\.env(\..*)?$/,
  /\.(pem|key|p12|pfx|jks|keystore)$/i,
  /^id_(rsa|dsa|ecdsa|ed25519)(\.pub)?$/,
  /^\.(npmrc|pypirc|netrc|git-credentials)$/,
  /^credentials(\.json)?$/,
];

/** True when a path names a file that must never leave the machine. */
export function isSecretPath(path: string): boolean {
  const name = basename(path);
  return SECRET_FILE_PATTERNS.some((pattern) => pattern.test(name));
}
