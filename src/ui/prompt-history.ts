/** Where ↑/↓ are in the prompt's history: an index into it (null: the line being typed), and that line. */
export interface HistoryCursor {
  index: number | null;
  draft: string;
}

/** No recall yet. */
export const freshCursor: HistoryCursor = { index: null, draft: '' };

/**
 * One ↑ or ↓ in the prompt, as a shell does it: ↑ goes to older lines (oldest last), ↓ back towards the
 * line that was being typed, which comes back as it was. Null when there is nowhere to go.
 */
export function recall(history: readonly string[], cursor: HistoryCursor, current: string, direction: 'up' | 'down'): { cursor: HistoryCursor; value: string } | null {
  if (history.length === 0) return null;
  if (direction === 'up') {
    const index = cursor.index === null ? history.length - 1 : cursor.index - 1;
    if (index < 0) return null;
    const draft = cursor.index === null ? current : cursor.draft;
    return { cursor: { index, draft }, value: history[index] };
  }
  if (cursor.index === null) return null;
  const index = cursor.index + 1;
  if (index >= history.length) return { cursor: { index: null, draft: '' }, value: cursor.draft };
  return { cursor: { index, draft: cursor.draft }, value: history[index] };
}
