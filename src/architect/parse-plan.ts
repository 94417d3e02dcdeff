import { z } from 'zod';
import type { Plan, SavedPlan } from './types.js';

const stepSchema = z.object({
  title: z.string().trim().min(1),
  file: z.string().trim().min(1),
  action: z.enum(['edit', 'create', 'delete']).default('edit'),
  instructions: z.string().default(''),
  depends_on: z.array(z.number().int().nonnegative()).default([]),
});

const planSchema = z.object({
  summary: z.string().default(''),
  steps: z.array(stepSchema).min(1, 'the plan has no steps'),
});

/** What an architect answer turned out to be. */
export type ArchitectAnswer = { kind: 'plan'; plan: Plan } | { kind: 'need-files'; files: string[] } | { kind: 'invalid'; error: string };

/** Reads an architect answer: one JSON object, bare or in a ```json fence, with prose around it. */
export function parseArchitectAnswer(text: string): ArchitectAnswer {
  const json = extractJsonObject(text);
  if (json === undefined) return { kind: 'invalid', error: 'no JSON object found in the answer' };
  if (isNeedFiles(json)) return { kind: 'need-files', files: json.need_files.filter((f): f is string => typeof f === 'string') };
  const parsed = planSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'invalid', error: `${issue.path.join('.') || 'plan'}: ${issue.message}` };
  }
  const plan: Plan = { summary: parsed.data.summary.trim(), steps: parsed.data.steps.map((s) => ({ ...s, file: s.file.trim() })) };
  const problem = checkPlan(plan);
  return problem ? { kind: 'invalid', error: problem } : { kind: 'plan', plan };
}

/** Rules the schema cannot say: dependencies point backwards (no self-dependency, no cycle, in range), one step per file. */
export function checkPlan(plan: Plan): string | undefined {
  const seen = new Map<string, number>();
  const count = plan.steps.length;
  for (const [index, step] of plan.steps.entries()) {
    for (const dep of step.depends_on) {
      if (dep === index) return `steps.${index}.depends_on: ${dep} is not an earlier step (a step cannot depend on itself)`;
      if (dep >= count) return `steps.${index}.depends_on: ${dep} is out of range (the plan has ${count} ${count === 1 ? 'step' : 'steps'}, numbered from 0)`;
      if (dep > index) {
        const cycle = findCycle(plan, index);
        if (cycle) return `steps.${index}.depends_on: a dependency cycle (${cycle.join(' -> ')})`;
        return `steps.${index}.depends_on: ${dep} is not an earlier step (depends_on holds indexes of earlier steps)`;
      }
    }
    const previous = seen.get(step.file);
    if (previous !== undefined) return `steps.${index}.file: ${step.file} is already the file of step ${previous}; one step per file`;
    seen.set(step.file, index);
  }
  return undefined;
}

/** The steps of a dependency cycle through `start`, as a path that ends where it began, if there is one. */
function findCycle(plan: Plan, start: number): number[] | undefined {
  const walk = (at: number, path: number[]): number[] | undefined => {
    for (const dep of plan.steps[at]?.depends_on ?? []) {
      if (dep === start) return [...path, dep];
      if (!path.includes(dep) && dep < plan.steps.length) {
        const found = walk(dep, [...path, dep]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(start, [start]);
}

const savedPlanSchema = planSchema.extend({
  id: z.string().min(1),
  task: z.string(),
  createdAt: z.string(),
  baseCommit: z.string().nullable().default(null),
  architect: z.looseObject({}),
});

/** Validates a saved plan file's JSON; returns the plan, or what makes it unusable. */
export function parseSavedPlan(json: unknown): { ok: true; plan: SavedPlan } | { ok: false; error: string } {
  const parsed = savedPlanSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${issue.path.join('.') || 'plan'}: ${issue.message}` };
  }
  const plan = { ...(json as SavedPlan), steps: parsed.data.steps };
  const problem = checkPlan(plan);
  return problem ? { ok: false, error: problem } : { ok: true, plan };
}

function isNeedFiles(value: unknown): value is { need_files: unknown[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as { need_files?: unknown }).need_files) && !('steps' in value);
}

/** Finds the JSON object in an answer: a ```json fence first, then the first balanced {...} that parses. */
export function extractJsonObject(text: string): unknown {
  const withoutThink = text.replace(/<think>[\s\S]*?<\/think>/g, '');
  for (const fence of withoutThink.matchAll(/```(?:json|JSON)?\s*\n([\s\S]*?)```/g)) {
    const parsed = tryParse(fence[1]);
    if (parsed !== undefined) return parsed;
  }
  for (let start = withoutThink.indexOf('{'); start !== -1; start = withoutThink.indexOf('{', start + 1)) {
    const end = matchingBrace(withoutThink, start);
    if (end === -1) continue;
    const parsed = tryParse(withoutThink.slice(start, end + 1));
    if (parsed !== undefined) return parsed;
  }
  return undefined;
}

function tryParse(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text.trim());
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Index of the brace closing the one at `start`, honouring strings; -1 when unbalanced. */
function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}
