import { identifierWords } from '../context/words.js';

/** One kind of secret recognised in text; the whole match, or capture group `group`, is what gets replaced. */
export interface SecretPattern {
  kind: string;
  regex: RegExp;
  group?: number;
  /** Text every match contains: a text without it is not searched (a cheap test before a costly regex). */
  hint?: string;
}

// Order matters where shapes overlap: the more specific pattern comes first (sk-ant- before sk-).
/** Secrets with a recognisable shape: key blocks, cloud provider keys and the tokens of common services. */
export const SECRET_PATTERNS: SecretPattern[] = [
  // Literal or JSON-escaped newlines: a service-account JSON holds its key with "\n" in one string.
  { kind: 'private-key', hint: '-----BEGIN ', regex: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g },
  { kind: 'aws-access-key', regex: /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/g },
  { kind: 'aws-secret-key', regex: /aws\w{0,20}(?:secret|key)\w{0,20}["']?\s*[=:>]+\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi, group: 1 },
  { kind: 'gcp-api-key', regex: /\bAIza[0-9A-Za-z_-]{35}(?![\w-])/g },
  { kind: 'gcp-oauth-secret', regex: /\bGOCSPX-[A-Za-z0-9_-]{28}(?![\w-])/g },
  { kind: 'gcp-access-token', regex: /\bya29\.[0-9A-Za-z_-]{20,}/g },
  { kind: 'azure-storage-key', hint: 'AccountKey=', regex: /AccountKey=([A-Za-z0-9+/]{86}==)/g, group: 1 },
  { kind: 'azure-sas-signature', regex: /[?&]sig=([A-Za-z0-9%+/]{40,}={0,2})/g, group: 1, hint: 'sig=' },
  { kind: 'azure-client-secret', regex: /(?<![\w~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![\w~.-])/g },
  { kind: 'github-token', regex: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g },
  { kind: 'gitlab-token', regex: /\bgl(?:pat|ptt|dt|rt|soat|cbt|imt|ft|agent)-[A-Za-z0-9_-]{20,}/g },
  { kind: 'slack-token', regex: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { kind: 'slack-webhook', hint: 'hooks.slack.com', regex: /https:\/\/hooks\.slack\.com\/(?:services|workflows)\/[A-Za-z0-9/_-]{20,}/g },
  { kind: 'stripe-key', regex: /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}\b/g },
  { kind: 'stripe-webhook-secret', regex: /\bwhsec_[A-Za-z0-9]{24,}\b/g },
  { kind: 'anthropic-key', regex: /\bsk-ant-[A-Za-z0-9_-]{20,}/g },
  { kind: 'openai-key', regex: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g },
  { kind: 'npm-token', regex: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { kind: 'jwt', regex: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, hint: 'eyJ' },
  { kind: 'url-key', regex: /[?&](?:key|api_key|apikey|api-key|token|access_token)=([A-Za-z0-9._~%+/=-]{4,})/gi, group: 1 },
  { kind: 'url-password', regex: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"]+:([^\s@/'"]{6,})@/gi, group: 1, hint: '://' },
];

const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase']);
const KEY_QUALIFIERS = new Set(['api', 'private', 'access', 'secret', 'signing', 'encryption', 'master', 'client']);

/**
 * `name = value`, `name: value`, `"name": "value"`, `name => 'value'`: the name (possibly part of a
 * longer identifier such as DB_PASSWORD or stripeSecretKey) and the value, quoted or bare.
 */
export const ASSIGNMENT = /([A-Za-z_][\w.-]*)["']?\s*(?::=|=>|[:=])\s*(?:(["'`])([^"'`\n]{1,200})\2|([^\s"'`,;)}\]]{1,200}))/g;

/** The placeholder kind for a name that holds secrets (password, secret, token, api-key, credential), or undefined. */
export function secretNameKind(name: string): string | undefined {
  const words = identifierWords(name);
  if (words.some((w) => PASSWORD_WORDS.has(w))) return 'password';
  if (words.includes('apikey') || words.some((w, i) => w === 'key' && words[i - 1] === 'api')) return 'api-key';
  if (words.some((w) => w === 'secret' || w === 'secrets')) return 'secret';
  if (words.some((w) => w === 'token' || w === 'tokens')) return 'token';
  if (words.some((w) => w === 'credential' || w === 'credentials')) return 'credential';
  if (words.some((w, i) => w === 'key' && KEY_QUALIFIERS.has(words[i - 1]))) return 'credential';
  return undefined;
}

/** Shannon entropy of a string, in bits per character. */
export function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / text.length) * Math.log2(n / text.length);
  return bits;
}

const PLACEHOLDER_VALUE = /^(?:<[^>]*>|\$\{[^}]*\}|\$[A-Z_][A-Z0-9_]*|%[A-Z_]+%|\{\{.*\}\}|x+|\*+|\.+|changeme|change_me|your[_-].*|example.*|dummy.*|redacted.*|\[REDACTED:.*)$/i;
// A dotted chain (process.env.API_KEY, config.auth.token) or a call is a reference to a secret, not one.
const REFERENCE = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$|\(/;

/**
 * True when a value assigned to a secret-sounding name looks like a real secret: at least 8
 * characters, no spaces, not a placeholder or reference, varied enough (entropy), and for a bare
 * (unquoted) value, letters and digits mixed as generated secrets are.
 */
export function looksLikeSecretValue(value: string, quoted: boolean): boolean {
  if (value.length < 8 || /\s/.test(value) || PLACEHOLDER_VALUE.test(value) || REFERENCE.test(value)) return false;
  if (!quoted && !(/[A-Za-z]/.test(value) && /\d/.test(value))) return false;
  if (/^(?:true|false|null|undefined|none|string|number|boolean)$/i.test(value)) return false;
  return entropy(value) >= 3;
}
