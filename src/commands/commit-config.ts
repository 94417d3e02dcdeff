import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runGit } from '../workspace/run-git.js';
import { confirm, type Asker } from './confirm.js';

const MESSAGE = 'Add tandem.config.json (tandem init)';

/** The git command that commits the config file alone, as printed for the user to run. */
export const COMMIT_COMMAND = `git add tandem.config.json && git commit -m "${MESSAGE}" -- tandem.config.json`;

/**
 * After init: commit tandem.config.json so the next run starts from a clean tree. At a terminal it asks
 * (yes by default) and commits that one path; elsewhere it prints the exact command. Nothing outside a
 * git repository.
 */
export async function offerConfigCommit(root: string, io: Asker & { interactive: boolean }): Promise<void> {
  if (!existsSync(join(root, '.git'))) return;
  if (!io.interactive) {
    io.output.write(`Commit it so tandem's runs start from a clean tree:\n  ${COMMIT_COMMAND}\n`);
    return;
  }
  if (!(await confirm('Commit tandem.config.json now (that file only)?', true, io))) {
    io.output.write(`Not committed. When you want to:\n  ${COMMIT_COMMAND}\n`);
    return;
  }
  const added = await runGit(root, ['add', '--', 'tandem.config.json']);
  const committed = added.exitCode === 0 ? await runGit(root, ['commit', '-q', '-m', MESSAGE, '--', 'tandem.config.json']) : added;
  if (committed.exitCode === 0) io.output.write(`Committed tandem.config.json.\n`);
  else io.output.write(`Could not commit it (${(committed.stderr || committed.stdout).trim()}). Run:\n  ${COMMIT_COMMAND}\n`);
}
