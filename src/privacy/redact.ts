import { ASSIGNMENT, looksLikeSecretValue, SECRET_PATTERNS, secretNameKind } from './secret-patterns.js';
import { knownSecrets, type KnownSecret } from './secret-env.js';

interface Hit {
  start: number;
  end: number;
  kind: string;
}

const PLACEHOLDER = /\[REDACTED:[a-z0-9-]+\]/g;
// With indices ('d'), so a pattern can replace one capture group rather than its whole match.
const PATTERNS = SECRET_PATTERNS.map((p) => ({ ...p, regex: new RegExp(p.regex.source, `${p.regex.flags}d`) }));
const ASSIGNMENTS = new RegExp(ASSIGNMENT.source, 'g');

/** The forms a known value may take in text tandem writes: as is, escaped in JSON, in HTML, in a URL. */
function literalForms(value: string): string[] {
  const html = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  return [...new Set([value, JSON.stringify(value).slice(1, -1), html, encodeURIComponent(value)])];
}

/** How many characters before `at` are the start of `value` (at least 6, else 0). */
function cutPrefix(text: string, at: number, value: string): number {
  for (let k = Math.min(value.length - 1, at); k >= 6; k--) {
    if (text.startsWith(value.slice(0, k), at - k)) return k;
  }
  return 0;
}

const nameKinds = new Map<string, string | undefined>();

// Outputs repeat the same few names (JSON keys) thousands of times: each is looked at once.
function nameKind(name: string): string | undefined {
  if (nameKinds.has(name)) return nameKinds.get(name);
  const kind = secretNameKind(name);
  if (nameKinds.size < 10_000) nameKinds.set(name, kind);
  return kind;
}

const kinds = new Map<string, string>();

/** A known value's placeholder kind: the pattern's when the value is one whole secret of a known shape (a GitHub token in GITHUB_TOKEN), else its variable's. */
function knownKind(secret: KnownSecret): string {
  let kind = kinds.get(secret.value);
  if (kind === undefined) {
    const hits = findSecrets(secret.value, []);
    kind = hits.length === 1 && hits[0].start === 0 && hits[0].end === secret.value.length ? hits[0].kind : secret.kind;
    kinds.set(secret.value, kind);
  }
  return kind;
}

/**
 * Every secret in a text, in order: the known values (the secret variables of the environment) first,
 * then the patterns, overlapping finds resolved in favour of the earlier one.
 */
export function findSecrets(text: string, known: readonly KnownSecret[] = knownSecrets()): Hit[] {
  const hits: Hit[] = [];
  const free = (start: number, end: number) => hits.every((h) => end <= h.start || start >= h.end);
  for (const secret of known) {
    const kind = knownKind(secret);
    for (const form of literalForms(secret.value)) {
      for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + form.length)) {
        if (free(at, at + form.length)) hits.push({ start: at, end: at + form.length, kind });
      }
    }
  }
  // A table or summary may have cut a value short with an ellipsis: the part shown is still the secret's.
  for (let at = text.indexOf('…'); at !== -1 && known.length > 0; at = text.indexOf('…', at + 1)) {
    for (const secret of known) {
      const cut = cutPrefix(text, at, secret.value);
      if (cut > 0 && free(at - cut, at)) hits.push({ start: at - cut, end: at, kind: knownKind(secret) });
    }
  }
  for (const { kind, regex, group = 0, hint } of PATTERNS) {
    if (hint !== undefined && !text.includes(hint)) continue;
    for (const match of text.matchAll(regex)) {
      const [start, end] = match.indices?.[group] ?? [0, 0];
      if (end > start && free(start, end)) hits.push({ start, end, kind });
    }
  }
  for (const match of text.matchAll(ASSIGNMENTS)) {
    const kind = nameKind(match[1]);
    const quoted = match[3] !== undefined;
    const value = quoted ? match[3] : match[4];
    if (!kind || value === undefined || !looksLikeSecretValue(value, quoted)) continue;
    // The value ends the match (before its closing quote): its place without the cost of match indices.
    const end = match.index + match[0].length - (quoted ? 1 : 0);
    const start = end - value.length;
    if (free(start, end)) hits.push({ start, end, kind });
  }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * Replaces secrets with placeholders such as `[REDACTED:aws-access-key]`, one placeholder per distinct
 * value (a second AWS key becomes `[REDACTED:aws-access-key-2]`), and puts the real values back into
 * a model's answer, so an edit that quotes a placeholder still applies to the real file.
 */
export class Redactor {
  /** `known`: values to replace wherever they occur; by default every secret value the process knows of, as it learns them. */
  constructor(private readonly known?: readonly KnownSecret[]) {}

  private readonly placeholderOf = new Map<string, string>();
  private readonly valueOf = new Map<string, string>();
  private readonly perKind = new Map<string, number>();
  /** Occurrences replaced so far, by kind. */
  readonly counts = new Map<string, number>();

  /** The text with every secret replaced. */
  redact(text: string): string {
    const hits = findSecrets(text, this.known ?? knownSecrets());
    if (hits.length === 0) return text;
    let out = '';
    let at = 0;
    for (const hit of hits) {
      out += text.slice(at, hit.start) + this.placeholder(hit.kind, text.slice(hit.start, hit.end));
      at = hit.end;
      this.counts.set(hit.kind, (this.counts.get(hit.kind) ?? 0) + 1);
    }
    return out + text.slice(at);
  }

  /** The text with every placeholder this redactor made replaced by its real value. */
  restore(text: string): string {
    if (this.valueOf.size === 0) return text;
    return text.replace(PLACEHOLDER, (placeholder) => this.valueOf.get(placeholder) ?? placeholder);
  }

  /** How many secrets were replaced in all. */
  get total(): number {
    return [...this.counts.values()].reduce((sum, n) => sum + n, 0);
  }

  private placeholder(kind: string, value: string): string {
    const known = this.placeholderOf.get(value);
    if (known) return known;
    const n = (this.perKind.get(kind) ?? 0) + 1;
    this.perKind.set(kind, n);
    const placeholder = `[REDACTED:${kind}${n > 1 ? `-${n}` : ''}]`;
    this.placeholderOf.set(value, placeholder);
    this.valueOf.set(placeholder, value);
    return placeholder;
  }
}
