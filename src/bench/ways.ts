import type { ResolvedConfig } from '../config/types.js';

/** The two ways a bench task is run: the split (architect + editor) and all-cloud (the architect's model edits too). */
export type BenchWay = 'split' | 'cloud';

/** The configuration of a way: as configured for the split; for all-cloud, the editor role is the architect's model, endpoint and prices. */
export function configFor(config: ResolvedConfig, way: BenchWay): ResolvedConfig {
  if (way === 'split') return config;
  const architect: Partial<ResolvedConfig['architect']> = { ...config.architect };
  delete architect.contextBudget;
  return { ...config, editor: { ...config.editor, ...architect, role: 'editor' } };
}
