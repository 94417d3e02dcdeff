import type { SavedPlan } from '../architect/types.js';

/** The answer to a plan: which steps to run (an empty list cancels), and the plan itself, possibly with edited instructions. */
export interface PlanApproval {
  selected: number[];
  plan: SavedPlan;
}

/** Human decisions, injected: the TUI asks, --yes and CI answer by policy. */
export interface Decisions {
  approvePlan(plan: SavedPlan): Promise<PlanApproval>;
}

/** Approves every step: the policy of --yes and CI. */
export const approveAll: Decisions = { approvePlan: async (plan) => ({ selected: plan.steps.map((_, i) => i), plan }) };
