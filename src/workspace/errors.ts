import { TandemError } from '../errors.js';

/** A path tandem refuses to read or write; `reason` says why in words a model or a user can act on. */
export class PathRefusedError extends TandemError {
  readonly path: string;
  readonly reason: string;

  constructor(path: string, reason: string) {
    super(`refusing path ${JSON.stringify(path)}: ${reason}`);
    this.name = 'PathRefusedError';
    this.path = path;
    this.reason = reason;
  }
}

/** `git apply` (or its `--check`) refused a patch; `gitMessage` is git's own explanation, to feed back to the editor. */
export class PatchError extends TandemError {
  readonly gitMessage: string;

  constructor(message: string, gitMessage: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'PatchError';
    this.gitMessage = gitMessage;
  }
}
