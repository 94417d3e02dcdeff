import { findSecrets, Redactor } from './redact.js';

// One redactor for the whole process: a value gets the same placeholder in every output it reaches.
const outbound = new Redactor();

/**
 * The text with every secret replaced by the guard's placeholder (`[REDACTED:github-token]`): the guard's
 * patterns and every secret value the process knows of (key variables, secret-looking environment
 * variables). Everything tandem prints or writes goes through this.
 */
export function scrub(text: string): string {
  return outbound.redact(text);
}

/** The text with every secret cut out (a space in its place): for names built from words, such as branch names. */
export function withoutSecrets(text: string): string {
  let out = '';
  let at = 0;
  for (const hit of findSecrets(text)) {
    out += `${text.slice(at, hit.start)} `;
    at = hit.end;
  }
  return out + text.slice(at);
}
