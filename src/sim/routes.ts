import type { CapturedRequest, Route, ScriptedReply } from './types.js';

/** Picks replies from scripted routes: arrays are consumed in order, functions answer every match. */
export class RouteTable {
  private readonly used: number[];

  constructor(private readonly routes: Route[]) {
    this.used = routes.map(() => 0);
  }

  /** The reply for this request, or undefined when no matching route has one left. */
  next(req: CapturedRequest): ScriptedReply | undefined {
    for (const [i, route] of this.routes.entries()) {
      if (route.match && !route.match(req)) continue;
      const n = this.used[i];
      if (typeof route.replies === 'function') {
        this.used[i]++;
        return route.replies(req, n);
      }
      if (n < route.replies.length) {
        this.used[i]++;
        return route.replies[n];
      }
    }
    return undefined;
  }

  /** Model names the routes were matched on, for `GET /v1/models`. */
  models(): string[] {
    const names = this.routes.map((r) => r.match?.model).filter((m): m is string => m !== undefined);
    return [...new Set(names)];
  }
}
