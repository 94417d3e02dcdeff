/** The rows `[first, end)` of a list of `count` that fit in `size` rows and keep `focus` in view, centred where the ends allow. */
export function listWindow(count: number, focus: number, size: number): { first: number; end: number } {
  const rows = Math.max(1, size);
  if (count <= rows) return { first: 0, end: count };
  const first = Math.min(Math.max(focus - Math.floor(rows / 2), 0), count - rows);
  return { first, end: first + rows };
}
