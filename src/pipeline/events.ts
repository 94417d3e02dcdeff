import type { ActivityRecord } from '../activity/types.js';
import type { SavedPlan } from '../architect/types.js';
import type { RoleName } from '../config/types.js';
import type { CheckReport, RunReport } from '../report/types.js';
import type { BudgetStop } from './budget.js';

/** Everything the pipeline tells its front ends. Printers, JSON, CI summary and TUI all read these. */
export type PipelineEvent =
  | { type: 'architect-start'; model: string; round: 'plan' | 'files' | 'repair' }
  | { type: 'architect-delta'; text: string; chunks: number }
  | { type: 'notice'; level: 'info' | 'warn'; message: string; step?: number }
  | { type: 'call-finished'; record: ActivityRecord }
  | { type: 'plan-ready'; plan: SavedPlan; path: string }
  | { type: 'apply-start'; plan: SavedPlan; branch: string; steps: number[] }
  | { type: 'step-start'; index: number; title: string; file: string; attempt: number; role: RoleName; model: string; provider: string }
  | { type: 'step-delta'; index: number; text?: string; chunks: number; elapsedMs: number }
  | { type: 'step-retry'; index: number; attempt: number; reason: string }
  | { type: 'step-applied'; index: number; commit: string; diff: string; attempts: number }
  | { type: 'step-failed'; index: number; reason: string }
  | { type: 'step-skipped'; index: number; reason: string }
  | { type: 'round-start'; round: number; kind: 'plan' | 'fix'; steps: number[] }
  | { type: 'check-start'; round: number; command: string; step?: number }
  | { type: 'check-result'; round: number; check: CheckReport; step?: number }
  | { type: 'budget-stop'; stop: BudgetStop }
  | { type: 'done'; report: RunReport; exitCode: number };

/** Emits one event; the pipeline's stages are written against this. */
export type Emit = (event: PipelineEvent) => void;
