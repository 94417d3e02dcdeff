import { applyAnswerToFiles } from '../editor/engine.js';
import { parseBlocks } from '../editor/parse.js';
import { cleanPath } from '../editor/paths.js';
import type { BlockStatus, FileEditResult } from '../editor/types.js';
import type { Target, WrittenPath } from './targets.js';

/** One block's verdict as `tandem patch` reports it; `block` counts from 1 in answer order, `file` is null when the answer was unreadable. */
export interface PatchBlock {
  block: number;
  file: string | null;
  status: BlockStatus;
  reason?: string;
  strategy?: string;
}

/** A file the answer edits: content before and after (null: absent), and whether it is written (every block for it applied). */
export interface PatchFile {
  path: string;
  before: string | null;
  after: string | null;
  write: boolean;
}

/** What an answer does to the working tree, before anything is written; `feedback` is what to tell the model. */
export interface PatchPlan {
  blocks: PatchBlock[];
  files: PatchFile[];
  feedback: string[];
}

/**
 * The paths the answer's blocks name, in order (a block without one belongs to the path before it);
 * `names` says which bare names (`Makefile`) are files. Throws EditFormatError for an unreadable answer.
 */
export function writtenPaths(answer: string, names?: (name: string) => boolean): WrittenPath[] {
  const out = new Map<string, WrittenPath>();
  let last: string | undefined;
  for (const block of parseBlocks(answer, names)) {
    const path = block.path !== undefined ? cleanPath(block.path) : last;
    if (path === undefined) continue;
    last = path;
    const seen = out.get(path) ?? { path, wholeOnly: true };
    seen.wholeOnly &&= block.kind === 'whole';
    out.set(path, seen);
  }
  return [...out.values()];
}

/**
 * Runs the engine over the answer with each written path mapped to its target. Blocks for a refused
 * path are refused; a file whose blocks did not all apply is not written, and its blocks that did
 * apply are reported failed with the reason, so no file is left half edited.
 */
export function planPatch(answer: string, targets: Map<string, Target>): PatchPlan {
  const read = (path: string) => {
    const target = targets.get(path);
    return target?.kind === 'file' ? target.content : null;
  };
  const blocks: PatchBlock[] = [];
  const files: PatchFile[] = [];
  const feedback: string[] = [];
  const byFile = new Map<string, FileEditResult[]>();
  for (const result of applyAnswerToFiles(answer, read)) {
    const target = targets.get(result.path) ?? { kind: 'refused', reason: 'the path was not resolved' };
    if (target.kind === 'refused') {
      for (const b of result.blocks) blocks.push({ block: b.index + 1, file: result.path, status: 'refused', reason: `path refused: ${target.reason}` });
      feedback.push(`The path ${result.path} is refused (${target.reason}). Edit only files inside the repository, named by their path from its root.`);
    } else byFile.set(target.path, [...(byFile.get(target.path) ?? []), result]);
  }
  for (const [path, results] of byFile) {
    const merged = chain(answer, results, read);
    const write = merged.blocks.every((b) => b.status === 'applied' || b.status === 'unchanged') && merged.after !== merged.before;
    const blocker = merged.blocks.find((b) => b.status === 'failed' || b.status === 'refused');
    for (const b of merged.blocks) {
      const held = !write && b.status === 'applied';
      const reason = held ? `not written: block ${blocker!.index + 1} for this file did not apply` : b.reason;
      blocks.push({ block: b.index + 1, file: path, status: held ? 'failed' : b.status, reason, strategy: b.strategy });
    }
    files.push({ path, before: merged.before, after: merged.after, write });
    if (blocker) feedback.push(...merged.feedback);
  }
  return { blocks: blocks.sort((a, b) => a.block - b.block), files, feedback };
}

/**
 * Two spellings of one file (`x.ts` and `src/x.ts`) are separate groups to the engine; apply them one
 * after the other, each on the content the one before left.
 */
function chain(answer: string, results: FileEditResult[], read: (path: string) => string | null) {
  const blocks = [...results[0].blocks];
  const feedback = results[0].feedback ? [results[0].feedback] : [];
  let current = results[0];
  for (const next of results.slice(1)) {
    const content = current.after;
    current = applyAnswerToFiles(answer, (path) => (path === next.path ? content : read(path))).find((r) => r.path === next.path)!;
    blocks.push(...current.blocks);
    if (current.feedback) feedback.push(current.feedback);
  }
  return { before: results[0].before, after: current.after, blocks, feedback };
}
