import { useCallback, useMemo, useRef, useState } from 'react';
import type { SavedPlan } from '../architect/types.js';
import type { Decisions, PlanApproval } from '../pipeline/run.js';

/** The pipeline's approval question as state: the plan waiting for an answer, and how to answer it. */
export interface PlanApprovalHook {
  pending: SavedPlan | null;
  /** Passed to the pipeline: its `approvePlan` waits until the screen answers. */
  decisions: Decisions;
  answer(approval: PlanApproval): void;
  /** Puts a revised plan up for review in place of the pending one; the pipeline still waits for the answer. */
  replace(plan: SavedPlan): void;
}

/** Bridges the injected `approvePlan` decision to the plan review screen. */
export function usePlanApproval(): PlanApprovalHook {
  const [pending, setPending] = useState<SavedPlan | null>(null);
  const resolver = useRef<((approval: PlanApproval) => void) | null>(null);
  const decisions = useMemo<Decisions>(
    () => ({
      approvePlan: (plan) =>
        new Promise<PlanApproval>((resolve) => {
          resolver.current = resolve;
          setPending(plan);
        }),
    }),
    [],
  );
  const answer = useCallback((approval: PlanApproval) => {
    resolver.current?.(approval);
    resolver.current = null;
    setPending(null);
  }, []);
  const replace = useCallback((plan: SavedPlan) => {
    if (resolver.current) setPending(plan);
  }, []);
  return { pending, decisions, answer, replace };
}
