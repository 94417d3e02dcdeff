import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces `file` with `content` all at once: written to a temporary file in the same directory,
 * given the old file's mode, then renamed over it, so a reader (or a crash) never sees half a file.
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const mode = await stat(file).then(
    (s) => s.mode & 0o7777,
    () => undefined,
  );
  await mkdir(dirname(file), { recursive: true });
  const temp = join(dirname(file), `.${basename(file)}.tandem-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, { flag: 'wx' });
    // writeFile's mode is filtered by the umask; chmod gives the exact bits the file had.
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
