import { useCallback, useMemo, useRef, useState } from 'react';
import type { SavedPlan } from '../architect/types.js';
import type { Decisions, PlanApproval } from '../pipeline/run.js';

/** The pipeline's approval question as state: the plan waiting for an answer, and how to answer it. */
export interface PlanApprovalHook {
  pending: SavedPlan | null;
  /** Passed to the pipeline: its `approvePlan` waits until the screen answers. */
  decisions: Decisions;
  answer(approval: PlanApproval): void;
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
  return { pending, decisions, answer };
}
