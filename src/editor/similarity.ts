/**
 * Levenshtein distance between a and b, or limit + 1 as soon as it is sure to exceed `limit`
 * (the fuzzy search stays cheap on big files because most windows give up after a line or two).
 */
export function boundedDistance(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // A shared prefix and suffix never change the distance; most near-equal lines differ in a few characters.
  let p = 0;
  while (p < a.length && p < b.length && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let q = 0;
  while (q < a.length - p && q < b.length - p && a.charCodeAt(a.length - 1 - q) === b.charCodeAt(b.length - 1 - q)) q++;
  if (p > 0 || q > 0) {
    a = a.slice(p, a.length - q);
    b = b.slice(p, b.length - q);
  }
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** Similarity of two strings in 0..1 (1 - distance / longer length). */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return 1 - boundedDistance(a, b, longest) / longest;
}

const counts = new Int32Array(65536);

/**
 * A lower bound of the Levenshtein distance in linear time: characters one string has and the
 * other lacks (as multisets) must each be inserted, deleted or substituted.
 */
export function bagDistance(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) counts[a.charCodeAt(i)]++;
  for (let i = 0; i < b.length; i++) counts[b.charCodeAt(i)]--;
  let extra = 0;
  let missing = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    if (counts[c] > 0) extra += counts[c];
    counts[c] = 0;
  }
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    if (counts[c] < 0) missing -= counts[c];
    counts[c] = 0;
  }
  return Math.max(extra, missing);
}
