import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** Registers hooks that make a fresh temporary folder (`<tmp>/<prefix>XXXXXX`) before each test, hand its path to `onPath`, and remove it after. */
export function useTempDir(prefix: string, onPath: (path: string) => void): void {
  let path: string | undefined;
  beforeEach(async () => {
    path = await mkdtemp(join(tmpdir(), prefix));
    onPath(path);
  });
  afterEach(async () => {
    if (path) await rm(path, { recursive: true, force: true });
    path = undefined;
  });
}
