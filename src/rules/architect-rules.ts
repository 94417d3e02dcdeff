import type { Withheld } from '../disclosure/read-files.js';
import { contextTokenCounter } from '../context/tokens.js';
import type { RulesFile } from './find-rules.js';

/** Rules may take up to this share of the architect's context budget; the repository view gets the rest. */
export const RULES_SHARE = 0.5;

/**
 * The rules files that fit the architect's budget, in order of precedence, each whole (a file is never
 * cut: half a rule can mislead); the rest are named as not sent. Returns the tokens they take.
 */
export function rulesWithinBudget(files: readonly RulesFile[], budget: number): { files: RulesFile[]; withheld: Withheld[]; tokens: number } {
  const count = contextTokenCounter();
  const sent: RulesFile[] = [];
  const withheld: Withheld[] = [];
  let tokens = 0;
  for (const file of files) {
    const cost = count(file.text);
    if (tokens + cost > budget) {
      withheld.push({ path: file.path, reason: `rules file over the context budget (${cost} tokens)` });
      continue;
    }
    sent.push(file);
    tokens += cost;
  }
  return { files: sent, withheld, tokens };
}
