import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { usageError } from '../errors.js';
import { patchTree } from '../patch/patch-tree.js';
import { renderBlocks, renderDiff, renderJson, renderSummary } from '../patch/render.js';
import { openWorkspace } from '../workspace/git.js';

/** Flags of `tandem patch`. */
export interface PatchOptions {
  dryRun?: boolean;
  json?: boolean;
  cwd?: string;
}

/** Where the answer comes from and where reports go; `interactive` is true when standard input is a terminal. */
export interface PatchIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  errors: NodeJS.WritableStream;
  interactive: boolean;
}

const processIO = (): PatchIO => ({ input: process.stdin, output: process.stdout, errors: process.stderr, interactive: process.stdin.isTTY === true });

/**
 * `tandem patch [file|-]`: apply an answer (search/replace blocks, a unified diff or a whole file,
 * e.g. pasted from a chat) to the working tree with the edit engine, no model call and no commit.
 * Exit 0 only when every block applied, 1 otherwise.
 */
export async function patchCommand(file: string | undefined, options: PatchOptions, io: PatchIO = processIO()): Promise<number> {
  if (file === undefined && io.interactive) {
    throw usageError('tandem patch needs an answer: name a file, or pipe the answer in', 'e.g. tandem patch answer.md, or pbpaste | tandem patch');
  }
  const cwd = resolve(options.cwd ?? process.cwd());
  const workspace = await openWorkspace(cwd);
  const answer = file === undefined || file === '-' ? await readAll(io.input) : await readAnswer(resolve(cwd, file), file);
  const dryRun = options.dryRun === true;
  const plan = await patchTree(workspace.root, answer, { dryRun });
  if (options.json) io.output.write(`${renderJson(plan)}\n`);
  else if (dryRun) {
    io.output.write(renderDiff(plan));
    io.errors.write(`${renderBlocks(plan)}\n${renderSummary(plan, true)}\n`);
  } else io.output.write(`${renderBlocks(plan)}\n${renderSummary(plan, false)}\n`);
  return plan.blocks.every((b) => b.status === 'applied') ? 0 : 1;
}

async function readAnswer(path: string, given: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw usageError(`cannot read ${given}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
