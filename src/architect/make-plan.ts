import { listRepoFiles, readContextFiles } from '../context/repo-files.js';
import { TandemError } from '../errors.js';
import type { ChatMessage, ModelClient, ModelResult } from '../gateway/types.js';
import { parseArchitectAnswer } from './parse-plan.js';
import { buildArchitectMessages, buildNeedFilesMessage, buildRepairMessage } from './prompt.js';
import type { Plan } from './types.js';

/** A plan the architect could not produce, with its last raw answer so it can be saved. */
export class PlanError extends TandemError {
  constructor(
    message: string,
    readonly raw: string,
  ) {
    super(message, { exitCode: 1 });
  }
}

/** What makePlan needs; the client and callbacks are passed in. */
export interface MakePlanInput {
  task: string;
  root: string;
  client: ModelClient;
  namedFiles: string[];
  contextBudget: number;
  meta: { runId: string; planId: string };
  onRound?: (round: 'plan' | 'files' | 'repair') => void;
  onDelta?: (text: string, chunks: number) => void;
  signal?: AbortSignal;
}

/**
 * Asks the architect for a plan: at most one need_files round (files sent within budget, secrets
 * withheld) and one repair round for an answer that does not validate.
 */
export async function makePlan(input: MakePlanInput): Promise<{ plan: Plan; calls: ModelResult[] }> {
  const fileList = await listRepoFiles(input.root);
  const named = await readContextFiles(input.root, input.namedFiles, input.contextBudget);
  const messages: ChatMessage[] = await buildArchitectMessages({ task: input.task, fileList, ...named });
  const calls: ModelResult[] = [];
  const ask = async (round: 'plan' | 'files' | 'repair') => {
    input.onRound?.(round);
    const result = await input.client.complete({ messages, onDelta: input.onDelta, signal: input.signal, meta: { ...input.meta, step: null } });
    calls.push(result);
    messages.push({ role: 'assistant', content: result.text });
    return result.text;
  };

  let raw = await ask('plan');
  let answer = parseArchitectAnswer(raw);
  if (answer.kind === 'need-files') {
    const requested = await readContextFiles(input.root, answer.files.slice(0, 8), input.contextBudget);
    messages.push(await buildNeedFilesMessage(requested.files, requested.withheld));
    raw = await ask('files');
    answer = parseArchitectAnswer(raw);
  }
  if (answer.kind !== 'plan') {
    const error = answer.kind === 'need-files' ? 'asked for files a second time; a plan was expected' : answer.error;
    messages.push(await buildRepairMessage(error));
    raw = await ask('repair');
    answer = parseArchitectAnswer(raw);
    if (answer.kind !== 'plan') {
      const reason = answer.kind === 'need-files' ? 'it asked for files again' : answer.error;
      throw new PlanError(`the architect's plan was unusable after one repair round: ${reason}`, raw);
    }
  }
  return { plan: answer.plan, calls };
}
