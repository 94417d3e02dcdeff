import { diffArrays } from 'diff';

/** One step of a line diff from old lines to new lines (indexes into each). */
export type LineOp = { type: 'equal'; old: number; new: number } | { type: 'delete'; old: number } | { type: 'insert'; new: number };

/** A run of changed lines between two equal ones: old indexes deleted, new indexes inserted. */
export interface ChangeGroup {
  deleted: number[];
  inserted: number[];
}

/** Line diff, comparing lines without trailing whitespace (so a model's stray spaces never count as a change). */
export function diffLineOps(oldLines: string[], newLines: string[]): LineOp[] {
  const ops: LineOp[] = [];
  let o = 0;
  let n = 0;
  const changes = diffArrays(
    oldLines.map((l) => l.trimEnd()),
    newLines.map((l) => l.trimEnd()),
  );
  for (const change of changes) {
    for (let k = 0; k < change.count; k++) {
      if (change.added) ops.push({ type: 'insert', new: n++ });
      else if (change.removed) ops.push({ type: 'delete', old: o++ });
      else ops.push({ type: 'equal', old: o++, new: n++ });
    }
  }
  return ops;
}

/** The ops cut into equal lines and change groups, in order. */
export function groupOps(ops: LineOp[]): Array<{ equal: { old: number; new: number } } | { change: ChangeGroup }> {
  const out: Array<{ equal: { old: number; new: number } } | { change: ChangeGroup }> = [];
  let group: ChangeGroup | null = null;
  for (const op of ops) {
    if (op.type === 'equal') {
      group = null;
      out.push({ equal: { old: op.old, new: op.new } });
      continue;
    }
    if (!group) {
      group = { deleted: [], inserted: [] };
      out.push({ change: group });
    }
    if (op.type === 'delete') group.deleted.push(op.old);
    else group.inserted.push(op.new);
  }
  return out;
}
