import type { RequestMatcher } from './types.js';

/** Matches chat requests for one model (and tells `/v1/models` about it). */
export function matchModel(name: string): RequestMatcher {
  const matcher: RequestMatcher = (req) => req.body?.model === name;
  matcher.model = name;
  return matcher;
}

function pinned(only: unknown): boolean {
  return Array.isArray(only) && only.length > 0;
}

/** Matches requests whose body pins providers with `provider.only`. */
export function matchProviderPinned(): RequestMatcher {
  return (req) => pinned(req.body?.provider?.only);
}

/** Matches requests with no `provider.only` pin. */
export function matchNotPinned(): RequestMatcher {
  return (req) => !pinned(req.body?.provider?.only);
}
