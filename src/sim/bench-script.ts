import type { BenchSim } from '../bench/tasks.js';
import type { CapturedRequest, ScriptedReply } from './types.js';

function contentOf(req: CapturedRequest, role: string): string {
  const message = [...(req.body?.messages ?? [])].reverse().find((m) => m.role === role);
  return typeof message?.content === 'string' ? message.content : '';
}

/**
 * The simulated gateway of `tandem bench --sim` for one task: a request that names a step's file is an
 * editor call and gets that file's scripted edit (a local, provider-pinned editor first gets the
 * task's miss when it has one, then the edit); any other request is the architect's and gets the plan.
 * Short delays stand in for model time; token counts and costs come out as in real use.
 */
export function benchReply(sim: BenchSim): (req: CapturedRequest) => ScriptedReply {
  const missed = new Set<string>();
  return (req) => {
    const file = /^File: (\S+) \(/m.exec(contentOf(req, 'user'))?.[1];
    if (file === undefined) {
      return { text: `\`\`\`json\n${JSON.stringify(sim.plan, null, 2)}\n\`\`\``, provider: 'anthropic', chunks: 12, delayMs: 120, chunkDelayMs: 5 };
    }
    const local = Array.isArray(req.body?.provider?.only);
    const provider = local ? '_tandem_local_router' : 'anthropic';
    const miss = local ? sim.localFirstTry?.[file] : undefined;
    if (miss !== undefined && !missed.has(file)) {
      missed.add(file);
      return { text: miss, provider, chunks: 6, delayMs: 40 };
    }
    const edit = sim.edits[file];
    if (edit === undefined) return { status: 400, error: `simulated gateway: the bench script has no edit for ${file}` };
    return { text: edit, provider, chunks: 6, delayMs: 40 };
  };
}
