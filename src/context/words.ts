const kind = (code: number): 'upper' | 'lower' | 'digit' | 'other' =>
  code >= 65 && code <= 90 ? 'upper' : code >= 97 && code <= 122 ? 'lower' : code >= 48 && code <= 57 ? 'digit' : 'other';

/**
 * Splits an identifier or path into lower-case words: stripeSecretKey, DB_PASSWORD, src/auth-token.ts,
 * HTTPServer (http, server). One pass over the characters: ranking calls it for thousands of paths.
 */
export function identifierWords(name: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= name.length; i++) {
    const here = i < name.length ? kind(name.charCodeAt(i)) : 'other';
    if (here === 'other') {
      if (start >= 0) words.push(name.slice(start, i).toLowerCase());
      start = -1;
      continue;
    }
    if (start < 0) {
      start = i;
      continue;
    }
    const before = kind(name.charCodeAt(i - 1));
    const next = i + 1 < name.length ? kind(name.charCodeAt(i + 1)) : 'other';
    // A capital starts a word after a lower-case letter or digit (fooBar), or ends a run of capitals before a lower-case letter (HTTPServer).
    if (here === 'upper' && (before === 'lower' || before === 'digit' || (before === 'upper' && next === 'lower'))) {
      words.push(name.slice(start, i).toLowerCase());
      start = i;
    }
  }
  return words;
}

/** A word reduced to a rough stem, so "users", "user" and "user's" meet. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}
