import type { ResolvedConfig } from '../config/types.js';
import { readContextFiles } from '../disclosure/read-files.js';
import type { Disclosure, SentPiece } from '../privacy/guard.js';
import { loadProjectRules, nearestAgentsFile, type LoadedRules, type RulesFile } from './find-rules.js';
import { renderRules } from './render.js';
import { rulesFor } from './sections.js';

const loaded = new WeakMap<object, Promise<LoadedRules>>();

/** The project's rules for one run (keyed by its context object), read once. */
export function runRules(run: { root: string; config: Pick<ResolvedConfig, 'rules'> }): Promise<LoadedRules> {
  let rules = loaded.get(run);
  if (!rules) {
    rules = loadProjectRules(run.root, run.config.rules ?? []);
    loaded.set(run, rules);
  }
  return rules;
}

/** What of the rules goes into one editor call: the prompt section ('' for none) and the pieces for the egress ledger. */
export interface EditorRules {
  text: string;
  pieces: SentPiece[];
}

/**
 * The rules that apply to one step's file: the root's rules files and the AGENTS.md nearest above the
 * file, each whole when short or cut to the sections about this file (plus the first section).
 */
export async function editorRules(run: { root: string; config: Pick<ResolvedConfig, 'rules'> }, path: string): Promise<EditorRules> {
  const rules = await runRules(run);
  const files: RulesFile[] = [...rules.files];
  const nested = await nearestAgentsFile(run.root, path);
  if (nested) {
    // Read like any file, so a withheld one stays withheld; it ranks right after the root's AGENTS.md.
    const read = await readContextFiles(run.root, [nested]);
    const at = files[0]?.path === 'AGENTS.md' ? 1 : 0;
    files.splice(at, 0, ...read.files.map((f) => ({ path: f.path, text: f.content })));
  }
  const parts = files.map((f) => ({ path: f.path, text: rulesFor(f.text, path).trim() })).filter((f) => f.text !== '');
  const intro = `Project rules (from ${parts.map((p) => p.path).join(', ')}; the parts that apply to ${path}). Follow them in your edit:`;
  return { text: renderRules(parts, intro), pieces: parts.map((p) => ({ path: p.path, form: 'rules' as const, text: p.text })) };
}

/** A request's disclosure with the rules pieces added, for the egress ledger. */
export function withRules(disclosure: Disclosure, pieces: readonly SentPiece[]): Disclosure {
  return { ...disclosure, files: [...disclosure.files, ...pieces] };
}
