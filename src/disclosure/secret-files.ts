import { basename } from 'node:path';

// Templates meant to be committed (.env.example and kin) hold no secrets; their content is still scanned.
const ENV_TEMPLATE = /^\.env\.(example|sample|template|dist|defaults)$/i;

// File names whose whole content is a secret, wherever they are.
const SECRET_NAMES: RegExp[] = [
  /^\.env(\..*)?$/i,
  /\.env$/i,
  /\.(pem|key|p12|pfx|jks|keystore|kdbx|ppk|asc|gpg|ovpn|tfvars|tfstate(\.backup)?)$/i,
  /^id_(rsa|dsa|ecdsa|ed25519)/,
  /^\.(npmrc|pypirc|netrc|_netrc|git-credentials|pgpass|my\.cnf|s3cfg|boto|dockercfg|vault-token|htpasswd)$/i,
  /^(credentials|credentials\.(json|toml|ya?ml|xml))$/i,
  /^client_secrets?.*\.json$/i,
  /^application_default_credentials\.json$/i,
  /^(kubeconfig|\.kubeconfig)$/i,
  /^secrets?\.(json|ya?ml|toml|ini|env)$/i,
];

// Credential files of common tools, recognised by their folder.
const SECRET_PATHS: RegExp[] = [
  /(^|\/)\.aws\/(credentials|config)$/,
  /(^|\/)\.docker\/config\.json$/,
  /(^|\/)\.kube\/config$/,
  /(^|\/)\.ssh\//,
  /(^|\/)\.gnupg\//,
  /(^|\/)\.config\/gh\/hosts\.ya?ml$/,
  /(^|\/)\.config\/gcloud\//,
  /(^|\/)\.azure\//,
  /(^|\/)\.cargo\/credentials(\.toml)?$/,
  /(^|\/)\.gem\/credentials$/,
  /(^|\/)\.composer\/auth\.json$/,
  /(^|\/)\.terraform\.d\/credentials\.tfrc\.json$/,
];

// One alternation each: the map checks every tracked file, and one test per path is much faster than twenty.
const ANY_NAME = new RegExp(SECRET_NAMES.map((r) => `(?:${r.source})`).join('|'), 'i');
const ANY_PATH = new RegExp(SECRET_PATHS.map((r) => `(?:${r.source})`).join('|'));

/** True when a path names a file that must never leave the machine: the built-in list of secret files. */
export function isSecretPath(path: string): boolean {
  const name = basename(path);
  if (ENV_TEMPLATE.test(name)) return false;
  return ANY_NAME.test(name) || ANY_PATH.test(path);
}
