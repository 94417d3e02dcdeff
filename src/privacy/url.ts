// Query parameters that carry a key in some APIs (Google's ?key=, ?api_key=, ?token=).
const KEY_PARAMS = /^(?:key|api_key|apikey|api-key|token|access_token)$/i;

/** True when a URL carries a user name or password (`http://user:pass@host/`). */
export function hasUserInfo(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== '' || parsed.password !== '';
  } catch {
    return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url);
  }
}

/** A URL fit to print or store: user-info dropped, and query parameters that carry keys removed. */
export function safeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not a URL the parser takes: still drop anything before an `@` in the authority and every query.
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1').replace(/\?.*$/, '');
  }
  parsed.username = '';
  parsed.password = '';
  for (const name of [...parsed.searchParams.keys()]) if (KEY_PARAMS.test(name)) parsed.searchParams.delete(name);
  const text = parsed.toString();
  // URL adds a slash to a bare origin; keep the form the user wrote.
  return url.endsWith('/') || parsed.pathname !== '/' || parsed.search ? text : text.replace(/\/$/, '');
}
