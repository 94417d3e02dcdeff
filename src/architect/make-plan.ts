import type { PrivacyLevel } from '../config/types.js';
import type { Withheld } from '../disclosure/read-files.js';
import { buildRepoMap, readRepoIndex, type RepoMap } from '../context/repo-map.js';
import { TandemError } from '../errors.js';
import type { ChatMessage, ModelClient, ModelResult } from '../gateway/types.js';
import { discloseFiles, type DisclosedFile, type Summarize } from '../privacy/disclose.js';
import { PrivacyGuard, type SentPiece } from '../privacy/guard.js';
import { parseArchitectAnswer } from './parse-plan.js';
import { buildArchitectMessages, buildNeedFilesMessage, buildRepairMessage } from './prompt.js';
import type { Plan } from './types.js';
import type { RulesFile } from '../rules/find-rules.js';
import { RULES_SHARE, rulesWithinBudget } from '../rules/architect-rules.js';

/** A plan the architect could not produce, with its last raw answer so it can be saved. */
export class PlanError extends TandemError {
  constructor(
    message: string,
    readonly raw: string,
  ) {
    super(message, { exitCode: 1 });
  }
}

/** What makePlan needs; the client, the guard and callbacks are passed in. */
export interface MakePlanInput {
  task: string;
  root: string;
  client: ModelClient;
  namedFiles: string[];
  contextBudget: number;
  /** What of the files the architect may see (default `standard`). */
  privacy?: PrivacyLevel;
  /**
   * Every architect request goes through it: secrets redacted for a cloud architect, the egress ledger
   * written. Without one, a guard that takes the architect for a cloud role is used.
   */
  guard?: PrivacyGuard;
  /** Writes file summaries locally; required for privacy `local-summary`. */
  summarize?: Summarize;
  /**
   * Project rules files, highest precedence first: sent whole, within the budget, before the repository
   * view. A promise is awaited after the view's git reads have started, so both run at once.
   */
  rules?: readonly RulesFile[] | Promise<readonly RulesFile[]>;
  meta: { runId: string; planId: string };
  /**
   * The repository view of an earlier plan in this run, sent again unchanged (fix-up rounds): the request
   * then starts with the same prefix, which the gateway's prompt cache can serve. Used only while it and
   * the named files fit `contextBudget` together.
   */
  reuseMap?: RepoMap;
  /** A revision: the earlier plan (as the architect's answer) and the user's feedback, sent after the first request. */
  followUp?: ChatMessage[];
  onRound?: (round: 'plan' | 'files' | 'repair') => void;
  onDelta?: (text: string, chunks: number) => void;
  signal?: AbortSignal;
}

// Files named with --file may take up to half the budget; the repository map gets the rest.
const NAMED_SHARE = 0.5;
const MAX_NEED_FILES = 8;

/**
 * Asks the architect for a plan. It is shown the repository map (paths and local outlines, ranked for
 * the task, within `contextBudget`) and the named files as the privacy level allows; it may ask once
 * for files (need_files: sent within budget and privacy rules, withheld ones named as such) and gets
 * one repair round for an answer that does not validate.
 */
export async function makePlan(input: MakePlanInput): Promise<{ plan: Plan; calls: ModelResult[]; rules: string[]; map: RepoMap }> {
  const privacy = input.privacy ?? 'standard';
  const guard = input.guard ?? new PrivacyGuard({ root: input.root, runId: input.meta.runId, privacy });
  const disclose = (paths: readonly string[], budget: number) => discloseFiles({ root: input.root, paths, privacy, budget, summarize: input.summarize });
  // The view's git reads start now, beside reading the rules and the named files (unused when an earlier view is reused).
  const index = input.reuseMap ? undefined : readRepoIndex(input.root);
  index?.catch(() => {}); // a failure surfaces where it is awaited, not as an unhandled rejection before
  // Project rules come first in the budget; named files and the repository map share what is left.
  const rules = rulesWithinBudget((await input.rules) ?? [], Math.floor(input.contextBudget * RULES_SHARE));
  const budget = input.contextBudget - rules.tokens;
  const named = await disclose(input.namedFiles, Math.floor(budget * NAMED_SHARE));
  const reusable = input.reuseMap && input.reuseMap.tokens + named.tokens <= budget ? input.reuseMap : undefined;
  const map = reusable ?? await buildRepoMap({
    root: input.root,
    task: input.task,
    named: named.files.map((f) => f.path),
    budget: Math.max(0, budget - named.tokens),
    index,
  });
  const messages: ChatMessage[] = await buildArchitectMessages({ task: input.task, privacy, map, files: named.files, withheld: named.withheld, rules: rules.files });
  messages.push(...(input.followUp ?? []));
  const sent: SentPiece[] = [
    ...rules.files.map((f) => ({ path: f.path, form: 'rules' as const, text: f.text })),
    ...map.outlined.map((o) => ({ path: o.path, form: 'outline' as const, text: o.text })),
    ...pieces(named.files),
  ];
  const withheld: Withheld[] = [...named.withheld, ...rules.withheld];
  const calls: ModelResult[] = [];
  const ask = async (round: 'plan' | 'files' | 'repair') => {
    input.onRound?.(round);
    const request = { messages, onDelta: input.onDelta, signal: input.signal, meta: { ...input.meta, step: null } };
    const result = await guard.complete(input.client, request, { files: sent, pathsListed: map.listed, withheld: withheld.map((w) => w.path) });
    calls.push(result);
    messages.push({ role: 'assistant', content: result.text });
    return result.text;
  };

  let raw = await ask('plan');
  let answer = parseArchitectAnswer(raw);
  if (answer.kind === 'need-files') {
    const requested = await disclose(answer.files.slice(0, MAX_NEED_FILES), input.contextBudget);
    messages.push(await buildNeedFilesMessage(privacy, requested.files, requested.withheld));
    sent.push(...pieces(requested.files));
    withheld.push(...requested.withheld);
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
  return { plan: answer.plan, calls, rules: rules.files.map((f) => f.path), map };
}

function pieces(files: readonly DisclosedFile[]): SentPiece[] {
  return files.map((f) => ({ path: f.path, form: f.form, text: f.text }));
}
