import type { ChatMessage } from '../gateway/types.js';
import { fillTemplate, loadPrompt } from '../prompts.js';
import type { RunReport } from '../report/types.js';
import { addCost } from './summarize.js';
import type { CallSummary, SavedPlan } from './types.js';

/** What a revision starts from: the saved plan, the user's feedback, and what became of its last run (if any). */
export interface Revision {
  plan: SavedPlan;
  feedback: string;
  /** The report of the plan's last run, from .tandem/runs: which steps were applied, which failed and why. */
  outcome?: RunReport;
}

/**
 * The messages that follow the architect's first request in a revision: the saved plan as its own earlier
 * answer, then the feedback and, after a run, each step's status and why a step failed or was skipped.
 */
export async function revisionMessages(revision: Revision): Promise<ChatMessage[]> {
  const { plan } = revision;
  const previous = JSON.stringify({ summary: plan.summary, steps: plan.steps }, null, 2);
  const template = await loadPrompt('architect-revise.md');
  return [
    { role: 'assistant', content: previous },
    { role: 'user', content: fillTemplate(template, { feedback: revision.feedback.trim(), outcome: outcomeText(revision.outcome) }).trim() },
  ];
}

/** The last run in words for the architect: every step's status, the reason for each one not applied. */
export function outcomeText(outcome: RunReport | undefined): string {
  if (!outcome) return '';
  const where = outcome.branch ? ` on branch ${outcome.branch}` : '';
  const lines = [...outcome.steps]
    .sort((a, b) => a.index - b.index)
    .map((step) => `- step ${step.index + 1} "${step.title}" (${step.file}): ${step.status}${step.reason ? `: ${oneLine(step.reason)}` : ''}`);
  return `\nThe plan was run${where}; each applied step is committed there:\n${lines.join('\n')}\n`;
}

/** The fields a revised plan adds: what it revises, each version's own calls, and `architect` as their sum. */
export function revisedFields(previous: SavedPlan, id: string, own: CallSummary): Pick<SavedPlan, 'revises' | 'versions' | 'architect'> {
  const versions = [...(previous.versions ?? [{ id: previous.id, architect: previous.architect }]), { id, architect: own }];
  return { revises: previous.id, versions, architect: sumSummaries(versions.map((v) => v.architect)) };
}

/** Several architect call summaries as one: tokens, latency and cost added (unknown stays unknown), the last model named. */
export function sumSummaries(parts: readonly CallSummary[]): CallSummary {
  const last = parts[parts.length - 1];
  return {
    model: last.model,
    provider: last.provider,
    promptTokens: parts.reduce((sum, p) => sum + p.promptTokens, 0),
    completionTokens: parts.reduce((sum, p) => sum + p.completionTokens, 0),
    latencyMs: parts.reduce((sum, p) => sum + p.latencyMs, 0),
    costUsd: parts.reduce<number | null>((sum, p) => addCost(sum, p.costUsd), 0),
    ...(parts.some((p) => p.usageSource === 'estimated') && { usageSource: 'estimated' as const }),
  };
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 400 ? `${flat.slice(0, 399)}…` : flat;
}
