import { appendActivity, toActivityRecord } from '../activity/log.js';
import { repoName } from '../activity/repo-name.js';
import type { ActivityRecord } from '../activity/types.js';
import type { CallRecord } from '../gateway/types.js';
import type { Emit } from './events.js';

/** Writes every model call to the activity log as it finishes and tells the front ends. */
export class CallRecorder {
  readonly records: ActivityRecord[] = [];
  private writing: Promise<void> = Promise.resolve();
  private repo?: Promise<string>;

  constructor(
    private readonly root: string,
    readonly runId: string,
    private readonly emit: Emit,
  ) {}

  /** The `onCall` handler for model clients. */
  readonly onCall = (call: CallRecord): void => {
    const record = toActivityRecord(call, { runId: this.runId, planId: call.meta?.planId ?? null, step: call.meta?.step ?? null });
    this.records.push(record);
    // Appends are chained so lines never interleave and a crash still leaves every earlier call on record.
    // The repository's name is read once, off the call's path, and stamped on each record as it is written.
    this.repo ??= repoName(this.root);
    const repo = this.repo;
    this.writing = this.writing.then(async () => appendActivity(this.root, [{ ...record, repo: await repo }]));
    // A warm-up belongs to no plan round or step: front ends hear of it as a notice from the warm-up itself.
    if (record.kind !== 'warm-up') this.emit({ type: 'call-finished', record });
  };

  /** Waits until every record is on disk. */
  flush(): Promise<void> {
    return this.writing;
  }
}
