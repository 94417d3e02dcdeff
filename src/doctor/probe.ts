/** What an HTTP probe found: an answer with its status and JSON body (null when not JSON), or why there was none. */
export type ProbeResult = { ok: true; status: number; body: unknown } | { ok: false; error: string };

/** Options of one probe. */
export interface ProbeOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
  /** Ends the request early, as a failed probe. */
  signal?: AbortSignal;
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** One HTTP request with a time limit; never throws. */
export async function probeJson(url: string, options: ProbeOptions): Promise<ProbeResult> {
  try {
    const response = await fetch(url, {
      method: options.method ?? 'GET',
      headers: { ...(options.body !== undefined && { 'content-type': 'application/json' }), ...options.headers },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal ? anySignal([options.signal, AbortSignal.timeout(options.timeoutMs)]) : AbortSignal.timeout(options.timeoutMs),
    });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: the status alone tells what the doctor needs.
    }
    return { ok: true, status: response.status, body };
  } catch (error) {
    return { ok: false, error: networkReason(error, options.timeoutMs) };
  }
}

/** The request headers a role sends: its own headers and its key as a bearer token. */
export function roleHeaders(role: { headers: Record<string, string>; apiKey?: string }): Record<string, string> {
  return { ...role.headers, ...(role.apiKey && { authorization: `Bearer ${role.apiKey}` }) };
}

/** A signal that aborts when any of `signals` does. */
function anySignal(signals: AbortSignal[]): AbortSignal {
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}
